/**
 * @fileoverview The plan object of SPEC §5 built from a policy's choice: node mask, memory per
 * node, each vCPU's CPUs (its node's, a CPU-less node's nearest, memory-only nodes' lent ones, within
 * the config's own cpus), the xl lines, the `xl vcpu-pin` commands and the reasons.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { maskOf, rangesOf } from './bitmap.js';
import type { Capacity } from './capacity.js';
import type { Choice, Demand } from './demand.js';
import { createFlags } from './flags.js';
import type { GuestShape } from './guest.js';
import { hostDiag } from './host-check.js';
import { memoryOnlyHosts, memoryOnlyReason } from './memory-only.js';
import { cpusMemo } from './pinning.js';
import { explain } from './reasons.js';
import { shellQuote } from './shell.js';
import { rfcSlots } from './split.js';
import type { Host, NodeFinding, Plan, PlanOptions, PlacementConfig } from './types.js';
import { vnumaOf } from './vnuma-lines.js';

/**
 * XM0423 when the config's own `cpus` leaves out every CPU of a plan node that gets memory (a
 * memory-only node whose CPUs the nearest vCPUs were lent, or a vCPU node pinned by those lent CPUs
 * only): without vnuma Xen takes a guest's memory only from the nodes of the CPUs its vCPUs may run on
 * (domain_update_node_affinity), so `xl create` puts that share elsewhere while the plan, and the
 * ledger, book it there. A config's own vnuma allocates on its pnodes whatever the pinning, and
 * CPU-less nodes have XM0406, so neither is named here.
 */
function cpusLeaveOut(cfg: PlacementConfig, host: Host, nodes: readonly number[], memById: ReadonlyMap<number, number>, reachable: ReadonlySet<number>): Diagnostic | null {
  if (cfg.cpus === undefined || (Array.isArray(cfg.vnuma) && cfg.vnuma.length > 0)) return null;
  const left = [...new Set(nodes)]
    .map((id) => host.nodes.find((n) => n.id === id)!)
    .filter((n) => n.cpus.length > 0 && (memById.get(n.id) ?? 0) > 0 && !n.cpus.some((x) => reachable.has(x)));
  if (left.length === 0) return null;
  const ids = left.map((n) => n.id).sort((a, b) => a - b);
  const mib = left.reduce((a, n) => a + memById.get(n.id)!, 0);
  const cpus = left.flatMap((n) => n.cpus).sort((a, b) => a - b);
  return hostDiag(
    'XM0423',
    'warning',
    `the config's cpus leave out every CPU of node ${ids.join(',')} (CPUs ${rangesOf(cpus)}), which the plan gives ${mib} MiB: without vnuma Xen takes a guest's memory only from the nodes of the CPUs its vCPUs may run on, so xl create puts that memory on the other nodes`,
    `add CPUs ${rangesOf(cpus)} to cpus, or drop cpus and let the plan pin`,
  );
}

/**
 * The CPUs a vCPU placed on node `id` runs on: the node's own, or for a memory-only node the CPUs of
 * the nearest nodes that have some (an empty list would be `cpus = "none"`, which xl cannot create).
 */
export function runCpus(host: Host, id: number): number[] {
  const node = host.nodes.find((n) => n.id === id)!;
  if (node.cpus.length > 0) return node.cpus;
  let best = Infinity;
  for (const n of host.nodes) if (n.cpus.length > 0) best = Math.min(best, node.distances[String(n.id)] ?? Infinity);
  return host.nodes
    .filter((n) => n.cpus.length > 0 && (node.distances[String(n.id)] ?? Infinity) === best)
    .flatMap((n) => n.cpus)
    .sort((a, b) => a - b);
}

