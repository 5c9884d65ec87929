/**
 * @fileoverview `convert --to xl`: an xm file becomes a file Xen's xl accepts and reads as xm
 * read the original. The source is edited in place (comments and layout kept): xm keys xl knows
 * under another name are renamed (builder → type, bootargs → bootloader_args, …), xm-only keys xl
 * would ignore and values xl reads differently are kept as comments that say why (one note per
 * file), statements xl cannot express are commented out with a note; keys the catalogue does not
 * know are reported; with a host, the RFC NUMA keys become the allocator's `cpus`/`cpus_soft`/`vnuma` lines.
 */
import type { CheckResult } from '../check/check.js';
import { pushAll, sortDiagnostics, type Diagnostic, type TextEdit } from '../diagnostics/diagnostic.js';
import type { AssignStmt } from '../syntax/tree.js';
import type { SingleByteCodec } from '../syntax/source-decode.js';
import type { Dialect } from '../syntax/value.js';
import type { Span } from '../diagnostics/span.js';
import type { Host, Plan, PlanOptions } from '../placement/types.js';
import { plan as makePlan } from '../placement/index.js';
import { unknownPlanInputs } from '../placement/unknown-inputs.js';
import { atConfigSpans } from '../placement/findings.js';
import { xmFileName } from '../placement/xm-name.js';
import { commentOut, rewriteStatement, strayContinuations, trailingContinuations, type Unconvertible } from './rewrite.js';
import { editedText, type MappedText } from './span-map.js';
import { SpanReach } from './span-reach.js';
import { withoutFormFeeds } from './form-feed.js';
import { xlString } from './xl-literal.js';
import { planKeys, planLines } from './plan-lines.js';
import { convertPlanConfig } from './plan-config.js';
import { KeyConversion } from './key-conversion.js';
import { keyDiagnostics, NUMA_KEYS } from './key-findings.js';
import { blockSpan, wholeLine } from './statement-extent.js';
import { blockBoundNames, blockDependent } from './block-bound.js';
import { supersededByDropped } from './superseded.js';
import { dropRewrites, supersededStatements } from './replaced-later.js';
import { lastNameSetter, lostName, lostNameDiagnostic } from './lost-name.js';
import { blocksConversion, xmReading } from './xm-reading.js';
import { once, VIDEORAM_REFUSED, xlRefusedInOutput, xlRefusedXlOnly } from './xl-refused.js';
import { xmDisplay } from './xm-display.js';
import { utf8Declaration } from './coding-line.js';
import { definesIgnoredOnXl } from '../syntax/defines-on-xl.js';
import { settingsAsCodecText } from './codec-values.js';
import { appendLines, definedLines, definedOptions, definedTargets, dropEmptyName, FROM_DEFINE, implicitPygrub, xmBootloaderFate, xmDefaultLines } from './command-line.js';

/** Why a statement is commented out, as the note and the comment say it. */
const UNCONVERTIBLE: Record<Unconvertible, string> = {
  'key-not-xl': 'not an xl key',
  'no-xl-value': 'no xl value (None)',
  'nul-in-string': 'no xl value (a NUL character)',
  'not-read': 'xm reads no value from it',
};

/** Options of convertToXl. */
export interface ConvertOptions {
  /** Script variables for xm files (`--define vmid=3`), and xm create options (`--define memory=1024`): written into the output (decision 020). */
  defines?: Record<string, string | number>;
  /** How to read the file: auto (default) as xmReading decides, or the dialect the user names. */
  dialect?: Dialect | 'auto';
  /** Host topology: when given, the NUMA keys are replaced by the placement plan's settings. */
  host?: Host;
  planOptions?: PlanOptions;
  /**
   * The config file's name: xm used its base name as the domain name when the file sets none, and
   * xl refuses a file without a name, so the converted file then gets `name = "<base name>"`.
   */
  fileName?: string;
  /** Where the file's UTF-8 decoder met invalid bytes (CheckOptions.invalidUtf8): xm refuses them in a u"" string (XM0049). */
  invalidUtf8?: readonly number[];
  /** The single-byte encoding the file declares and was decoded by (CheckOptions.sourceCodec): xm's byte strings hold its bytes. */
  sourceCodec?: SingleByteCodec | null;
  /** The file's bytes, when an xm value cannot be told from the text (CheckOptions.sourceBytes). */
  sourceBytes?: Uint8Array | null;
}

