/**
 * @fileoverview The library entry: `import { parse, check, normalize, schema, readHost, plan } from 'xmcfg'`.
 * Each function is one stage usable alone; none throws on bad user input. Findings come back as
 * data in the public shape of the JSON report (1-based lines, UTF-16 columns, exclusive ends).
 */
import { parse as parseText, type ParseOptions } from './syntax/index.js';
import { checkText, type CheckOptions } from './check/check.js';
import { schemaJson } from './schema/index.js';
import { readHost as readHostRaw, plan as planRaw, type Host, type PlanOptions, type Plan, type ReadHostOptions, type PlacementConfig } from './placement/index.js';
import { placementDiagnostics } from './placement/check-findings.js';
import { LineIndex, toJsonDiagnostic, sortDiagnostics, type JsonDiagnostic, type Diagnostic } from './diagnostics/index.js';
import type { Dialect, Setting } from './syntax/value.js';
import type { SyntaxTree } from './syntax/tree.js';
import type { NormalizedConfig } from './schema/index.js';

export type { JsonDiagnostic, Diagnostic, Span, Severity, CodeInfo } from './diagnostics/index.js';
export type { Dialect, Setting, Value } from './syntax/value.js';
export type { SyntaxTree, Stmt, Expr } from './syntax/tree.js';
export type { NormalizedConfig } from './schema/index.js';
export type { Host, HostNode, Plan, PlanOptions, PolicyName } from './placement/index.js';
export { allCodes, codeInfo, LineIndex } from './diagnostics/index.js';
export { optionKeys, optionDoc, type OptionDoc } from './schema/index.js';

/** Positions for diagnostics that have no source text (a config object, a host object). */
const NO_TEXT = new LineIndex('');

function positioned(diags: Diagnostic[], index: LineIndex): JsonDiagnostic[] {
  return sortDiagnostics(diags).map((d) => toJsonDiagnostic(d, index));
}

/** Parse a config text into its lossless tree and evaluated settings (no schema checks). */
export function parse(text: string, options: ParseOptions = {}): { dialect: Dialect; tree: SyntaxTree; settings: Setting[]; diagnostics: JsonDiagnostic[] } {
  const r = parseText(text, options);
  return { dialect: r.dialect, tree: r.tree, settings: r.settings, diagnostics: positioned(r.diagnostics, r.lineIndex) };
}

/** Options of the library `check`: those of the CLI's check, plus an optional host for placement findings. */
export interface LibraryCheckOptions extends CheckOptions {
  host?: Host;
}

/** Check a config text: syntax, dialect, schema, cross-field and NUMA rules (and placement with `host`). */
export function check(text: string, options: LibraryCheckOptions = {}): { dialect: Dialect; config: NormalizedConfig; diagnostics: JsonDiagnostic[] } {
  const r = checkText(text, options);
  // The same placement findings as `check --host`: none drawn from the default of an unknown value.
  const diags = options.host ? [...r.diagnostics, ...placementDiagnostics(r, options.host)] : r.diagnostics;
  return { dialect: r.dialect, config: r.config, diagnostics: positioned(diags, r.lineIndex) };
}

/** The normalised config of a text (the shape of `xmcfg schema`), with every finding. */
export function normalize(text: string, options: CheckOptions = {}): { dialect: Dialect; config: NormalizedConfig; diagnostics: JsonDiagnostic[] } {
  return check(text, options);
}

/** The JSON Schema of the normalised config. */
export function schema(): Record<string, unknown> {
  return schemaJson();
}

/** Read a host topology from its JSON form (object or text), `xl info -n` text, or a sysfs root. */
export function readHost(input: string | object, options: ReadHostOptions = {}): { host: Host | null; diagnostics: JsonDiagnostic[] } {
  const r = readHostRaw(input, options);
  const index = typeof input === 'string' && options.format !== 'sysfs' ? new LineIndex(input) : NO_TEXT;
  return { host: r.host, diagnostics: positioned(r.diagnostics, index) };
}

/** Plan a normalised config onto a host (pure: inputs are neither kept nor changed). */
export function plan(config: NormalizedConfig | PlacementConfig, host: Host, options: PlanOptions = {}): { plan: Plan | null; diagnostics: JsonDiagnostic[] } {
  const r = planRaw(config as PlacementConfig, host, options);
  return { plan: r.plan, diagnostics: positioned(r.diagnostics, NO_TEXT) };
}
