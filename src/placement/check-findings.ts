/**
 * @fileoverview `check --host`: placement findings (XM04xx) of a checked config against a host
 * topology, judged only on the values the check knows. The CLI loads it lazily (only with --host);
 * the library's `check` uses it too.
 */
import type { CheckResult } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { knownView, type UnknownValues } from '../check/unknown-values.js';
import { dialectPlanConfig } from './dialect-input.js';
import { placementFindings } from './findings.js';
import { CheckedHost } from './host-check.js';
import type { Host } from './types.js';

/**
 * Keys whose values make the plan: the guest's memory and vCPUs, its pins (hard and soft) and its NUMA request, and
 * `hap`, which with the guest type decides the plan's create_flags. `hap += 1` is only a warning in
 * xl (XM0109: xl ignores the option), so a file that is otherwise clean would be planned with hap's
 * default. `type` and `builder` need no place here: every rejected value of theirs is an error
 * (XM0102, XM0104 in both dialects), and plan refuses a file with errors.
 */
export const PLAN_INPUTS = ['memory', 'maxmem', 'shadow_memory', 'vcpus', 'maxvcpus', 'cpus', 'cpus_soft', 'numa', 'numanodes', 'numanode', 'hap'] as const;

/** Findings judged by a plan: they rest on the guest's whole demand. */
const PLAN_CODES = new Set(['XM0403', 'XM0404', 'XM0406', 'XM0412', 'XM0417', 'XM0423', 'XM0424', 'XM0425', 'XM0426']);

/** Placement diagnostics of one checked config against a host (a CheckedHost is not validated again: decision 094). */
export function placementDiagnostics(result: Pick<CheckResult, 'config' | 'spans' | 'unknown' | 'settings' | 'diagnostics' | 'dialect'> & Partial<Pick<CheckResult, 'anchor'>>, host: Host | CheckedHost): Diagnostic[] {
  // The allocator fills in defaults (the dialect's memory, one vCPU, automatic placement) for what a config
  // lacks: it sees only the known values, and a plan built on a default stands in for no unknown one.
  // As plan reads it: without the keys the file's own tool ignores, sized by that tool's defaults.
  const config = dialectPlanConfig({ ...result, config: knownView(result.config, result.unknown) as CheckResult['config'] }).config;
  // XM0415 (more vCPUs than Xen allows the guest's type) needs no host: the rules report it
  // (vcpusAboveXenMax), so placement's copy would say it twice.
  const found = placementFindings(config, result.spans, host, result.dialect, result.anchor).filter((d) => d.code !== 'XM0415');
  if (!planInputUnknown(result.unknown)) return found;
  // numanodes above the host's node count is decided before any plan, from known values alone.
  const nodes = (host instanceof CheckedHost ? host.host : host).nodes;
  const nodeCount = config.numa?.mode === 'auto' && Array.isArray(nodes) && config.numa.node_count > nodes.length;
  return found.filter((d) => !PLAN_CODES.has(d.code) || (d.code === 'XM0404' && nodeCount));
}

/** true when a key the plan's demand is made of is written but unknown. */
function planInputUnknown(unknown: UnknownValues): boolean {
  return unknown.size > 0 && PLAN_INPUTS.some((k) => unknown.has(k));
}
