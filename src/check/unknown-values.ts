/**
 * @fileoverview Keys a file writes whose value is not known: refused by normalisation or by the
 * schema, not evaluated (an xm function call), or assigned only by a statement that is not run (an
 * xm `if` block). Such a key is unknown, not absent: a rule that would fall back on the key's default
 * (PV, one vCPU, maxmem = memory) must stay silent instead, or one bad value turns into a cascade
 * of findings about a default the file never asked for. The root cause is reported where the value
 * is refused or not read (XM0104, XM0108, XM0052, XM0061, ...).
 */
import type { Span } from '../diagnostics/span.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Setting, UnreadAssignment } from '../syntax/value.js';
import { FOLDED_KEYS, OPTION_KEYS, isUnknownKey, type NormalizedConfig } from '../normalize/index.js';

/** One key whose value is unknown, where that is decided, and why. */
export interface UnknownValue {
  key: string;
  /** The key of the setting that was refused, or the target of the assignment that was not read. */
  span: Span;
  why: 'rejected' | 'not-evaluated' | 'not-read';
}

/** The keys of a file whose value is unknown, by key. */
export type UnknownValues = ReadonlyMap<string, UnknownValue>;

/** No key is unknown (a config built elsewhere, or a caller that does not know). */
export const NO_UNKNOWN_VALUES: UnknownValues = new Map();

/** What {@link unknownValues} is worked out from. */
export interface UnknownValueSources {
  /** The evaluator's assignments that yielded no setting (ParseResult.unread). */
  unread: readonly UnreadAssignment[];
  /** Option keys whose effective value normalisation or the schema refused. */
  rejected: Iterable<string>;
  /** The setting in effect for each key. */
  effective: ReadonlyMap<string, Setting>;
}

/**
 * The option keys whose value is unknown. An assignment that was not read makes its key unknown
 * unless an evaluated setting of the key comes after it (then that one is in effect); otherwise
 * the last word on the key is the unread one, and an earlier value is stale. Names normalisation
 * does not know (helper variables, misspelt keys) are left out: no rule reads them.
 */
export function unknownValues(src: UnknownValueSources): Map<string, UnknownValue> {
  const out = new Map<string, UnknownValue>();
  for (const key of src.rejected) {
    const s = src.effective.get(key);
    out.set(key, { key, span: s?.keySpan ?? { start: 0, end: 0 }, why: 'rejected' });
  }
  const lastAt = new Map<string, number>();
  for (const u of src.unread) {
    if (isUnknownKey(u.key)) continue;
    const s = src.effective.get(u.key);
    if (s !== undefined && s.span.start > u.at) continue;
    if ((lastAt.get(u.key) ?? -1) > u.at) continue;
    lastAt.set(u.key, u.at);
    out.set(u.key, { key: u.key, span: u.keySpan, why: u.why });
  }
  return out;
}

/** true when a NUMA key (numa, numanodes, numanode) is unknown: then so is the folded `numa` request. */
function numaUnknown(unknown: UnknownValues): boolean {
  if (unknown.size === 0) return false;
  if (unknown.has('numa')) return true;
  for (const k in FOLDED_KEYS) if (unknown.has(k)) return true;
  return false;
}

/**
 * The config the rules see: without the keys an unread assignment made stale (the value there is
 * not the one in effect), and without the `numa` request when one of its keys is unknown (it was
 * built with a default in place of that key). A value normalisation kept but the schema refused
 * (type = "hvn", timer_mode = 9) stays: it is what the file says, and a rule about the key being
 * set may still judge it; only the rules' defaults must not stand in for it. Only option keys are
 * copied (the rules read nothing else), so a config holding 250,000 unknown keys costs no more than
 * any other. The config itself when nothing is unknown.
 */
export function knownView(config: NormalizedConfig, unknown: UnknownValues): NormalizedConfig {
  if (unknown.size === 0) return config;
  const src = config as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of OPTION_KEYS) if (src[k] !== undefined && !isStale(k, unknown)) out[k] = src[k];
  if (numaUnknown(unknown)) delete out.numa;
  return out as NormalizedConfig;
}

/** true when a NUMA key's last assignment was not read or not evaluated (a refused one is what the file says). */
function numaStale(unknown: UnknownValues): boolean {
  if (isStale('numa', unknown)) return true;
  for (const k in FOLDED_KEYS) if (isStale(k, unknown)) return true;
  return false;
}

/**
 * The config a check returns: without the keys whose last assignment was not read or not evaluated
 * (`memory = 512` then `memory = str(n)`, `memory -= 1`, or `memory = 1024 +` with a syntax error),
 * whose value there is an earlier, stale one, and without the `numa` request built from such a
 * NUMA key; the rules see the same (knownView), which also drops a `numa` built with a default for
 * a refused NUMA key (a refused value stays in the config: it is what the file says). Python stops at the first error and
 * xl refuses a file it cannot parse, so no value of such a key is the file's: it is left out, and
 * `unknown` (and the finding at the statement) says why. The config itself when nothing is stale.
 */
export function withoutStale(config: NormalizedConfig, unknown: UnknownValues): NormalizedConfig {
  if (unknown.size === 0) return config;
  const src = config as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const [key, u] of unknown) {
    if (u.why === 'rejected' || src[key] === undefined) continue;
    out ??= { ...src };
    delete out[key];
  }
  if (src.numa !== undefined && numaStale(unknown)) {
    out ??= { ...src };
    delete out.numa;
  }
  return (out ?? config) as NormalizedConfig;
}

/** true when the key's last assignment was not read: a value in the config came before it. */
export function isStale(key: string, unknown: UnknownValues): boolean {
  const u = unknown.get(key);
  return u !== undefined && u.why !== 'rejected';
}

/**
 * The findings without "name is required" (XM0105, XM0106) when `name` is written but its value is
 * unknown: the name is there, it was just not read (its own finding says why).
 */
export function withoutMissingName(diagnostics: Diagnostic[], unknown: UnknownValues): Diagnostic[] {
  if (!unknown.has('name')) return diagnostics;
  return diagnostics.filter((d) => !((d.code === 'XM0105' || d.code === 'XM0106') && d.span.start === 0 && d.span.end === 0));
}
