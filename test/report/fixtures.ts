/** Fixed FileReports for the report tests (no parser involved: spans are written by hand). */
import { LineIndex } from '../../src/diagnostics/line-index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { FileReport } from '../../src/report/types.js';

/** A FileReport over `text` with the given diagnostics. */
export function fileReport(path: string, text: string, diagnostics: Diagnostic[], dialect: FileReport['dialect'] = 'xl'): FileReport {
  return { path, dialect, text, lineIndex: new LineIndex(text), diagnostics };
}

/** Offset of the n-th occurrence (0-based) of `needle` in `text`. */
export function at(text: string, needle: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`fixture: '${needle}' not found`);
  }
  return i;
}

export const WEB = 'name = "web"\nmemroy = 512\nmemory = 256\nmemory = 1024\n';

/** Two findings in web.cfg: an unknown key with a hint, a duplicate key with a related span. */
export function webReport(path = 'guests/web.cfg'): FileReport {
  const unknown = at(WEB, 'memroy');
  const dup = at(WEB, 'memory', 1);
  return fileReport(path, WEB, [
    { code: 'XM0101', severity: 'warning', message: 'unknown key "memroy"', span: { start: unknown, end: unknown + 6 }, hint: 'did you mean "memory"?' },
    {
      code: 'XM0201',
      severity: 'error',
      message: 'duplicate key "memory"',
      span: { start: dup, end: dup + 6 },
      related: [{ message: 'first set here', span: { start: at(WEB, 'memory'), end: at(WEB, 'memory') + 6 } }],
    },
  ]);
}

export const CLEAN = 'name = "db"\nmemory = 512\n';
