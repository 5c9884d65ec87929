/**
 * @fileoverview Nodes of a plan that get memory but no vCPU (a guest with fewer vCPUs than the nodes
 * `numanodes` asks for, or a node an automatic placement took only for its memory). Without vnuma,
 * Xen takes a domain's memory from its node affinity, which it derives from the vCPUs' affinity
 * (domain_update_node_affinity: the nodes of the CPUs the vCPUs may run on). Pinned to their own
 * nodes' CPUs only, the vCPUs would leave such a node out, so `xl create` with the plan's `cpus`
 * lines would put none of its share there while the JSON and text plans said it would. A vnuma
 * vnode without vCPUs is no way out: xl.cfg(5) calls `vcpus=` mandatory for every vnode (xl's parser
 * does not enforce it, but an empty `vcpus=` parses as vCPU 0), and PV guests get no vnuma at all.
 * So each such node's CPUs join the affinity of the vCPUs of the nearest node that has some
 * (decision 036): the node affinity then spans every node of the plan, and Xen's allocator, which
 * cycles over the node affinity, spreads the memory over them.
 */
import { rangesOf } from './bitmap.js';
import type { Host } from './types.js';

/**
 * For each position of `nodes` without vCPUs but with memory, the position whose vCPUs take its
 * CPUs: the nearest position with vCPUs by the host's distance, ties to the nearest one before it,
 * then the first after it. A node without CPUs is left out (it has none to give; XM0406 says so).
 */
export function memoryOnlyHosts(host: Host, nodes: readonly number[], vcpuCount: readonly number[], mem: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const byId = new Map(host.nodes.map((n) => [n.id, n]));
  nodes.forEach((id, p) => {
    const node = byId.get(id)!;
    if (vcpuCount[p]! > 0 || mem[p]! <= 0 || node.cpus.length === 0) return;
    let best = -1;
    let bestKey: [number, number] = [Infinity, Infinity];
    nodes.forEach((other, q) => {
      if (vcpuCount[q]! === 0) return;
      const key: [number, number] = [node.distances[String(other)] ?? Infinity, q < p ? p - q : nodes.length + q];
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
        best = q;
        bestKey = key;
      }
    });
    if (best >= 0) out.set(p, best);
  });
  return out;
}

/** The reason that says which vCPUs may also run on which memory-only nodes. */
export function memoryOnlyReason(nodes: readonly number[], hosts: ReadonlyMap<number, number>, vcpusAt: (position: number) => number[]): string {
  const parts = [...hosts].map(([p, q]) => `node ${nodes[p]} (vCPU ${rangesOf(vcpusAt(q))} of node ${nodes[q]})`);
  return `memory-only nodes: ${parts.join(', ')}: these nodes get memory but no vCPU, and without vnuma Xen takes memory only from the nodes the vCPUs may run on, so those vCPUs may also run on their CPUs`;
}
