/**
 * @fileoverview Why a plan chose what it chose, in words: the rule, the winning score with every
 * field named in the order the policy compared it, and how memory was split. Built only for plans
 * (the benchmark path skips it): the policies leave their winning tuple in `Choice.score` as plain
 * numbers, and everything here (units, spare MiB, the freest node that lost) is worked out from it
 * and the capacity view afterwards.
 */
import { plural } from '../diagnostics/diagnostic.js';
import { cpuWords, freeWords, type Capacity } from './capacity.js';
import type { Choice, Demand } from './demand.js';
import { REACH_FIRST } from './reach-first.js';
import { COMPACT, COMPACT_FEWEST } from './compact.js';
import { NEAR_REACH } from './near-reach.js';
import { LOAD_GUARD, MAX_SEEDS, mix, PAIR_QUANTUM_MIB, SPREAD_QUANTUM_MIB } from './policy-best.js';
import { RESERVE_FROM, reservedSocket, sockets } from './reserve.js';
import { vcpusPerSlot } from './split.js';
import type { PolicyName } from './types.js';

/** The fields a winning score can have. */
export type ScoreKey = 'over-guard' | 'fewer-cpus' | 'reserve' | 'distance' | 'proportional' | 'size' | 'spare' | 'hash' | 'load' | 'seed' | 'node' | 'nodes' | 'cpus';

/** One field of a winning score, named, in its own unit. */
export interface ScoreField {
  key: ScoreKey;
  /**
   * over-guard, fewer-cpus, proportional, reserve (in the socket kept for large automatic guests,
   * present only when a reserve applied): yes/no; distance: mean node distance; size: node
   * count; spare: MiB of free memory left on the chosen nodes after placement; hash: the
   * tie-break hash; load: vCPUs per CPU after placement (Infinity without CPUs; for most-cpus, of
   * the guest's own vCPUs on its most crowded node); cpus: the CPUs of the chosen nodes; seed, node:
   * a node id; nodes: node ids.
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

/** Does the search require the chosen nodes' CPUs to cover the vCPUs (automatic placement on a host with enough CPUs)? */
function needsCpus(d: Demand, cap: Capacity): boolean {
  return d.kind === 'auto' && cap.cpus.reduce((a, b) => a + b, 0) >= d.vcpus;
}

const perCpu = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'unbounded (no CPUs)');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const distText = (x: number): string => String(+x.toFixed(1));

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

/** The reserve field: whether the choice lies in the socket kept for large automatic guests. */
function reserveField(inside: boolean, what: string): ScoreField {
  return {
    key: 'reserve',
    value: inside,
    text: `${what} in the freest socket, kept for guests that fit nowhere else once the host is ${Math.round(RESERVE_FROM * 100)} % used: ${yesNo(inside)}`,
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
      const id = s[6]!;
      const f: ScoreField[] = [
        { key: 'over-guard', value: s[0] === 1, text: `over ${LOAD_GUARD} vCPUs per CPU after placement: ${yesNo(s[0] === 1)}` },
        { key: 'fewer-cpus', value: s[1] === 1, text: `fewer CPUs than the guest's ${plural(d.vcpus, 'vCPU')}: ${yesNo(s[1] === 1)}` },
      ];
      if (s[2]! >= 0) f.push(reserveField(s[2] === 1, 'the node'));
      f.push(spareField(spare, s[3]!, d, SPREAD_QUANTUM_MIB));
      if (salted) f.push({ key: 'hash', value: s[4]!, text: `tie-break hash ${s[4]} (of the domain name and the node; lowest wins)` });
      f.push({ key: 'load', value: s[5]!, text: `vCPUs per CPU on the node after placement ${perCpu(s[5]!)}` });
      f.push({ key: 'node', value: id, text: `node ${id} (lowest id wins a full tie)` });
      return f;
    }
    case 'nearest-pair': {
      const ids = [s[6]!, s[7]!];
      const f: ScoreField[] = [{ key: 'distance', value: s[0]!, text: `mean distance ${distText(s[0]!)}` }];
      if (s[1]! >= 0) f.push(reserveField(s[1] === 1, 'a node of the pair'));
      f.push({
        key: 'proportional',
        value: s[2] === 0,
        text: `${d.vcpus > 1 ? 'memory in proportion to the vCPUs' : 'an even memory split'} fits on the two nodes: ${yesNo(s[2] === 0)}`,
      });
      f.push(spareField(spare, s[3]!, d, PAIR_QUANTUM_MIB));
      if (salted) f.push({ key: 'hash', value: s[4]!, text: `tie-break hash ${s[4]} (of the domain name and the pair; lowest wins)` });
      f.push({ key: 'load', value: s[5]!, text: `vCPUs per CPU on the two nodes together after placement ${perCpu(s[5]!)}` });
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
    case COMPACT_FEWEST:
      return [
        { key: 'distance', value: s[0]!, text: `mean distance ${distText(s[0]!)}` },
        { key: 'spare', value: -s[1]!, text: `spare memory after placement ${-s[1]!} MiB` },
        { key: 'seed', value: s[2]!, text: `grown from node ${s[2]}, the freest that leaves a set of ${c.slots.length} possible` },
      ];
    case COMPACT:
      return [
        { key: 'distance', value: s[0]!, text: `mean distance ${distText(s[0]!)}` },
        { key: 'spare', value: -s[1]!, text: `spare memory after placement ${-s[1]!} MiB` },
        { key: 'seed', value: s[2]!, text: `grown from node ${s[2]}, the freest` },
      ];
    case NEAR_REACH:
      return [
        { key: 'distance', value: s[0]!, text: `mean distance to the nodes the pinning reaches ${distText(s[0]!)} (the policy's choice over the whole host: ${distText(s[1]!)})` },
        { key: 'spare', value: spare, text: `spare memory after placement ${spare} MiB` },
      ];
    case 'most-cpus':
      return [
        { key: 'load', value: s[0]!, text: `the guest's vCPUs per CPU on its most crowded node ${perCpu(s[0]!)}` },
        { key: 'cpus', value: s[1]!, text: `CPUs of the nodes ${s[1]}` },
        { key: 'size', value: s[2]!, text: `node count ${s[2]} (more nodes win a tie)` },
      ];
    default:
      return [];
  }
}