/** Result of a conversion; diagnostics point into the input text. */
export interface ConvertResult {
  /** False when the input could not be converted (syntax errors, impossible plan). */
  ok: boolean;
  /** The xl text ('' when !ok). */
  text: string;
  diagnostics: Diagnostic[];
  /** One line per change that removed something (commented-out statements; those xl would ignore share one line), for stderr. */
  notes: string[];
  /** The plan used for the NUMA keys, when a host was given. */
  plan?: Plan | null;
}

/** "value xm silently ignored": True/False, None, a tuple, a long. */
const XM_IGNORED_VALUE = 'XM0554';
/** "an xl option that xm did not have (xm ignored it)". */
const XM_IGNORED_KEY = 'XM0553';
/** "the conversion commented out a statement xl cannot take as xm read it". */
const LOST_STATEMENT = 'XM0555';
/** Convert an xm (or xl) config text to xl; never throws on any input. */
export function convertToXl(text: string, options: ConvertOptions = {}): ConvertResult {
  return convertToXlMapped(text, options).result;
}

/** A conversion with what `convert --to json` reads from it besides its result. */
export interface MappedConversion {
  result: ConvertResult;
  /** From the converted text's spans back to the input's (null: none, text the conversion added). */
  toInput: MappedText['toInput'];
  /** `check --dialect xl` of the converted text when the conversion has it already (see xlCheckOf); absent: not made. */
  xlCheck?: CheckResult;
}

/** {@link convertToXl}, with the map from the converted text's spans back to the input's and the xl check of the output when one was made. */
export function convertToXlMapped(text: string, options: ConvertOptions = {}): MappedConversion {
  const res = xmReading(text, options.defines, options.dialect, options);
  // The reading's byte strings hold the bytes of the declared encoding; the output is its text.
  if (options.sourceCodec && res.dialect === 'xm') settingsAsCodecText(res.settings, options.sourceCodec);
  const first = convertOnce(text, res, options, new Set());
  // An xl-only option xm ignored that xl refuses in the converted file (vnuma on what is a PV guest
  // for xl), or a videoram below what xl's device model needs: converted again with it commented
  // out, from the same reading (a conversion leaves its reading as it found it).
  const refused = first.converted ? xlRefusedInOutput(res, first.result.text, first.toInput) : { keys: new Set<string>() };
  if (refused.keys.size) {
    const again = convertOnce(text, res, options, refused.keys);
    return { result: again.result, toInput: again.toInput };
  }
  const xlCheck = refused.check ?? xlCheckOf(text, res, first.result, options);
  return { result: first.result, toInput: first.toInput, ...(xlCheck ? { xlCheck } : {}) };
}

/**
 * The reading as `check --dialect xl` of the converted text, when it is that: a file read as xl
 * that the conversion left as it was, and decoded as plain UTF-8 (a reading given a declared codec
 * or the bytes of invalid UTF-8 had more to go on than the check of the converted text, which gets
 * neither). Else undefined: the converted text is another text, or was read otherwise.
 */
function xlCheckOf(text: string, res: CheckResult, result: ConvertResult, options: ConvertOptions): CheckResult | undefined {
  const plain = !options.sourceCodec && !options.sourceBytes && !options.invalidUtf8?.length;
  return result.ok && res.dialect === 'xl' && result.text === text && plain ? res : undefined;
}

