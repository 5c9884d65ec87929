/**
 * @fileoverview `parse`: the whole syntax layer in one call — input hygiene, lossless tree,
 * dialect choice and rules, and the evaluator's settings — with every finding as data.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { withLineIndex, type LineIndex } from '../diagnostics/line-index.js';
import type { Span } from '../diagnostics/span.js';
import type { Stmt, SyntaxTree, TokenStream } from './tree.js';
import type { Dialect, Setting, SettingSink, UnreadAssignment } from './value.js';
import { parseTree, type ParseTreeResult } from './parse-tree.js';
import { detectDialect, detectDialectFrom, dialectDiagnostics, dialectDiagnosticsFrom, libxluUnlessAccepted, rememberFindings } from './dialect.js';
import type { XluError } from './libxlu.js';
import { statementFindings, tokenFindings, sortFindings, type Finding } from './dialect-findings.js';
import { evaluate, Evaluation, type EvaluateResult } from './evaluate.js';
import type { SingleByteCodec } from './source-decode.js';
import { py2InvalidUtf8 } from './source-bytes.js';
import { FindingCap } from './finding-cap.js';
import type { SeverityCounts } from '../diagnostics/limit.js';

export { parseTree, type ParseTreeResult } from './parse-tree.js';

/** Options of `parse`. */
export interface ParseOptions {
  /** `auto` (default): xm when the file uses a construct only xm accepts, else xl. */
  dialect?: Dialect | 'auto';
  /** xm only, `xm create FILE NAME=VALUE`: script variables (`--define vmid=3`) and xm options, which win over the file (xm-options.ts). */
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
  /**
   * xl only: each setting is offered to this sink as it is evaluated, and the ones it takes are not
   * kept in `settings` (nor seen by anything reading them). Reset when an xl attempt of a streamed
   * `auto` parse turns out to be xm. Absent (default): every setting is kept.
   */
  divert?: SettingSink;
  /**
   * Keep only the first this many findings of each severity, in file order, and count the rest
   * (`ParseResult.omitted`): `check`'s --max-findings (decision 011), which lists at most that many
   * per file, errors first, so the list is the same. Absent or 0 (default): every finding.
   */
  maxFindings?: number;
  /**
   * The single-byte encoding the text was decoded from, by the file's own PEP 263 declaration
   * (source-decode.ts): an xm byte string then holds its characters' bytes in it. Absent: the
   * file's bytes are taken to be UTF-8 (the text's own encoding).
   */
  sourceCodec?: SingleByteCodec | null;
  /**
   * Offsets (UTF-16, into `text`) of the U+FFFD characters the caller's UTF-8 decoder put for
   * invalid bytes (decodeSource's `invalid`), sorted: xm's XM0049 comes from them. Absent: the text
   * has none, and a U+FFFD in it is the character itself (bytes EF BF BD, valid UTF-8).
   */
  invalidUtf8?: readonly number[];
  /**
   * The file's bytes the text was decoded from as UTF-8, when they are not valid UTF-8
   * (decodeSource's `bytes`; with `invalidUtf8`): an xm byte string holding such bytes keeps them,
   * a u'' string decodes them as Python 2 does (a UTF-8-encoded surrogate, which the decoder read
   * as U+FFFD, is accepted: no XM0049). Absent: read from the text alone.
   */
  sourceBytes?: Uint8Array | null;
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
  /** Names whose value an expression read (xm helper variables such as `vmid`). */
  reads: ReadonlySet<string>;
  /** Assignments written in the file whose value is not known (see UnreadAssignment), in source order. */
  unread: readonly UnreadAssignment[];
  /** With `maxFindings`: the findings left out of `diagnostics`, by severity (absent when none were). */
  omitted?: SeverityCounts;
}

/**
 * Texts from this size on are parsed streaming when the tree is not kept (see parseStreaming);
 * smaller ones gain nothing from it, and an xm file would be parsed twice.
 */
export const STREAM_MIN_CHARS = 1 << 18;

/** The token stream of a tree parsed with `keepTree: false`. */
const NO_TOKENS: TokenStream = { count: 0, kinds: new Uint8Array(0), starts: new Int32Array(0), ends: new Int32Array(0) };

