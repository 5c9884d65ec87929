/**
 * @fileoverview The library entry: `import { parse, check, normalize, schema, readHost, plan } from 'xmcfg'`.
 * Each function is one stage usable alone; none throws, whatever it is given (decision 066). Findings
 * come back as data in the public shape of the JSON report (1-based lines, UTF-16 columns, exclusive ends).
 * docs/api.md is the written-down contract; test/api, test/library and test/package hold it to the package.
 *
 * Every argument is user input: the config text, a host (object, JSON text, `xl info -n` text, sysfs
 * tree), a config object given to `plan`, and every function's options. An argument outside its
 * type is a finding at 1:1 naming it (XM0111; plan's own XM0413) and the stage does not run on a
 * default in its place; objects are copied as plain data first (src/library/), so a getter that
 * throws, a revoked Proxy or a cycle is a finding too. Options may be undefined or null (the
 * defaults); only the option names written here are read, so the stages' internal knobs (a tree-less
 * parse, a setting sink, ledger reservations) stay out of reach and unknown names are ignored.
 */
import { parse as parseText } from './syntax/index.js';
import { checkText } from './check/check.js';
import { schemaJson } from './schema/index.js';
import { readHost as readHostRaw, plan as planRaw, type Host, type Plan, type PlanOptions as PlacementPlanOptions, type PolicyName, type PlacementConfig } from './placement/index.js';
import { hostDiag } from './placement/host-check.js';
import { placementDiagnostics } from './placement/check-findings.js';
import { planInputFindings } from './placement/plan-input.js';
import { LineIndex, toJsonDiagnostic, sortDiagnostics, type JsonDiagnostic, type Diagnostic } from './diagnostics/index.js';
import { optionDoc as optionDocOf, type OptionDoc } from './schema/docs.js';
import { argumentFindings, hostInput, planConfigInput, textOf, type Decoding } from './library/inputs.js';
import { readOptions, type Kind } from './library/options.js';
import type { SeverityCounts } from './diagnostics/limit.js';
import type { Dialect, Setting } from './syntax/value.js';
import type { SyntaxTree } from './syntax/tree.js';
import type { NormalizedConfig } from './normalize/catalogue/index.js';

export type { JsonDiagnostic, JsonRelated, JsonFix, JsonTextEdit, Span, Severity, CodeInfo, Position, LineRange } from './diagnostics/index.js';
export type { SeverityCounts } from './diagnostics/limit.js';
export type { Dialect, Setting, Value } from './syntax/value.js';
export type { SyntaxTree, Stmt, Expr } from './syntax/tree.js';
export type { NormalizedConfig } from './normalize/catalogue/index.js';
export type { Host, HostNode, Plan, PolicyName, PlacementConfig } from './placement/index.js';
export { allCodes, codeInfo } from './diagnostics/index.js';
// The diagnostics layer's index with its arguments read as user input (not a string: the empty text).
export { LineIndex } from './library/line-index.js';
// From docs.js, not the schema's index: the published types must not reach Ajv (bundled, not a dependency).
export { optionKeys, type OptionDoc } from './schema/docs.js';

/** Options of `parse` (each field may be undefined, its default, also under exactOptionalPropertyTypes). */
export interface ParseOptions {
  /** `auto` (default): xm when the text uses a construct only xm accepts, else xl. */
  dialect?: Dialect | 'auto' | undefined;
  /** xm only, the CLI's `--define` (`xm create FILE NAME=VALUE`): a name pre-bound for the file's expressions (`{ vmid: 3 }`), or an xm option's value, converted as xm did and winning over the file's assignment (`{ memory: '1024' }`, decision 020). */
  defines?: Record<string, string | number> | undefined;
  /** List at most this many findings of each severity and count the rest in `omitted`; 0 (default): all. */
  maxFindings?: number | undefined;
}

/** Options of `check` and `normalize`. */
export interface CheckOptions extends ParseOptions {
  /** The file's path: xm names a guest that sets no name after it, which xend may refuse (XM0234). */
  fileName?: string | undefined;
  /** A host topology: adds the placement findings of `check --host` (XM04xx); null is no host. */
  host?: Host | null | undefined;
}

/** Options of `readHost`. */
export interface ReadHostOptions {
  /** How to read the input: `json` (default: an object or JSON text), `xl-info` (`xl info -n` text), `sysfs`. */
  format?: 'json' | 'xl-info' | 'sysfs' | undefined;
  /** sysfs only: the folder that stands for `/` (default: the string input, else `/`). */
  root?: string | undefined;
}

