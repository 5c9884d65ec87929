import { checkText } from '../../src/check/check.js';
import { parse } from '../../src/syntax/index.js';
import { Tok } from '../../src/syntax/tree.js';
import type { Dialect } from '../../src/syntax/value.js';

/**
 * Test helper: the findings the canonical layout removes on purpose (docs/format.md, decision 026):
 * the BOM note (XM0030), xl's layout errors (a `\` continuation, a CR line end, a final comment
 * without newline, a BOM: XM0510–XM0512, XM0514) and Python's (an empty or indented statement:
 * XM0530, XM0532). Every other finding must stay on its statement.
 */
export const LAYOUT_CODES: ReadonlySet<string> = new Set(['XM0030', 'XM0510', 'XM0511', 'XM0512', 'XM0514', 'XM0530', 'XM0532']);

/** The comments of a text, in order, without trailing blanks. */
export function comments(text: string, dialect: Dialect): string[] {
  const t = parse(text, { dialect }).tree.tokens;
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) if (t.kinds[i] === Tok.Comment) out.push(text.slice(t.starts[i]!, t.ends[i]!).trimEnd());
  return out;
}

/**
 * check's findings but the layout ones as `code@statement` (the ordinal of the statement holding
 * the finding's start, `file` outside every statement): spans move when the layout changes,
 * statements do not. A finding about the whole file (the empty span at 0) is `code@file`.
 */
export function findings(text: string, dialect: Dialect): string[] {
  const stmts = parse(text, { dialect }).tree.statements;
  return checkText(text, { dialect })
    .diagnostics.filter((d) => !LAYOUT_CODES.has(d.code))
    .map((d) => {
      // A finding about the whole file has the empty span at 0: the first statement holds it
      // only when nothing (a byte-order mark) comes before that statement, so it is `file` always.
      const whole = d.span.start === 0 && d.span.end === 0;
      const i = whole ? -1 : stmts.findIndex((s) => d.span.start >= s.span.start && d.span.start < Math.max(s.span.end, s.span.start + 1));
      return `${d.code}@${i < 0 ? 'file' : i}`;
    })
    .sort();
}
