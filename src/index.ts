/**
 * @fileoverview The library entry: `import { parse, check, normalize, schema, readHost, plan } from 'xmcfg'`.
 * Each function is one stage usable alone; none throws on bad user input. Findings come back as
 * data in the public shape of the JSON report (1-based lines, UTF-16 columns, exclusive ends).
 * docs/api.md is the written-down contract; test/api and test/package hold it to the package.
 *
 * User input is the config text, a host (object, JSON text, `xl info -n` text, sysfs tree) and a
 * config object given to `plan`, and `plan`'s options: whatever they hold comes back as results plus
 * diagnostics. Of the other functions a TypeError is thrown only for a programmer error: a config
 * that is neither text nor bytes, options that are not an object, or an option value outside its
 * type. Options may be undefined or null (the
 * defaults); only the option names written here are read, so the stages' internal knobs (a tree-less
 * parse, a setting sink, ledger reservations) stay out of reach and unknown names are ignored.
 */
import { parse as parseText } from './syntax/index.js';
import { decodeSource, type SingleByteCodec } from './syntax/source-decode.js';
import { checkText } from './check/check.js';
import { schemaJson } from './schema/index.js';
import { readHost as readHostRaw, plan as planRaw, type Host, type Plan, type PlanOptions as PlacementPlanOptions, type PolicyName, type PlacementConfig } from './placement/index.js';
import { hostDiag } from './placement/host-check.js';
import { placementDiagnostics } from './placement/check-findings.js';
import { planInputFindings } from './placement/plan-input.js';
import { LineIndex, toJsonDiagnostic, sortDiagnostics, type JsonDiagnostic, type Diagnostic } from './diagnostics/index.js';
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
export { allCodes, codeInfo, LineIndex } from './diagnostics/index.js';
// From docs.js, not the schema's index: the published types must not reach Ajv (bundled, not a dependency).
export { optionKeys, optionDoc, type OptionDoc } from './schema/docs.js';

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

/** What an option's value must be: one of some words, or a kind checked by {@link fitsKind}. */
type Kind = readonly string[] | 'string' | 'count' | 'integer' | 'defines' | 'input';

const PARSE_KINDS = { dialect: ['auto', 'xl', 'xm'], defines: 'defines', maxFindings: 'count' } as const;
const CHECK_KINDS = { ...PARSE_KINDS, fileName: 'string', host: 'input' } as const;
const HOST_KINDS = { format: ['json', 'xl-info', 'sysfs'], root: 'string' } as const;
const PLAN_KINDS = { policy: ['best', 'round-robin', 'most-free'], affinity: ['hard', 'soft'], cursor: 'integer', dialect: ['xl', 'xm'] } as const;

const KIND_TEXT: Record<Exclude<Kind, readonly string[]>, string> = {
  string: 'a string',
  count: 'a whole number of 0 or more',
  integer: 'a whole number',
  defines: 'an object of strings and numbers',
  input: 'anything',
};

/** Whether a value is of a kind; `input` is user input (a host), which any value is: the stage judges it. */
function fitsKind(v: unknown, kind: Kind): boolean {
  if (typeof kind !== 'string') return kind.includes(v as string);
  if (kind === 'string') return typeof v === 'string';
  if (kind === 'count') return Number.isSafeInteger(v) && (v as number) >= 0;
  if (kind === 'integer') return Number.isSafeInteger(v);
  if (kind === 'input') return true;
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((d) => typeof d === 'string' || typeof d === 'number');
}

/**
 * The options a caller passed, as a new object holding only the names of `kinds` (undefined and null
 * options mean the defaults), and what is wrong with them: options that are not an object, or each
 * option whose value is outside its kind (empty when nothing is).
 */
function readOptions<T extends object>(fn: string, options: T | null | undefined, kinds: Record<string, Kind>): { picked: T; problems: string[] } {
  if (options === undefined || options === null) return { picked: {} as T, problems: [] };
  if (typeof options !== 'object' || Array.isArray(options)) return { picked: {} as T, problems: [`xmcfg.${fn}: options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`] };
  const picked: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, kind] of Object.entries(kinds)) {
    const v = (options as Record<string, unknown>)[name];
    if (v === undefined) continue;
    if (!fitsKind(v, kind)) {
      const want = typeof kind === 'string' ? KIND_TEXT[kind as keyof typeof KIND_TEXT] : `one of ${(kind as readonly string[]).join(', ')}`;
      problems.push(`xmcfg.${fn}: options.${name} must be ${want}, got ${describe(v)}`);
      continue;
    }
    picked[name] = v;
  }
  return { picked: picked as T, problems };
}

/** The options a caller passed (see readOptions), or a TypeError naming the first option outside its kind. */
function optionsOf<T extends object>(fn: string, options: T | null | undefined, kinds: Record<string, Kind>): T {
  const { picked, problems } = readOptions(fn, options, kinds);
  if (problems.length > 0) throw new TypeError(problems[0]);
  return picked;
}

