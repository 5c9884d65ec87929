/**
 * @fileoverview The library entry: `import { parse, check, normalize, schema, readHost, plan } from 'xmcfg'`.
 * Each function is one stage usable alone; none throws on bad user input. Findings come back as
 * data in the public shape of the JSON report (1-based lines, UTF-16 columns, exclusive ends).
 *
 * User input is the config text, a host (object, JSON text, `xl info -n` text, sysfs tree) and a
 * config object given to `plan`: whatever they hold comes back as results plus diagnostics. A
 * TypeError is thrown only for a programmer error: a config text that is not a string, options that
 * are not an object, or an option value outside its type (`dialect` not xl/xm/auto, `format` not
 * json/xl-info/sysfs, `policy` or `affinity` not one of theirs). Options may be undefined or null
 * (the defaults), and unknown option names are ignored.
 */
import { parse as parseText, type ParseOptions } from './syntax/index.js';
import { checkText, type CheckOptions } from './check/check.js';
import { schemaJson } from './schema/index.js';
import { readHost as readHostRaw, plan as planRaw, type Host, type PlanOptions, type Plan, type ReadHostOptions, type PlacementConfig } from './placement/index.js';
import { placementDiagnostics } from './placement/check-findings.js';
import { planInputFindings } from './placement/plan-input.js';
import { LineIndex, toJsonDiagnostic, sortDiagnostics, type JsonDiagnostic, type Diagnostic } from './diagnostics/index.js';
import type { Dialect, Setting } from './syntax/value.js';
import type { SyntaxTree } from './syntax/tree.js';
import type { NormalizedConfig } from './normalize/catalogue/index.js';

export type { JsonDiagnostic, Diagnostic, Span, Severity, CodeInfo } from './diagnostics/index.js';
export type { Dialect, Setting, Value } from './syntax/value.js';
export type { SyntaxTree, Stmt, Expr } from './syntax/tree.js';
export type { NormalizedConfig } from './normalize/catalogue/index.js';
export type { Host, HostNode, Plan, PlanOptions, PolicyName } from './placement/index.js';
export { allCodes, codeInfo, LineIndex } from './diagnostics/index.js';
// From docs.js, not the schema's index: the published types must not reach Ajv (bundled, not a dependency).
export { optionKeys, optionDoc, type OptionDoc } from './schema/docs.js';

/** Positions for diagnostics that have no source text (a config object, a host object). */
const NO_TEXT = new LineIndex('');

/** The options object a caller passed (undefined and null mean the defaults), or a TypeError. */
function optionsOf<T extends object>(fn: string, options: T | null | undefined, choices: Record<string, readonly string[]>): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`xmcfg.${fn}: options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  for (const [name, allowed] of Object.entries(choices)) {
    const v = (options as Record<string, unknown>)[name];
    if (v !== undefined && !allowed.includes(v as string)) throw new TypeError(`xmcfg.${fn}: options.${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v) ?? String(v)}`);
  }
  return options;
}

/** A TypeError unless the config text is a string. */
function requireText(fn: string, text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`xmcfg.${fn}: the config text must be a string, got ${text === null ? 'null' : typeof text}`);
}

const DIALECTS = { dialect: ['auto', 'xl', 'xm'] } as const;

function positioned(diags: Diagnostic[], index: LineIndex): JsonDiagnostic[] {
  return sortDiagnostics(diags).map((d) => toJsonDiagnostic(d, index));
}

/** The lossless tree as plain data: its token stream (kinds, UTF-16 start and end offsets) in arrays. */
export type PlainSyntaxTree = Omit<SyntaxTree, 'tokens'> & { tokens: { count: number; kinds: number[]; starts: number[]; ends: number[] } };

/** Parse a config text into its lossless tree and evaluated settings (no schema checks). */
export function parse(text: string, options?: ParseOptions | null): { dialect: Dialect; tree: PlainSyntaxTree; settings: Setting[]; diagnostics: JsonDiagnostic[] } {
  requireText('parse', text);
  const r = parseText(text, optionsOf('parse', options, DIALECTS));
  // The parser's typed arrays are class instances that JSON turns into {"0": …} objects: arrays here.
  const t = r.tree.tokens;
  const n = t.count;
  const tokens = { count: n, kinds: Array.from(t.kinds.subarray(0, n)), starts: Array.from(t.starts.subarray(0, n)), ends: Array.from(t.ends.subarray(0, n)) };
  return { dialect: r.dialect, tree: { ...r.tree, tokens }, settings: r.settings, diagnostics: positioned(r.diagnostics, r.lineIndex) };
}

/** Options of the library `check`: those of the CLI's check, plus an optional host for placement findings. */
export interface LibraryCheckOptions extends CheckOptions {
  host?: Host;
}

/** Check a config text: syntax, dialect, schema, cross-field and NUMA rules (and placement with `host`). */
export function check(text: string, options?: LibraryCheckOptions | null): { dialect: Dialect; config: NormalizedConfig; diagnostics: JsonDiagnostic[] } {
  requireText('check', text);
  options = optionsOf('check', options, DIALECTS);
  const r = checkText(text, options);
  // The same placement findings as `check --host`: none drawn from the default of an unknown value.
  const diags = options.host ? [...r.diagnostics, ...placementDiagnostics(r, options.host)] : r.diagnostics;
  return { dialect: r.dialect, config: r.config, diagnostics: positioned(diags, r.lineIndex) };
}

/** The normalised config of a text (the shape of `xmcfg schema`), with every finding. */
export function normalize(text: string, options?: CheckOptions | null): { dialect: Dialect; config: NormalizedConfig; diagnostics: JsonDiagnostic[] } {
  requireText('normalize', text);
  return check(text, optionsOf('normalize', options, DIALECTS));
}

/** The JSON Schema of the normalised config. */
export function schema(): Record<string, unknown> {
  return schemaJson();
}

/** Read a host topology from its JSON form (object or text), `xl info -n` text, or a sysfs root. */
export function readHost(input: string | object, options?: ReadHostOptions | null): { host: Host | null; diagnostics: JsonDiagnostic[] } {
  options = optionsOf('readHost', options, { format: ['json', 'xl-info', 'sysfs'] });
  const r = readHostRaw(input, options);
  const index = typeof input === 'string' && options.format !== 'sysfs' ? new LineIndex(input) : NO_TEXT;
  return { host: r.host, diagnostics: positioned(r.diagnostics, index) };
}

/** Plan a normalised config onto a host (pure: inputs are neither kept nor changed). */
export function plan(config: NormalizedConfig | PlacementConfig, host: Host, options?: PlanOptions | null): { plan: Plan | null; diagnostics: JsonDiagnostic[] } {
  options = optionsOf('plan', options, { policy: ['best', 'round-robin', 'most-free'], affinity: ['hard', 'soft'] });
  const bad = planInputFindings(config);
  if (bad.length > 0) return { plan: null, diagnostics: positioned(bad, NO_TEXT) };
  const r = planRaw(config as PlacementConfig, host, options);
  return { plan: r.plan, diagnostics: positioned(r.diagnostics, NO_TEXT) };
}
