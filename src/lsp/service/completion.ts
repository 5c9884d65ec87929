/**
 * @fileoverview Completion: keys at the start of a statement (with their docs), allowed values
 * after `=`, and keys and values inside device spec strings (spec-completion.ts). The context is read from the current line by a small hand-written scanner (no regex
 * over user text), so it also works while the statement is still incomplete.
 */
import type { CompletionItem } from 'vscode-languageserver';
import type { Dialect } from '../../syntax/value.js';
import type { LineIndex } from '../../diagnostics/line-index.js';
import type { Stmt } from '../../syntax/tree.js';
import { isWordPart } from '../../syntax/lex.js';
import { allKeys, keyDoc, keyDocMarkdown, type KeyDoc } from './docs.js';
import { toRange } from './positions.js';
import { completeSpecAt } from './spec-completion.js';
import { statementStartAt } from './analysis.js';
import { dialectAllowed } from '../../check/rules/dialect-keys.js';

/**
 * Where the caret is, as far as completion cares. [start, end) is the text a completion replaces:
 * the word (or value) around the caret, so completing in the middle of `mem|roy` or `"p|vh"`
 * replaces it instead of leaving its rest behind the inserted text.
 */
export type CompletionContext =
  | { kind: 'key'; start: number; end: number; restHasEquals: boolean }
  | { kind: 'value'; key: string; start: number; end: number; quote: string }
  | { kind: 'none' };

const isSpace = (c: number) => c === 32 || c === 9;

/** Classify the caret position from the text of its line. */
export function completionContext(text: string, offset: number): CompletionContext {
  let lineStart = offset;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  // Find where the current statement starts on this line: after the last `;` outside quotes.
  let stmt = lineStart;
  let quote = 0;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 35) return { kind: 'none' };
    else if (c === 59) stmt = i + 1;
  }
  let i = stmt;
  while (i < offset && isSpace(text.charCodeAt(i))) i++;
  const keyStart = i;
  while (i < offset && isWordPart(text.charCodeAt(i))) i++;
  if (i === offset) {
    let j = offset;
    while (j < text.length && isWordPart(text.charCodeAt(j))) j++;
    const end = j;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    return { kind: 'key', start: keyStart, end, restHasEquals: c === 61 || (c === 43 && text.charCodeAt(j + 1) === 61) };
  }
  const key = text.slice(keyStart, i);
  if (!key) return { kind: 'none' };
  while (i < offset && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 43) i++;
  if (text.charCodeAt(i) !== 61 || i >= offset) return { kind: 'none' };
  i++;
  while (i < offset && isSpace(text.charCodeAt(i))) i++;
  let q = '';
  const c = text.charCodeAt(i);
  if (i < offset && (c === 34 || c === 39)) {
    q = text[i]!;
    i++;
  }
  const valueStart = i;
  for (; i < offset; i++) {
    const d = text.charCodeAt(i);
    if (!(isWordPart(d) || d === 45)) return { kind: 'none' };
  }
  let end = offset;
  const after = text.charCodeAt(offset);
  if (!q && offset === valueStart && (after === 34 || after === 39)) {
    // `key = |"pvh"`: the string after the caret is the value being replaced (when it closes on this line).
    let k = offset + 1;
    while (k < text.length && text.charCodeAt(k) !== after && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k += text.charCodeAt(k) === 92 ? 2 : 1;
    if (text.charCodeAt(k) === after) end = k + 1;
  } else while (end < text.length && (isWordPart(text.charCodeAt(end)) || text.charCodeAt(end) === 45)) end++;
  return { kind: 'value', key, start: valueStart, end, quote: q };
}

/**
 * True when the line of `offset` starts inside a statement that began on an earlier line (a
 * multi-line list, a triple-quoted string, an expression in parentheses): no key can start there.
 */
function insideEarlierStatement(statements: readonly Stmt[], text: string, offset: number): boolean {
  let lineStart = offset;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  // The last statement that starts before the line (statements are in source order).
  let lo = 0;
  let hi = statements.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (statements[mid]!.span.start < lineStart) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && statements[found]!.span.end > lineStart;
}

