/**
 * @fileoverview `parseTree`: text → lossless tree + lexical/syntax diagnostics, in chunks.
 *
 * The text is lexed in chunks of about 4 KiB cut at line starts, so the token objects of a 10 MB
 * file never exist all at once: each chunk's tokens go into the compact TokenStream (typed arrays),
 * are cut into statements, parsed, and dropped. A chunk that ends inside a statement (open bracket,
 * `\` continuation, triple-quoted string) is grown and lexed again. Lexing is src/syntax/lex.ts
 * (Chevrotain's tokens, hand-written); plain assignments are parsed by src/syntax/fast-parse.ts and
 * everything else by the Chevrotain grammar, which is built only when first needed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Tok, type Stmt, type SyntaxTree, type TokenStream, type UnsupportedStmt } from './tree.js';
import { splitStatements, type RawStmt, type SplitResult } from './split.js';
import * as T from '../../grammar/tokens.js';
import { diag, parseStatement } from './parse-statement.js';
import { lexChunk, type ChunkTokens } from './lex.js';
import type { FindingCap } from './finding-cap.js';
import type { Span } from '../diagnostics/span.js';
import { statementAnchor } from './anchor.js';

/** Target chunk size in characters. */
const CHUNK = 1 << 12;

/**
 * Most tokens one chunk (a line, or a statement spanning lines) may have. Each costs a token object
 * and more; 64 MB of `;` or of an unclosed `[` list ran out of memory (an abort, exit 134). Real
 * statements have hundreds of tokens; the 10 MB benchmark file's largest chunk about a thousand.
 */
export const MAX_CHUNK_TOKENS = 1 << 20;

/**
 * Growable typed arrays for the token stream. Tokens are contiguous (lossless), so token i ends
 * where token i+1 starts: `ends` is a view of `starts` shifted by one, which saves an array.
 */
class StreamBuilder {
  count = 0;
  /** LexFact bits of the chunks pushed (src/syntax/tree.ts). */
  facts = 0;
  kinds: Uint8Array;
  /** Token starts plus one more slot for the end of the last token. */
  bounds: Int32Array;
  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.kinds = new Uint8Array(c);
    this.bounds = new Int32Array(c + 1);
  }
  push(kind: number, start: number, end: number): void {
    if (this.count === this.kinds.length) {
      const c = Math.ceil(this.count * 1.5) + 16;
      const k = new Uint8Array(c);
      k.set(this.kinds);
      const b = new Int32Array(c + 1);
      b.set(this.bounds);
      this.kinds = k;
      this.bounds = b;
    }
    this.kinds[this.count] = kind;
    this.bounds[this.count] = start;
    this.bounds[this.count + 1] = end;
    this.count++;
  }
  /** Start over, keeping the arrays (a reused scratch builder). */
  reset(capacity: number): this {
    this.count = 0;
    this.facts = 0;
    if (this.kinds.length < capacity) {
      this.kinds = new Uint8Array(capacity);
      this.bounds = new Int32Array(capacity + 1);
    }
    return this;
  }
  finish(trim = true): TokenStream {
    const n = this.count;
    let kinds = this.kinds;
    let bounds = this.bounds;
    // Trim only when it saves a lot; slicing copies.
    if (trim && kinds.length > n * 1.5 + 64) {
      kinds = kinds.slice(0, n);
      bounds = bounds.slice(0, n + 1);
    }
    return { count: n, kinds, starts: bounds.subarray(0, n), ends: bounds.subarray(1, n + 1), facts: this.facts };
  }
}

/** Texts up to this size may lex into the scratch token arrays (a bigger one would keep them big). */
const SCRATCH_MAX_CHARS = 1 << 16;

/**
 * The token arrays of scratch parses, reused from one parse to the next: a typed array of more
 * than a few dozen bytes lives outside the heap, and allocating and freeing two per file showed up
 * as a tenth of the parse of a small file.
 */
let scratch: StreamBuilder | null = null;

/** The builder of one parse: fresh, or with `reuse` (and a small text) the scratch one. */
function streamBuilder(capacity: number, reuse: boolean, chars: number): StreamBuilder {
  if (!reuse || chars > SCRATCH_MAX_CHARS) return new StreamBuilder(capacity);
  return scratch === null ? (scratch = new StreamBuilder(Math.max(capacity, 4096))) : scratch.reset(capacity);
}

/** Where to end a chunk that starts at `base`: a line start after `base + size` whose first char is
 * not blank and not `#` (so an indented block never straddles two chunks). */
function chooseCut(text: string, base: number, size: number): number {
  let p = base + size;
  if (p >= text.length) return text.length;
  for (;;) {
    const nl = text.indexOf('\n', p);
    if (nl < 0 || nl + 1 >= text.length) return text.length;
    const c = text.charCodeAt(nl + 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 35 && c !== 12 && c !== 11) return nl + 1;
    p = nl + 1;
  }
}

/** Receives a streaming parse's top-level statements chunk by chunk; returning true (nothing else) stops the parse there. */
export type StatementSink = (statements: Stmt[]) => unknown;

