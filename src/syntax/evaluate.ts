/**
 * @fileoverview The safe evaluator: turns a syntax tree into the ordered settings of the file. xl values
 * are read as libxlu stores them (text numbers, `+=` per libxlu); xm statements are evaluated in file
 * order with Python 2 semantics, without ever running code. Never throws on user input.
 */
import { quoteText } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { EvalCode } from '../diagnostics/codes/evaluate.js';
import type { AssignStmt, Expr, Stmt, SyntaxTree, UnsupportedStmt } from './tree.js';
import type { Dialect, Setting, SettingSink, UnreadAssignment, Value } from './value.js';
import { MAX_FILE_BUDGET, sizeOf, withSizeCache, type SizeCache } from './evaluate-limits.js';
import { evalXl, evalXm, report, respan, type EvalContext } from './evaluate-expr.js';
import { appendXl } from './evaluate-append.js';
import { XM_PRESET, assignmentsIn, namesRead, unsupportedStatement } from './evaluate-blocks.js';
import { parsePythonNumber } from './python-number.js';
import { convertXmOption, xmOptionConversion } from './xm-options.js';
import { newAliasState, noteHolder, noteSetting, otherHolders } from './evaluate-alias.js';
import { augmentXm } from './evaluate-augment.js';
import type { SingleByteCodec } from './source-decode.js';

/** Options of one evaluation. */
export interface EvaluateOptions {
  dialect: Dialect;
  /**
   * xm only (ignored for xl): the `NAME=VALUE` arguments of `xm create`. NAME an option of
   * create.py's table: its value, converted as xm did, wins over the file's assignments
   * (xm-options.ts); else a script variable (`vmid=3`), a numeric-looking string being a number.
   */
  defines?: Record<string, string | number>;
  /**
   * Empty `tree.statements` while evaluating, dropping each statement once it is evaluated: for
   * callers that need only the settings, so a big file's tree is never alive next to all of them.
   */
  consume?: boolean;
  /** xl only: settings the sink takes are left out of `settings` (see ParseOptions.divert). */
  divert?: SettingSink;
  /** xm only: the single-byte encoding the file was decoded from (ParseOptions.sourceCodec). */
  sourceCodec?: SingleByteCodec | null;
  /** xm only: the file's bytes, when a value cannot be told from the text (ParseOptions.sourceBytes). */
  sourceBytes?: Uint8Array | null;
  /** xm only: where the UTF-8 decoder met invalid bytes (ParseOptions.invalidUtf8). */
  invalidUtf8?: readonly number[];
}

/** The settings of a file in source order, and the evaluation findings. */
export interface EvaluateResult {
  settings: Setting[];
  diagnostics: Diagnostic[];
  /** Names whose value some expression read: in xm these are helper variables, not options. */
  reads: ReadonlySet<string>;
  /** Assignments that yielded no setting (not evaluated, or in a statement that is not run), in source order. */
  unread: UnreadAssignment[];
}

/** Keys whose bare-word value is accepted as the NUMA RFC's spelling (`numa = on`). */
const WORD_KEYS = new Set(['numa']);

interface Run extends EvalContext {
  dialect: Dialect;
  /**
   * Names the file ever reads (as values or `+=` targets). Only these are kept in `env`/`lastXl`:
   * a 10 MB file of unique keys then needs no map of 250,000 bindings.
   */
  used: { has(name: string): boolean };
  settings: Setting[];
  /** xl: effective value of the last setting of each key (null: it failed), for `+=`. */
  lastXl: Map<string, Value | null>;
  /** Characters and items of all settings so far (bounded by MAX_FILE_BUDGET). */
  budget: number;
  /** Where settings the caller does not keep go (xl only), or null. */
  divert: SettingSink | null;
  /** Assignments whose value is not known (EvaluateResult.unread). */
  unread: UnreadAssignment[];
  /** xm: options given with --define, which win over the file's assignments of them. */
  overrides: Map<string, Value>;
  /** The overridden options the file assigns (their settings carry the define's value). */
  overridden: Set<string>;
}

