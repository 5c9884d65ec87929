import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatText } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { config, xmConfig } from './arbitraries.js';
import { SHARED } from '../shared-dir.js';

/** The formatter's contract on one text. */
function holds(text: string): void {
  const once = formatText(text);
  if (once.refused) {
    expect(once.text).toBe(text);
    return;
  }
  const twice = formatText(once.text, { dialect: once.dialect });
  expect(twice.text).toBe(once.text);
  expect(checkText(once.text, { dialect: once.dialect }).config).toEqual(checkText(text, { dialect: once.dialect }).config);
}

describe('fmt on generated configs', () => {
  it('is idempotent and keeps the normalised config (fast-check)', () => {
    fc.assert(
      fc.property(config, (text) => {
        const r = formatText(text);
        // The generator only writes valid xl: the formatter must never refuse it.
        expect(r.refused).toBeUndefined();
        holds(text);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('same on generated xm configs (fast-check)', () => {
    fc.assert(
      fc.property(xmConfig, (text) => {
        expect(formatText(text).refused).toBeUndefined();
        holds(text);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('holds on the bench generator output (gen_corpus.py)', () => {
    let dir: string;
    try {
      dir = mkdtempSync(join(tmpdir(), 'xmcfg-gen-'));
      execFileSync('python3', [join(SHARED, 'bench', 'gen_corpus.py'), dir, '--files', '20', '--big-mb', '0.05', '--seed', '7'], { stdio: 'ignore' });
    } catch {
      // No python3 or no shared/ here: the fast-check property above still covers generated configs.
      return;
    }
    try {
      const files = readdirSync(join(dir, 'small')).map((f) => join(dir, 'small', f));
      expect(files.length).toBe(20);
      for (const f of [...files, join(dir, 'big', 'big.cfg')]) holds(readFileSync(f, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
