/**
 * @fileoverview Why a plan chose what it chose, in words: the rule, the winning score with every
 * field named in the order the policy compared it, and how memory was split. Built only for plans
 * (the benchmark path skips it): the policies leave their winning tuple in `Choice.score` as plain
 * numbers, and everything here (units, spare MiB) is worked out from it and the capacity view
 * afterwards.
 */
import type { Capacity } from './capacity.js';
import type { Choice, Demand } from './demand.js';
import { LOAD_GUARD, PAIR_QUANTUM_MIB, SPREAD_QUANTUM_MIB } from './policy-best.js';
import type { PolicyName } from './types.js';

/** The fields a winning score can have. */
export type ScoreKey = 'over-guard' | 'fewer-cpus' | 'distance' | 'proportional' | 'size' | 'spare' | 'hash' | 'load' | 'seed' | 'node' | 'nodes';

/** One field of a winning score, named, in its own unit. */
export interface ScoreField {
  key: ScoreKey;
  /**
   * over-guard, fewer-cpus, proportional: yes/no; distance: mean node distance; size: node
   * count; spare: MiB of free memory left on the chosen nodes after placement; hash: the
   * tie-break hash; load: vCPUs per CPU after placement (Infinity without CPUs); seed, node: a
   * node id; nodes: node ids.
   */
  value: boolean | number | number[];
  /** spare, when the policy compared it in steps: the step it compared (-floor(spare / quantum)) and the quantum in MiB. */
  step?: number;
  quantum?: number;
  /** The field in words, with its value and unit. */
  text: string;
}

/** Sum of the free MiB of the chosen positions. */
function freeOf(slots: readonly number[], cap: Capacity): number {
  let s = 0;
  for (const p of slots) s += cap.free[p]!;
  return s;
}

const perCpu = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'unbounded (no CPUs)');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const distText = (x: number): string => String(+x.toFixed(1));
const vcpusText = (v: number): string => `${v} vCPU${v === 1 ? '' : 's'}`;

/** The spare memory field: the MiB left after placement, and the step the policy compared when salted. */
function spareField(spare: number, key: number, d: Demand, quantum: number): ScoreField {
  if (d.salt === undefined) return { key: 'spare', value: spare, text: `spare memory after placement ${spare} MiB` };
  return {
    key: 'spare',
    value: spare,
    step: key,
    quantum,
    text: `spare memory after placement ${spare} MiB (compared in whole ${quantum} MiB steps: ${-key})`,
  };
}

/**
 * The winning score of a `best` choice as named fields, in the order the policy compared them;
 * empty for rules without a score (listed nodes, the simple policies).
 */
export function scoreFields(c: Choice, cap: Capacity, d: Demand): ScoreField[] {
  const s = c.score;
  const salted = d.salt !== undefined;
  const spare = freeOf(c.slots, cap) - d.memMiB;
  switch (c.rule) {
    case 'single': {
      const id = s[5]!;
      const f: ScoreField[] = [
        { key: 'over-guard', value: s[0] === 1, text: `over ${LOAD_GUARD} vCPUs per CPU after placement: ${yesNo(s[0] === 1)}` },
        { key: 'fewer-cpus', value: s[1] === 1, text: `fewer CPUs than the guest's ${vcpusText(d.vcpus)}: ${yesNo(s[1] === 1)}` },
        spareField(spare, s[2]!, d, SPREAD_QUANTUM_MIB),
      ];
      if (salted) f.push({ key: 'hash', value: s[3]!, text: `tie-break hash ${s[3]} (of the domain name and the node; lowest wins)` });
      f.push({ key: 'load', value: s[4]!, text: `vCPUs per CPU on the node after placement ${perCpu(s[4]!)}` });
      f.push({ key: 'node', value: id, text: `node ${id} (lowest id wins a full tie)` });
      return f;
    }
    case 'nearest-pair': {
      const ids = [s[5]!, s[6]!];
      const f: ScoreField[] = [
        { key: 'distance', value: s[0]!, text: `mean distance ${distText(s[0]!)}` },
        {
          key: 'proportional',
          value: s[1] === 0,
          text: `${d.vcpus > 1 ? 'memory in proportion to the vCPUs' : 'an even memory split'} fits on the two nodes: ${yesNo(s[1] === 0)}`,
        },
        spareField(spare, s[2]!, d, PAIR_QUANTUM_MIB),
      ];
      if (salted) f.push({ key: 'hash', value: s[3]!, text: `tie-break hash ${s[3]} (of the domain name and the pair; lowest wins)` });
      f.push({ key: 'load', value: s[4]!, text: `vCPUs per CPU on the two nodes together after placement ${perCpu(s[4]!)}` });
      f.push({ key: 'nodes', value: ids, text: `nodes ${ids.join(',')} (lowest ids win a full tie)` });
      return f;
    }
    case 'nearest-set':
      return [
        { key: 'size', value: s[0]!, text: `node count ${s[0]}` },
        { key: 'distance', value: s[1]!, text: `mean distance ${distText(s[1]!)}` },
        { key: 'spare', value: -s[2]!, text: `spare memory after placement ${-s[2]!} MiB` },
        { key: 'load', value: s[3]!, text: `vCPUs per CPU on the set after placement ${perCpu(s[3]!)}` },
        { key: 'seed', value: s[4]!, text: `grown from node ${s[4]} (lowest id wins a full tie)` },
      ];
    case 'freest':
      return [{ key: 'spare', value: -s[0]!, text: `spare memory after placement ${-s[0]!} MiB` }];
    default:
      return [];
  }
}

/** The reasons list of a plan. */
export function explain(c: Choice, cap: Capacity, d: Demand, policy: PolicyName, cursor: number | undefined): string[] {
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
    case 'nearest-pair':
    case 'nearest-set':
      out.push(`nodes ${list}: the nearest ${ids.length} nodes that hold ${d.memMiB} MiB${d.vcpus > 1 ? ` and ${d.vcpus} vCPUs` : ''} (mean distance ${meanDistance(c.slots, cap)}), then the most free memory`);
      break;
    case 'freest':
      out.push(`nodes ${list}: the ${ids.length} nodes with the most free memory (no nearer set holds ${d.memMiB} MiB)`);
      break;
    case 'round-robin':
      out.push(`node${ids.length > 1 ? 's' : ''} ${list}: next in round-robin order from node ${cursor ?? 0}, skipping nodes that cannot hold ${d.memMiB} MiB`);
      break;
    case 'round-robin-fallback':
      out.push(`node${ids.length > 1 ? 's' : ''} ${list}: no run of ${ids.length} consecutive node${ids.length > 1 ? 's' : ''} from node ${cursor ?? 0} holds ${d.memMiB} MiB; the freest instead`);
      break;
    default:
      out.push(`node${ids.length > 1 ? 's' : ''} ${list}: the most free memory`);
  }
  out.push(`policy ${policy}; before placement: ${freeText}`);
  const fields = policy === 'best' ? scoreFields(c, cap, d) : [];
  const head = c.rule === 'freest' ? 'score: none compared (the freest nodes, ties to the lowest id)' : 'winning score, fields in the order compared';
  if (fields.length > 0) out.push(`${head}: ${fields.map((f) => f.text).join('; ')}`);
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