/** Options of `plan`. */
export interface PlanOptions {
  /** How nodes are chosen (default `best`). */
  policy?: PolicyName | undefined;
  /** `hard` (default) pins vCPUs with `cpus`; `soft` writes `cpus_soft`. */
  affinity?: 'hard' | 'soft' | undefined;
  /** round-robin: the node id to start from, the previous result's `cursor` (default 0). */
  cursor?: number | undefined;
  /** The config's dialect (`ParseResult.dialect`): its defaults size a guest without `memory` (xl: maxmem, else 32 MiB; xm: 128 MiB). */
  dialect?: Dialect | undefined;
}

/** The lossless tree as plain data: its token stream (kinds, UTF-16 start and end offsets) in arrays. */
export type PlainSyntaxTree = Omit<SyntaxTree, 'tokens'> & { tokens: { count: number; kinds: number[]; starts: number[]; ends: number[] } };

/** What `parse` returns. */
export interface ParseResult {
  dialect: Dialect;
  tree: PlainSyntaxTree;
  /** The evaluated settings in file order; their spans are UTF-16 offsets (LineIndex turns them into lines). */
  settings: Setting[];
  diagnostics: JsonDiagnostic[];
  /** With `maxFindings`: the findings left out, by severity (absent when none were). */
  omitted?: SeverityCounts;
}

/** What `check` and `normalize` return. */
export interface CheckResult {
  dialect: Dialect;
  config: NormalizedConfig;
  diagnostics: JsonDiagnostic[];
  /** With `maxFindings`: the findings left out, by severity (absent when none were). */
  omitted?: SeverityCounts;
}

/** What `readHost` returns: the host, or null when it cannot be used (the diagnostics say why). */
export interface ReadHostResult {
  host: Host | null;
  diagnostics: JsonDiagnostic[];
}

/** What `plan` returns: the plan, or null when the request cannot be met (the diagnostics say why). */
export interface PlanResult {
  plan: Plan | null;
  diagnostics: JsonDiagnostic[];
  /** round-robin only: the node id the next plan starts from (pass it as `options.cursor`). */
  cursor?: number;
}

/** Positions for diagnostics that have no source text (a config object, a host object). */
const NO_TEXT = new LineIndex('');

const PARSE_KINDS: Record<string, Kind> = { dialect: ['auto', 'xl', 'xm'], defines: 'defines', maxFindings: 'count' };
const CHECK_KINDS: Record<string, Kind> = { ...PARSE_KINDS, fileName: 'string', host: 'input' };
const HOST_KINDS: Record<string, Kind> = { format: ['json', 'xl-info', 'sysfs'], root: 'string' };
const PLAN_KINDS: Record<string, Kind> = { policy: ['best', 'round-robin', 'most-free'], affinity: ['hard', 'soft'], cursor: 'integer', dialect: ['xl', 'xm'] };

/**
 * The text and options of parse, check and normalize, read; `wrong`: XM0111 for each argument outside
 * its type (each saying `what` was not done), in which case `text` is empty (the stage runs on nothing, its result the shape of a result).
 */
function textAndOptions<T extends object>(input: unknown, options: unknown, kinds: Record<string, Kind>, what: string): { text: string; found: Diagnostic[]; decoding: Decoding; options: T; wrong: Diagnostic[] } {
  const t = textOf(input);
  const o = readOptions<T>(options, kinds);
  const wrong = argumentFindings(t.problem === undefined ? o.problems : [t.problem, ...o.problems], what);
  if (wrong.length === 0) return { ...t, options: o.picked, wrong };
  return { text: '', found: [], decoding: { sourceCodec: null, invalidUtf8: [] }, options: o.picked, wrong };
}

/** Diagnostics in report order and the public shape, positioned by `index`. */
function positioned(diags: Diagnostic[], index: LineIndex): JsonDiagnostic[] {
  return sortDiagnostics(diags).map((d) => toJsonDiagnostic(d, index));
}

/** Parse a config text into its lossless tree and evaluated settings (no schema checks). */
export function parse(input: string | Uint8Array, options?: ParseOptions | null): ParseResult {
  const { text, found, decoding, options: o, wrong } = textAndOptions<ParseOptions>(input, options, PARSE_KINDS, 'nothing is parsed');
  const r = parseText(text, { ...o, ...decoding });
  // The parser's typed arrays are class instances that JSON turns into {"0": …} objects: arrays here.
  const t = r.tree.tokens;
  const n = t.count;
  const tokens = { count: n, kinds: Array.from(t.kinds.subarray(0, n)), starts: Array.from(t.starts.subarray(0, n)), ends: Array.from(t.ends.subarray(0, n)) };
  const out: ParseResult = { dialect: r.dialect, tree: { ...r.tree, tokens }, settings: r.settings, diagnostics: positioned(wrong.length > 0 ? wrong : found.length > 0 ? [...found, ...r.diagnostics] : r.diagnostics, r.lineIndex) };
  if (r.omitted) out.omitted = r.omitted;
  return out;
}

