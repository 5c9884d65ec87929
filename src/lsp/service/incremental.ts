/**
 * @fileoverview Incremental checking for the editor. Parsing dominates a check, so the text is cut
 * into content-defined chunks (./chunks.ts), each chunk's parse is cached by its text, and the
 * chunk trees are joined into one tree with absolute spans. The rest of the pipeline (dialect,
 * evaluation, normalisation, schema, rules) then runs on the joined tree through the same functions
 * `checkText` uses (`parseFromTree`, `checkParsed`): tests compare both on the corpus.
 */
import { detectDialect, parseTree, parseFromTree, type ParseTreeResult } from '../../syntax/index.js';
import { checkParsed, type CheckResult } from '../../check/check.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Stmt, SyntaxTree, TokenStream } from '../../syntax/tree.js';
import type { ServiceSettings } from './analysis.js';
import { splitChunks } from './chunks.js';

/** A parse of one chunk's text; its spans are absolute for the chunk's position `offset`. */
interface ChunkParse {
  parse: ParseTreeResult;
  offset: number;
  /** Every object of the parse with a `start` or `end` number (spans), to move them without walking the tree. */
  spans: Positioned[];
}

/** An object with span offsets (`{ start, end }`, a span or a node holding its own). */
type Positioned = { start?: unknown; end?: unknown };

/** How a text is lexed: as xm reads it (a CR ends a string or comment) or as xl does (LF only). */
type Reading = 'xm' | 'xl';

/**
 * Checks successive versions of one document, reusing the parses of unchanged chunks. A text
 * with a CR is read as `parse` reads it (src/syntax/parse.ts): unless the dialect is xm, first as
 * xl lexes it, and that reading decides `auto`; when it finds an xm-only construct (a CRLF line
 * end is one), the text is read again as xm. Each reading has its own chunks and cache, so a
 * keystroke in a CRLF document parses one chunk per reading instead of the whole text.
 */
export class IncrementalChecker {
  /**
   * Per chunk text, its parses in the last version, in reverse document order (read() pops them).
   * A text may occur several times (a file of repeated blocks): each occurrence keeps its own parse,
   * at its own position; keyed by text alone, every repeat was re-parsed on every keystroke
   * (20,000 lines repeating 8,000: 174 of 298 chunks, 80-100 ms a check instead of 10-15).
   */
  private caches: Record<Reading, Map<string, ChunkParse[]>> = { xm: new Map(), xl: new Map() };
  /** How many chunks the last check's tree had, and how many chunk parses it made (the rest were reused). */
  readonly stats = { chunks: 0, parsed: 0 };

  /** Check `text` as `checkText(text, settings)` would. */
  check(text: string, settings: ServiceSettings = {}): CheckResult {
    this.stats.parsed = 0;
    if (settings.dialect !== 'xm' && text.includes('\r')) {
      const xl = this.read(text, 'xl');
      if (settings.dialect === 'xl' || detectDialect(xl.tree).dialect === 'xl') {
        // Only the readings the current version needs are kept: memory stays proportional to it.
        this.caches.xm = new Map();
        return checkTree(text, xl.tree, xl.diagnostics, settings);
      }
    } else this.caches.xl = new Map();
    const xm = this.read(text, 'xm');
    return checkTree(text, xm.tree, xm.diagnostics, settings);
  }