/** Build the plan object from a choice. */
export function planOf(cfg: PlacementConfig, g: GuestShape, host: Host, cap: Capacity, d: Demand, c: Choice, options: PlanOptions, diagnostics: Diagnostic[]): Plan {
  const policy = options.policy ?? 'best';
  const affinity = options.affinity ?? 'hard';
  const nodes = c.slots.map((p) => cap.ids[p]!);
  const sortedIds = [...nodes].sort((a, b) => a - b);
  const memById = new Map<number, number>();
  c.slots.forEach((p, i) => memById.set(cap.ids[p]!, c.mem[i]!));
  const memory_per_node_mib: Record<string, number> = {};
  for (const id of sortedIds) memory_per_node_mib[String(id)] = memById.get(id)!;
  const cpusOf = new Map(nodes.map((id) => [id, runCpus(host, id)]));
  const slotOf = d.slotOf ?? rfcSlots(g.maxvcpus, nodes.length);
  // A node with memory and no vCPU lends its CPUs to the nearest vCPUs, so the xl lines reach it too.
  // Counted in one pass over the vCPUs (a filter per node was O(nodes × vCPUs)).
  const perSlot = new Array<number>(nodes.length).fill(0);
  for (const s of slotOf) perSlot[s]!++;
  const lenders = memoryOnlyHosts(host, nodes, perSlot, c.mem);
  const runOn = nodes.map((id, q) => {
    const extra = [...lenders].filter(([, to]) => to === q).flatMap(([p]) => cpusOf.get(nodes[p]!)!);
    return extra.length === 0 ? cpusOf.get(id)! : [...new Set([...cpusOf.get(id)!, ...extra])].sort((a, b) => a - b);
  });
  const outside: number[] = [];
  const hardOf = cpusMemo(cfg.cpus, host);
  // The lists the vCPUs' CPUs are copied from, each once (a node's list serves all its unpinned
  // vCPUs): the CPUs some vCPU may run on are gathered from these, not from every vCPU's copy.
  const sources = new Set<readonly number[]>();
  const vcpus = slotOf.map((slot, vcpu) => {
    const node = nodes[slot]!;
    const own = runOn[slot]!;
    const hard = hardOf(vcpu);
    const allowed = hard ? own.filter((x) => hard.has(x)) : own;
    if (hard && allowed.length === 0) outside.push(vcpu);
    const from = allowed.length > 0 ? allowed : own;
    sources.add(from);
    return { vcpu, node, cpus: [...from] };
  });
  if (outside.length > 0) {
    // A move's nodes are the targets the user gave, whatever NUMA keys the guest's file has (none, often).
    const targets = [...new Set(outside.map((v) => vcpus[v]!.node))].sort((a, b) => a - b);
    const words = options.move
      ? `the config's cpus share no CPU with target node ${targets.join(',')} (--to-node) of vCPU ${rangesOf(outside)}; the move pins those to the target's CPUs, and its cpus lines replace the config's for them`
      : affinity === 'hard'
        ? `the config's cpus share no CPU with the planned node of vCPU ${rangesOf(outside)}; the plan pins those to their node's CPUs`
        : // Under --affinity soft the config's cpus stay the hard affinity: a soft one outside it is unreachable.
          `the config's cpus share no CPU with the planned node of vCPU ${rangesOf(outside)}; the plan's cpus_soft lines give those their node's CPUs, which the config's cpus leave out: libxl warns that the soft affinity is unreachable and Xen runs those vCPUs on the config's cpus`;
    diagnostics.push(hostDiag('XM0417', 'warning', words));
  }
  const cpuText = vcpus.map((v) => rangesOf(v.cpus));
  // The commands are pasted into a shell: the name is one quoted word whatever it holds.
  const who = shellQuote(g.name);
  const verb = (i: number): string => (affinity === 'hard' ? `xl vcpu-pin ${who} ${i} ${cpuText[i]}` : `xl vcpu-pin ${who} ${i} - ${cpuText[i]}`);
  const reasons = explain(c, cap, d, policy, options.cursor, options.listedBy);
  // Only the nodes whose CPUs some vCPU may still run on once the config's cpus has cut the lists.
  const reachable = new Set<number>();
  for (const list of sources) for (const x of list) reachable.add(x);
  const lent = new Map([...lenders].filter(([p]) => cpusOf.get(nodes[p]!)!.some((x) => reachable.has(x))));
  if (lent.size > 0) reasons.push(memoryOnlyReason(nodes, lent, (q) => slotOf.flatMap((s, v) => (s === q ? [v] : []))));
  // xl reads an empty domain argument as domain 0 (libxl_domain_qualifier_to_domid): a pin
  // command for a nameless guest would pin Domain-0's vCPUs.
  if (g.name === '') reasons.push('no xl vcpu-pin commands: the config names no domain, and xl would read an empty domain argument as Domain-0; the xl cpus lines pin the guest when it is created');
  const vnuma = vnumaOf(cfg, g, nodes, c, cap, reasons, slotOf);
  const cut = vnuma === null ? cpusLeaveOut(cfg, host, nodes, memById, reachable) : null;
  if (cut) diagnostics.push(cut);
  for (const id of new Set(nodes)) {
    const n = host.nodes.find((x) => x.id === id)!;
    if (n.cpus.length === 0 && cpusOf.get(id)!.length > 0) {
      // Without vnuma (whose pnode allocates exactly there), Xen derives a domain's node affinity,
      // where its memory comes from, from the vCPUs' affinity: the CPU-less node's share goes elsewhere.
      const mem = memById.get(id) ?? 0;
      const lost = vnuma === null && mem > 0 ? `; the xl lines cannot keep its ${mem} MiB there without vnuma (Xen takes a guest's memory from the nodes of its vCPUs' CPUs)` : '';
      // `node` tells findings.ts which node it is about (at numanode when that lists it).
      const found: NodeFinding = { ...hostDiag('XM0406', 'warning', `node ${id} has no CPUs: vCPUs placed there run on CPUs ${rangesOf(cpusOf.get(id)!)} of the nearest node(s) with CPUs${lost}`), node: id };
      diagnostics.push(found);
    }
  }
  return {
    version: 1,
    domain: g.name,
    policy,
    affinity,
    nodes,
    node_affinity: { nodes: sortedIds, mask: maskOf(sortedIds) },
    memory_per_node_mib,
    vcpus,
    create_flags: createFlags(cfg),
    xl: { cpus: cpuText, vnuma },
    commands: g.name === '' ? [] : vcpus.map((v) => verb(v.vcpu)),
    reasons,
  };
}