/**
 * The names the top-level assignments set (keys and chained targets), but for the name starting at
 * `caret`: the key being completed, which the user may be retyping. Statements inside an xm `if`
 * block are not evaluated (no setting, no XM0201), so they do not count.
 */
function assignedElsewhere(statements: readonly Stmt[], caret: number): Set<string> {
  const out = new Set<string>();
  for (const s of statements) {
    if (s.kind !== 'assign') continue;
    for (const n of [s.key, ...(s.chained ?? [])]) if (n.span.start !== caret) out.add(n.name);
  }
  return out;
}

/** The offset of the first character at or after `i` that is not a space or tab. */
function afterSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Completion items at `offset`. `dialect` ranks the file's own dialect's keys first; `statements`
 * (the parse of `text`) keep keys from being offered inside a statement that spans lines, and
 * keys the file sets elsewhere from being offered again (but as `+=` to a list).
 */
export function completeAt(text: string, index: LineIndex, offset: number, dialect: Dialect = 'xl', statements?: readonly Stmt[]): CompletionItem[] {
  // Inside a device spec string its keys and values come first (spec-completion.ts).
  const spec = completeSpecAt(text, index, offset, dialect, statements ? statementStartAt(statements, offset) : 0);
  if (spec !== null) return spec;
  const ctx = completionContext(text, offset);
  if (ctx.kind === 'none') return [];
  if (ctx.kind === 'key' && statements && insideEarlierStatement(statements, text, offset)) return [];
  const range = toRange(index, { start: ctx.start, end: ctx.end });
  if (ctx.kind === 'key') {
    const assigned = statements ? assignedElsewhere(statements, ctx.start) : new Set<string>();
    const appendsHere = ctx.restHasEquals && text.charCodeAt(afterSpaces(text, ctx.end)) === 43;
    const items: CompletionItem[] = [];
    for (const key of allKeys()) {
      const doc = keyDoc(key)!;
      // A key set elsewhere comes back only as an append to a list (`disk += [...]`, no XM0201);
      // any other second setting would replace the first (decision 080).
      // Before a `=` the user already wrote, such a key is left out.
      const append = assigned.has(key);
      if (append && (!doc.type.startsWith('list') || (ctx.restHasEquals && !appendsHere))) continue;
      const item: CompletionItem = {
        label: key,
        kind: 10, // CompletionItemKind.Property
        detail: (append ? 'append (+=): ' : '') + doc.type + (doc.unit ? ` (${doc.unit})` : ''),
        documentation: { kind: 'markdown', value: keyDocMarkdown(doc, dialect) },
        sortText: (doc.dialects.includes(dialect) ? '0' : '1') + (doc.deprecatedBy ? '1' : '0') + key,
        textEdit: { range, newText: ctx.restHasEquals ? key : `${key} ${append ? '+=' : '='} ` },
      };
      if (doc.deprecatedBy) item.tags = [1];
      items.push(item);
    }
    return items;
  }
  const doc = keyDoc(ctx.key);
  if (!doc) return [];
  const closing = ctx.quote && text[ctx.end] !== ctx.quote ? ctx.quote : '';
  return valuesOf(doc, dialect).map((v, n) => ({
    label: String(v),
    kind: 12, // CompletionItemKind.Value
    sortText: String(n).padStart(4, '0'),
    textEdit: { range, newText: ctx.quote ? String(v) + closing : typeof v === 'string' ? JSON.stringify(v) : String(v) },
  }));
}

/**
 * Values offered after `key =`: the enum (as the file's dialect has it: xm had no soft-reset, and
 * its on_poweroff and on_reboot no coredump actions, which check refuses in xm, XM0104), 1/0 for
 * booleans, the RFC spellings for numa.
 */
function valuesOf(doc: KeyDoc, dialect: Dialect): readonly (string | number)[] {
  if (doc.allowed?.length) return dialectAllowed(doc.key, dialect) ?? doc.allowed;
  if (doc.key === 'numa') return ['on', 'off'];
  if (doc.type === 'boolean') return [1, 0];
  return [];
}