  /** The tree and syntax diagnostics of `text` in one reading, from its chunks (cached ones reused). */
  private read(text: string, reading: Reading): { tree: SyntaxTree; diagnostics: Diagnostic[] } {
    const xl = reading === 'xl';
    const cache = this.caches[reading];
    const next = new Map<string, ChunkParse[]>();
    const parts: ChunkParse[] = [];
    for (const [start, end] of splitChunks(text, xl)) {
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      // Occurrences of one text are matched in document order: the n-th takes the n-th old parse,
      // so those before an edit keep their positions.
      let entry = cache.get(piece)?.pop();
      if (!entry) {
        const parse = unshared(parseTree(piece, undefined, false, xl));
        const spans: Positioned[] = [];
        collectSpans(parse.tree.statements, spans);
        collectSpans(parse.diagnostics, spans);
        entry = { parse, offset: 0, spans };
        this.stats.parsed++;
      }
      // Spans are moved in place: the cached parse belongs to this checker and this occurrence alone.
      if (entry.offset !== start) {
        shiftSpans(entry.spans, start - entry.offset);
        entry.offset = start;
      }
      const same = next.get(piece);
      if (same) same.push(entry);
      else next.set(piece, [entry]);
      parts.push(entry);
    }
    for (const list of next.values()) if (list.length > 1) list.reverse();
    // Only the current version's chunks are kept: memory stays proportional to one document.
    this.caches[reading] = next;
    this.stats.chunks = parts.length;
    return join(text, parts);
  }
}

/** The rest of `parse` + `checkText` on an already parsed tree: the same functions `checkText` runs. */
export function checkTree(text: string, tree: SyntaxTree, syntax: Diagnostic[], settings: ServiceSettings): CheckResult {
  const parsed = parseFromTree(text, tree, syntax, { dialect: settings.dialect ?? 'auto', defines: settings.defines });
  return checkParsed(text, parsed, { dialect: settings.dialect, defines: settings.defines });
}

/** Join chunk parses (already at their absolute positions) into one tree and one diagnostic list. */
function join(text: string, parts: ChunkParse[]): { tree: SyntaxTree; diagnostics: Diagnostic[] } {
  if (parts.length === 1) return { tree: { ...parts[0]!.parse.tree, text }, diagnostics: [...parts[0]!.parse.diagnostics] };
  let count = 0;
  for (const p of parts) count += p.parse.tree.tokens.count;
  const tokens: TokenStream = { count, kinds: new Uint8Array(count), starts: new Int32Array(count), ends: new Int32Array(count) };
  const statements: Stmt[] = [];
  const diagnostics: Diagnostic[] = [];
  let at = 0;
  for (const { offset, parse } of parts) {
    const t = parse.tree.tokens;
    tokens.kinds.set(t.kinds.subarray(0, t.count), at);
    // Token offsets stay chunk-relative in the cache (typed arrays are cheap to copy with a shift).
    for (let i = 0; i < t.count; i++) {
      tokens.starts[at + i] = t.starts[i]! + offset;
      tokens.ends[at + i] = t.ends[i]! + offset;
    }
    at += t.count;
    for (const s of parse.tree.statements) statements.push(s);
    for (const d of parse.diagnostics) diagnostics.push(d);
  }
  return { tree: { text, tokens, statements }, diagnostics };
}

/**
 * A copy of a chunk parse in which no object is reachable twice (the parser may share a span object
 * between a node and its child), so moving spans in place never moves one twice. The statements
 * and diagnostics are plain JSON data.
 */
function unshared(p: ParseTreeResult): ParseTreeResult {
  const statements = JSON.parse(JSON.stringify(p.tree.statements)) as Stmt[];
  const diagnostics = JSON.parse(JSON.stringify(p.diagnostics)) as Diagnostic[];
  return { tree: { ...p.tree, statements }, diagnostics };
}

/**
 * Append to `out` every object inside `value` with a `start` or `end` number (no object may be
 * reachable twice). Collected once per chunk parse: moving a chunk then walks a flat list of spans
 * instead of the tree (a recursive walk over objects of many shapes: ~1/3 of the chunk bookkeeping
 * of a keystroke in a 20,000-line file).
 */
function collectSpans(value: unknown, out: Positioned[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') collectSpans(v, out);
    }
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' || typeof o.end === 'number') out.push(o);
  for (const k in o) {
    const v = o[k];
    if (v !== null && typeof v === 'object') collectSpans(v, out);
  }
}

/** Move the `start`/`end` numbers of `spans` by `delta`, in place. */
function shiftSpans(spans: readonly Positioned[], delta: number): void {
  for (let i = 0; i < spans.length; i++) {
    const o = spans[i]!;
    if (typeof o.start === 'number') o.start += delta;
    if (typeof o.end === 'number') o.end += delta;
  }
}