/** A value as an error message quotes it. */
function describe(v: unknown): string {
  // A BigInt prints with its `n` (1n, not 1): "got 1" for { cursor: 1n } hid why 1 was refused.
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? JSON.stringify(v) : String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

/** How the input's bytes were read (CheckOptions.sourceCodec, invalidUtf8, sourceBytes). */
type Decoding = { sourceCodec: SingleByteCodec | null; invalidUtf8: number[]; sourceBytes?: Uint8Array | null };

/**
 * The config text of the input: a string as it is; the bytes of a file (a Uint8Array or Buffer)
 * decoded as the CLI reads a file: in the single-byte encoding it declares (PEP 263, `# -*- coding:
 * latin-1 -*-`), else as UTF-8 with XM0041 for invalid sequences. A TypeError for anything else.
 */
function textOf(fn: string, input: unknown): { text: string; found: Diagnostic[]; decoding: Decoding } {
  if (typeof input === 'string') return { text: input, found: [], decoding: { sourceCodec: null, invalidUtf8: [] } };
  if (input instanceof Uint8Array) {
    const d = decodeSource(input);
    return { text: d.text, found: d.diagnostics, decoding: { sourceCodec: d.codec, invalidUtf8: d.invalid, sourceBytes: d.bytes ?? null } };
  }
  throw new TypeError(`xmcfg.${fn}: the config text must be a string or the file's bytes (a Uint8Array), got ${input === null ? 'null' : typeof input}`);
}

/** Diagnostics in report order and the public shape, positioned by `index`. */
function positioned(diags: Diagnostic[], index: LineIndex): JsonDiagnostic[] {
  return sortDiagnostics(diags).map((d) => toJsonDiagnostic(d, index));
}

/** Parse a config text into its lossless tree and evaluated settings (no schema checks). */
export function parse(input: string | Uint8Array, options?: ParseOptions | null): ParseResult {
  const { text, found, decoding } = textOf('parse', input);
  const r = parseText(text, { ...optionsOf('parse', options, PARSE_KINDS), ...decoding });
  // The parser's typed arrays are class instances that JSON turns into {"0": …} objects: arrays here.
  const t = r.tree.tokens;
  const n = t.count;
  const tokens = { count: n, kinds: Array.from(t.kinds.subarray(0, n)), starts: Array.from(t.starts.subarray(0, n)), ends: Array.from(t.ends.subarray(0, n)) };
  const out: ParseResult = { dialect: r.dialect, tree: { ...r.tree, tokens }, settings: r.settings, diagnostics: positioned(found.length > 0 ? [...found, ...r.diagnostics] : r.diagnostics, r.lineIndex) };
  if (r.omitted) out.omitted = r.omitted;
  return out;
}

/** Check a config text: syntax, dialect, schema, cross-field and NUMA rules (and placement with `host`). */
export function check(input: string | Uint8Array, options?: CheckOptions | null): CheckResult {
  const { text, found, decoding } = textOf('check', input);
  return checked(text, optionsOf('check', options, CHECK_KINDS), found, decoding);
}

/** The normalised config of a text (the shape of `xmcfg schema`), with every finding. */
export function normalize(input: string | Uint8Array, options?: CheckOptions | null): CheckResult {
  const { text, found, decoding } = textOf('normalize', input);
  return checked(text, optionsOf('normalize', options, CHECK_KINDS), found, decoding);
}

/** check and normalize on options already read; `found`: the input's own findings (XM0041); `decoding`: how its bytes were read. */
function checked(text: string, options: CheckOptions, found: Diagnostic[], decoding: Decoding): CheckResult {
  const r = checkText(text, { ...options, ...decoding });
  // The same placement findings as `check --host`: none drawn from the default of an unknown value.
  // A null host is no host, as null options are no options; any other value is judged (XM0401).
  const host = options.host;
  const placed = host === undefined || host === null ? [] : placementDiagnostics(r, host);
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
  const o = optionsOf('readHost', options, HOST_KINDS);
  const r = readHostRaw(input, o);
  const index = typeof input === 'string' && o.format !== 'sysfs' ? new LineIndex(input) : NO_TEXT;
  return { host: r.host, diagnostics: positioned(r.diagnostics, index) };
}

/** Plan a normalised config onto a host (pure: inputs are neither kept nor changed). */
export function plan(config: NormalizedConfig | PlacementConfig, host: Host, options?: PlanOptions | null): PlanResult {
  // SPEC §7: plan never throws on bad input. Its options often come from outside too (a request's
  // JSON, a form): one of the wrong kind is XM0413 like a config value of the wrong kind, since a
  // plan made with the default in its place (best, hard) would not be the plan asked for.
  const read = readOptions('plan', options, PLAN_KINDS);
  const o: PlacementPlanOptions = read.picked;
  const wrong = read.problems.map((m) => hostDiag('XM0413', 'error', `${m.slice('xmcfg.plan: '.length)}: nothing is planned`));
  // A missing config is no more a request than null is (the allocator alone would plan its defaults).
  const bad = [...wrong, ...(config === undefined ? [hostDiag('XM0413', 'error', 'the config given to plan is not an object (undefined): nothing is planned')] : planInputFindings(config))];
  if (bad.length > 0) return { plan: null, diagnostics: positioned(bad, NO_TEXT) };
  const r = planRaw(config as PlacementConfig, host, o);
  const out: PlanResult = { plan: r.plan, diagnostics: positioned(r.diagnostics, NO_TEXT) };
  if (r.cursor !== undefined) out.cursor = r.cursor;
  return out;
}
