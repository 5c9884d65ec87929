/**
 * Every placement finding is emitted with its code's registered severity: a code means one thing,
 * so it has one severity (XM0405 used to be an error for a refusal and a warning for two other
 * findings; those are XM0416 and XM0417 now).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeInfo } from '../../src/diagnostics/codes/index.js';

const root = join(import.meta.dirname, '../..');
const sources = [...readdirSync(join(root, 'src/placement')).filter((f) => f.endsWith('.ts')).map((f) => `src/placement/${f}`), 'src/cli/placement-run.ts', 'src/cli/plan-run.ts', 'src/cli/placement-common.ts'];

describe('placement findings keep their registered severity', () => {
  it('every hostDiag(CODE, SEVERITY) and { code: CODE, severity: SEVERITY } in the placement sources', () => {
    const found: Array<[string, string, string]> = [];
    for (const f of sources) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const m of text.matchAll(/hostDiag\('(XM\d{4})', '(\w+)'|code: '(XM\d{4})', severity: '(\w+)'/g)) found.push([f, m[1] ?? m[3]!, m[2] ?? m[4]!]);
    }
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter(([, code, sev]) => codeInfo(code)?.severity !== sev)).toEqual([]);
  });
});
