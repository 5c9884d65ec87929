/**
 * @fileoverview The xl settings a placement plan turns into: the lines `convert --to xl --host`
 * writes in place of the NUMA keys, and the keys they replace.
 */
import type { Plan } from '../placement/types.js';
import { xlString } from './xl-literal.js';

/** A numa = "off" plan (no CPU lists): libxl must not place the guest itself either. */
function unplaced(p: Plan, ownSoft: boolean): boolean {
  return p.xl.cpus === null && !ownSoft;
}

/** The keys the plan writes (an earlier assignment of them is commented out). */
export function planKeys(p: Plan, ownSoft = false): string[] {
  const keys: string[] = [];
  if (p.xl.cpus) keys.push(p.affinity === 'soft' ? 'cpus_soft' : 'cpus');
  if (unplaced(p, ownSoft)) keys.push('cpus_soft');
  if (p.xl.vnuma) keys.push('vnuma');
  return keys;
}

/**
 * The plan's xl settings as config lines (one CPU list for all vCPUs when they are all equal). For
 * numa = "off", `cpus_soft = "all"` unless the file has a cpus_soft (`ownSoft`): without a soft
 * affinity libxl runs its own automatic placement (libxl__build_pre), which "off" asks not to do.
 */
export function planLines(p: Plan, ownSoft = false): string[] {
  const out: string[] = [];
  if (unplaced(p, ownSoft)) out.push('cpus_soft = "all"  # numa = "off": pins nothing; libxl skips its automatic NUMA placement when cpus_soft is given');
  const cpus = p.xl.cpus;
  if (cpus?.length) {
    const key = p.affinity === 'soft' ? 'cpus_soft' : 'cpus';
    const value = cpus.every((c) => c === cpus[0]) ? xlString(cpus[0]!) : '[' + cpus.map(xlString).join(', ') + ']';
    out.push(`${key} = ${value}`);
  }
  if (p.xl.vnuma?.length) out.push(`vnuma = [${p.xl.vnuma.map((n) => '[' + n.map(xlString).join(', ') + ']').join(', ')}]`);
  if (!out.length) out.push('# xmcfg convert: the placement plan needs no xl setting');
  return out;
}
