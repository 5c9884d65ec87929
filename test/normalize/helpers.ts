/** Test helpers: normalise a config text with the real parser; the table tests' row runner. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { parse } from '../../src/syntax/index.js';
import { normalize } from '../../src/normalize/index.js';
import { checkText } from '../../src/check/check.js';
import type { Dialect } from '../../src/syntax/value.js';

/** Parse and normalise `text` in a dialect. */
export function norm(text: string, dialect: Dialect = 'xl') {
  const parsed = parse(text, { dialect });
  const r = normalize(parsed.settings, { dialect });
  const at = (ptr: string, which: 'key' | 'value' = 'value') => {
    const s = r.spans.get(ptr);
    return s ? text.slice(s[which].start, s[which].end) : undefined;
  };
  const codes = r.diagnostics.map((d) => d.code);
  return { ...r, parsed, at, codes, lineIndex: parsed.lineIndex };
}

/** Each finding as `CODE@line:col-line:col` (1-based, UTF-16 columns, end exclusive), as the table tests write them. */
export function findingSpans(text: string, diagnostics: ReadonlyArray<{ code: string; span: { start: number; end: number } }>): string[] {
  const li = new LineIndex(text);
  const at = (o: number) => `${li.position(o).line}:${li.position(o).column}`;
  return diagnostics.map((d) => `${d.code}@${at(d.span.start)}-${at(d.span.end)}`);
}

/** One xl table row: a line (line 2 of the file, after `name = "t"`), the key, its normalised value, the findings. */
export type XlRow = [line: string, key: string, value: unknown, findings: string[]];

/** A describe block that normalises each row's line as xl (or as `dialect`) and compares the key's value and the findings. */
export function xlTable(title: string, rows: XlRow[], dialect: Dialect = 'xl'): void {
  describe(title, () => {
    for (const [line, key, value, findings] of rows) {
      it(line, () => {
        const text = `name = "t"\n${line}\n`;
        const r = norm(text, dialect);
        expect((r.config as Record<string, unknown>)[key]).toEqual(value);
        expect(findingSpans(text, r.diagnostics)).toEqual(findings);
      });
    }
  });
}

/** Check an xm file of `name`, `kernel` and then `lines` (from line 3), rules included: the result and its findings as {@link findingSpans} writes them. */
export function xmChecked(lines: string) {
  const text = `name = "t"\nkernel = "/k"\n${lines}\n`;
  const r = checkText(text, { dialect: 'xm' });
  return { r, spans: findingSpans(text, r.diagnostics), refused: r.diagnostics.some((d) => d.severity === 'error') };
}
