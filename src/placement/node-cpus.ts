/**
 * @fileoverview XM0429: a `node:`/`nodes:` item of `cpus` or `cpus_soft` whose nodes have CPUs
 * numbered 64 or more on this host. xl fills such an item through a node-sized map of 64 bits
 * (XL_NODE_MAP_BITS, decision 106), so `xl create` pins (or, under `^`, unpins) only the node's
 * CPUs below 64; resolveCpuList() resolves it the same way, and this says which CPUs it leaves out.
 */
import { parseCpuList, type CpuList } from '../normalize/cpulist.js';
import { XL_NODE_MAP_BITS } from '../normalize/cpulist-xl.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rangesOf } from './bitmap.js';
import { guestShape } from './guest.js';
import { isCpuList } from './pinning.js';
import type { Host, PlacementConfig } from './types.js';

/** XM0429 about one node item: `pointer` is the list's (`/cpus`, `/cpus_soft/2`), `start`/`end` the item's offsets in its text. */
export interface NodeCpusFinding extends Diagnostic {
  pointer: string;
  start: number;
  end: number;
}

/** The CPU lists of `cpus` and `cpus_soft` xl parses, with their pointers: per-vCPU entries up to maxvcpus only (parse_vcpu_affinity stops there). */
function parsedLists(cfg: PlacementConfig): Array<{ key: string; pointer: string; list: CpuList }> {
  const out: Array<{ key: string; pointer: string; list: CpuList }> = [];
  for (const key of ['cpus', 'cpus_soft'] as const) {
    const v: unknown = cfg[key];
    if (isCpuList(v)) out.push({ key, pointer: `/${key}`, list: v });
    else if (Array.isArray(v)) {
      v.slice(0, guestShape(cfg).maxvcpus).forEach((l: unknown, i) => {
        if (isCpuList(l)) out.push({ key, pointer: `/${key}/${i}`, list: l });
      });
    }
  }
  return out;
}

/**
 * XM0429 (warning) for each node item of the config's cpus and cpus_soft whose nodes have CPUs from
 * 64 up on `host`, once per item (an entry of a per-vCPU list is its own item); none in xm, whose
 * `node:` is an error of its own (XM0205). Spans are left to the caller (findings.ts, by pointer).
 */
export function nodeCpusFindings(cfg: PlacementConfig, host: Host, dialect?: 'xl' | 'xm'): NodeCpusFinding[] {
  if (dialect === 'xm') return [];
  // The common host has fewer CPUs than the map has bits: nothing to look at.
  if (!host.nodes.some((n) => n.cpus.some((c) => c >= XL_NODE_MAP_BITS))) return [];
  const out: NodeCpusFinding[] = [];
  for (const { key, pointer, list } of parsedLists(cfg)) {
    if (!list.items.some((it) => it.kind === 'node' && it.from >= 0)) continue;
    let pos = 0;
    for (const raw of list.text.split(',')) {
      const start = pos;
      pos += raw.length + 1;
      const body = raw.startsWith('^') ? raw.slice(1) : raw;
      if (!body.startsWith('node:') && !body.startsWith('nodes:')) continue;
      // The item alone, read as the list was (a wrapped number may give two stretches of nodes).
      const items = parseCpuList(raw, { xl: true }).list.items.filter((it) => it.kind === 'node' && it.from >= 0);
      const nodes = host.nodes.filter((n) => items.some((it) => n.id >= it.from && n.id <= it.to));
      const dropped = nodes.flatMap((n) => n.cpus.filter((c) => c >= XL_NODE_MAP_BITS));
      if (dropped.length === 0) continue;
      const kept = nodes.flatMap((n) => n.cpus.filter((c) => c < XL_NODE_MAP_BITS));
      const which = nodes.length === 1 ? `node ${nodes[0]!.id}'s` : `nodes ${rangesOf(nodes.map((n) => n.id))}'s`;
      const [does, rest] = body === raw ? ['stands for', 'are left out'] : ['removes', 'stay in'];
      out.push({
        code: 'XM0429',
        severity: 'warning',
        message: `${key} item "${raw}" ${does} ${which} CPUs below ${XL_NODE_MAP_BITS} only (${rangesOf(kept)}): xl's node map has ${XL_NODE_MAP_BITS} bits, so CPUs ${rangesOf(dropped)} ${rest}`,
        span: { start: 0, end: 0 },
        hint: `write the CPUs as numbers: ${rangesOf(nodes.flatMap((n) => n.cpus))}`,
        pointer,
        start,
        end: start + raw.length,
      });
    }
  }
  return out;
}

/** Whether a diagnostic is an XM0429 finding with its pointer and offsets. */
export function isNodeCpusFinding(d: Diagnostic): d is NodeCpusFinding {
  const f = d as Partial<NodeCpusFinding>;
  return d.code === 'XM0429' && typeof f.pointer === 'string' && typeof f.start === 'number' && typeof f.end === 'number';
}
