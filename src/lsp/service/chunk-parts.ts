/**
 * @fileoverview One chunk's parse and what the rest of the syntax layer makes of it (parseFromTree's
 * TreeParts): its dialect findings, libxlu's verdict and its evaluation are kept with the parse, so
 * a keystroke computes them for the re-parsed chunk only (they were ~8 ms of a keystroke's ~26 ms in
 * a 5,000-line file, over the whole text). Each join falls back to the whole-text computation
 * where a chunk's part could depend on the chunks around it, so results equal a fresh parse's.
 */
import { parseTree, type ParseTreeResult } from '../../syntax/parse.js';
import type { TreeParts } from '../../syntax/parse.js';
import { sortFindings, statementFindings, tokenFindings, type Finding } from '../../syntax/dialect-findings.js';
import { libxluCheck, type XluError } from '../../syntax/libxlu.js';
import { Evaluation, usedNames, type EvaluateResult } from '../../syntax/evaluate.js';
import { MAX_FILE_BUDGET, MAX_FILE_WORK } from '../../syntax/evaluate-limits.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Dialect } from '../../syntax/value.js';

/** A parse of one chunk's text and its parts; every span in it is absolute for the chunk's position `offset`. */
export interface ChunkParse {
  parse: ParseTreeResult;
  offset: number;
  /** Every object of the parse with a `start` or `end` number (spans), to move them without walking the tree. */
  spans: Positioned[];
  /** The chunk's dialect findings, read alone, sorted (their span objects are their own). */
  findings: Finding[];
  /**
   * The findings of a text with this chunk and then others are the chunks' findings one after the
   * other: the token scan ended outside brackets after a line end, and no final-comment finding
   * (XM0512, true only of a text's last token).
   */
  joins: boolean;
  /** libxlu accepts the chunk read alone (computed when first asked for). */
  xlu?: boolean;
  /** The names the chunk's statements read (evaluate's usedNames) and those they bind. */
  reads: Set<string>;
  binds: string[];
  /** No statement the evaluator runs as a block (unsupported statements may bind and read anything). */
  plain: boolean;
  /** The chunk's evaluation on its own, per dialect (see evaluateChunks). */
  evals: Partial<Record<Dialect, ChunkEval>>;
}

/** One chunk evaluated alone: the result, the file-wide budgets it spent, and the offset its `unread` positions are for. */
interface ChunkEval {
  result: EvaluateResult;
  budget: number;
  work: number;
  offset: number;
}

/** An object with span offsets (`{ start, end }`, a span or a node holding its own). */
type Positioned = { start?: unknown; end?: unknown };

/** Parse the chunk `piece` found at `start` (xl: lexed as xl reads it) and compute its parts. */
export function chunkParse(piece: string, start: number, xl: boolean): ChunkParse {
  // The parse is this chunk's alone (nothing else holds its objects), so its spans are moved in
  // place; an object the parser shares between two nodes is collected, and so moved, once.
  const parse = parseTree(piece, undefined, false, xl);
  const found: Finding[] = [];
  // Chunk-relative still: the piece is the text the findings read.
  const ends = tokenFindings(parse.tree, found);
  statementFindings(parse.tree, parse.tree.statements, found);
  sortFindings(found);
  // A finding may share its span object with a tree node, which would then be moved twice.
  const findings = found.map((f) => ({ ...f, span: { start: f.span.start, end: f.span.end } }));
  const spans: Positioned[] = [];
  const seen = new Set<object>();
  collectSpans(parse.tree.statements, spans, seen);
  collectSpans(parse.diagnostics, spans, seen);
  for (const f of findings) spans.push(f.span);
  const binds: string[] = [];
  let plain = true;
  for (const s of parse.tree.statements) {
    if (s.kind === 'unsupported') plain = false;
    else if (s.kind === 'assign') {
      binds.push(s.key.name);
      for (const t of s.chained ?? []) binds.push(t.name);
    }
  }
  const joins = ends && !findings.some((f) => f.code === 'XM0512');
  return { parse, offset: start, spans: shiftSpans(spans, start), findings, joins, reads: usedNames(parse.tree.statements), binds, plain, evals: {} };
}

/** `entry` with its spans moved in place to the chunk position `start` (the parse belongs to this checker and this occurrence alone). */
export function moveTo(entry: ChunkParse, start: number): ChunkParse {
  if (entry.offset !== start) {
    shiftSpans(entry.spans, start - entry.offset);
    entry.offset = start;
  }
  return entry;
}

/**
 * parseFromTree's parts for the text made of `parts` (at `chunks`). `cutAsXl`: the chunks were cut
 * as xl lexes the text (libxlu's reading: a CR inside a comment or string is text).
 */
export function treeParts(text: string, chunks: readonly [number, number][], parts: readonly ChunkParse[], cutAsXl: boolean, defines: Record<string, string | number> | undefined, stats: PartStats): TreeParts {
  return {
    findings: joinFindings(parts),
    libxlu: () => libxluOf(text, chunks, parts, cutAsXl),
    evaluate: (dialect) => evaluateChunks(text, parts, dialect, defines, stats),
  };
}

/** What the last evaluation from chunks did (for tests and the bench). */
export interface PartStats {
  /** Chunks evaluated alone (their kept evaluation was missing). */
  evaluated: number;
  /** Chunks evaluated in order with the others (they read or bind names other chunks share). */
  shared: number;
  /** The text was evaluated whole (the budgets came near a limit). */
  whole: boolean;
}

/** The findings of the whole text from its chunks', or undefined when they cannot be joined. */
function joinFindings(parts: readonly ChunkParse[]): Finding[] | undefined {
  if (parts.length === 1) return parts[0]!.findings;
  const out: Finding[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i < parts.length - 1 && !parts[i]!.joins) return undefined;
    for (const f of parts[i]!.findings) out.push(f);
  }
  return out;
}

