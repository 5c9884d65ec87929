/**
 * @fileoverview What every rule receives: the normalised config, its span map, the settings (for
 * keys the config folds away) and the dialect; plus span helpers.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { Dialect, Setting } from '../../syntax/value.js';
import type { NormalizedConfig, SpanMap } from '../../normalize/index.js';
import { effectiveSettings } from '../../normalize/index.js';

export { makeDiag } from '../../normalize/index.js';

const FILE_START: Span = { start: 0, end: 0 };

/** Input of one rule. */
export interface RuleInput {
  config: NormalizedConfig;
  spans: SpanMap;
  settings: readonly Setting[];
  /** The setting in effect for each key (the last one). */
  effective: ReadonlyMap<string, Setting>;
  dialect: Dialect;
}

/** A rule: pure, returns its findings. */
export type Rule = (input: RuleInput) => Diagnostic[];

/** Build the input of the rules. */
export function ruleInput(config: NormalizedConfig, spans: SpanMap, settings: readonly Setting[], dialect: Dialect, effective?: ReadonlyMap<string, Setting>): RuleInput {
  return { config, spans, settings, effective: effective ?? effectiveSettings(settings), dialect };
}

/** The value span of a pointer (or the file start when the field has none). */
export function valueAt(spans: SpanMap, ptr: string): Span {
  return spans[ptr]?.value ?? FILE_START;
}

/** The key span of a pointer (or the file start). */
export function keyAt(spans: SpanMap, ptr: string): Span {
  return spans[ptr]?.key ?? FILE_START;
}

/** The number of vCPUs that may exist: maxvcpus, else vcpus, else 1 (xl's defaults). */
export function maxVcpusOf(config: NormalizedConfig): { value: number; ptr: string | null } {
  if (typeof config.maxvcpus === 'number') return { value: config.maxvcpus, ptr: '/maxvcpus' };
  if (typeof config.vcpus === 'number') return { value: config.vcpus, ptr: '/vcpus' };
  return { value: 1, ptr: null };
}