/** Check a config text: syntax, dialect, schema, cross-field and NUMA rules (and placement with `host`). */
export function check(input: string | Uint8Array, options?: CheckOptions | null): CheckResult {
  return checked(textAndOptions<CheckOptions>(input, options, CHECK_KINDS, 'nothing is checked'));
}

/** The normalised config of a text (the shape of `xmcfg schema`), with every finding. */
export function normalize(input: string | Uint8Array, options?: CheckOptions | null): CheckResult {
  return checked(textAndOptions<CheckOptions>(input, options, CHECK_KINDS, 'nothing is checked'));
}

/**
 * check and normalize on arguments already read: `found`, the input's own findings (XM0041);
 * `decoding`, how its bytes were read; `wrong`, arguments outside their type (then only they are said).
 */
function checked({ text, found, decoding, options, wrong }: ReturnType<typeof textAndOptions<CheckOptions>>): CheckResult {
  const r = checkText(text, { ...options, ...decoding });
  if (wrong.length > 0) return { dialect: r.dialect, config: r.config, diagnostics: positioned(wrong, r.lineIndex) };
  // The same placement findings as `check --host`: none drawn from the default of an unknown value.
  // A null host is no host, as null options are no options; any other value is judged (XM0401),
  // a host object as plain data (what of it cannot be read is XM0401, and nothing is placed on it).
  const host = options.host === undefined || options.host === null ? null : hostInput(options.host);
  const placed = host === null ? [] : host.found.length > 0 ? host.found : placementDiagnostics(r, host.host as Host);
  const diags = placed.length > 0 || found.length > 0 ? [...found, ...r.diagnostics, ...placed] : r.diagnostics;
  const out: CheckResult = { dialect: r.dialect, config: r.config, diagnostics: positioned(diags, r.lineIndex) };
  if (r.omitted) out.omitted = r.omitted;
  return out;
}

/** The JSON Schema of the normalised config (a new object on every call). */
export function schema(): Record<string, unknown> {
  return schemaJson();
}

/** Read a host topology from its JSON form (object or text), `xl info -n` text, or a sysfs root. */
export function readHost(input: string | object, options?: ReadHostOptions | null): ReadHostResult {
  const read = readOptions<ReadHostOptions>(options, HOST_KINDS);
  if (read.problems.length > 0) return { host: null, diagnostics: positioned(argumentFindings(read.problems, 'no host is read'), NO_TEXT) };
  const o = read.picked;
  const given = hostInput(input);
  if (given.found.length > 0) return { host: null, diagnostics: positioned(given.found, NO_TEXT) };
  const r = readHostRaw(given.host as string | object, o);
  const index = typeof input === 'string' && o.format !== 'sysfs' ? new LineIndex(input) : NO_TEXT;
  return { host: r.host, diagnostics: positioned(r.diagnostics, index) };
}

/** Plan a normalised config onto a host (pure: inputs are neither kept nor changed). */
export function plan(config: NormalizedConfig | PlacementConfig, host: Host, options?: PlanOptions | null): PlanResult {
  // SPEC §7: plan never throws on bad input. Its options often come from outside too (a request's
  // JSON, a form): one of the wrong kind is XM0413 like a config value of the wrong kind, since a
  // plan made with the default in its place (best, hard) would not be the plan asked for.
  const read = readOptions<PlacementPlanOptions>(options, PLAN_KINDS);
  const o = read.picked;
  const wrong = read.problems.map((m) => hostDiag('XM0413', 'error', `${m}: nothing is planned`));
  // The config and host as plain data (decision 066): a getter that throws, a Proxy or a cycle is a finding.
  const given = planConfigInput(config);
  // A missing config is no more a request than null is (the allocator alone would plan its defaults).
  const bad = [...wrong, ...(config === undefined ? [hostDiag('XM0413', 'error', 'the config given to plan is not an object (undefined): nothing is planned')] : given.found.length > 0 ? given.found : planInputFindings(given.config))];
  if (bad.length > 0) return { plan: null, diagnostics: positioned(bad, NO_TEXT) };
  const h = hostInput(host);
  if (h.found.length > 0) return { plan: null, diagnostics: positioned(h.found, NO_TEXT) };
  const r = planRaw(given.config as PlacementConfig, h.host as Host, o);
  const out: PlanResult = { plan: r.plan, diagnostics: positioned(r.diagnostics, NO_TEXT) };
  if (r.cursor !== undefined) out.cursor = r.cursor;
  return out;
}

/** The documentation of a config key (the editor's hover text), or undefined for anything but a known key. */
export function optionDoc(key: string): OptionDoc | undefined {
  return typeof key === 'string' ? optionDocOf(key) : undefined;
}