/** The reasons list of a plan. */
export function explain(c: Choice, cap: Capacity, d: Demand, policy: PolicyName, cursor: number | undefined, listedBy = 'listed in the config (numanode)'): string[] {
  const ids = c.slots.map((p) => cap.ids[p]!);
  const k = ids.length;
  const freeText = c.slots.map((p) => `node ${cap.ids[p]}: ${freeWords(cap, p)}, ${cap.load[p]} vCPUs on ${cpuWords(cap, p)}`).join('; ');
  const out: string[] = [];
  const list = ids.join(',');
  const nodesWord = `node${k > 1 ? 's' : ''}`;
  const need = d.memMiB;
  const cpus = needsCpus(d, cap);
  const cpuClause = cpus ? ` and has CPUs for ${plural(d.vcpus, 'vCPU')}` : '';
  switch (c.rule) {
    case 'listed':
      out.push(`${nodesWord} ${list}: ${listedBy}`);
      break;
    case 'single':
      out.push(singleLead(c, cap, d));
      if (d.salt !== undefined) {
        out.push(`spare memory after placement is compared in ${SPREAD_QUANTUM_MIB} MiB steps; nodes in the same step are ordered by a hash of the domain name and the node, so guests created at the same time spread out`);
      }
      break;
    case 'nearest-pair': {
      const steps = d.salt !== undefined ? ` (in ${PAIR_QUANTUM_MIB} MiB steps, then a hash of the domain name)` : '';
      out.push(
        `nodes ${list}: the nearest pair that holds ${need} MiB${cpuClause} (mean distance ${distText(c.score[0]!)}); ` +
          `pairs as near are ordered by whether ${d.vcpus > 1 ? 'memory in proportion to the vCPUs' : 'an even memory split'} fits, then the most spare memory${steps}, then the fewest vCPUs per CPU`,
      );
      break;
    }
    case 'nearest-set': {
      const grown = `of the sets of ${k} grown nearest first from the ${Math.min(MAX_SEEDS, cap.ids.length)} freest nodes, the nearest that`;
      const size =
        d.kind === 'auto'
          ? `${k} nodes, the fewest that can hold ${need} MiB${cpus ? ` and have CPUs for ${plural(d.vcpus, 'vCPU')}` : ''}; ${grown} does`
          : `${k} nodes as the config asks; ${grown} holds ${need} MiB`;
      out.push(`nodes ${list}: ${size} (mean distance ${distText(c.score[1]!)}); sets as near are ordered by the most spare memory, then the fewest vCPUs per CPU`);
      break;
    }
    case 'most-cpus': {
      const all = cap.cpus.reduce((a, b) => a + b, 0);
      out.push(
        `${nodesWord} ${list}: the guest's ${plural(d.vcpus, 'vCPU')} outnumber the ${plural(all, 'CPU')} of every node the policy chooses from, so no node set has a CPU for each ` +
          `(xl's automatic placement then finds no candidate and leaves the guest on every node); of the nodes with CPUs and free memory, most CPUs first, the ${k === 1 ? 'node that holds' : `${k} nodes that hold`} ${need} MiB with the fewest vCPUs per CPU on the most crowded node (decision 053)`,
      );
      break;
    }
    case COMPACT:
      out.push(
        `nodes ${list}: the distance search, which takes only nodes with free memory, found no set of ${k} that holds ${need} MiB${cpuClause}; so the set is grown from node ${c.score[2]}, the freest, ` +
          `taking the node nearest the set so far (then the most free memory, then the lowest id), full nodes too, while the set can still hold it (mean distance ${distText(c.score[0]!)}; decision 088)`,
      );
      break;
    case COMPACT_FEWEST:
      out.push(
        `nodes ${list}: ${k} nodes, the fewest that can hold ${need} MiB${cpuClause}; neither the set grown from the freest node nor the ${k} freest nodes do (the CPUs are on nodes with less free memory), ` +
          `so the set is grown from node ${c.score[2]}, the freest node that leaves such a set possible, taking the node nearest the set so far (then the most free memory, then the lowest id), full nodes too (mean distance ${distText(c.score[0]!)}; decision 104)`,
      );
      break;
    case NEAR_REACH:
      out.push(
        `${nodesWord} ${list}: the nodes the pinning reaches cannot hold ${need} MiB${cpuClause}; of the nodes with free memory, the ${k === 1 ? 'one' : `${k}`} nearest them ` +
          `(then the most free memory, then the lowest id), as many as the policy takes over the whole host (mean distance to them ${distText(c.score[0]!)}, against ${distText(c.score[1]!)} for the policy's own choice; decision 088)`,
      );
      break;
    case 'freest':
      out.push(`nodes ${list}: the ${k} nodes with the most free memory (the distance search, which takes only nodes with free memory, found no set that holds ${need} MiB${cpuClause})`);
      break;
    case 'round-robin':
      out.push(
        k === 1
          ? `node ${list}: next in round-robin order from node ${cursor ?? 0}, skipping nodes that cannot hold ${need} MiB`
          : `nodes ${list}: the first run of ${k} consecutive nodes in round-robin order from node ${cursor ?? 0} that holds ${need} MiB (runs with a full node are skipped)`,
      );
      break;
    case 'round-robin-cpus':
      out.push(
        k === 1
          ? `node ${list}: next in round-robin order from node ${cursor ?? 0}, skipping nodes that cannot hold ${need} MiB or have fewer CPUs than its ${plural(d.vcpus, 'vCPU')}`
          : `nodes ${list}: the first run of ${k} consecutive nodes in round-robin order from node ${cursor ?? 0} that holds ${need} MiB and has a CPU for each of its ${plural(d.vcpus, 'vCPU')} (runs with a full node are skipped)`,
      );
      break;
    case 'round-robin-memory':
      out.push(
        k === 1
          ? `node ${list}: no node that holds ${need} MiB has a CPU for each of its ${plural(d.vcpus, 'vCPU')}; of those, the one with the most CPUs, the first in round-robin order from node ${cursor ?? 0} on ties`
          : `nodes ${list}: no run of ${k} consecutive nodes in round-robin order that holds ${need} MiB has a CPU for each of its ${plural(d.vcpus, 'vCPU')}; of those, the one with the most CPUs, the first from node ${cursor ?? 0} on ties`,
      );
      break;
    case 'own-cpus':
      out.push(`${nodesWord} ${list}: each vCPU on a node its own entry of the config's per-vCPU cpus names (the freest where an entry names several); the ${policy} policy, which counts the entries' CPUs together, chose nodes that pinned some vCPU off its entry`);
      break;
    case REACH_FIRST: {
      // The score holds the ids of the kept nodes (those the config's pinning reaches).
      const kept = c.score;
      const how = policy === 'best' ? 'nearest them (then the freest)' : policy === 'most-free' ? 'with the most free memory' : `next in round-robin order from node ${cursor ?? 0}`;
      const added = ids.filter((id) => !kept.includes(id));
      out.push(
        `nodes ${list}: ${k} nodes as the config asks; the nodes its pinning reaches cannot hold the guest on ${k} nodes alone, so the set keeps node${kept.length > 1 ? 's' : ''} ${kept.join(',')} ` +
          `where the most vCPUs go (those stay on the CPUs their cpus allow) and adds node${added.length > 1 ? 's' : ''} ${added.join(',')}, ${how}, of the others with free memory (decision 085)`,
      );
      break;
    }
    case 'most-free-fewest':
      out.push(
        `${nodesWord} ${list}: ${k === 1 ? 'the freest node that holds' : `the fewest nodes (${k}) that hold`} ${need} MiB and ${k === 1 ? 'has' : 'have'} CPUs for ${plural(d.vcpus, 'vCPU')} (xl's automatic placement), taken most free first; ` +
          'taking the freest nodes in turn would have needed more nodes for the CPUs (decision 104)',
      );
      break;
    case 'round-robin-fallback':
      out.push(`${nodesWord} ${list}: no run of consecutive nodes in round-robin order holds ${need} MiB, whichever node it starts from (runs with a full node are skipped); the freest instead`);
      break;
    default:
      out.push(
        d.kind === 'auto' && k > 1
          ? `nodes ${list}: the freest nodes, taken most free first until they hold ${need} MiB and have CPUs for ${plural(d.vcpus, 'vCPU')} (or all the host's CPUs)`
          : `${nodesWord} ${list}: the most free memory`,
      );
  }
  out.push(`policy ${policy}; before placement: ${freeText}`);
  const fields = policy === 'best' ? scoreFields(c, cap, d) : [];
  const head =
    c.rule === 'freest'
      ? 'score: none compared (the freest nodes, ties to the lowest id)'
      : c.rule === COMPACT || c.rule === COMPACT_FEWEST || c.rule === NEAR_REACH
        ? 'score: no sets compared (one set grown nearest first)'
        : 'winning score, fields in the order compared';
  if (fields.length > 0) out.push(`${head}: ${fields.map((f) => f.text).join('; ')}`);
  if (c.arranged) out.push('vCPU positions go to the nodes nearest the set\'s free memory; memory that does not fit in proportion to the vCPUs goes to the nodes nearest them first');
  out.push(splitText(c, ids, d, policy));
  return out;
}