/**
 * libxlu's first error in the text: in the first chunk it does not accept alone, read from there on
 * to the end. A chunk it accepts ends with a line end, so libxlu reads the next chunk from the start
 * of a statement, as it reads a text. A text with a CR cut as xm reads it is read whole: xm ends a
 * comment at a CR where libxlu does not.
 */
function libxluOf(text: string, chunks: readonly [number, number][], parts: readonly ChunkParse[], cutAsXl: boolean): XluError | null {
  if (!cutAsXl && text.includes('\r')) return libxluCheck(text);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const [start, end] = chunks[i]!;
    p.xlu ??= libxluCheck(text.slice(start, end)) === null;
    if (p.xlu) continue;
    const e = libxluCheck(start === 0 ? text : text.slice(start));
    return e && { ...e, offset: e.offset + start };
  }
  return null;
}

/**
 * evaluate(tree) from the chunks. A chunk that reads no name, binds none another chunk reads and
 * runs no block is independent of the others but for the file-wide budgets: its evaluation alone
 * is kept and reused. The other chunks are evaluated in order by one evaluation, which then sees
 * every binding it would see in the whole text. When the budgets spent together come near a limit,
 * the text is evaluated whole (a budget that runs out stops every later chunk).
 */
function evaluateChunks(text: string, parts: readonly ChunkParse[], dialect: Dialect, defines: Record<string, string | number> | undefined, stats: PartStats): EvaluateResult {
  const options = { dialect, defines };
  const used = new Set<string>();
  for (const p of parts) for (const n of p.reads) used.add(n);
  const live = new Evaluation(text, options, used);
  const live$ = live.result();
  const settings: EvaluateResult['settings'] = [];
  const diagnostics: Diagnostic[] = [];
  const unread: EvaluateResult['unread'] = [];
  let budget = 0;
  let work = 0;
  for (const p of parts) {
    if (p.plain && p.reads.size === 0 && !p.binds.some((b) => used.has(b))) {
      if (!p.evals[dialect]) stats.evaluated++;
      const e = ownEvaluation(text, p, dialect, options);
      for (const s of e.result.settings) settings.push(s);
      for (const d of e.result.diagnostics) diagnostics.push(d);
      for (const u of e.result.unread) unread.push(u);
      budget += e.budget;
      work += e.work;
      continue;
    }
    stats.shared++;
    const [s0, d0, u0] = [live$.settings.length, live$.diagnostics.length, live$.unread.length];
    live.add(p.parse.tree.statements);
    for (let i = s0; i < live$.settings.length; i++) settings.push(live$.settings[i]!);
    for (let i = d0; i < live$.diagnostics.length; i++) diagnostics.push(live$.diagnostics[i]!);
    for (let i = u0; i < live$.unread.length; i++) unread.push(live$.unread[i]!);
  }
  const spent = live.spent();
  if (spent.halted || budget + spent.budget > MAX_FILE_BUDGET || work + spent.work > MAX_FILE_WORK) {
    stats.whole = true;
    const whole = new Evaluation(text, options, used);
    for (const p of parts) whole.add(p.parse.tree.statements);
    return whole.result();
  }
  return { settings, diagnostics, unread, reads: live$.reads };
}

/** The chunk's evaluation alone in `dialect` (kept; its spans move with the chunk). */
function ownEvaluation(text: string, p: ChunkParse, dialect: Dialect, options: { dialect: Dialect; defines?: Record<string, string | number> }): ChunkEval {
  let e = p.evals[dialect];
  if (!e) {
    const ev = new Evaluation(text, options, new Set());
    ev.add(p.parse.tree.statements);
    const { budget, work } = ev.spent();
    e = p.evals[dialect] = { result: ev.result(), budget, work, offset: p.offset };
    // Its spans are the tree's where it shares them; its own ones join the chunk's list (once each,
    // as the result may reach one twice).
    collectSpans([e.result.settings, e.result.diagnostics, e.result.unread], p.spans, new Set<object>(p.spans as object[]));
  } else if (e.offset !== p.offset) {
    // An unread assignment's `at` is an offset, not a span: moved here, when it is used.
    for (const u of e.result.unread) (u as { at: number }).at += p.offset - e.offset;
    e.offset = p.offset;
  }
  return e;
}

/**
 * Append to `out` every object inside `value` with a `start` or `end` number that is not in `seen`
 * (and add it there): an object reachable twice (the parser shares a span between a string and its
 * only part, a finding's span with its node's) is listed once, so it is moved once. Collected once
 * per chunk parse: moving a chunk then walks a flat list of spans instead of the tree (a recursive
 * walk over objects of many shapes: ~1/3 of the chunk bookkeeping of a keystroke in a 20,000-line
 * file). It replaces a JSON copy of the parse that made every object its own: 0.46 s of opening an
 * 88,000-line file (bench/lsp-unknown-keys.mjs).
 */
function collectSpans(value: unknown, out: Positioned[], seen: Set<object>): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') collectSpans(v, out, seen);
    }
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' || typeof o.end === 'number') {
    if (seen.has(o)) return;
    seen.add(o);
    out.push(o);
  }
  for (const k in o) {
    const v = o[k];
    if (v !== null && typeof v === 'object') collectSpans(v, out, seen);
  }
}

/** Move the `start`/`end` numbers of `spans` by `delta`, in place; returns `spans`. */
function shiftSpans<T extends readonly Positioned[]>(spans: T, delta: number): T {
  if (delta === 0) return spans;
  for (let i = 0; i < spans.length; i++) {
    const o = spans[i]!;
    if (typeof o.start === 'number') o.start += delta;
    if (typeof o.end === 'number') o.end += delta;
  }
  return spans;
}
