import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCodesPage } from '../../src/diagnostics/codes-doc.js';
import { allCodes, codeUrl } from '../../src/diagnostics/index.js';

describe('docs/codes.md', () => {
  const page = readFileSync(new URL('../../docs/codes.md', import.meta.url), 'utf8');

  it('is the current rendering of the registry (run `npm run build` to refresh it)', () => {
    expect(page).toBe(renderCodesPage());
  });

  it('has a heading for every code, which is the anchor codeUrl() links to', () => {
    for (const c of allCodes()) {
      expect(page).toContain(`\n### ${c.code}\n`);
      // Undefined while package.json names no repository (src/diagnostics/project.ts).
      const url = codeUrl(c.code);
      if (url !== undefined) expect(url.endsWith(`#${c.code.toLowerCase()}`)).toBe(true);
    }
  });

  it('every code has an explanation and distinct wrong and right examples', () => {
    for (const c of allCodes()) {
      expect(c.explanation.length, c.code).toBeGreaterThan(40);
      expect(c.bad.trimEnd(), c.code).not.toBe(c.good.trimEnd());
    }
  });
});
