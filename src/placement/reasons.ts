/**
 * @fileoverview Why a plan chose what it chose, in words: the rule, the winning score tuple and
 * how memory was split. Built only for plans (the benchmark path skips it).
 */
import type { Capacity } from './capacity.js';
import type { Choice } from './demand.js';
import type { GuestShape } from './guest.js';
import { LOAD_GUARD, SPREAD_QUANTUM_MIB } from './policy-best.js';
import type { PolicyName } from './types.js';

/** What the fields of each rule's score tuple are. */
const SCORE_KEYS: Record<string, string> = {
  single: '[over the load guard, fewer CPUs than vCPUs, -(free MiB left / step), hash tie-break, vCPUs per CPU after, node]',
  nearest: '[mean distance or node count, …, free MiB short (negative = spare), vCPUs per CPU after, nodes]',
};

/** The reasons list of a plan. */
export function explain(c: Choice, cap: Capacity, g: GuestShape, policy: PolicyName, cursor: number | undefined): string[] {
  const ids = c.slots.map((p) => cap.ids[p]!);
  const freeText = c.slots.map((p) => `node ${cap.ids[p]}: ${cap.free[p]} MiB free, ${cap.load[p]} vCPUs on ${cap.cpus[p]} CPUs`).join('; ');
  const out: string[] = [];
  const list = ids.join(',');
  switch (c.rule) {
    case 'listed':
      out.push(`node${ids.length > 1 ? 's' : ''} ${list}: listed in the config (numanode)`);
      break;
    case 'single': {
      const over = c.score[0] === 1 ? `; every node that fits passes ${LOAD_GUARD} vCPUs per CPU` : `; stays within ${LOAD_GUARD} vCPUs per CPU`;
      out.push(`node ${list}: most free memory among single nodes that fit (${cap.free[c.slots[0]!]} MiB free)${over}`);
      out.push(`free memory is compared in ${SPREAD_QUANTUM_MIB} MiB steps; nodes in the same step are ordered by a hash of the domain name, so guests created at the same time spread out`);
      break;
    }
    case 'nearest':
      out.push(`nodes ${list}: the nearest ${ids.length} nodes that hold ${g.need} MiB${g.maxvcpus > 1 ? ` and ${g.maxvcpus} vCPUs` : ''} (mean distance ${meanDistance(c.slots, cap)}), then the most free memory`);
      break;
    case 'freest':
      out.push(`nodes ${list}: the ${ids.length} nodes with the most free memory (no nearer set holds ${g.need} MiB)`);
      break;
    case 'round-robin':
      out.push(`node${ids.length > 1 ? 's' : ''} ${list}: next in round-robin order from node ${cursor ?? 0}, skipping nodes that cannot hold ${g.need} MiB`);
      break;
    case 'round-robin-fallback':
      out.push(`node${ids.length > 1 ? 's' : ''} ${list}: no run of ${ids.length} consecutive node${ids.length > 1 ? 's' : ''} from node ${cursor ?? 0} holds ${g.need} MiB; the freest instead`);
      break;
    default:
      out.push(`node${ids.length > 1 ? 's' : ''} ${list}: the most free memory`);
  }
  out.push(`policy ${policy}; before placement: ${freeText}`);
  if (c.score.length > 0 && policy === 'best' && c.rule !== 'listed') out.push(`winning score (lower is better): [${c.score.map((x) => (Number.isFinite(x) ? +x.toFixed(3) : 'inf')).join(', ')}]${SCORE_KEYS[c.rule] ? ` = ${SCORE_KEYS[c.rule]}` : ''}`);
  if (c.arranged) out.push('vCPU positions go to the nodes nearest the set\'s free memory; memory that does not fit in proportion to the vCPUs goes to the nodes nearest them first');
  out.push(
    c.proportional
      ? `memory split in proportion to the vCPUs on each node: ${ids.map((id, i) => `node ${id} ${c.mem[i]} MiB`).join(', ')}`
      : `memory split unevenly (a node cannot hold its vCPU share): ${ids.map((id, i) => `node ${id} ${c.mem[i]} MiB`).join(', ')}`,
  );
  return out;
}

function meanDistance(slots: readonly number[], cap: Capacity): number {
  const n = cap.ids.length;
  let s = 0;
  let k = 0;
  for (const a of slots) for (const b of slots) if (a !== b) { s += cap.dist[a * n + b]!; k++; }
  return k === 0 ? 10 : +(s / k).toFixed(1);
}
