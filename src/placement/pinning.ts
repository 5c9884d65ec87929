/**
 * @fileoverview The config's own hard affinity (`cpus`), resolved against the host, so a plan
 * never pins a vCPU outside CPUs the config allows when the two overlap: the CPUs it allows, the
 * nodes it reaches (the candidates of a policy's choice), and whether it names any CPU of the host.
 */
import { resolveCpuList, type CpuList } from '../normalize/cpulist.js';
import { rangesOf } from './bitmap.js';
import { guestShape } from './guest.js';
import type { Host, HostNode, PlacementConfig } from './types.js';

/** Whether a config value is one parsed CPU list (not a per-vCPU array, not a value left unparsed). */
export function isCpuList(v: unknown): v is CpuList {
  return typeof v === 'object' && v !== null && Array.isArray((v as CpuList).items) && typeof (v as CpuList).text === 'string';
}

/**
 * An affinity value (`cpus`, `cpus_soft`) as the ledger stores it beside a plan: a copy of the CPU
 * list, or of each vCPU's (null for an entry that is no list, whose vCPU keeps the default), or
 * undefined when it is neither.
 */
export function storedCpus(v: unknown): CpuList | Array<CpuList | null> | undefined {
  const copy = (l: unknown): CpuList | null => (isCpuList(l) ? { text: l.text, items: l.items.map((it) => ({ ...it })) } : null);
  return Array.isArray(v) ? v.map(copy) : (copy(v) ?? undefined);
}

/**
 * CPUs the config's `cpus` names for the vCPUs it lists (a per-vCPU list counts as the union of its
 * entries), or null when unset: the nodes a policy keeps the guest on (affinityNodes). XM0405's
 * empty affinity and XM0416 judge each entry on its own instead (cpusOffHost: one entry naming no
 * CPU of the host fails its vCPU). Not the nodes the vCPUs reach, which XM0405's numanode half
 * judges: vCPUs past a short list are unrestricted (vcpusReach). Entries past maxvcpus belong to no
 * vCPU: xl never parses them (parse_vcpu_affinity stops at max_vcpus; check says XM0204), so they
 * reach no node.
 */
export function hardCpuSet(cfg: PlacementConfig, host: Host): Set<number> | null {
  const lists = hardLists(cfg);
  if (lists.length === 0) return null;
  const out = new Set<number>();
  for (const { list } of lists) for (const c of resolveCpuList(list, host)) out.add(c);
  return out;
}

/**
 * cpusOfVcpu for many vCPUs of one affinity value (`cpus` or `cpus_soft`): each CPU list is resolved
 * once, however many vCPUs it applies to (one string applies to all of them: resolving it for each
 * of 8192 vCPUs was O(vCPUs × list)). The sets are shared between vCPUs: read them, do not change them.
 */
export function cpusMemo(value: unknown, host: Host): (i: number) => ReadonlySet<number> | null {
  const seen = new Map<CpuList, Set<number>>();
  return (i) => {
    const l: unknown = Array.isArray(value) ? (value as unknown[])[i] : value;
    if (!isCpuList(l)) return null;
    let set = seen.get(l);
    if (!set) seen.set(l, (set = new Set(resolveCpuList(l, host))));
    return set;
  };
}

/**
 * CPUs an affinity value (`cpus` or `cpus_soft`) gives vCPU `i`: one list applies to every vCPU, a
 * per-vCPU list's entry `i` to that vCPU; null when it leaves the vCPU on every CPU.
 */
export function cpusOfVcpu(value: unknown, host: Host, i: number): Set<number> | null {
  const l = Array.isArray(value) ? value[i] : value;
  return isCpuList(l) ? new Set(resolveCpuList(l, host)) : null;
}