/** Result of `parseTree`. */
export interface ParseTreeResult {
  tree: SyntaxTree;
  diagnostics: Diagnostic[];
}

/**
 * Parse a configuration text into the lossless tree; lexical and syntax errors are returned as data.
 * With a `sink`, the top-level statements (blocks nested) are handed to it chunk by chunk, in source
 * order, instead of being kept: the tree comes back without statements (a streaming parse).
 * `scratchTokens`: the caller drops `tree.tokens` before the next parse (parse's `keepTree: false`),
 * so the token arrays may be shared scratch space. `xl`: lex as xl does, a CR inside a string or a
 * comment being one of its characters (src/syntax/lex.ts); the same as the default without a CR.
 * `cap`: each chunk's findings go to it as the chunk is done (decision 011), so a file with a
 * finding on every line never holds them all; the result's diagnostics are the ones it kept.
 * A sink that returns true stops the parse after that chunk: the result then covers only the text
 * up to there (a streaming `auto` parse that found an xm-only construct discards it).
 */
export function parseTree(text: string, sink?: StatementSink, scratchTokens = false, xl = false, cap?: FindingCap): ParseTreeResult {
  const parsed = parseChunks(text, sink, scratchTokens, xl, cap);
  if (cap) {
    cap.offer(parsed.diagnostics);
    parsed.diagnostics = cap.diagnostics();
  }
  return parsed;
}

/** {@link parseTree}; with a cap, the findings of each chunk are handed to it and dropped here. */
function parseChunks(text: string, sink: StatementSink | undefined, scratchTokens: boolean, xl: boolean, cap: FindingCap | undefined): ParseTreeResult {
  const diagnostics: Diagnostic[] = [];
  // Rarely more than one token per 3 characters (trivia included); growing copies, so aim high.
  const stream = streamBuilder(Math.ceil(text.length / 3) + 16, scratchTokens, text.length);
  const statements: Stmt[] = [];
  let anchor: Span | undefined;
  let base = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    // A BOM is kept in the stream as whitespace so the stream stays lossless.
    stream.push(Tok.Whitespace, 0, 1);
    diagnostics.push(diag('XM0030', 'the file starts with a UTF-8 byte-order mark (skipped)', { start: 0, end: 1 }));
    base = 1;
  }
  if (text.indexOf('\0') >= 0) {
    const at = text.indexOf('\0');
    stream.push(Tok.Invalid, base, text.length);
    diagnostics.push(diag('XM0031', 'the file contains NUL bytes: it is binary, not a configuration file; not parsed', { start: at, end: at + 1 }));
    return { tree: { text, tokens: stream.finish(stream !== scratch), statements }, diagnostics };
  }
  while (base < text.length) {
    let end = chooseCut(text, base, CHUNK);
    let lexed: ChunkTokens;
    let split: SplitResult;
    /** Set when the token limit was hit on the line starting here: the chunk ends there, and so does the parse. */
    let overAt = -1;
    for (;;) {
      const chunk = base === 0 && end === text.length ? text : text.slice(base, end);
      // The chunk's arrays may be shared scratch: they are copied into the stream before the next chunk.
      lexed = lexChunk(chunk, true, MAX_CHUNK_TOKENS, xl);
      if (lexed.stoppedAt >= 0) {
        // The lines before the one where the limit was hit are read as usual, then the parse stops.
        const lineStart = text.lastIndexOf('\n', base + lexed.stoppedAt - 1) + 1;
        if (lineStart <= base) return anchored(tooManyTokens(text, base, stream, statements, diagnostics), anchor);
        end = overAt = lineStart;
        continue;
      }
      split = splitStatements(lexed);
      if (overAt >= 0 || end >= text.length || !split.openAtEnd) break;
      const cut = cutBeforeOpen(text, base, split);
      if (cut > 0) {
        endChunkAt(lexed, split, cut);
        end = base + cut;
        break;
      }
      end = chooseCut(text, base, (end - base) * 2);
    }
    const { kinds, bounds, count } = lexed;
    for (let i = 0; i < count; i++) stream.push(kinds[i]!, bounds[i]! + base, bounds[i + 1]! + base);
    stream.facts |= lexed.facts;
    for (const p of split.problems) {
      const span = { start: p.start + base, end: p.end + base };
      if (p.kind === 'invalid') {
        // Past the cap (a file of random bytes has one a few characters apart) it is only counted:
        // no message is made for it.
        if (cap && cap.dropsNow({ code: 'XM0001', severity: 'error', message: '', span })) continue;
        const s = text.slice(span.start, span.end);
        diagnostics.push(diag('XM0001', `invalid character ${describeChars(s)}`, span));
      } else diagnostics.push(diag('XM0002', 'unterminated string: the closing quote is missing', span));
    }
    const chunkStmts: { stmt: Stmt; raw: RawStmt }[] = [];
    const chunkFindings = diagnostics.length;
    for (const raw of split.stmts) chunkStmts.push({ stmt: parseStatement(raw, base, diagnostics), raw });
    // The first statement, while it is here: a streaming parse drops it (decision 051).
    if (anchor === undefined && chunkStmts.length > 0) anchor = statementAnchor(text, chunkStmts[0]!.stmt);
    const top: Stmt[] = sink ? [] : statements;
    const nested = nestBodies(chunkStmts, top);
    if (nested.size) dropNested(diagnostics, chunkFindings, nested);
    if (cap) {
      // After dropNested: what the cap keeps must be what the uncapped parse returns.
      cap.offer(diagnostics);
      diagnostics.length = 0;
    }
    if (sink && sink(top) === true) break;
    if (overAt >= 0) return anchored(tooManyTokens(text, overAt, stream, statements, diagnostics), anchor);
    base = end;
  }
  return anchored({ tree: { text, tokens: stream.finish(stream !== scratch), statements }, diagnostics }, anchor);
}