/** Value of a --define: numbers stay numbers, decimal/float-looking strings become numbers. */
export function defineValue(raw: string | number): Value {
  const span: Span = { start: 0, end: 0 };
  if (typeof raw === 'number') {
    const float = !Number.isSafeInteger(raw);
    return { kind: 'number', text: String(raw), value: raw, pyType: float ? 'float' : 'int', span };
  }
  const t = raw.trim();
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  // int() of a command-line string is decimal (no octal), so read digits as decimal first.
  if (body.length > 0 && /^[0-9]+$/.test(body)) {
    const n = Number(body) * (neg ? -1 : 1);
    if (Number.isSafeInteger(n)) return { kind: 'number', text: t, value: n, pyType: 'int', span };
  }
  const f = parsePythonNumber(body);
  if (f.ok && f.pyType === 'float') return { kind: 'number', text: t, value: neg ? -f.value : f.value, pyType: 'float', span };
  return { kind: 'string', value: raw, span };
}

/** Placeholder for an evaluated statement of a consumed tree. */
const RELEASED: Stmt = { kind: 'error', span: { start: 0, end: 0 } };

/** Evaluate a syntax tree into its settings (source order, duplicates included) and diagnostics. */
export function evaluate(tree: SyntaxTree, options: EvaluateOptions): EvaluateResult {
  const ev = new Evaluation(tree.text, options, usedNames(tree.statements));
  const statements = tree.statements;
  if (options.consume) tree.statements = [];
  ev.add(statements, options.consume === true);
  return ev.result();
}

/** Every name is kept: for a streaming evaluation, which cannot know what later statements read. */
const ALL_NAMES: { has(name: string): boolean } = { has: () => true };

/**
 * An evaluation fed top-level statements in source order, possibly in several batches (a streaming
 * parse hands them over chunk by chunk). `used` limits the bindings kept to the names the file
 * reads; without it every binding is kept (same results, more memory).
 */
export class Evaluation {
  private readonly run: Run;
  /** The sizes of the lists built so far (evaluate-limits.ts): batches share names, hence lists. */
  private readonly sizes: SizeCache = new Map();
  constructor(text: string, options: EvaluateOptions, used?: Set<string>) {
    this.run = {
      text,
      env: new Map(),
      diagnostics: [],
      dialect: options.dialect,
      settings: [],
      lastXl: new Map(),
      budget: 0,
      work: 0,
      halted: false,
      reads: new Set(),
      readSinceBound: new Set(),
      used: used ?? ALL_NAMES,
      divert: options.dialect === 'xl' ? (options.divert ?? null) : null,
      unread: [],
      overrides: new Map(),
      overridden: new Set(),
    };
    if (options.dialect === 'xm') this.run.alias = newAliasState();
    // A byte string holds the file's bytes: in a declared single-byte encoding, its characters' (PEP 263).
    if (options.dialect === 'xm') this.run.sourceCodec = options.sourceCodec ?? null;
    // Bytes xmcfg's UTF-8 decoder read as U+FFFD (or a codec reading two bytes alike): read from the file's bytes.
    if (options.dialect === 'xm' && options.sourceBytes != null) {
      this.run.sourceBytes = options.sourceBytes;
      if (options.invalidUtf8 !== undefined) this.run.invalidUtf8 = options.invalidUtf8;
    }
    if (options.dialect === 'xm') {
      for (const name of XM_PRESET) this.run.env.set(name, { state: 'opaque', how: 'a module or helper xm provided at run time, not a value' });
      for (const [name, raw] of Object.entries(options.defines ?? {})) {
        if (typeof raw === 'string' || typeof raw === 'number') this.define(name, raw);
      }
    }
  }

  /**
   * One `xm create` NAME=VALUE: an option of create.py's table is set (converted as xm did) and
   * wins over the file; any other name is a script variable the file reads (xm-options.ts).
   */
  private define(name: string, raw: string | number): void {
    const conversion = xmOptionConversion(name);
    if (conversion === undefined) {
      this.run.env.set(name, { state: 'value', value: defineValue(raw) });
      return;
    }
    const r = convertXmOption(conversion, raw);
    if (r.ok) {
      this.run.overrides.set(name, r.value);
      return;
    }
    // xm exits ("Error: Invalid value: …") before reading the file; the file's own value stands.
    const shown = quoteText(String(raw));
    report(this.run, 'XM0240', { start: 0, end: 0 }, `--define ${name}=${shown}: xm create refuses this value of ${name} ("Error: Invalid value: ${shown}"): ${r.why}`, `give ${name} a value xm's create.py takes, or leave the --define out`);
  }

  /** Evaluate the next statements; `release` clears each array slot once its statement is evaluated. */
  add(statements: Stmt[], release = false): void {
    withSizeCache(this.sizes, () => this.addStatements(statements, release));
  }

