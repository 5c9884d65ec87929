/**
 * @fileoverview The config's own `vnuma` against a host: each vnode's `pnode` must be a node xl and
 * Xen accept. xl checks it against physinfo's nr_nodes (the number of online nodes, not the highest
 * id: "xl: invalid pnode number", xl_parse.c), and libxl allocates the vnode's memory on exactly that
 * node, so a pnode the host lacks makes `xl create` fail either way (XM0420). Without maxvcpus, xl
 * also refuses a vnuma that lists more vCPUs than the host has online CPUs (XM0421).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { vnumaTotals } from './guest.js';
import type { Host, PlacementConfig } from './types.js';

/** One vnode whose pnode the host cannot take. */
export interface BadPnode {
  /** Position of the vnode in the config's vnuma list. */
  vnode: number;
  pnode: number;
  /** `count`: not below the host's node count (xl refuses it); `missing`: below it, but no node has that id. */
  why: 'count' | 'missing';
}

/** The vnodes of `vnuma` (the normalised value, any shape) whose pnode `host` cannot take, in order. */
export function badPnodes(vnuma: unknown, host: Host): BadPnode[] {
  if (!Array.isArray(vnuma)) return [];
  const ids = new Set(host.nodes.map((n) => n.id));
  const out: BadPnode[] = [];
  vnuma.forEach((v: unknown, vnode) => {
    const pnode = (v as { pnode?: unknown } | null)?.pnode;
    if (typeof pnode !== 'number' || !Number.isInteger(pnode) || pnode < 0) return;
    if (pnode >= host.nodes.length) out.push({ vnode, pnode, why: 'count' });
    else if (!ids.has(pnode)) out.push({ vnode, pnode, why: 'missing' });
  });
  return out;
}

/** XM0420 for each vnode of `vnuma` whose pnode `host` cannot take, at `spanOf(vnode)`. */
export function pnodeFindings(vnuma: unknown, host: Host, spanOf: (vnode: number) => Span): Diagnostic[] {
  const hostNodes = host.nodes.map((n) => n.id).join(',');
  return badPnodes(vnuma, host).map((b) => ({
    code: 'XM0420',
    severity: 'error' as const,
    message:
      b.why === 'count'
        ? `vnuma vnode ${b.vnode}: pnode ${b.pnode} is not below the host's node count (${host.nodes.length}): xl create exits with "invalid pnode number"`
        : `vnuma vnode ${b.vnode}: pnode ${b.pnode} is not a node of the host: xl create fails, as libxl allocates the vnode's memory on exactly that node`,
    span: spanOf(b.vnode),
    hint: `host nodes: ${hostNodes}${hostNodes.split(',').some((id) => Number(id) >= host.nodes.length) ? ' (xl takes as pnode only the ids below the node count)' : ''}`,
  }));
}

/**
 * XM0421 when the config's own vnuma lists more vCPUs than the host has CPUs and maxvcpus is not
 * written: parse_vnuma_config then compares the count with libxl_get_online_cpus and exits ("xl:
 * vnuma specifies more vcpus than pcpus, use maxvcpus= to override this check").
 */
export function vnumaVcpuFindings(cfg: PlacementConfig, host: Host, span: Span): Diagnostic[] {
  if (typeof cfg.maxvcpus === 'number' && cfg.maxvcpus > 0) return [];
  const listed = vnumaTotals(cfg.vnuma)?.vcpus ?? 0;
  const cpus = new Set(host.nodes.flatMap((n) => n.cpus)).size;
  if (listed <= cpus) return [];
  return [
    {
      code: 'XM0421',
      severity: 'error',
      message: `vnuma lists ${listed} vCPUs and maxvcpus is not set, but the host has ${cpus} CPUs: xl create exits with "vnuma specifies more vcpus than pcpus"`,
      span,
      hint: `set maxvcpus = ${listed} to allow it (the vCPUs then share CPUs), or list at most ${cpus} vCPUs`,
    },
  ];
}
