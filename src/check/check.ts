/**
 * @fileoverview The whole check of one text: parse (with dialect detection and safe evaluation),
 * normalise, validate against the schema, run the cross-field and NUMA rules. Placement checks
 * against a host are added by the front ends (they need src/placement, a later stage).
 */
import type { SingleByteCodec } from '../syntax/source-decode.js';
import { parse, parseReadings, fileAnchor, type ParseOptions, type ParseResult, type Readings } from '../syntax/index.js';
import { normalizeWithEffective, duplicateKeyFinding, OPTION_KEYS } from '../normalize/index.js';
import { validateKnown } from '../schema/index.js';
import { runRules } from './rules/index.js';
import { UnknownKeySink } from './unknown-keys.js';
import { unknownValues, withoutMissingName, knownView, withoutStale, NO_UNKNOWN_VALUES, type UnknownValues } from './unknown-values.js';
import { ignoredSettings, ignoredStatements, withoutIgnoredValues } from './rules/type-only.js';
import { withoutItemFindings } from './too-long-lists.js';
import { hintDroppedRefusals } from './xm-dropped.js';
import { CheckFindings } from './capped-findings.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { withLineIndex, type LineIndex } from '../diagnostics/line-index.js';
import { addCounts, type SeverityCounts } from '../diagnostics/limit.js';
import type { Dialect, Setting } from '../syntax/value.js';
import type { SyntaxTree } from '../syntax/tree.js';
import type { NormalizedConfig, SpanMap } from '../normalize/index.js';

/** Options of one check. */
export interface CheckOptions {
  dialect?: Dialect | 'auto';
  /** xm only: `xm create FILE NAME=VALUE` (`--define`): script variables (`vmid=3`) and xm options, which win over the file (syntax/xm-options.ts). */
  defines?: Record<string, string | number>;
  /**
   * false: the caller does not need the tree (the CLI's check): the result's tree keeps its text
   * but no statements and no tokens, which lets a big file's statements go as soon as they are
   * evaluated instead of living through normalisation and validation; and `spans` has no entries
   * for unknown keys (they are reported, XM0101, at their key spans). In xl, `settings` then also
   * leaves out the settings of unknown keys: they are reported (XM0101, XM0201) as they are
   * evaluated and their values dropped, so a generated file's 250,000 of them are never all held.
   * Default true.
   */
  keepTree?: boolean;
  /**
   * Only the first this many findings of each severity are kept (in sortDiagnostics' order), the
   * rest counted in `omitted`: by the parser (ParseOptions.maxFindings) and by the later stages
   * (capped-findings.ts); `check --max-findings`, decision 011. Absent or 0: all. With a cap,
   * `spans` has no entries for unknown keys (as with keepTree false): their XM0101 is built only if kept.
   */
  maxFindings?: number;
  /** The single-byte encoding the text was decoded from (its PEP 263 declaration; syntax ParseOptions.sourceCodec). */
  sourceCodec?: SingleByteCodec | null;
  /** Where the file's UTF-8 decoder met invalid bytes (decodeSource's `invalid`; syntax ParseOptions.invalidUtf8). */
  invalidUtf8?: readonly number[];
  /** The file's bytes, when an xm value cannot be told from the text (decodeSource's `bytes`; syntax ParseOptions.sourceBytes). */
  sourceBytes?: Uint8Array | null;
  /**
   * The file's path as the caller knows it (none for standard input or an editor buffer): xm names
   * a guest whose config sets no name after the file's base name, which xend may refuse (XM0234,
   * decision 016). Absent: the file name is not judged.
   */
  fileName?: string;
}

/** Everything a check learns about a text; front ends pick what they need. */
export interface CheckResult {
  dialect: Dialect;
  dialectReason: string;
  tree: SyntaxTree;
  settings: Setting[];
  config: NormalizedConfig;
  spans: SpanMap;
  diagnostics: Diagnostic[];
  lineIndex: LineIndex;
  /**
   * Keys the text writes whose value is unknown (refused, not evaluated, or assigned in a block
   * that is not read): the rules took no default for them, and placement must not either.
   */
  unknown: UnknownValues;
  /** With `maxFindings`: the findings left out of `diagnostics` (the parser's and the later stages'), by severity (absent when none were). */
  omitted?: SeverityCounts;
  /**
   * Where findings about the whole file point (decision 051): the file's first statement, {0,0}
   * only for an empty or all-blank file. A front end that adds findings of its own about what the
   * config lacks (placement) places them here too.
   */
  anchor: Span;
}