/** Parse, check and evaluate a configuration text. Never throws on user input. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const fixed = options.dialect === 'xl' || options.dialect === 'xm' ? options.dialect : null;
  // Without the tree, its tokens are dropped before parse returns: they can live in scratch arrays.
  const scratch = options.keepTree === false;
  // The dialects split a text with a CR differently: xl keeps a CR inside a string or a comment as
  // one of its characters (libxlu ends both at LF only), xm (Python 2 reading the file with
  // universal newlines) ends the line there. Without a CR both read the same tokens.
  let xlTried = fixed === 'xm' || !text.includes('\r');
  if (options.keepTree === false && text.length >= STREAM_MIN_CHARS) {
    const streamed = parseStreaming(text, options, newCap(options));
    if (streamed) return streamed;
    // The streamed attempt lexed as xl and found an xm-only construct: `auto` is xm.
    xlTried = true;
    options.divert?.reset();
  }
  if (!xlTried) {
    // `auto` is xl unless the text, read as xl reads it, uses a construct only xm accepts.
    const cap = newCap(options);
    const xl = fixed === 'xl' ? parseTree(text, undefined, scratch, true, cap) : xlAttempt(text, scratch, cap);
    if (xl) return parseFromTree(text, xl.tree, xl.diagnostics, options, cap);
  }
  const cap = newCap(options);
  const { tree, diagnostics: syntax } = parseTree(text, undefined, scratch, fixed === 'xl', cap);
  return parseFromTree(text, tree, syntax, options, cap);
}

/** A text parsed once, to be read in more than one dialect ({@link parseReadings}). */
export interface Readings {
  /** The dialect `auto` picks for the text (detectDialect of its tree). */
  detected: Dialect;
  /** What `parse(text, { ...options, dialect })` returns, from the one tree. */
  read(dialect: Dialect | 'auto'): ParseResult;
}

/**
 * One text's tree, parsed once and read in the dialects a caller names, for a caller that needs
 * more than one reading of the same text (convert reads an xl-detected file as xm too, decision
 * 015). Null when one tree cannot serve every dialect: a text with a CR (xl lexes a CR inside a
 * string or comment as text, xm as a line end), and the streaming and capped parses, which build
 * their trees per dialect attempt.
 */
export function parseReadings(text: string, options: ParseOptions = {}): Readings | null {
  if (text.includes('\r') || options.keepTree === false || (options.maxFindings ?? 0) > 0) return null;
  // As `parse` does for such a text in auto or xm: the default lexing, which is xl's without a CR.
  const { tree, diagnostics } = parseTree(text);
  return {
    // The dialect findings are cached on the tree: the readings collect them no second time.
    detected: detectDialect(tree).dialect,
    // parseFromTree leaves the tree as it was; each reading gets its own copies of the syntax
    // findings, as a later stage may add a hint to one (check's hintDroppedRefusals, in xm).
    read: (dialect) => parseFromTree(text, tree, diagnostics.map((d) => ({ ...d })), { ...options, dialect }),
  };
}

/**
 * `auto`'s xl reading of a text with a CR: its tree when the text is xl, else null. The parse stops
 * at the first chunk with an xm-only statement (the text is then parsed again, as xm, by the caller:
 * a file of random bytes was lexed and parsed to its end twice); the findings made on the way are
 * the ones detectDialect would collect again, so they are handed to it.
 */
function xlAttempt(text: string, scratch: boolean, cap: FindingCap | undefined): ParseTreeResult | null {
  const statements: Stmt[] = [];
  const found: Finding[] = [];
  const holder = { text };
  let xm = false;
  const parsed = parseTree(
    text,
    (chunk) => {
      const before = found.length;
      statementFindings(holder, chunk, found);
      for (let i = before; i < found.length && !xm; i++) xm = found[i]!.only === 'xm';
      for (const st of chunk) statements.push(st);
      return xm;
    },
    scratch,
    true,
    cap,
  );
  if (xm) return null;
  parsed.tree.statements = statements;
  // collectFindings' list: token findings first, then the statements', sorted stably.
  const all: Finding[] = [];
  tokenFindings(parsed.tree, all);
  for (const f of found) all.push(f);
  rememberFindings(parsed.tree, sortFindings(all));
  return detectDialect(parsed.tree).dialect === 'xl' ? parsed : null;
}

/**
 * The cap for one parse attempt with `maxFindings`. Findings result() may remove are exempt, kept
 * and not counted: the BOM note (xl) and invalid characters inside a decode error's run (they are
 * kept, not dropped, because the dialect rules look at them first). A finding removed after the
 * cap must not have taken the slot of one the cap left out.
 */
