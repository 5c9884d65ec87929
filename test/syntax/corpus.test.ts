/**
 * Conformance over every file of ../shared/corpus: under `--dialect xl` the verdict and the
 * first error's line are libxlu's (SOURCES.md gives the verdicts of the Xen samples); libvirt's
 * xl and xm test inputs are accepted in their dialect; every file round-trips losslessly.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { S, rebuild } from './load.js';
import { CORPUS_DIR } from '../shared-dir.js';

const CORPUS = CORPUS_DIR;
const XEN = join(CORPUS, 'xen-examples');
const have = existsSync(XEN);

/** First error line of the files libxlu rejects (all on Python code: `import`, `def`). */
const FIRST_ERROR_LINE: Record<string, number> = {
  'xmexample.vmx@RELEASE-3.0.0': 9,
  'xmexample.vti@RELEASE-4.3.4': 9,
  'xmexample2@RELEASE-4.1.0': 23,
  'xmexample2@RELEASE-4.4.4': 23,
  'xmexample3@RELEASE-4.1.0': 23,
  'xmexample3@RELEASE-4.4.4': 23,
  'xmexample@9f4db893ec89': 23,
  'xmnetbsd-example@9f4db893ec89': 23,
  'xmnetbsd@09e78c2eb23e': 10,
};

function verdicts(): Map<string, boolean> {
  const m = new Map<string, boolean>();
  for (const line of readFileSync(join(XEN, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length > 5 && (cells[4] === 'yes' || cells[4] === 'no')) m.set(cells[1]!, cells[4] === 'yes');
  }
  return m;
}

function allFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (!/\.(md|tsv)$/.test(e.name)) out.push(join(d, e.name));
    }
  };
  walk(CORPUS);
  return out.sort();
}

const errorLines = (r: ReturnType<typeof S.parse>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => r.lineIndex.position(d.span.start).line);

describe.skipIf(!have)('corpus conformance', () => {
  const v = have ? verdicts() : new Map<string, boolean>();
  const xenFiles = have ? readdirSync(XEN).filter((f) => f !== 'SOURCES.md').sort() : [];

  it('knows a verdict for every Xen sample', () => {
    expect(xenFiles.length).toBe(29);
    for (const f of xenFiles) expect(v.has(f), f).toBe(true);
    expect([...v.values()].filter((x) => x).length).toBe(20);
  });

  for (const f of xenFiles) {
    it(`xl verdict and first error line: ${f}`, () => {
      const text = readFileSync(join(XEN, f), 'utf8');
      const r = S.parse(text, { dialect: 'xl' });
      const lines = errorLines(r);
      const xlu = S.libxluCheck(text);
      if (v.get(f)) {
        expect(lines).toEqual([]);
        expect(xlu).toBeNull();
      } else {
        expect(lines[0]).toBe(FIRST_ERROR_LINE[f]);
        expect(xlu && r.lineIndex.position(xlu.offset).line).toBe(FIRST_ERROR_LINE[f]);
      }
    });
  }

  it('auto picks xm exactly for the samples with Python code', () => {
    for (const f of xenFiles) {
      const r = S.parse(readFileSync(join(XEN, f), 'utf8'));
      expect(r.dialect, f).toBe(v.get(f) ? 'xl' : 'xm');
    }
  });

  it('accepts every libvirt xl test config as xl and every xm test config as xm', () => {
    for (const [dir, dialect] of [
      ['xlconfigdata', 'xl'],
      ['xmconfigdata', 'xm'],
    ] as const) {
      const d = join(CORPUS, 'libvirt', dir);
      const files = readdirSync(d).filter((f) => f.endsWith('.cfg'));
      expect(files.length).toBeGreaterThan(30);
      for (const f of files) {
        const text = readFileSync(join(d, f), 'utf8');
        const r = S.parse(text, { dialect });
        expect(r.diagnostics.filter((x) => x.severity === 'error').map((x) => `${f}: ${x.code} ${x.message}`)).toEqual([]);
        if (dialect === 'xl') expect(S.libxluCheck(text), f).toBeNull();
      }
    }
  });

  it('round-trips every corpus file losslessly, in every dialect, without throwing', () => {
    const files = allFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const dialect of ['auto', 'xl', 'xm'] as const) {
        const r = S.parse(text, { dialect });
        expect(rebuild(r.tree), f).toBe(text);
      }
    }
  });
});