/**
 * The CPUs some vCPU of `maxvcpus` may run on under the config's `cpus`, or null when a vCPU is
 * unrestricted (no `cpus`, or a per-vCPU list that ends before it or holds a non-list there). Xen
 * derives a domain's node affinity, where its memory comes from, from the union of its vCPUs' hard
 * affinities, so one unrestricted vCPU opens every node. What xl, libxl and Xen do with a list
 * shorter than maxvcpus (`maxvcpus = 4`, `cpus = ["0", "1"]`):
 * - xl tools/xl/xl_parse.c parse_vcpu_affinity (TSnake41/xen 2194e24822): "If there are more vcpus
 *   than entries, it is fine to just not touch the last array elements", and sets
 *   `b_info->num_vcpu_hard_affinity = num_cpus` (the list's length, cut at max_vcpus only);
 * - libxl tools/libs/light/libxl_dom.c libxl__build_pre: `for (i = 0; i < n_vcpus; i++)` with
 *   `hard_affinity = NULL` unless `i < info->num_vcpu_hard_affinity`, so libxl_set_vcpuaffinity
 *   leaves the later vCPUs' hard affinity alone;
 * - Xen common/sched/core.c sched_init_vcpu: `sched_set_affinity(unit, &cpumask_all, &cpumask_all)`
 *   for a guest's new vCPU, and domain_update_node_affinity does
 *   `cpumask_or(dom_cpumask, dom_cpumask, unit->cpu_hard_affinity)` over every unit: the union is
 *   every online CPU, so the node affinity is every node.
 * reference/xen-format.md says the same: "vCPUs without an entry keep the default (all CPUs)".
 */
export function vcpusReach(cfg: PlacementConfig, host: Host, maxvcpus: number): Set<number> | null {
  return Array.isArray(cfg.cpus) ? listsReach(cfg.cpus, host, maxvcpus) : hardCpuSet(cfg, host);
}

/**
 * The union of a per-vCPU list's first `maxvcpus` entries (of `cpus` or `cpus_soft`), or null when
 * a vCPU keeps the default of every CPU: the list ends before it, or holds a non-list there.
 */
export function listsReach(lists: readonly unknown[], host: Host, maxvcpus: number): Set<number> | null {
  if (lists.length < maxvcpus) return null;
  const out = new Set<number>();
  for (let i = 0; i < maxvcpus; i++) {
    const l = lists[i];
    if (!isCpuList(l)) return null;
    for (const c of resolveCpuList(l, host)) out.add(c);
  }
  return out;
}

/**
 * Host nodes sharing a CPU with the CPUs the config's `cpus` names for the vCPUs it lists, or null
 * when it has none or they reach every node (or none): the nodes the policy keeps the guest on when
 * they can hold it. A per-vCPU list shorter than maxvcpus counts too, though Xen gives the unlisted
 * vCPUs every CPU (vcpusReach): the plan pins every vCPU, and keeping it where the config pinned
 * some is what XM0417 promises (decision 042).
 */
export function affinityNodes(cfg: PlacementConfig, host: Host): HostNode[] | null {
  const hard = hardCpuSet(cfg, host);
  return hard ? nodesWithin(hard, host) : null;
}

/** Host nodes sharing a CPU with `cpus`, or null when they are every node (or none). */
export function nodesWithin(cpus: ReadonlySet<number>, host: Host): HostNode[] | null {
  const within = host.nodes.filter((n) => n.cpus.some((x) => cpus.has(x)));
  return within.length > 0 && within.length < host.nodes.length ? within : null;
}

/**
 * The CPU lists of the config's `cpus` that set some vCPU's hard affinity, each with the index of
 * its entry (null for one string, which xl copies to every vCPU): a per-vCPU list's entries up to
 * maxvcpus (xl parses no more), nothing for an entry that is no list.
 */
function hardLists(cfg: PlacementConfig): Array<{ entry: number | null; list: CpuList }> {
  const v = cfg.cpus;
  if (isCpuList(v)) return [{ entry: null, list: v }];
  if (!Array.isArray(v)) return [];
  const out: Array<{ entry: number | null; list: CpuList }> = [];
  v.slice(0, guestShape(cfg).maxvcpus).forEach((l, i) => {
    if (isCpuList(l)) out.push({ entry: i, list: l });
  });
  return out;
}

/** Where the config's `cpus` name no CPU of the host (XM0405): its words, and the per-vCPU entries that do (empty for one string). */
export interface OffHostCpus {
  message: string;
  entries: number[];
}

/**
 * XM0405 (error) when the config's `cpus` give some vCPU a hard affinity with no CPU of the host:
 * one string naming none, or a per-vCPU entry naming none, in a list of any length (the vCPUs past
 * a short list keep every CPU, which does not help the listed one). xl parses each entry into that
 * vCPU's own map (parse_vcpu_affinity), libxl__build_pre sets it with libxl_set_vcpuaffinity, and
 * Xen's vcpu_set_hard_affinity refuses a mask with no online CPU (-EINVAL): libxl says "setting
 * affinity failed on vcpu `N'" and `xl create` fails. A plan that pinned elsewhere would not be the
 * config's placement either.
 */