/**
 * The single-node rule's first line: the chosen node and, when a node with more free memory also
 * fits, which compared field it lost on (the load guard, its CPU count, or the hash inside the
 * same step of spare memory).
 */
function singleLead(c: Choice, cap: Capacity, d: Demand): string {
  const pos = c.slots[0]!;
  const needCpus = needsCpus(d, cap);
  const guard = c.score[0] === 1 ? `; every node that fits would go over ${LOAD_GUARD} vCPUs per CPU` : `; stays within ${LOAD_GUARD} vCPUs per CPU`;
  let freest = pos;
  for (let i = 0; i < cap.ids.length; i++) {
    if (cap.free[i]! < d.memMiB || (needCpus && cap.cpus[i]! < d.vcpus)) continue;
    if (cap.free[i]! > cap.free[freest]!) freest = i;
  }
  if (cap.free[freest] === cap.free[pos]) return `node ${cap.ids[pos]}: most free memory among single nodes that fit (${cap.free[pos]} MiB free)${guard}`;
  const cpus = cap.cpus[freest]!;
  const over = cpus === 0 || cap.load[freest]! + d.vcpus > LOAD_GUARD * cpus ? 1 : 0;
  let why: string;
  if (over > c.score[0]!) why = `would go over ${LOAD_GUARD} vCPUs per CPU`;
  else if (cpus < d.vcpus && c.score[1] === 0) why = `has fewer CPUs (${cap.whole && cap.whole[freest] !== cpus ? `${cpus} of its ${cap.whole[freest]}` : cpus}) than the guest's ${d.vcpus} vCPUs`;
  else if (c.score[2] === 0 && sockets(cap)![freest] === reservedSocket(cap)) why = `is in the freest socket, kept for guests that fit nowhere else once the host is ${Math.round(RESERVE_FROM * 100)} % used`;
  else if (d.salt !== undefined && mix(d.salt, freest) !== c.score[4]) why = `is in the same ${SPREAD_QUANTUM_MIB} MiB step of spare memory and lost on the tie-break hash`;
  else why = `is in the same ${SPREAD_QUANTUM_MIB} MiB step of spare memory, ties on the hash and lost on vCPUs per CPU or node id`;
  return `node ${cap.ids[pos]}: the best score among single nodes that fit (${cap.free[pos]} MiB free)${guard}; node ${cap.ids[freest]} has more free memory (${cap.free[freest]} MiB) but ${why}`;
}

/** How memory was split, in words. */
function splitText(c: Choice, ids: readonly number[], d: Demand, policy: PolicyName): string {
  const parts = ids.map((id, i) => `node ${id} ${c.mem[i]} MiB`).join(', ');
  if (ids.length === 1) return `memory: all ${c.mem[0]} MiB on node ${ids[0]}`;
  if (d.slotOf && c.rule !== 'own-cpus') return `memory as the config's vnuma puts it (each vnode's size on its pnode): ${parts}`;
  if (!c.proportional) return `memory split unevenly (a node cannot hold its vCPU share): ${parts}`;
  // With fewer vCPUs than nodes, requested nodes weigh the same (split.ts); only an automatic
  // placement's nodes taken for memory alone (spare-only, or arranged) follow the vCPUs to 0.
  const spareOnly = c.arranged === true || (policy === 'best' && d.kind === 'auto' && c.rule === 'nearest-pair');
  if (!spareOnly && vcpusPerSlot(d.vcpus, ids.length).includes(0)) return `memory split evenly (the guest has fewer vCPUs than nodes, so every node weighs the same): ${parts}`;
  return `memory split in proportion to the vCPUs on each node: ${parts}`;
}
