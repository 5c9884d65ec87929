/**
 * @fileoverview `parse`: the whole syntax layer in one call — input hygiene, lossless tree,
 * dialect choice and rules, and the evaluator's settings — with every finding as data.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import type { SyntaxTree, TokenStream } from './tree.js';
import type { Dialect, Setting } from './value.js';
import { parseTree } from './parse-tree.js';
import { detectDialect, dialectDiagnostics } from './dialect.js';
import { evaluate } from './evaluate.js';

export { parseTree, type ParseTreeResult } from './parse-tree.js';

/** Options of `parse`. */
export interface ParseOptions {
  /** `auto` (default): xm when the file uses a construct only xm accepts, else xl. */
  dialect?: Dialect | 'auto';
  /** Names pre-bound for xm expressions (`--define vmid=3`). */
  defines?: Record<string, string | number>;
  /**
   * Offsets (UTF-16, into `text`) of U+FFFD characters that the caller's UTF-8 decoder produced
   * for invalid bytes; each run gets one XM0032 error (instead of an invalid-character error).
   */
  decodeErrors?: readonly number[];
  /**
   * false: the caller needs only the settings and diagnostics; the tree comes back with its text
   * but no statements and an empty token stream, and each statement is dropped as soon as it is
   * evaluated, so a big file's tree and its settings are never all in memory together. Default true.
   */
  keepTree?: boolean;
}

/** Everything the syntax layer knows about a text. */
export interface ParseResult {
  dialect: Dialect;
  /** Why this dialect: "chosen by the caller" or the first xm-only construct. */
  dialectReason: string;
  tree: SyntaxTree;
  settings: Setting[];
  diagnostics: Diagnostic[];
  lineIndex: LineIndex;
}

/** The token stream of a tree parsed with `keepTree: false`. */
const NO_TOKENS: TokenStream = { count: 0, kinds: new Uint8Array(0), starts: new Int32Array(0), ends: new Int32Array(0) };

/** Parse, check and evaluate a configuration text. Never throws on user input. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const { tree, diagnostics: syntax } = parseTree(text);
  let dialect: Dialect;
  let dialectReason: string;
  if (options.dialect === 'xl' || options.dialect === 'xm') {
    dialect = options.dialect;
    dialectReason = 'chosen by the caller';
  } else {
    const d = detectDialect(tree);
    dialect = d.dialect;
    dialectReason = d.reason;
  }
  const dialectDiags = dialectDiagnostics(tree, dialect, syntax);
  const evaluated = evaluate(tree, { dialect, defines: options.defines, consume: options.keepTree === false });
  // The token stream (5 bytes a token: 17 MB for a 10 MB file) is not needed past this point either.
  if (options.keepTree === false) tree.tokens = NO_TOKENS;
  let diagnostics = [...syntax, ...dialectDiags, ...evaluated.diagnostics];
  // In xl the BOM is an error (XM0514); the info note would only repeat it.
  if (dialect === 'xl') diagnostics = diagnostics.filter((d) => d.code !== 'XM0030');
  if (options.decodeErrors?.length) diagnostics = applyDecodeErrors(diagnostics, options.decodeErrors);
  return { dialect, dialectReason, tree, settings: evaluated.settings, diagnostics: sortDiagnostics(diagnostics), lineIndex: new LineIndex(text) };
}

/** One XM0032 per run of adjacent decode-error offsets; invalid-character errors inside them are dropped. */
function applyDecodeErrors(diags: Diagnostic[], offsets: readonly number[]): Diagnostic[] {
  const sorted = [...offsets].sort((a, b) => a - b);
  const runs: { start: number; end: number }[] = [];
  for (const o of sorted) {
    const last = runs[runs.length - 1];
    if (last && o <= last.end) last.end = Math.max(last.end, o + 1);
    else runs.push({ start: o, end: o + 1 });
  }
  const inside = (d: Diagnostic) => runs.some((r) => d.span.start >= r.start && d.span.end <= r.end);
  const kept = diags.filter((d) => !(d.code === 'XM0001' && inside(d)));
  for (const r of runs) kept.push({ code: 'XM0032', severity: 'error', message: 'invalid UTF-8: these bytes were replaced by U+FFFD when the file was read', span: r });
  return kept;
}
