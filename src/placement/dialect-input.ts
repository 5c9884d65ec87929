/**
 * @fileoverview The config a plan is made from, as the file's own toolstack reads it. The normalised
 * config holds every key written, but xl ignores xm's options (XM0551, XM0552: s3_integrity, which
 * libxl never sets) and xm ignored xl's (XM0553: type, vpmu, passthrough…) and values that are not
 * str, list, int or float (XM0554: `hap = False` left hap on). Planned from anyway, the creation
 * flags and the guest type would describe a domain neither tool creates. The check has already
 * judged each key: its findings, found back by their spans, decide. The RFC NUMA keys stay: the
 * plan is what turns them into settings xl reads (SPEC §3).
 */
import type { CheckResult } from '../check/check.js';
import type { PlacementConfig } from './types.js';

/** Findings that say the dialect's tool does not read a key (at the key) or its value (XM0554). */
const IGNORED_KEY = new Set(['XM0551', 'XM0552', 'XM0553']);
const IGNORED_VALUE = 'XM0554';
const NUMA_KEYS = new Set(['numa', 'numanodes', 'numanode']);

/** The checked config without the keys its dialect's tool does not read, and those keys (sorted). */
export function dialectPlanConfig(checked: Pick<CheckResult, 'config' | 'settings' | 'diagnostics'>): { config: PlacementConfig; ignored: string[] } {
  const byKey = new Map<number, string>();
  const byValue = new Map<number, string>();
  for (const s of checked.settings) {
    byKey.set(s.keySpan.start, s.key);
    byValue.set(s.value.span.start, s.key);
  }
  const ignored = new Set<string>();
  for (const d of checked.diagnostics) {
    const key = IGNORED_KEY.has(d.code) ? byKey.get(d.span.start) : d.code === IGNORED_VALUE ? byValue.get(d.span.start) : undefined;
    if (key !== undefined && !NUMA_KEYS.has(key)) ignored.add(key);
  }
  const config = { ...(checked.config as unknown as PlacementConfig) };
  for (const k of ignored) delete config[k];
  return { config, ignored: [...ignored].sort() };
}
