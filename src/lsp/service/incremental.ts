/**
 * @fileoverview Incremental checking for the editor. Parsing dominates a check, so the text is cut
 * into content-defined chunks (./chunks.ts) and each chunk's parse is kept: a keystroke re-cuts and
 * re-parses only the chunks around the edit (a chunk of a text seen before takes that parse), and
 * the chunk trees are joined into one tree with absolute spans. Dialect findings, libxlu's verdict
 * and the evaluation are kept per chunk as well (./chunk-parts.ts); the rest of the pipeline
 * (dialect choice and rules, normalisation, schema, rules) then runs on the joined tree through the
 * same functions `checkText` uses (`parseFromTree`, `checkParsed`): tests compare both.
 */
import { detectDialect, parseFromTree } from '../../syntax/index.js';
import { detectDialectFrom } from '../../syntax/dialect.js';
import { statementAnchor } from '../../syntax/anchor.js';
import type { TreeParts } from '../../syntax/parse.js';
import { checkParsed, type CheckResult } from '../../check/check.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Stmt, SyntaxTree, TokenStream } from '../../syntax/tree.js';
import { analyze, type ServiceSettings } from './analysis.js';
import { resplit } from './chunks.js';
import { chunkParse, moveTo, treeParts, type ChunkParse, type PartStats } from './chunk-parts.js';

/** One version of the text in one reading, as read(): its chunks and their parses, in document order. */
interface Version {
  text: string;
  chunks: [number, number][];
  parts: ChunkParse[];
}

/** How a text is lexed: as xm reads it (a CR ends a string or comment) or as xl does (LF only). */
type Reading = 'xm' | 'xl';

/**
 * Checks successive versions of one document, reusing the parses of unchanged chunks. A text
 * with a CR is read as `parse` reads it (src/syntax/parse.ts): unless the dialect is xm, first as
 * xl lexes it, and that reading decides `auto`; when it finds an xm-only construct (a CRLF line
 * end is one), the text is read again as xm. Each reading has its own chunks and parses, so a
 * keystroke in a CRLF document parses one chunk per reading instead of the whole text.
 */
export class IncrementalChecker {
  /** Per reading, the last version read: its text, chunks and their parses (in document order). */
  private last: Record<Reading, Version | undefined> = { xm: undefined, xl: undefined };
  /**
   * How many chunks the last check's tree had, how many chunk parses it made (the rest were reused),
   * and what its evaluation from chunks did (PartStats).
   */
  readonly stats: { chunks: number; parsed: number } & PartStats = { chunks: 0, parsed: 0, evaluated: 0, shared: 0, whole: false };

  /** Check `text` as `checkText(text, settings)` would. */
  check(text: string, settings: ServiceSettings = {}): CheckResult {
    Object.assign(this.stats, { parsed: 0, evaluated: 0, shared: 0, whole: false });
    // A NUL makes the whole text binary, not parsed (XM0031), where chunks without it would be read:
    // checked whole, as checkText does, and no chunk is kept for the next version.
    if (text.includes('\0')) {
      this.last = { xm: undefined, xl: undefined };
      this.stats.chunks = 0;
      return analyze(text, settings);
    }
    if (settings.dialect !== 'xm' && text.includes('\r')) {
      const xl = this.read(text, 'xl', settings);
      const found = xl.parts.findings;
      if (settings.dialect === 'xl' || (found ? detectDialectFrom(found, text) : detectDialect(xl.tree)).dialect === 'xl') {
        // Only the readings the current version needs are kept: memory stays proportional to it.
        this.last.xm = undefined;
        return checkTree(text, xl.tree, xl.diagnostics, settings, xl.parts);
      }
    } else this.last.xl = undefined;
    const xm = this.read(text, 'xm', settings);
    return checkTree(text, xm.tree, xm.diagnostics, settings, xm.parts);
  }

  /** The tree, syntax diagnostics and parseFromTree's parts of `text` in one reading, from its chunks (cached ones reused). */
  private read(text: string, reading: Reading, settings: ServiceSettings): { tree: SyntaxTree; diagnostics: Diagnostic[]; parts: TreeParts } {
    const xl = reading === 'xl';
    const last = this.last[reading] ?? { text: '', chunks: [], parts: [] };
    // Only the chunks around the edit are cut again (resplit); those before it keep their parses
    // where they are, those after it are moved.
    const { keep, fresh, resume, delta } = resplit(last.text, last.chunks, text, xl);
    const chunks = last.chunks.slice(0, keep);
    const parts = last.parts.slice(0, keep);
    // The parses of the old chunks the edit replaced, by text: a chunk of the same text (a paste, an
    // undo, a repeated block) takes one instead of being parsed. Each list is in reverse document
    // order, so the n-th occurrence of a text takes the n-th old parse (pop).
    const spare = new Map<string, ChunkParse[]>();
    for (let i = resume - 1; i >= keep; i--) {
      const piece = last.text.slice(last.chunks[i]![0], last.chunks[i]![1]);
      const same = spare.get(piece);
      if (same) same.push(last.parts[i]!);
      else spare.set(piece, [last.parts[i]!]);
    }
    for (const [start, end] of fresh) {
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      let entry = spare.get(piece)?.pop();
      if (!entry) {
        entry = chunkParse(piece, start, xl);
        this.stats.parsed++;
      }
      chunks.push([start, end]);
      parts.push(moveTo(entry, start));
    }
    for (let i = resume; i < last.chunks.length; i++) {
      const [start, end] = last.chunks[i]!;
      chunks.push([start + delta, end + delta]);
      parts.push(moveTo(last.parts[i]!, start + delta));
    }
    this.last[reading] = { text, chunks, parts };
    this.stats.chunks = parts.length;
    return { ...join(text, parts), parts: treeParts(text, chunks, parts, xl, settings.defines, this.stats) };
  }
}

/** The rest of `parse` + `checkText` on an already parsed tree: the same functions `checkText` runs (with `parts` kept per chunk). */
export function checkTree(text: string, tree: SyntaxTree, syntax: Diagnostic[], settings: ServiceSettings, parts?: TreeParts): CheckResult {
  const parsed = parseFromTree(text, tree, syntax, { dialect: settings.dialect ?? 'auto', defines: settings.defines }, undefined, parts);
  return checkParsed(text, parsed, { dialect: settings.dialect, defines: settings.defines, ...(settings.fileName !== undefined && { fileName: settings.fileName }), ...(settings.maxFindings !== undefined && { maxFindings: settings.maxFindings }) });
}

/** Join chunk parses (already at their absolute positions) into one tree and one diagnostic list. */
function join(text: string, parts: ChunkParse[]): { tree: SyntaxTree; diagnostics: Diagnostic[] } {
  if (parts.length === 1) return { tree: anchored({ ...parts[0]!.parse.tree, text }), diagnostics: [...parts[0]!.parse.diagnostics] };
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
  return { tree: anchored({ text, tokens, statements }), diagnostics };
}

/** The tree with the anchor parseTree gives the whole text (a chunk's own is where that chunk starts): from its first statement. */
function anchored(tree: SyntaxTree): SyntaxTree {
  const { anchor: _chunk, ...rest } = tree;
  const first = rest.statements[0];
  return first ? { ...rest, anchor: statementAnchor(rest.text, first) } : rest;
}
