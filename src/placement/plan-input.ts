/**
 * @fileoverview The library's guard on a config object handed to `plan()`: the keys the allocator
 * reads must hold values of the normalised config's schema. A caller's JSON may hold anything; a
 * value the allocator would otherwise replace by its default (or trip over) is XM0413, as a file's
 * rejected value is, and nothing is planned.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { validateFn } from '../schema/load-validator.js';
import { hostDiag } from './host-check.js';

/**
 * Keys of a normalised config the allocator reads (its demand, pinning, NUMA request and flags;
 * `builder` gives the type without `type`, and a `vnuma` of the config's own fixes the nodes, its
 * vCPUs and sizes: a malformed one was read as none and the guest placed as automatic).
 */
const READ_KEYS = ['name', 'type', 'builder', 'memory', 'maxmem', 'shadow_memory', 'vcpus', 'maxvcpus', 'cpus', 'cpus_soft', 'numa', 'vnuma', 'hap', 'oos', 'nestedhvm', 'vpmu', 's3_integrity', 'passthrough'] as const;

/** Every key of a config object plan reads: READ_KEYS, and pci and dtdev, whose presence sets the passthrough flag. */
export const PLAN_READ_KEYS: readonly string[] = [...READ_KEYS, 'pci', 'dtdev'];

/** XM0413 findings for a config whose plan inputs are not values of the schema (empty when fine). */
export function planInputFindings(config: unknown): Diagnostic[] {
  if (config === undefined) return [];
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    return [hostDiag('XM0413', 'error', `the config given to plan is not an object (${config === null ? 'null' : Array.isArray(config) ? 'an array' : typeof config}): nothing is planned`)];
  }
  const record = config as Record<string, unknown>;
  const slice: Record<string, unknown> = {};
  for (const k of READ_KEYS) if (Object.hasOwn(record, k) && record[k] !== undefined) slice[k] = record[k];
  if (validateFn(slice)) return [];
  const bad = new Set<string>();
  for (const e of validateFn.errors ?? []) {
    const key = e.instancePath.split('/')[1];
    if (key) bad.add(key);
  }
  return [...bad].map((k) => hostDiag('XM0413', 'error', `${k} is not a value of the normalised config: nothing is planned (the allocator would put its default in its place)`));
}
