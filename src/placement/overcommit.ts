/**
 * @fileoverview XM0406 for the plan's nodes that get more of the guest's vCPUs than CPUs they may
 * run on: one finding for the nodes the config's `cpus` narrows (at cpus, their cause) and one for
 * the others (at vcpus), each naming all its nodes as ranges (decision 058). Nodes without CPUs
 * have their own XM0406, one per node (plan-build.ts), since each is placed by its node.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rangesOf } from './bitmap.js';
import { hostDiag } from './host-check.js';
import { cpusMemo } from './pinning.js';
import type { Host, NarrowedFinding, OvercommitFinding, Plan, PlacementConfig } from './types.js';

/** One overcommitted node: its vCPUs of the guest, the CPUs they may run on, the node's CPUs. */
interface Over {
  id: number;
  vcpus: number;
  run: number;
  cpus: number;
  narrowed: boolean;
}

/**
 * The vCPUs that run on node `id` and the CPUs of the node they may run on: each vCPU's hard
 * affinity (the plan's pin, or under --affinity soft the config's cpus) within the node's CPUs, or
 * null when they have a CPU each. `cpus = "0,4,8"` with 20 vCPUs put 7 on node 1 pinned to CPU 4
 * alone, and XM0406 compared them with the node's 4 CPUs (decision 046 keeps the config's pinning).
 */
function overcommit(host: Host, p: Plan, id: number, on: readonly Plan['vcpus'][number][], hardOf: (i: number) => ReadonlySet<number> | null): Over | null {
  const nodeCpus = new Set(host.nodes.find((n) => n.id === id)!.cpus);
  // A node without CPUs has had its own XM0406 (its vCPUs run on the nearest CPUs).
  if (nodeCpus.size === 0) return null;
  const run = new Set<number>();
  let vcpus = 0;
  for (const v of on) {
    const hard = p.affinity === 'soft' ? hardOf(v.vcpu) : v.cpus.length > 0 ? v.cpus : null;
    const here = hard === null ? [...nodeCpus] : [...hard].filter((x) => nodeCpus.has(x));
    // Under soft affinity a vCPU whose hard affinity leaves this node out runs elsewhere.
    if (here.length === 0) continue;
    vcpus++;
    for (const x of here) run.add(x);
  }
  return vcpus > run.size ? { id, vcpus, run: run.size, cpus: nodeCpus.size, narrowed: run.size < nodeCpus.size } : null;
}

/**
 * Words for nodes with the same numbers: `node 3 gets 5 vCPUs … but has 4 CPUs` for one, `nodes
 * 0-2,7 get 5 vCPUs each … but have 4 CPUs each` for several; `of` names the guest (first part only).
 */
function part(ids: number[], o: Over, of: string): string {
  const one = ids.length === 1;
  const head = `${one ? 'node' : 'nodes'} ${rangesOf(ids)} ${one ? 'gets' : 'get'} ${o.vcpus} vCPUs${one ? '' : ' each'}${of}`;
  if (o.narrowed) return `${head} but its cpus let them run on ${o.run} of ${one ? "the node's" : "each node's"} ${o.cpus} CPUs`;
  return `${head} but ${one ? 'has' : 'have'} ${o.cpus} CPUs${one ? '' : ' each'}`;
}

/** XM0406 (warning) for the plan's overcommitted nodes: at most one narrowed by cpus (byCpus) and one not. */
export function overcommitFindings(cfg: PlacementConfig, host: Host, p: Plan, nodes: readonly number[], label: string): Diagnostic[] {
  // The vCPUs of each node gathered in one pass (scanning every vCPU for each node was O(nodes × vCPUs)).
  const on = new Map<number, Plan['vcpus'][number][]>();
  for (const v of p.vcpus) {
    const list = on.get(v.node);
    if (list) list.push(v);
    else on.set(v.node, [v]);
  }
  const hardOf = cpusMemo(cfg.cpus, host);
  const over = [...new Set(nodes)].sort((a, b) => a - b).flatMap((id) => overcommit(host, p, id, on.get(id) ?? [], hardOf) ?? []);
  const out: Diagnostic[] = [];
  for (const narrowed of [false, true]) {
    // Nodes with the same numbers are named together, in order of their lowest id.
    const groups = new Map<string, { o: Over; ids: number[] }>();
    for (const o of over.filter((x) => x.narrowed === narrowed)) {
      const key = `${o.vcpus}/${o.run}/${o.cpus}`;
      const g = groups.get(key);
      if (g) g.ids.push(o.id);
      else groups.set(key, { o, ids: [o.id] });
    }
    if (groups.size === 0) continue;
    const words = [...groups.values()].map((g, i) => part(g.ids, g.o, i === 0 ? ` of ${label}` : '')).join('; ');
    const found: OvercommitFinding = { ...hostDiag('XM0406', 'warning', `${words} (overcommitted)`), nodes: [...groups.values()].flatMap((g) => g.ids).sort((a, b) => a - b) };
    const byCpus: NarrowedFinding = { ...found, byCpus: true };
    out.push(narrowed ? byCpus : found);
  }
  return out;
}
