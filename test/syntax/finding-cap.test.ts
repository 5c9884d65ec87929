/**
 * ParseOptions.maxFindings (decision 011): the syntax layer keeps only the first N findings of each
 * severity, in sortDiagnostics' order, and counts the rest. Each case compares a capped parse with
 * the uncapped one: the kept findings are exactly the first N of each severity, the counts make up
 * the rest, so nothing `check` would list is lost.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, STREAM_MIN_CHARS, type ParseOptions } from '../../src/syntax/parse.js';
import { FindingCap } from '../../src/syntax/finding-cap.js';
import { checkText } from '../../src/check/check.js';
import { limitFindings } from '../../src/diagnostics/limit.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { CORPUS_DIR } from '../shared-dir.js';

const key = (d: Diagnostic): string => `${d.code}@${d.span.start}-${d.span.end}`;
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const COUNT_OF = { error: 'errors', warning: 'warnings', info: 'infos' } as const;

/**
 * Assert the capped parse of `text` against the uncapped one; returns the capped result. `added`:
 * codes the parse adds after the cap (XM0032 for decode errors), left out of the per-severity check.
 */
function compareCapped(text: string, max: number, options: ParseOptions = {}, added: string[] = []) {
  const full = parse(text, options);
  const capped = parse(text, { ...options, maxFindings: max });
  // What check lists (limitFindings) is the same.
  const want = limitFindings(full.diagnostics, max, text.length);
  const got = limitFindings(capped.diagnostics, max, text.length, capped.omitted ?? null);
  expect(got.diagnostics).toEqual(want.diagnostics);
  expect(got.omitted).toEqual(want.omitted);
  for (const s of SEVERITIES) {
    if (added.length > 0) continue;
    const all = full.diagnostics.filter((d) => d.severity === s);
    const kept = capped.diagnostics.filter((d) => d.severity === s);
    expect(kept.map(key)).toEqual(all.slice(0, max).map(key));
    expect(capped.omitted?.[COUNT_OF[s]] ?? 0).toBe(Math.max(0, all.length - max));
  }
  // Everything else the parse gives is the same.
  expect(capped.dialect).toBe(full.dialect);
  expect(capped.settings.length).toBe(full.settings.length);
  return capped;
}

/** Lines repeated past `chars` characters. */
const repeat = (line: string, chars: number): string => line.repeat(Math.ceil(chars / line.length));

describe('parse with maxFindings', () => {
  const floods: Record<string, string> = {
    ')': ')\n',
    'a=[': 'a=[\n',
    'a = =': 'a = =\n',
    'if (skipped block)': 'if a:\n  print 1\nprint 2\n',
    'mixed': 'memroy = 1\n)\nx = 1 +\n',
    'CR': 'a = =\r\n',
  };
  for (const [name, line] of Object.entries(floods)) {
    it(`keeps the first N of each severity: ${name}, small and streamed`, () => {
      for (const chars of [5000, STREAM_MIN_CHARS + 10]) {
        for (const keepTree of [true, false]) {
          const r = compareCapped(repeat(line, chars), 7, { keepTree });
          // A flood leaves nearly all its findings out.
          expect(r.diagnostics.length).toBeLessThanOrEqual(3 * 7);
          expect(r.omitted!.errors).toBeGreaterThan(100);
        }
      }
    });
  }

  it('keeps the BOM note out of the cap (xl drops it later) and drops decode-run findings first', () => {
    const bom = '\ufeff' + repeat('a = =\n', 3000);
    for (const dialect of ['xl', 'xm', 'auto'] as const) compareCapped(bom, 1, { dialect, keepTree: false });
    // U+FFFD from invalid bytes: the invalid characters inside a run become one XM0032, later.
    const text = 'a = 1\n' + '\ufffd\ufffd\n$\n'.repeat(50);
    const offsets: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === '\ufffd') offsets.push(i);
    for (const max of [1, 3, 60]) {
      const r = compareCapped(text, max, { decodeErrors: offsets }, ['XM0032']);
      expect(r.diagnostics.filter((d) => d.code === 'XM0032').length).toBe(50);
      expect(r.diagnostics.filter((d) => d.code === 'XM0001').length).toBe(Math.min(max, 50));
    }
  });

  it('gives every finding and no counts without a cap, or with 0', () => {
    const text = repeat(')\n', 3000);
    for (const maxFindings of [undefined, 0]) {
      const r = parse(text, { maxFindings });
      expect(r.diagnostics.length).toBe(1500);
      expect(r.omitted).toBeUndefined();
    }
  });

  it.skipIf(!existsSync(CORPUS_DIR))('keeps the first N of the corpus files', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(cfg|xl|xm|conf)$|config/.test(e)) files.push(p);
      }
    };
    walk(CORPUS_DIR);
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const max of [1, 2]) compareCapped(text, max, { keepTree: false });
    }
  });
});

describe('FindingCap', () => {
  const d = (code: string, start: number, severity: Severity = 'error'): Diagnostic => ({ code, severity, message: '', span: { start, end: start + 1 } });

  it('keeps the smallest N whatever order they come in, the first of equals', () => {
    const cap = new FindingCap(2);
    const first = d('XM0010', 5);
    cap.offer([d('XM0010', 9), first, d('XM0010', 7), d('XM0010', 5), d('XM0001', 5), d('XM0021', 1, 'warning')]);
    expect(cap.diagnostics().map(key)).toEqual(['XM0001@5-6', 'XM0010@5-6', 'XM0021@1-2']);
    expect(cap.diagnostics()[1]).toBe(first);
    expect(cap.omitted).toEqual({ errors: 3, warnings: 0, infos: 0 });
  });
});

describe('checkText and limitFindings with the parser cap', () => {
  it('checkText carries the counts; limitFindings adds them in', () => {
    const text = 'name = "x"\n' + ')\n'.repeat(40);
    const r = checkText(text, { keepTree: false, maxFindings: 10 });
    // 30 the parser left out, and the rules' XM0227 (no kernel): the later stages keep N too.
    expect(r.omitted).toEqual({ errors: 31, warnings: 0, infos: 0 });
    const full = checkText(text, { keepTree: false });
    const want = limitFindings(full.diagnostics, 10, text.length);
    const got = limitFindings(r.diagnostics, 10, text.length, r.omitted!);
    expect(got.omitted).toEqual(want.omitted);
    expect(got.diagnostics).toEqual(want.diagnostics);
  });

  it('notes findings the parser left out even when the rest fit', () => {
    const got = limitFindings([], 10, 0, { errors: 2, warnings: 0, infos: 0 });
    expect(got.diagnostics.map((x) => x.code)).toEqual(['XM0043']);
    expect(got.omitted).toEqual({ errors: 2, warnings: 0, infos: 0 });
  });
});
