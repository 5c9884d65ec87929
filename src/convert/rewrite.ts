/**
 * @fileoverview The edits that turn one xm statement into xl. Edits are as small as possible so
 * comments and layout survive: list brackets and items that are already xl stay as written, a
 * tuple only gets its brackets swapped, and only the pieces xl cannot read (True, expressions,
 * triple-quoted strings, names...) are replaced by the xl spelling of their evaluated value.
 */
import { Tok, type AssignStmt, type Expr, type TokenStream } from '../syntax/tree.js';
import type { Dialect, Setting, Value } from '../syntax/value.js';
import { pushAll, type TextEdit } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { hasNul, hasXlForm, isXlLiteral, xlLiteral } from './xl-literal.js';
import { tokenAtOrAfter } from '../syntax/token-lookup.js';
import { SpanReach } from './span-reach.js';

/** Why a statement cannot be written in xl at all (it is then commented out). */
export type Unconvertible = 'key-not-xl' | 'no-xl-value' | 'nul-in-string' | 'not-read';

/** Edits for one statement, or the reason it has no xl form. */
export type StatementRewrite = { edits: TextEdit[] } | { unconvertible: Unconvertible };

/** True when a key is a valid xl identifier: a lowercase letter, then a-z 0-9 _ . */
export function isXlKey(key: string): boolean {
  if (!key.length) return false;
  const first = key.charCodeAt(0);
  if (first < 97 || first > 122) return false;
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46)) return false;
  }
  return true;
}

const indexes = new WeakMap<readonly Setting[], Map<number, Setting>>();

/** Settings by the offset of their key (built once per settings list: files have many statements). */
function byKeyStart(settings: readonly Setting[]): Map<number, Setting> {
  let m = indexes.get(settings);
  if (!m) {
    m = new Map();
    for (const s of settings) if (!m.has(s.keySpan.start)) m.set(s.keySpan.start, s);
    indexes.set(settings, m);
  }
  return m;
}

/** A different key and/or value to write for a statement (an xm key renamed, a value xl reads differently). */
export interface StatementChange {
  /** The key to write instead of the statement's (first) key. */
  key?: string;
  /** The effective value to write instead (same shape where only items change, so the rest of the text stays). */
  value?: Value;
  /**
   * The value written is not the expression's (an xm create option given with --define, decision
   * 020): the whole expression is replaced, as no piece of the file's text holds it.
   */
  whole?: boolean;
}

/** Edits that make `stmt` valid xl with the same effective value(s), or with `change` applied. */
export function rewriteStatement(text: string, tokens: TokenStream, stmt: AssignStmt, settings: readonly Setting[], from: Dialect = 'xm', change: StatementChange = {}): StatementRewrite {
  // A statement read as xl is xl already (and xl's own `+=` must stay as written).
  if (from === 'xl' && change.key === undefined && change.value === undefined) return { edits: [] };
  const setting = byKeyStart(settings).get(stmt.key.span.start);
  // No setting: the xm reading stored nothing for it (a dotted key Python rejects, say).
  if (!setting) return { unconvertible: 'not-read' };
  const names = [stmt.key, ...(stmt.chained ?? [])];
  if (from === 'xm' && names.some((n) => !isXlKey(n.name))) return { unconvertible: 'key-not-xl' };
  const value = change.value ?? setting.value;
  // Only asked here; the spelling is built where it is written (most statements keep their text).
  if (!hasXlForm(value)) return { unconvertible: hasNul(value) ? 'nul-in-string' : 'no-xl-value' };
  if (stmt.chained?.length || stmt.op === '+=') {
    const literal = xlLiteral(value, from)!;
    // `a = b = v` becomes `a = v; b = v`; `a += v` becomes `a = <combined value>` (xl's += differs for numbers).
    // Each name with its own setting's value: an xm create option from --define replaced only its own
    // (`memory = maxmem = 512` with --define memory=1024 is memory 1024, maxmem 512).
    const literals = names.map((n, i) => (i === 0 ? literal : xlLiteral(byKeyStart(settings).get(n.span.start)?.value ?? value, from)));
    if (literals.some((l) => l === null)) return { unconvertible: 'no-xl-value' };
    const out = names.map((n, i) => `${i === 0 && change.key !== undefined ? change.key : n.name} = ${literals[i]}`).join('; ');
    return { edits: [...keepComments(text, tokens, stmt.span, [{ span: stmt.span, text: out }]), ...trailingContinuations(text, tokens, stmt.span)] };
  }
  const edits: TextEdit[] = [];
  if (change.key !== undefined) edits.push({ span: stmt.key.span, text: change.key });
  if (change.whole) edits.push({ span: stmt.value.span, text: xlLiteral(value, from)! });
  else rewriteExpr(text, stmt.value, setting.value, value, edits, from);
  pushAll(edits, continuationEdits(text, tokens, stmt.span, edits));
  pushAll(edits, trailingContinuations(text, tokens, stmt.span));
  return { edits: keepComments(text, tokens, stmt.span, edits).sort((a, b) => a.span.start - b.span.start) };
}

/**
 * `edits` plus one that puts the comments inside replaced pieces on their own lines before the
 * statement: folding `memory = (256  # MiB\n    * 2)` to `memory = 512` dropped `# MiB`.
 */
function keepComments(text: string, tokens: TokenStream, span: Span, edits: TextEdit[]): TextEdit[] {
  const kept: string[] = [];
  for (let i = tokenAtOrAfter(tokens, span.start); i < tokens.count && tokens.starts[i]! < span.end; i++) {
    if (tokens.kinds[i] !== Tok.Comment) continue;
    const s = tokens.starts[i]!;
    if (edits.some((e) => e.span.start <= s && s < e.span.end)) kept.push(text.slice(s, tokens.ends[i]!));
  }
  if (!kept.length) return edits;
  return [{ span: { start: span.start, end: span.start }, text: kept.map((c) => `${c}\n`).join('') }, ...edits];
}