function newCap(options: ParseOptions): FindingCap | undefined {
  const max = options.maxFindings ?? 0;
  if (!(max > 0)) return undefined;
  const runs = options.decodeErrors?.length ? decodeRuns(options.decodeErrors) : null;
  return new FindingCap(max, (d) => d.code === 'XM0030' || (runs !== null && d.code === 'XM0001' && inside(runs, d)));
}

/**
 * Parts of parseFromTree the caller already has (the editor keeps them per chunk of the text); each
 * must equal what parseFromTree would compute from the tree, and an absent one is computed.
 */
export interface TreeParts {
  /** Every dialect finding of the tree, sorted (collectFindings). */
  findings?: readonly Finding[];
  /** libxlu's verdict on the text (libxluCheck), asked for only when the dialect is xl (read with `findings`). */
  libxlu?: () => XluError | null;
  /** The evaluation of the tree in a dialect (evaluate with the options' defines). */
  evaluate?: (dialect: Dialect) => EvaluateResult;
}

/**
 * The rest of `parse` for a tree parsed elsewhere (the editor's incremental parse): dialect, dialect
 * rules, evaluation. `cap`: the one `syntax` was parsed with (else `maxFindings` makes a new one).
 */
export function parseFromTree(text: string, tree: SyntaxTree, syntax: Diagnostic[], options: ParseOptions = {}, cap?: FindingCap, parts: TreeParts = {}): ParseResult {
  if (!cap && (cap = newCap(options))) {
    cap.offer(syntax);
    syntax = cap.diagnostics();
  }
  let dialect: Dialect;
  let dialectReason: string;
  if (options.dialect === 'xl' || options.dialect === 'xm') {
    dialect = options.dialect;
    dialectReason = 'chosen by the caller';
  } else {
    const d = parts.findings ? detectDialectFrom(parts.findings, text) : detectDialect(tree);
    dialect = d.dialect;
    dialectReason = d.reason;
  }
  // Python 2 accepts UTF-8-encoded surrogates, which the decoder counted as invalid.
  const invalid = py2InvalidUtf8(options.sourceBytes, options.invalidUtf8 ?? []);
  const dialectDiags = parts.findings ? dialectDiagnosticsFrom(parts.findings, text, dialect, syntax, parts.libxlu, invalid) : dialectDiagnostics(tree, dialect, syntax, true, invalid);
  const evaluated = parts.evaluate?.(dialect) ?? evaluate(tree, { dialect, defines: options.defines, consume: options.keepTree === false, divert: options.divert, sourceCodec: options.sourceCodec ?? null, sourceBytes: options.sourceBytes, invalidUtf8: options.invalidUtf8 });
  // The token stream (5 bytes a token: 17 MB for a 10 MB file) is not needed past this point either.
  if (options.keepTree === false) tree.tokens = NO_TOKENS;
  return result(tree, dialect, dialectReason, syntax, [...dialectDiags, ...evaluated.diagnostics], evaluated.settings, options, evaluated, cap);
}

/**
 * `keepTree: false` without ever holding the whole tree: each chunk's statements are checked for
 * dialect constructs and evaluated as soon as they are parsed, then dropped (a 10 MB file's tree
 * is ~160 MB). With `dialect: 'auto'` they are evaluated as xl; null when an xm-only construct
 * shows up, and the caller parses again the ordinary way (then as xm).
 */