/** The result with the anchor of its first statement, when one was parsed. */
function anchored(r: ParseTreeResult, anchor: Span | undefined): ParseTreeResult {
  if (anchor !== undefined) r.tree.anchor = anchor;
  return r;
}

/**
 * Where to end a chunk (chunk-relative) whose last statement is still open at its end, so that
 * statement starts the next chunk instead of the chunk growing: its start, when that is the start
 * of a line at column 1 and not the chunk's start (0: grow the chunk). Splitting from there
 * starts in the state the statement started in (a new line, nothing open, no indentation), and
 * the statements before it are whole: one ended by the newline before it (an unclosed `[` whose
 * next line starts `key =`) has that line's first token in this chunk already. Growing instead
 * made a file of `a=[` lines one chunk: all its tokens at once (1 MiB: 1.2 million token objects).
 */
function cutBeforeOpen(text: string, base: number, split: SplitResult): number {
  const open = split.stmts[split.stmts.length - 1];
  if (open === undefined || !open.lineStart || open.start <= 0 || text.charCodeAt(base + open.start - 1) !== 10) return 0;
  return open.start;
}

/** Drop from a lexed and split chunk everything from `cut` (a token start) on: its last statement and what is past it. */
function endChunkAt(lexed: ChunkTokens, split: SplitResult, cut: number): void {
  let count = lexed.count;
  while (count > 0 && lexed.bounds[count - 1]! >= cut) count--;
  lexed.count = count;
  split.stmts.pop();
  split.problems = split.problems.filter((p) => p.start < cut);
}

/**
 * Give up at `base`, the start of the line where a chunk went over MAX_CHUNK_TOKENS: XM0042 there,
 * and the rest of the text is one Invalid token (the stream stays lossless).
 */
function tooManyTokens(text: string, base: number, stream: StreamBuilder, statements: Stmt[], diagnostics: Diagnostic[]): ParseTreeResult {
  stream.push(Tok.Invalid, base, text.length);
  const message = `a line or statement from here has more than ${MAX_CHUNK_TOKENS} tokens: the rest of the file is not parsed`;
  diagnostics.push(diag('XM0042', message, { start: base, end: base + 1 }));
  return { tree: { text, tokens: stream.finish(stream !== scratch), statements }, diagnostics };
}

function describeChars(s: string): string {
  const shown = s.length > 10 ? s.slice(0, 10) + '...' : s;
  const codes = [...shown].map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
  return /^[\x21-\x7e]+$/.test(shown) ? `'${shown}'` : `'${shown.replace(/[\x00-\x1f\x7f]/g, '?')}' (${codes.join(' ')})`;
}

/**
 * Drop the XM0020/XM0021 findings, from index `from` on, of statements inside a skipped block
 * (`nested`: their start offsets): its header's XM0020 covers them. Only the chunk's own findings
 * are looked at (its statements are the ones nested), in one pass: scanning every finding so far
 * for each chunk with a block was quadratic in a file of many findings.
 */
function dropNested(diagnostics: Diagnostic[], from: number, nested: Set<number>): void {
  let kept = from;
  for (let i = from; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    if ((d.code === 'XM0020' || d.code === 'XM0021') && nested.has(d.span.start)) continue;
    diagnostics[kept++] = d;
  }
  diagnostics.length = kept;
}

/** Attach statements indented under a compound header (`if x:`) to its `body`; returns the start
 * offsets of the unsupported statements that ended up inside a body. */
function nestBodies(items: { stmt: Stmt; raw: RawStmt }[], top: Stmt[]): Set<number> {
  const nested = new Set<number>();
  const stack: { stmt: UnsupportedStmt; indent: number }[] = [];
  let prevContainer: Stmt[] = top;
  for (const { stmt, raw } of items) {
    let container: Stmt[];
    if (!raw.lineStart) container = prevContainer;
    else {
      while (stack.length && raw.indent <= stack[stack.length - 1]!.indent) stack.pop();
      container = stack.length ? stack[stack.length - 1]!.stmt.body : top;
    }
    container.push(stmt);
    if (container !== top && stmt.kind === 'unsupported') nested.add(stmt.span.start);
    prevContainer = container;
    if (stmt.kind === 'unsupported' && raw.lineStart && T.COMPOUND_KEYWORDS.includes(stmt.keyword) && raw.toks[raw.toks.length - 1]?.tokenType === T.Colon) {
      stack.push({ stmt, indent: raw.indent });
    }
  }
  return nested;
}