/**
 * Edits for one expression whose value was `was` and is to be `v`: a list or parenthesised tuple
 * of the same length keeps its brackets (a tuple's become `[` `]`) and is rewritten item by item;
 * a piece already written as xl with an unchanged value stays; anything else is replaced by the
 * xl spelling of `v`.
 */
function rewriteExpr(text: string, e: Expr, was: Value, v: Value, edits: TextEdit[], from: Dialect): void {
  const sameShape =
    v.kind === 'list' && was.kind === 'list' && was.items.length === v.items.length && (e.kind === 'list' || (e.kind === 'tuple' && e.parens)) && e.items.length === v.items.length;
  if (sameShape && v.items.every(hasXlForm)) {
    if (e.kind === 'tuple') {
      edits.push({ span: { start: e.span.start, end: e.span.start + 1 }, text: '[' });
      edits.push({ span: { start: e.span.end - 1, end: e.span.end }, text: ']' });
    }
    e.items.forEach((item, i) => rewriteExpr(text, item, was.items[i]!, v.items[i]!, edits, from));
    return;
  }
  // From xl, every piece is xl already: only changed values are rewritten (a string that reads the same keeps its quotes).
  const same = v === was || (v.kind === 'string' && was.kind === 'string' && v.value === was.value);
  if (same && (from === 'xl' || isXlLiteral(e, text, from))) return;
  edits.push({ span: e.span, text: xlLiteral(v, from)! });
}

/**
 * Backslash-newline continuations outside replaced pieces, with the next line's indentation, become
 * one space, or nothing after a blank (xl has none; newlines end statements): `memory = \\` then
 * `  512` is `memory = 512`, not `memory =    512`.
 */
function continuationEdits(text: string, tokens: TokenStream, span: Span, replaced: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (let i = tokenAtOrAfter(tokens, span.start); i < tokens.count && tokens.ends[i]! <= span.end; i++) {
    if (tokens.kinds[i] !== Tok.Continuation) continue;
    const s = tokens.starts[i]!;
    if (replaced.some((r) => r.span.start <= s && s < r.span.end)) continue;
    let end = tokens.ends[i]!;
    while (end < span.end && (text[end] === ' ' || text[end] === '\t')) end++;
    const blankBefore = s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t');
    out.push({ span: { start: s, end }, text: blankBefore ? '' : ' ' });
  }
  return out;
}

/**
 * Backslash-newline continuations right after a statement (`vnclisten = "0.0.0.0" \` then a blank
 * or comment line, which Python reads as the statement's end), with the blanks around them: xl has
 * none (XM0510), and they are outside the statement's span, so nothing else removes them. One space
 * stays before a comment the continuation joined (`a = 1 \` then `# c` is `a = 1 # c`).
 */
export function trailingContinuations(text: string, tokens: TokenStream, span: Span): TextEdit[] {
  let i = tokenAtOrAfter(tokens, span.end);
  while (i < tokens.count && tokens.kinds[i] === Tok.Whitespace) i++;
  if (i >= tokens.count || tokens.kinds[i] !== Tok.Continuation) return [];
  while (i + 1 < tokens.count && (tokens.kinds[i + 1] === Tok.Continuation || tokens.kinds[i + 1] === Tok.Whitespace)) i++;
  const end = tokens.ends[i]!;
  // At the end of the file the continuation's line break is the statement's last: it stays, or the
  // lines the conversion appends would join the statement (`a = ""memory = 128`).
  const last = end === text.length && (text[end - 1] === '\n' || text[end - 1] === '\r');
  return [{ span: { start: span.end, end }, text: text[end] === '#' ? ' ' : last ? '\n' : '' }];
}

/**
 * Backslash continuations between statements, not after one (a line holding only `\`, one at the
 * end of the file): Python joins them to the next line, or to nothing at the end of the file, and xl
 * refuses them (XM0510), so they go, with the blanks that follow. `statements` are in file order;
 * a continuation inside one, or inside a span `done` already edits, is left to those edits.
 */
export function strayContinuations(text: string, tokens: TokenStream, statements: readonly { span: Span }[], done: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  // The edits, indexed once: a scan of them all per continuation was quadratic in a file of
  // continuations between statements that are each rewritten.
  const replacing: Span[] = [];
  const inserting: Span[] = [];
  for (const e of done) (e.span.end > e.span.start ? replacing : inserting).push(e.span);
  const replaced = new SpanReach(replacing);
  const inserted = new SpanReach(inserting);
  let k = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kinds[i] !== Tok.Continuation) continue;
    const s = tokens.starts[i]!;
    while (k < statements.length && statements[k]!.span.end <= s) k++;
    if (k < statements.length && statements[k]!.span.start <= s) continue;
    let end = tokens.ends[i]!;
    // An insertion at either edge (the lines appended at the end of the file) does not overlap.
    if (replaced.overlaps(s, end) || inserted.overlaps(s, end)) continue;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    out.push({ span: { start: s, end }, text: '' });
  }
  return out;
}

/** Comment out a statement's lines (`# ` before each), for statements with no xl form. */
export function commentOut(text: string, span: Span, note: string): TextEdit {
  const body = text.slice(span.start, span.end).split(/\r\n|\r|\n/);
  // Whatever follows on the same line (`; next = 1`) must not end up inside the comment.
  let i = span.end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  // A backslash continuation there ends the line too (trailingContinuations removes it).
  const more = i < text.length && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#' && text[i] !== '\\';
  return { span, text: `# ${note}: ${body[0]}` + body.slice(1).map((l) => `\n# ${l}`).join('') + (more ? '\n' : '') };
}
