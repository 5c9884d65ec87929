/** Test helpers: normalise a config text with the real parser. */
import { parse } from '../../src/syntax/index.js';
import { normalize } from '../../src/normalize/index.js';
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