/** One conversion of the reading `res` of `text`, with `alsoRefused` xl-only keys commented out beside those whose value xl refuses; `converted`: it was not refused. */
function convertOnce(text: string, res: CheckResult, options: ConvertOptions, alsoRefused: ReadonlySet<string>): MappedConversion & { converted?: true } {
  const fail = (result: ConvertResult) => ({ result, toInput: () => null });
  const blocking = res.diagnostics.filter(blocksConversion);
  // With a host, a NUMA key (set, or written with an unknown value) asks for a plan: none is made
  // while a plan input is unknown (XM0413), or xl's defaults would be planned in its place.
  const wantsPlan = !!options.host && [...NUMA_KEYS].some((k) => res.unknown.has(k) || res.settings.some((s) => s.key === k));
  const unknownInputs = wantsPlan ? unknownPlanInputs(res) : [];
  if (blocking.length || unknownInputs.length || res.tree.statements.some((s) => s.kind === 'error')) {
    return fail({ ok: false, text: '', diagnostics: sortDiagnostics([...blocking, ...unknownInputs]), notes: [], ...(unknownInputs.length ? { plan: null } : {}) });
  }
  // The converted text is written as UTF-8: a PEP 263 comment naming the encoding the file was read in would now lie (decision 040).
  const edits: TextEdit[] = utf8Declaration(text);
  const notes: string[] = [];
  if (res.dialect === 'xl' && options.defines && Object.keys(options.defines).length > 0) notes.push(definesIgnoredOnXl(Object.keys(options.defines)));
  const diagnostics: Diagnostic[] = [];
  const line = (offset: number) => res.lineIndex.position(offset).line;
  const numaStmts: AssignStmt[] = [];
  const replacedByPlan = options.host ? new Set<string>() : null;

  let planResult: Plan | null | undefined;
  const refused = new Set([...xlRefusedXlOnly(res), ...alsoRefused]);
  // The plan sees the cpus_soft the converted file holds, as xl reads it (plan-config.ts); one the
  // file keeps already keeps libxl from placing a numa = "off" guest.
  const { config: planConfig, ownSoft } = convertPlanConfig(res, refused);
  if (wantsPlan && options.host) {
    // The file's reading sizes a guest without memory (xm: 128 MiB, which the converted file gets too).
    const r = makePlan(planConfig, options.host, { dialect: res.dialect, ...(options.planOptions ?? {}) });
    planResult = r.plan;
    // At the key or value that causes each (numanode, cpus, memory...), as plan and check --host put them.
    pushAll(diagnostics, atConfigSpans(res.config, res.spans, r.diagnostics, options.host, res.anchor));
    if (!r.plan) return fail({ ok: false, text: '', diagnostics, notes, plan: null });
    for (const k of planKeys(r.plan, ownSoft)) replacedByPlan!.add(k);
  }

  // xm's create.py reads name = "" as no name and names the guest after its file; xl would create
  // a guest named "", which its commands cannot address (an empty domain argument is Domain-0).
  const base = options.fileName === undefined ? null : xmFileName(options.fileName).name;
  // A Python block after the last name assignment may have named the guest: xm's name is not known
  // (neither the file's name nor an earlier value), and the converted file gets none of its own.
  const nameSetter = lastNameSetter(text, res.tree.statements);
  const blockNamed = nameSetter?.kind === 'block';
  // A setting with an empty span is a --define of an option the file does not set (at 1:1): no statement to rewrite.
  const emptyName = res.dialect === 'xm' && !blockNamed && res.config.name === '' && !res.unknown.has('name') ? [...res.settings].reverse().find((s) => s.key === 'name' && s.span.end > s.span.start) : undefined;
  const keys = new KeyConversion(res);
  // Statements that became comments: xl reads no value from them, as xm read none from a dropped one.
  const commented: Span[] = [];
  const comment = (span: Span, why: string): void => {
    edits.push(commentOut(text, span, why), ...trailingContinuations(text, res.tree.tokens, span));
    commented.push(span);
  };
  // What the converted file lost, as a finding at the statement (XM0555) beside the stderr note.
  const loss = (span: Span, what: string): void => {
    diagnostics.push({ code: LOST_STATEMENT, severity: 'warning', message: what, span });
  };
  const lose = (span: Span, what: string): void => {
    notes.push(`line ${line(span.start)}: ${what}`);
    loss(span, what);
  };
  const dependent = blockDependent(text, res.tree.statements);
  const superseded = supersededByDropped(res.tree.statements, res.settings, dependent, res.dialect);
  const rewrote = new Map<number, TextEdit[]>();
  const defined = definedOptions(res, options.defines);
  // `--define name=` is no name to xm, as the file's own name = "" is (create.py: `if not
  // gopts.getopt('name')`): the file's base name, never a line name = "" of the conversion's own.
  const definedEmpty = dropEmptyName(defined);
  if (emptyName && (base !== null || definedEmpty)) keys.setName(emptyName.keySpan.start, base ?? '');
  // The display keys xl would read otherwise than xend did (a display the xm guest did not have, or
  // not the one it had): their assignments are commented out, their --define is not written.
  const display = xmDisplay(res, res.tree.statements, defined);
  for (const [key, why] of display.undefine) {
    defined.delete(key);
    notes.push(`--define ${key}=${String(options.defines?.[key] ?? '')} not written: ${why}`);
  }
  diagnostics.push(...display.findings);
  const targets = definedTargets(res.tree.statements, defined);
  for (const st of res.tree.statements) {
    if (st.kind === 'unsupported') {
      comment(blockSpan(st), 'xmcfg convert: xl has no Python statements');
      const sets = [...blockBoundNames(text, st)];
      lose(blockSpan(st), `Python statement commented out${sets.length ? ` (it may set ${sets.join(', ')})` : ''}`);
      continue;
    }
    if (st.kind !== 'assign') continue;
    // xm create's option from --define wins over the file: its last assignment takes the value
    // (whatever its own value read; a plan or xm's empty-name rule still has the last word).
    const definedKey = targets.at.get(st.span.start);
    if (definedKey !== undefined && !NUMA_KEYS.has(definedKey) && !(planResult && replacedByPlan?.has(definedKey)) && !(emptyName && definedKey === 'name')) {
      const plan = keys.statement(st.key.name, st.key.span.start);
      const r = 'why' in plan ? null : rewriteStatement(text, res.tree.tokens, st, res.settings, res.dialect, { ...plan, whole: true });
      if (r && 'edits' in r) {
        const lineEnd = /^[ \t]*(?:\r?\n|$)/.test(text.slice(st.span.end));
        edits.push(...r.edits, ...(lineEnd ? [{ span: { start: st.span.end, end: st.span.end }, text: `  ${FROM_DEFINE}` }] : []));
        rewrote.set(st.span.start, r.edits);
        notes.push(`line ${line(st.span.start)}: "${st.key.name}" takes the value of --define ${definedKey}=${String(options.defines?.[definedKey] ?? '')} (xm create's option wins over the file)`);
        continue;
      }
    }
    const dep = dependent.get(st.span.start);
    if (dep) {
      // The value was folded from the name as it stood before the statement: xm may have read another.
      comment(st.span, `xmcfg convert: it reads ${dep.name}, which a Python statement may set`);
      lose(st.span, `"${st.key.name}" commented out: its value reads ${dep.name}, which the Python statement at line ${line(dep.at)} may set`);
      continue;
    }
    if (base !== null && emptyName && st.span.start === emptyName.span.start && !st.chained?.length) {
      // The comment only where nothing else follows on the line: it would swallow it.
      const lineEnd = /^[ \t]*(?:\r?\n|$)/.test(text.slice(st.span.end));
      edits.push({ span: st.span, text: `name = ${xlString(base)}${lineEnd ? "  # xm's default: the file name" : ''}` });
      notes.push(`line ${line(st.span.start)}: name "${base}" set for name = "" (xm named the domain after its file; xl would create it with an empty name)`);
      continue;
    }
    if (NUMA_KEYS.has(st.key.name) && planResult) {
      numaStmts.push(st);
      continue;
    }
    if (replacedByPlan?.has(st.key.name) && planResult) {
      comment(st.span, 'xmcfg convert: replaced by the placement plan');
      notes.push(`line ${line(st.span.start)}: "${st.key.name}" replaced by the placement plan`);
      continue;
    }
    const shown = display.drops.get(st.key.name);
    if (shown !== undefined) {
      comment(st.span, `xmcfg convert: ${shown}`);
      lose(st.span, `"${st.key.name}" commented out: ${shown}`);
      continue;
    }
    if (st.key.name === 'videoram' && alsoRefused.has('videoram') && !st.chained?.length) {
      comment(st.span, `xmcfg convert: ${VIDEORAM_REFUSED}`);
      lose(st.span, `"videoram" commented out: ${VIDEORAM_REFUSED}`);
      continue;
    }
    if (refused.has(st.key.name) && !st.chained?.length) {
      comment(st.span, 'xmcfg convert: xm ignored it, and xl refuses its value');
      notes.push(`line ${line(st.span.start)}: "${st.key.name}" commented out: an xl option xm ignored, with a value xl refuses (check the original with --dialect xl)`);
      continue;
    }
    if (st.chained?.length) {
      const chain = keys.chain(text, st);
      if (chain) {
        edits.push(chain.edit);
        for (const c of chain.comments) {
          const what = keys.record(c, line(st.span.start), notes);
          if (what !== null) loss(st.span, what);
        }
        continue;
      }
    }
    const plan = keys.statement(st.key.name, st.key.span.start);
    if ('why' in plan) {
      comment(st.span, plan.why);
      const what = keys.record(plan, line(st.span.start), notes);
      if (what !== null) loss(st.span, what);
      continue;
    }
    const later = superseded.get(st.span.start);
    if (later) {
      comment(st.span, 'xmcfg convert: xm read the value of a later assignment, which xl cannot take');
      lose(st.span, `"${later.key}" commented out: xm read the one at line ${line(later.last)}, which is commented out`);
      continue;
    }
    const r = rewriteStatement(text, res.tree.tokens, st, res.settings, res.dialect, plan);
    if ('edits' in r) {
      edits.push(...r.edits);
      rewrote.set(st.span.start, r.edits);
    } else {
      const why = UNCONVERTIBLE[r.unconvertible];
      comment(st.span, `xmcfg convert: ${why}`);
      lose(st.span, `"${st.key.name}" commented out: ${why}`);
    }
  }
  // After the loop, statements a later line makes a duplicate are commented out instead of rewritten.
  const fate = res.dialect === 'xm' ? xmBootloaderFate(res) : null;
  const replaced = res.dialect === 'xm' ? supersededStatements(res.tree.statements, rewrote, fate, line) : [];
  for (const { st, why } of replaced) comment(st.span, why);
  if (fate === 'none' && replaced.some(({ st }) => st.key.name === 'bootloader')) notes.push('bootloader = "" commented out (xend read it as no bootloader; xl would run it and fail: XM0264)');
  // Every comment is made by now. The questions below (is a statement or a finding inside one?)
  // are asked per statement or finding: answered from an index, not a scan of all the comments.
  const inComment = new SpanReach(commented);
  const commentedStmt = new Set(commented);
  dropRewrites(edits, rewrote, replaced);
  pushAll(notes, keys.ignoredNotes());
  if (planResult && numaStmts.length) {
    edits.push({ span: numaStmts[0]!.span, text: planLines(planResult, ownSoft).join('\n') });
    for (const st of numaStmts.slice(1)) edits.push({ span: wholeLine(text, st.span), text: '' });
  }
  // A last `name = None` was dropped by xm too, which then named the guest after its file.
  const lastName = [...res.settings].reverse().find((s) => s.key === 'name');
  const nameless = res.dialect === 'xm' && !blockNamed && (lastName === undefined || lastName.value.kind === 'none' || (definedEmpty && lastName.span.end === lastName.span.start));
  const lost = nameSetter !== null && !nameless && lostName(nameSetter, res.tree.statements, res.settings, (sp) => inComment.holds(sp));
  // Standard input has no file name for xm's default: xl would refuse the output, or create the
  // guest with an empty name, so say so (XM0106).
  if (lost) diagnostics.push(lostNameDiagnostic(nameSetter));
  else if ((nameless || emptyName) && base === null) pushAll(diagnostics, res.diagnostics.filter((d) => d.code === 'XM0106'));
  if (base !== null && nameless) {
    const first = res.tree.statements[0];
    const at = first ? first.span.start : text.length;
    const sep = !first && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    edits.push({ span: { start: at, end: at }, text: `${sep}name = ${xlString(base)}  # xm's default: the file name\n` });
    notes.push(`name "${base}" added (xm named the domain after its file; xl needs a name)`);
  }
  // Written last, so xl reads them as the values xm took: the options from --define the output does
  // not assign, and the pygrub xend used for a PV guest without kernel or bootloader.
  // A chain that assigns a defined option last carries its value, unless it became a comment.
  const chainDefined = [...targets.chained].filter(([st]) => !commentedStmt.has(st.span));
  for (const [st, ks] of chainDefined) for (const k of ks) notes.push(`line ${line(st.span.start)}: "${k}" takes the value of --define ${k}=${String(options.defines?.[k] ?? '')} (xm create's option wins over the file)`);
  const missing = [...targets.missing, ...[...targets.chained].flatMap(([st, ks]) => (commentedStmt.has(st.span) ? ks : []))];
  const tail = [...definedLines(missing, defined, res.settings, keys, notes), ...xmDefaultLines(res, defined, notes, display)];
  const pygrub = implicitPygrub(res, notes);
  if (pygrub !== null) tail.push(pygrub);
  if (tail.length) edits.push(appendLines(text, tail));
  // xm create refused a --define value of its option (XM0240): the file's value is written.
  pushAll(diagnostics, res.diagnostics.filter((d) => d.code === 'XM0240'));
  pushAll(diagnostics, keyDiagnostics(res, !!planResult, keys));
  // A value xm dropped without a word (acpi = False left ACPI on), or an xl-only key xm ignored
  // (type = "hvm" left the guest PV), is written as its author meant it, so the xl guest gets a
  // setting the xm guest never had: say so where it is written.
  for (const d of res.diagnostics) {
    if ((d.code === XM_IGNORED_VALUE || d.code === XM_IGNORED_KEY) && !inComment.holds(d.span)) diagnostics.push(d);
  }
  // xl's lexer rejects CR, a byte-order mark, and a final comment without a newline (editedText).
  pushAll(edits, strayContinuations(text, res.tree.tokens, res.tree.statements, edits));
  // Read as xl, a lone CR in a comment or string is text (XM0521), kept so: as a line end it would end the comment.
  const out = editedText(text, edits, new Set(res.dialect === 'xl' ? res.diagnostics.filter((d) => d.code === 'XM0521').map((d) => d.span.start) : []));
  // Two statements on one line commented out for one reason (`type = "x"; type = "y"`), or a chained
  // assignment naming one key twice, made the same note and XM0555 twice: each is said once.
  const result: ConvertResult = { ok: true, text: withoutFormFeeds(out.text), diagnostics: once(diagnostics), notes: [...new Set(notes)], ...(planResult !== undefined ? { plan: planResult } : {}) };
  return { result, toInput: out.toInput, converted: true };
}