  private addStatements(statements: Stmt[], release: boolean): void {
    const run = this.run;
    for (let i = 0; i < statements.length; i++) {
      const stmt = statements[i]!;
      // Releasing: the slot is cleared so the statement's nodes not kept by its setting can go.
      if (release) statements[i] = RELEASED;
      try {
        statement(stmt, run);
      } catch (err) {
        // A bug must not take the whole check down: report it at the statement and go on.
        report(run, EvalCode.notEvaluated, stmt.span, `internal error while evaluating: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** The file-wide budgets spent so far (MAX_FILE_BUDGET, MAX_FILE_WORK) and whether one ran out. */
  spent(): { budget: number; work: number; halted: boolean } {
    return { budget: this.run.budget, work: this.run.work, halted: this.run.halted };
  }

  /** The settings and findings of the file (called once, after the last statement). */
  result(): EvaluateResult {
    const run = this.run;
    this.sizes.clear();
    if (run.overrides.size > 0) {
      // An option given on the command line that the file never sets (or sets only in code that is
      // not run) still has its value: xm set it before reading the file. It has no place in the
      // file, so it is at 1:1, as findings about a missing key are.
      for (const [key, value] of run.overrides) {
        if (run.overridden.has(key)) continue;
        run.overridden.add(key);
        run.settings.push({ key, keySpan: { start: 0, end: 0 }, op: '=', value, valueSpan: { start: 0, end: 0 }, span: { start: 0, end: 0 } });
      }
      run.unread = run.unread.filter((u) => !run.overrides.has(u.key));
    }
    return { settings: run.settings, diagnostics: run.diagnostics, reads: run.reads, unread: run.unread };
  }
}

function statement(stmt: Stmt, run: Run): void {
  if (stmt.kind === 'assign') {
    if (run.dialect === 'xl') assignXl(stmt, run);
    else assignXm(stmt, run);
  } else if (stmt.kind === 'unsupported') {
    if (run.alias) sharedInBlock(stmt, run);
    unsupportedStatement(stmt, run, run.dialect === 'xm', run.unread);
  } else brokenAssignment(stmt, run);
}

/** `NAME =` or `NAME +=` at the start of a statement the parser could not read (`memory = 1024 +`). */
const BROKEN_TARGET = /^([A-Za-z_][A-Za-z0-9_.]*)[ \t\f]*\+?=(?!=)/;

/**
 * A statement with a syntax error that assigns a name: neither tool would run the file (Python's
 * SyntaxError, libxlu's parse error), so the name's earlier value is not the one the file means: it
 * is recorded as not evaluated, so check treats the key as unknown rather than keep the stale value.
 */
function brokenAssignment(stmt: Stmt, run: Run): void {
  const m = BROKEN_TARGET.exec(run.text.slice(stmt.span.start, Math.min(stmt.span.end, stmt.span.start + 300)));
  if (m === null) return;
  const keySpan = { start: stmt.span.start, end: stmt.span.start + m[1]!.length };
  run.unread.push({ key: m[1]!, keySpan, at: stmt.span.start, why: 'not-evaluated' });
}

/**
 * A `+=` inside a block that is not run may extend a list other names hold too (`b = a`, then
 * `a += [i]` in a `for` loop): their values are unknown as well, as the target's is.
 */
function sharedInBlock(stmt: UnsupportedStmt, run: Run): void {
  for (const a of assignmentsIn(stmt.body)) {
    if (a.op !== '+=') continue;
    const b = run.env.get(a.key.name);
    if (b?.state !== 'value') continue;
    for (const name of otherHolders(run.alias!, a.key.name, b.value)) run.unread.push({ key: name, keySpan: { start: a.key.span.start, end: a.key.span.end }, at: stmt.span.start, why: 'not-read' });
  }
}

/** The word value of `numa = on`, when the key takes one and the name is not a bound variable. */
function wordValue(stmt: AssignStmt, run: Run): Value | null {
  const e = stmt.value;
  if (e.kind !== 'name' || !WORD_KEYS.has(stmt.key.name)) return null;
  if (e.name === 'True' || e.name === 'False' || e.name === 'None' || (run.dialect === 'xm' && run.env.has(e.name))) return null;
  return { kind: 'word', value: e.name, span: e.span };
}

/** Charge a setting's size to the file budget; false (reported once) when the budget is spent. */
function charge(v: Value, at: Span, run: Run): boolean {
  if (run.halted) return false;
  if (v.kind === 'list') {
    const s = sizeOf(v);
    run.budget += s.chars + s.items + 1;
  } else run.budget += v.kind === 'string' || v.kind === 'word' ? v.value.length + 1 : 1;
  if (run.budget <= MAX_FILE_BUDGET) return true;
  run.halted = true;
  report(run, EvalCode.fileTooLarge, at, 'the values of this file exceed the evaluation budget; later settings are not read');
  return false;
}

function pushSetting(stmt: AssignStmt, key: { name: string; span: Span }, op: '=' | '+=', value: Value, run: Run, appended = false, updates = false): Setting | null {
  const setting: Setting = {
    key: key.name,
    // Spans are shared with the tree (never mutated), which keeps 10 MB files cheap.
    keySpan: key.span,
    op,
    value,
    valueSpan: stmt.value.span,
    span: stmt.span,
  };
  if (appended) setting.appended = true;
  if (updates) setting.updates = true;
  if (run.divert !== null && run.divert.take(setting)) return null;
  run.settings.push(setting);
  return setting;
}

function assignXl(stmt: AssignStmt, run: Run): void {
  const key = stmt.key.name;
  let value = wordValue(stmt, run) ?? evalXl(stmt.value, run);
  if (value !== null && stmt.op === '+=') {
    const prev = run.lastXl.get(key);
    if (prev === null) value = null;
    else if (prev !== undefined) {
      const joined = appendXl(prev, value, stmt.value.span);
      if (typeof joined === 'string') {
        report(run, EvalCode.appendMismatch, stmt.value.span, joined);
        value = null;
      } else value = joined;
    }
  }
  if (value !== null && !charge(value, stmt.value.span, run)) value = null;
  if (run.used.has(key)) run.lastXl.set(key, value);
  if (value !== null) pushSetting(stmt, stmt.key, stmt.op, value, run, stmt.op === '+=');
  else notEvaluated(stmt, stmt.key, run);
}

function assignXm(stmt: AssignStmt, run: Run): void {
  // `a.b = v` is attribute assignment in Python, not a variable (the dialect rules report it).
  if (stmt.key.name.includes('.')) return;
  let value = wordValue(stmt, run) ?? evalXm(stmt.value, run);
  if (value !== null && stmt.op === '+=') value = augmentXm(stmt, value, run);
  if (value !== null && !charge(value, stmt.value.span, run)) value = null;
  // `a = b = [1]`: both names hold the one list (a later `a += [2]` changes b too).
  if (value !== null && stmt.chained && run.alias) for (const t of [stmt.key, ...stmt.chained]) noteHolder(run.alias, t.name, value);
  bindXm(stmt, stmt.key, stmt.op, value, run);
  if (stmt.chained) for (const t of stmt.chained) bindXm(stmt, t, '=', value, run);
}

function bindXm(stmt: AssignStmt, target: { name: string; span: Span }, op: '=' | '+=', value: Value | null, run: Run): void {
  // Read since its last binding (this statement's own value included): the old value was used.
  const updates = run.readSinceBound?.delete(target.name) === true;
  if (run.used.has(target.name)) run.env.set(target.name, value === null ? { state: 'failed' } : { state: 'value', value });
  // An option given with --define: the file still binds its own value (later expressions read
  // it), but the option is the command line's (Opts.load: `if self.specified(k): continue`).
  const given = run.overrides.get(target.name);
  if (given !== undefined) {
    run.overridden.add(target.name);
    pushSetting(stmt, target, op, respan(given, stmt.value.span), run, false, updates);
  } else if (value !== null) {
    const s = pushSetting(stmt, target, op, value, run, false, updates);
    if (s !== null && run.alias) noteSetting(run.alias, target.name, s, run.used.has(target.name));
  } else notEvaluated(stmt, target, run);
}

/** Remember a target whose value was not evaluated: the key is written, its value unknown (not absent). */
function notEvaluated(stmt: AssignStmt, target: { name: string; span: Span }, run: Run): void {
  run.unread.push({ key: target.name, keySpan: { start: target.span.start, end: target.span.end }, at: stmt.span.start, why: 'not-evaluated' });
}

/** Every name read as a value, and every `+=` target, anywhere in the statements (blocks included). */
export function usedNames(statements: Stmt[]): Set<string> {
  const used = new Set<string>();
  visitNames(statements, used, []);
  return used;
}

/** The walk of {@link usedNames} (a function, not a closure: closures cost a `__name` call each in the bundle). */
function visitNames(list: Stmt[], used: Set<string>, stack: Expr[]): void {
  for (const s of list) {
    if (s.kind === 'unsupported') visitNames(s.body, used, stack);
    if (s.kind !== 'assign') continue;
    if (s.op === '+=') used.add(s.key.name);
    namesRead(s.value, used, stack);
  }
}
