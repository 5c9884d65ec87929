/**
 * @fileoverview What a config asks the policies for: its `numa` keys (or its own complete vnuma)
 * turned into a Demand against a capacity view, and the name hash that spreads near-equal choices.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Capacity } from './capacity.js';
import type { Demand } from './demand.js';
import type { GuestShape } from './guest.js';
import { hostDiag } from './host-check.js';
import type { OwnVnuma } from './own-vnuma.js';
import type { PlacementConfig } from './types.js';

/** FNV-1a of the domain name: the request id that spreads near-equal choices (deterministic). */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The demand of a config against a capacity view, or a refusal for nodes the host lacks. */
export function demandOf(cfg: PlacementConfig, g: GuestShape, cap: Capacity): Demand | Diagnostic {
  const numa = cfg.numa;
  const base = { memMiB: g.need, vcpus: g.maxvcpus, list: [] as number[], count: 0, salt: nameHash(g.name) };
  if (!numa) return { ...base, kind: 'auto' };
  if (numa.mode === 'auto') return { ...base, kind: 'count', count: Math.max(1, numa.node_count ?? 1) };
  if (numa.mode === 'nodes') {
    const pos = new Map(cap.ids.map((id, i) => [id, i]));
    const missing = numa.nodes.filter((id) => !pos.has(id));
    if (missing.length > 0) {
      return hostDiag('XM0402', 'error', `numanode names node${missing.length > 1 ? 's' : ''} ${missing.join(',')}, which the host does not have (nodes: ${cap.ids.join(',')})`);
    }
    const list = [...new Set(numa.nodes)].map((id) => pos.get(id)!);
    return { ...base, kind: 'list', list, count: list.length };
  }
  return { ...base, kind: 'auto' };
}

/** The demand of a config whose own vnuma fixes the nodes: exactly its pnodes, its vCPUs where its vnodes put them. */
export function ownDemand(g: GuestShape, own: OwnVnuma): Demand {
  return { memMiB: own.mem.reduce((a, b) => a + b, 0), vcpus: g.maxvcpus, kind: 'list', list: own.list, count: own.list.length, slotOf: own.slotOf };
}