/** Check one config text; never throws on any input. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  // Lean (the caller keeps no tree): unknown keys skip normalisation and are reported from their
  // settings directly (in xl without keeping the settings at all); `spans` then has no entries for them.
  const lean = options.keepTree === false;
  const sink = lean ? new UnknownKeySink() : undefined;
  return checkParsed(text, parseForCheck(text, options, sink), options, sink);
}

/** The parse {@link checkText} starts with, for callers that look at it before the later stages (convert's xm reading). */
export function parseForCheck(text: string, options: CheckOptions = {}, sink?: UnknownKeySink): ParseResult {
  return parse(text, parseOptions(options, sink));
}

/** {@link parseReadings} with a check's options: one parse of `text`, read in each dialect asked for (null: that text needs a parse per dialect). */
export function readingsForCheck(text: string, options: CheckOptions = {}): Readings | null {
  return parseReadings(text, parseOptions(options));
}

/** The syntax layer's options for a check's. */
function parseOptions(options: CheckOptions, sink?: UnknownKeySink): ParseOptions {
  return { dialect: options.dialect ?? 'auto', defines: options.defines, keepTree: options.keepTree, divert: sink, maxFindings: options.maxFindings, sourceCodec: options.sourceCodec ?? null, invalidUtf8: options.invalidUtf8, sourceBytes: options.sourceBytes };
}