export function cpusOffHost(cfg: PlacementConfig, host: Host, hostCpus?: ReadonlySet<number>): OffHostCpus | null {
  // `hostCpus`: the host's CPUs, when the caller judges many guests on one host (rebalance): built
  // for each of 1024 guests on a 4096-CPU host, they were most of its time.
  const all = hostCpus ?? new Set(host.nodes.flatMap((n) => n.cpus));
  const off = hardLists(cfg).filter(({ list }) => !resolveCpuList(list, host).some((c) => all.has(c)));
  if (off.length === 0) return null;
  const its = `its CPUs: ${rangesOf([...all].sort((a, b) => a - b))}`;
  if (off[0]!.entry === null) return { message: `cpus names no CPU of the host (${its}): the vCPUs would have an empty affinity and xl create fails`, entries: [] };
  const entries = off.map((o) => o.entry!);
  const which = entries.length > 1 ? `the cpus entries of vCPUs ${rangesOf(entries)} name` : `the cpus entry of vCPU ${entries[0]} names`;
  return { message: `${which} no CPU of the host (${its}): ${entries.length > 1 ? 'those vCPUs' : 'that vCPU'} would have an empty affinity and xl create fails ("setting affinity failed on vcpu")`, entries };
}

/**
 * XM0416's words when the config's `cpus` names CPUs the host does not have in a list that names
 * some it has (a list, or per-vCPU entry, naming none at all is XM0405), or null: plan and check
 * --host both say it.
 */
export function cpusPartlyOffHost(cfg: PlacementConfig, host: Host): string | null {
  const all = new Set(host.nodes.flatMap((n) => n.cpus));
  const missing = new Set<number>();
  for (const { list } of hardLists(cfg)) {
    const named = resolveCpuList(list, host);
    if (named.some((c) => all.has(c))) for (const c of named) if (!all.has(c)) missing.add(c);
  }
  if (missing.size === 0) return null;
  return `cpus names CPUs the host does not have (${[...missing].sort((a, b) => a - b).slice(0, 8).join(',')})`;
}

/**
 * For each node of `host` (by index), whether each of `vcpus` vCPUs keeps some CPU of that node
 * under a stored affinity (the ledger's config_cpus_soft, or a stored request's cpus: a CPU list, or
 * one per vCPU; undefined: none). For cpus_soft, Xen then neither ignores it (XM0426) nor takes the
 * memory off those CPUs' nodes (XM0425); for cpus, the vCPUs may run there. Rebalance proposes only
 * such moves (decisions 046, 050). Every node at once: each distinct CPU list is resolved once and
 * its CPUs marked on their nodes, O(host CPUs + list sizes + distinct lists × nodes). Judging node
 * by node resolved every list again for every node: rebalance on 64 nodes with 256 reservations, a
 * quarter of them with cpus, spent 2.2 s there (issue #4).
 */
export function nodesKeeping(stored: CpuList | ReadonlyArray<CpuList | null> | undefined, host: Host, vcpus: number, nodeOf: ReadonlyMap<number, number> = cpuNodes(host)): Uint8Array {
  const kept = new Uint8Array(host.nodes.length).fill(1);
  if (stored === undefined) return kept;
  // One list for every vCPU; a per-vCPU list's entries up to `vcpus` (past its end, or a non-list
  // entry: that vCPU keeps every CPU), each distinct text once.
  const lists = new Map<string, CpuList>();
  if (!Array.isArray(stored)) {
    if (isCpuList(stored)) lists.set(stored.text, stored);
  } else {
    for (let v = 0; v < Math.min(vcpus, stored.length); v++) {
      const l: unknown = stored[v];
      if (isCpuList(l) && !lists.has(l.text)) lists.set(l.text, l);
    }
  }
  if (lists.size === 0) return kept;
  const reached = new Uint8Array(host.nodes.length);
  for (const l of lists.values()) {
    reached.fill(0);
    for (const c of resolveCpuList(l, host)) {
      const i = nodeOf.get(c);
      if (i !== undefined) reached[i] = 1;
    }
    for (let i = 0; i < kept.length; i++) kept[i]! &= reached[i]!;
  }
  return kept;
}

/** Each host CPU's node, by the node's index in `host.nodes` (nodesKeeping; a caller judging many guests builds it once). */
export function cpuNodes(host: Host): Map<number, number> {
  const out = new Map<number, number>();
  host.nodes.forEach((n, i) => n.cpus.forEach((c) => out.set(c, i)));
  return out;
}