function parseStreaming(text: string, options: ParseOptions, cap: FindingCap | undefined): ParseResult | null {
  const fixed = options.dialect === 'xl' || options.dialect === 'xm' ? options.dialect : null;
  // xl reads earlier values only for `+=`: without one in the text, no binding needs keeping (else
  // every key's value would stay alive in the evaluator's map, settings taken by `divert` too).
  const noReads = (fixed ?? 'xl') === 'xl' && !text.includes('+=');
  const evaluation = new Evaluation(text, { dialect: fixed ?? 'xl', defines: options.defines, divert: options.divert, sourceCodec: options.sourceCodec ?? null, sourceBytes: options.sourceBytes, invalidUtf8: options.invalidUtf8 }, noReads ? new Set() : undefined);
  const found: Finding[] = [];
  const holder = { text };
  let xm = false;
  const { tree, diagnostics: syntax } = parseTree(
    text,
    (statements) => {
      const before = found.length;
      statementFindings(holder, statements, found);
      if (!fixed) for (let i = before; i < found.length && !xm; i++) xm = found[i]!.only === 'xm';
      if (!xm) evaluation.add(statements, true);
      // The attempt is thrown away once it is xm: lexing and parsing the rest as xl (1 MiB of
      // random bytes: most of a second) would only be done again, as xm, by the caller.
      return xm;
    },
    false,
    // Lexed as xl unless xm was asked for: `auto` is xm only when the xl reading finds an xm-only construct.
    fixed !== 'xm',
    cap,
  );
  if (xm) return null;
  // Token findings first, then the statements': the order collectFindings sorts (stably) from.
  const all: Finding[] = [];
  tokenFindings(tree, all);
  for (const f of found) all.push(f);
  sortFindings(all);
  let dialectReason = 'chosen by the caller';
  if (!fixed) {
    const d = detectDialectFrom(all, text);
    if (d.dialect === 'xm') return null;
    dialectReason = d.reason;
  }
  const dialect = fixed ?? 'xl';
  const dialectDiags = dialectDiagnosticsFrom(all, text, dialect, syntax, libxluUnlessAccepted(all, text, syntax), py2InvalidUtf8(options.sourceBytes, options.invalidUtf8 ?? []));
  tree.tokens = NO_TOKENS;
  const evaluated = evaluation.result();
  return result(tree, dialect, dialectReason, syntax, [...dialectDiags, ...evaluated.diagnostics], evaluated.settings, options, evaluated, cap);
}

/**
 * The ParseResult from the findings of every stage: syntax (through `cap` already, when there is
 * one), then dialect and evaluation (`later`), in that order.
 */
function result(tree: SyntaxTree, dialect: Dialect, dialectReason: string, syntax: Diagnostic[], later: Diagnostic[], settings: Setting[], options: ParseOptions, evaluated: Pick<EvaluateResult, 'reads' | 'unread'>, cap?: FindingCap): ParseResult {
  let diagnostics: Diagnostic[];
  if (cap) {
    cap.offer(later);
    diagnostics = cap.diagnostics();
  } else diagnostics = [...syntax, ...later];
  // In xl the BOM is an error (XM0514); the info note would only repeat it.
  if (dialect === 'xl') diagnostics = diagnostics.filter((d) => d.code !== 'XM0030');
  if (options.decodeErrors?.length) diagnostics = applyDecodeErrors(diagnostics, options.decodeErrors);
  const omitted = cap && cap.omitted.errors + cap.omitted.warnings + cap.omitted.infos > 0 ? { ...cap.omitted } : undefined;
  // lineIndex is built on first use: a line table of a 10 MB file costs time and memory most callers never use.
  return withLineIndex(
    {
      ...(omitted ? { omitted } : {}),
      dialect,
      dialectReason,
      tree,
      settings,
      reads: evaluated.reads,
      unread: evaluated.unread,
      diagnostics: sortDiagnostics(diagnostics),
    },
    'tree',
  );
}

/** One XM0032 per run of adjacent decode-error offsets; invalid-character errors inside them are dropped. */
function applyDecodeErrors(diags: Diagnostic[], offsets: readonly number[]): Diagnostic[] {
  const runs = decodeRuns(offsets);
  const kept = diags.filter((d) => !(d.code === 'XM0001' && inside(runs, d)));
  for (const r of runs) kept.push({ code: 'XM0032', severity: 'error', message: 'invalid UTF-8: these bytes were replaced by U+FFFD when the file was read', span: r });
  return kept;
}

/** Runs of adjacent decode-error offsets, as spans, in order. */
function decodeRuns(offsets: readonly number[]): Span[] {
  const sorted = [...offsets].sort((a, b) => a - b);
  const runs: { start: number; end: number }[] = [];
  for (const o of sorted) {
    const last = runs[runs.length - 1];
    if (last && o <= last.end) last.end = Math.max(last.end, o + 1);
    else runs.push({ start: o, end: o + 1 });
  }
  return runs;
}

/**
 * Whether a finding lies inside one of the runs (sorted, disjoint): a binary search, as it is asked
 * for every finding and a file of invalid bytes has a run and a finding every few characters.
 */
function inside(runs: readonly Span[], d: Diagnostic): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  // The last run starting at or before the finding.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.start <= d.span.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && d.span.end <= runs[hi]!.end;
}