/** The stages after parsing (normalise, validate, rules) on a parse made elsewhere, e.g. the editor's incremental one. */
export function checkParsed(text: string, parsed: ParseResult, options: CheckOptions = {}, sink?: UnknownKeySink): CheckResult {
  const lean = options.keepTree === false;
  // A binary file was not parsed (XM0031): schema findings such as "name is required" would be noise.
  if (parsed.diagnostics.some((d) => d.code === 'XM0031')) return notParsed(parsed);
  // xm: a name other settings read (`vmid` in `name = "vm%d" % vmid`) is a helper variable, not a misspelt option.
  const helper = parsed.dialect === 'xm' && parsed.reads.size > 0 ? (d: Diagnostic) => d.code !== 'XM0101' || !parsed.reads.has(text.slice(d.span.start, d.span.end)) : () => true;
  // In stage order (ties keep it when sorted); with maxFindings, the first N of each severity.
  // The stages below know no text: what they say about the whole file is at {0,0} until `found`
  // moves it to the anchor (decision 051).
  const anchor = fileAnchor(parsed.tree);
  const found = new CheckFindings(options.maxFindings, parsed.dialect, helper, anchor);
  found.push(parsed.diagnostics);
  // With a cap, normalisation hands each XM0201 to it, built only if kept; they come first among
  // normalisation's findings, right after the parser's, the order they would arrive in otherwise.
  // XM0201 is never dropped as an ignored value (type-only.ts KEPT), so no filter below could free its slot.
  const capped = options.maxFindings !== undefined && options.maxFindings > 0;
  const onDuplicate = capped ? (s: Setting, first: Setting) => found.lazy('XM0201', s.keySpan, () => duplicateKeyFinding(s, first)) : undefined;
  // Lean or capped, normalisation leaves unknown keys out of the config and hands them over
  // (norm.unknown): each XM0101 is then built only if the cap keeps it. Validation built one per
  // unknown key, "did you mean" search included: with the tree kept (the editor's check, capped at
  // its maxDiagnostics), opening a file of 88,000 of them spent ~0.5 s on findings never published.
  const skipUnknown = lean || capped;
  const norm = normalizeWithEffective(parsed.settings, { dialect: parsed.dialect, skipUnknown, onDuplicate });
  // Unknown keys were left out of the config: validation need not look for them.
  const validated = validateKnown(norm.config, norm.spans, { dialect: parsed.dialect, allKnown: skipUnknown });
  const unknown = unknownValues({ unread: parsed.unread, rejected: [...norm.rejected, ...validated.rejected], effective: norm.effective });
  // Settings of options the tool does not read for this guest type (xl: XM0230; xm, HVM options in a
  // PV guest: XM0244): their values are never read, so what normalisation, the schema or a rule says
  // about them is dropped.
  const ignored = ignoredStatements(ignoredSettings(knownView(norm.config, unknown), norm.effective, parsed.dialect, unknown), parsed.settings);
  found.push(withoutItemFindings(withoutIgnoredValues(norm.diagnostics, ignored), validated.tooLong));
  if (sink) for (const u of sink.duplicates) found.lazy('XM0201', u.keySpan, () => duplicateKeyFinding(u, { keySpan: u.first }));
  for (const s of norm.unknown) found.unknownKey(s.key, s.keySpan);
  sink?.unknownKeys((key, span) => found.unknownKey(key, span));
  const ruled = withoutIgnoredValues(runRules(norm.config, norm.spans, parsed.settings, { dialect: parsed.dialect, effective: norm.effective, unknown, ...(options.fileName !== undefined && { fileName: options.fileName }), sourceCodec: options.sourceCodec ?? null, ...(options.sourceBytes != null && options.invalidUtf8 !== undefined && { rawUtf8: { bytes: options.sourceBytes, invalid: options.invalidUtf8 } }) }), ignored);
  // A refused file name (XM0234 at the file start) says what XM0106 says, and that xend refuses it: one finding.
  const named = ruled.some((d) => d.code === 'XM0234' && d.span.end === 0) ? withoutMissingName(validated.diagnostics, NAME_WRITTEN) : validated.diagnostics;
  found.push(withoutIgnoredValues(withoutMissingName(named, unknown), ignored));
  found.push(ruled);
  const { diagnostics: findings, omitted: later } = found.result();
  if (parsed.dialect === 'xm') hintDroppedRefusals(findings, norm.effective, unknown);
  const omitted = addCounts(parsed.omitted, later);
  const result = {
    ...(omitted ? { omitted } : {}),
    dialect: parsed.dialect,
    dialectReason: parsed.dialectReason,
    tree: parsed.tree,
    settings: parsed.settings,
    config: withoutStale(knownConfig(validated.known, norm.config), unknown),
    spans: norm.spans,
    diagnostics: sortDiagnostics(findings),
    unknown,
    anchor,
  };
  // parsed.tree's index (the same object as parsed.lineIndex), built on first use: the CLI never
  // asks (it indexes lines only for the findings it prints).
  return withLineIndex(result, 'tree');
}

/** The result for a text that was not parsed (binary): its parse findings only, an empty config. */
function notParsed(parsed: ParseResult): CheckResult {
  return withLineIndex(
    {
      ...(parsed.omitted ? { omitted: parsed.omitted } : {}),
      dialect: parsed.dialect,
      dialectReason: parsed.dialectReason,
      tree: parsed.tree,
      settings: [],
      config: {} as NormalizedConfig,
      spans: new Map(),
      diagnostics: parsed.diagnostics,
      unknown: NO_UNKNOWN_VALUES,
      anchor: fileAnchor(parsed.tree),
    },
    'tree',
  );
}

/** The validator's config without unknown keys (schema properties are OPTION_KEYS), else filtered here. */
function knownConfig(known: unknown, config: NormalizedConfig): NormalizedConfig {
  return known !== null && typeof known === 'object' ? (known as NormalizedConfig) : knownOnly(config);
}

const KNOWN = new Set<string>(OPTION_KEYS);
/** For withoutMissingName: drops the missing-name findings at the file start. */
const NAME_WRITTEN: UnknownValues = new Map([['name', { key: 'name', span: { start: 0, end: 0 }, why: 'rejected' }]]);

/** The config without unknown keys: they were reported (XM0101) and are not part of the schema's shape. */
function knownOnly(config: NormalizedConfig): NormalizedConfig {
  const out: Record<string, unknown> = {};
  const src = config as Record<string, unknown>;
  // for…in over the own keys of a plain object: no entries array per file.
  for (const k in src) if (KNOWN.has(k)) out[k] = src[k];
  return out as NormalizedConfig;
}
