/**
 * @fileoverview The whole check of one text: parse (with dialect detection and safe evaluation),
 * normalise, validate against the schema, run the cross-field and NUMA rules. Placement checks
 * against a host are added by the front ends (they need src/placement, a later stage).
 */
import { parse } from '../syntax/index.js';
import { normalize, OPTION_KEYS } from '../normalize/index.js';
import { validateConfig } from '../schema/index.js';
import { runRules } from './rules/index.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { Dialect, Setting } from '../syntax/value.js';
import type { SyntaxTree } from '../syntax/tree.js';
import type { NormalizedConfig, SpanMap } from '../normalize/index.js';

/** Options of one check. */
export interface CheckOptions {
  dialect?: Dialect | 'auto';
  /** Script variables for xm files (`--define vmid=3`). */
  defines?: Record<string, string | number>;
  /**
   * false: the caller does not need the tree (the CLI's check): the result's tree keeps its text
   * but no statements and no tokens, which lets a big file's statements go as soon as they are
   * evaluated instead of living through normalisation and validation. Default true.
   */
  keepTree?: boolean;
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
}

/** Check one config text; never throws on any input. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const parsed = parse(text, { dialect: options.dialect ?? 'auto', defines: options.defines, keepTree: options.keepTree });
  const norm = normalize(parsed.settings, { dialect: parsed.dialect });
  const diagnostics = [
    ...parsed.diagnostics,
    ...norm.diagnostics,
    ...validateConfig(norm.config, norm.spans, { dialect: parsed.dialect }),
    ...runRules(norm.config, norm.spans, parsed.settings, { dialect: parsed.dialect }),
  ];
  return {
    dialect: parsed.dialect,
    dialectReason: parsed.dialectReason,
    tree: parsed.tree,
    settings: parsed.settings,
    config: knownOnly(norm.config),
    spans: norm.spans,
    diagnostics: sortDiagnostics(diagnostics),
    lineIndex: parsed.lineIndex,
  };
}

const KNOWN = new Set<string>(OPTION_KEYS);

/** The config without unknown keys: they were reported (XM0101) and are not part of the schema's shape. */
function knownOnly(config: NormalizedConfig): NormalizedConfig {
  const out: Record<string, unknown> = {};
  const src = config as Record<string, unknown>;
  // for…in over the own keys of a plain object: no entries array per file.
  for (const k in src) if (KNOWN.has(k)) out[k] = src[k];
  return out as NormalizedConfig;
}
