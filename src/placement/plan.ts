/**
 * @fileoverview `plan(config, host, options)`: the placement plan of SPEC §5 (version 1). Pure: it
 * copies what it needs from its inputs and never keeps or changes them. Refusals return
 * `plan: null` with an XM04xx diagnostic naming the binding constraint.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_VNODES } from '../check/rules/vnuma.js';
import { maskOf, rangesOf } from './bitmap.js';
import { capacityOf, type Capacity } from './capacity.js';
import { choose } from './choose.js';
import { choice, isRefusal, shortage, type Choice, type Demand, type Refusal } from './demand.js';
import { createFlags, guestType } from './flags.js';
import { guestShape, guestLabel, type GuestShape } from './guest.js';
import { hostDiag, validateHost } from './host-check.js';
import { hardCpuSet, hardCpusOfVcpu } from './pinning.js';
import { offHostWarnings } from './off-host.js';
import { explain } from './reasons.js';
import { shellQuote } from './shell.js';
import { apportion, rfcSlots } from './split.js';
import { pnodeFindings, vnumaVcpuFindings } from './vnuma-pnodes.js';
import { ownVnuma, type OwnVnuma } from './own-vnuma.js';
import { memoryOnlyHosts, memoryOnlyReason } from './memory-only.js';
import type { Host, HostNode, Plan, PlanOptions, PlacementConfig } from './types.js';

/**
 * The most vCPUs a Xen domain may have: x86 `arch_sanitise_domain_config()` refuses
 * `max_vcpus > (hvm ? HVM_MAX_VCPUS : MAX_VIRT_CPUS)` with EINVAL. MAX_VIRT_CPUS is 8192 (asm/config.h:
 * the GDT/LDT area, 1024 MiB >> 17); HVM_MAX_VCPUS is 128 (public/hvm/hvm_info_table.h), and PVH is
 * an HVM container (XEN_DOMCTL_CDF_hvm), so it has the HVM limit. A plan pins every one of them.
 */
export const MAX_GUEST_VCPUS = 8192;
/** HVM_MAX_VCPUS: the most vCPUs of an HVM or PVH domain. */
export const MAX_HVM_VCPUS = 128;

/** The vCPU limit of a guest type (see MAX_GUEST_VCPUS). */
export function maxVcpusFor(type: 'pv' | 'pvh' | 'hvm'): number {
  return type === 'pv' ? MAX_GUEST_VCPUS : MAX_HVM_VCPUS;
}

/** Result of plan(): the plan or null, plus findings. */
export interface PlanResult {
  plan: Plan | null;
  diagnostics: Diagnostic[];
  /** Round-robin only: the node id the next placement starts from (the ledger stores it). */
  cursor?: number;
}

/** FNV-1a of the domain name: the request id that spreads near-equal choices (deterministic). */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Host nodes sharing a CPU with the config's hard affinity, or null when it has none or reaches every node (or none). */
function affinityNodes(cfg: PlacementConfig, host: Host): HostNode[] | null {
  const hard = hardCpuSet(cfg, host);
  if (!hard) return null;
  const within = host.nodes.filter((n) => n.cpus.some((x) => hard.has(x)));
  return within.length > 0 && within.length < host.nodes.length ? within : null;
}

/**
 * XM0405 (error) when the config's `cpus` names no CPU of the host: the affinity would be empty, so
 * `xl create` fails, and a plan that pinned elsewhere would not be the config's placement.
 */
export function cpusOffHost(cfg: PlacementConfig, host: Host): string | null {
  const hard = hardCpuSet(cfg, host);
  if (!hard || host.nodes.some((n) => n.cpus.some((c) => hard.has(c)))) return null;
  const all = host.nodes.flatMap((n) => n.cpus).sort((a, b) => a - b);
  return `cpus names no CPU of the host (its CPUs: ${rangesOf(all)}): the vCPUs would have an empty affinity and xl create fails`;
}

/** The demand of a config against a capacity view, or a refusal for nodes the host lacks. */
function demandOf(cfg: PlacementConfig, g: GuestShape, cap: Capacity): Demand | Diagnostic {
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
function ownDemand(g: GuestShape, own: OwnVnuma): Demand {
  return { memMiB: own.mem.reduce((a, b) => a + b, 0), vcpus: g.maxvcpus, kind: 'list', list: own.list, count: own.list.length, slotOf: own.slotOf };
}

/**
 * The no-placement plan of `numa = "off"`: nothing pinned, no node restricted. The guest still
 * takes memory somewhere, so it must fit in the host's free memory, and memory_per_node_mib books it
 * over the nodes in proportion to their free memory (the ledger subtracts it like any plan).
 */
function offPlan(g: GuestShape, cfg: PlacementConfig, host: Host, cap: Capacity, options: PlanOptions): Plan | Diagnostic {
  const ids = host.nodes.map((n) => n.id);
  const total = cap.free.reduce((a, b) => a + b, 0);
  if (total < g.need) {
    const r = shortage({ kind: 'auto', memMiB: g.need, vcpus: g.maxvcpus, list: [], count: 0, salt: 0 }, cap);
    return hostDiag(r.code, 'error', `cannot place ${guestLabel(g.name)}: ${r.message}`);
  }
  const shares = apportion(g.need, cap.free);
  const memory_per_node_mib: Record<string, number> = {};
  shares.forEach((m, i) => {
    if (m > 0) memory_per_node_mib[String(cap.ids[i])] = m;
  });
  return {
    version: 1,
    domain: g.name,
    policy: options.policy ?? 'best',
    affinity: options.affinity ?? 'hard',
    nodes: [],
    node_affinity: { nodes: ids, mask: maskOf(ids) },
    memory_per_node_mib,
    vcpus: [],
    create_flags: createFlags(cfg),
    xl: { cpus: null, vnuma: null },
    commands: [],
    reasons: [
      'numa = "off": no placement; vCPUs are not pinned and memory may come from any node',
      `memory: ${g.need} MiB booked over the nodes in proportion to their free memory (${Object.entries(memory_per_node_mib)
        .map(([id, m]) => `node ${id}: ${m} MiB`)
        .join(', ')})`,
    ],
  };
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
function planOf(cfg: PlacementConfig, g: GuestShape, host: Host, cap: Capacity, d: Demand, c: Choice, options: PlanOptions, diagnostics: Diagnostic[]): Plan {
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
  const perSlot = nodes.map((_, p) => slotOf.filter((s) => s === p).length);
  const lenders = memoryOnlyHosts(host, nodes, perSlot, c.mem);
  const runOn = nodes.map((id, q) => {
    const extra = [...lenders].filter(([, to]) => to === q).flatMap(([p]) => cpusOf.get(nodes[p]!)!);
    return extra.length === 0 ? cpusOf.get(id)! : [...new Set([...cpusOf.get(id)!, ...extra])].sort((a, b) => a - b);
  });
  const outside: number[] = [];
  const vcpus = slotOf.map((slot, vcpu) => {
    const node = nodes[slot]!;
    const own = runOn[slot]!;
    const hard = hardCpusOfVcpu(cfg, host, vcpu);
    const allowed = hard ? own.filter((x) => hard.has(x)) : own;
    if (hard && allowed.length === 0) outside.push(vcpu);
    return { vcpu, node, cpus: allowed.length > 0 ? [...allowed] : [...own] };
  });
  if (outside.length > 0) {
    diagnostics.push(hostDiag('XM0417', 'warning', `the config's cpus share no CPU with the planned node of vCPU ${rangesOf(outside)}; the plan pins those to their node's CPUs`));
  }
  const cpuText = vcpus.map((v) => rangesOf(v.cpus));
  // The commands are pasted into a shell: the name is one quoted word whatever it holds.
  const who = shellQuote(g.name);
  const verb = (i: number): string => (affinity === 'hard' ? `xl vcpu-pin ${who} ${i} ${cpuText[i]}` : `xl vcpu-pin ${who} ${i} - ${cpuText[i]}`);
  const reasons = explain(c, cap, d, policy, options.cursor, options.listedBy);
  if (lenders.size > 0) reasons.push(memoryOnlyReason(nodes, lenders, (q) => slotOf.flatMap((s, v) => (s === q ? [v] : []))));
  // xl reads an empty domain argument as domain 0 (libxl_domain_qualifier_to_domid): a pin
  // command for a nameless guest would pin Domain-0's vCPUs.
  if (g.name === '') reasons.push('no xl vcpu-pin commands: the config names no domain, and xl would read an empty domain argument as Domain-0; the xl cpus lines pin the guest when it is created');
  const vnuma = vnumaOf(cfg, g, nodes, c, cap, reasons);
  for (const id of new Set(nodes)) {
    const n = host.nodes.find((x) => x.id === id)!;
    if (n.cpus.length === 0 && cpusOf.get(id)!.length > 0) {
      // Without vnuma (whose pnode allocates exactly there), Xen derives a domain's node affinity,
      // where its memory comes from, from the vCPUs' affinity: the CPU-less node's share goes elsewhere.
      const mem = memById.get(id) ?? 0;
      const lost = vnuma === null && mem > 0 ? `; the xl lines cannot keep its ${mem} MiB there without vnuma (Xen takes a guest's memory from the nodes of its vCPUs' CPUs)` : '';
      diagnostics.push(hostDiag('XM0406', 'warning', `node ${id} has no CPUs: vCPUs placed there run on CPUs ${rangesOf(cpusOf.get(id)!)} of the nearest node(s) with CPUs${lost}`));
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

/**
 * The reason every plan of a config with its own vnuma carries. The stored plan keeps no copy of that
 * vnuma (xl.vnuma is null: the plan adds no lines of its own), so this reason is how migrate-plan
 * and rebalance know the guest is a vNUMA guest, which xl cannot migrate. Its words are those plans
 * of two or more nodes have always had, so reservations made before still read as such.
 */
export const OWN_VNUMA_REASON = 'no vnuma lines: the config sets its own vnuma';

/** xl `vnuma` lines for a multi-node HVM/PVH guest (sizes split maxmem like memory), else null. */
function vnumaOf(cfg: PlacementConfig, g: GuestShape, nodes: number[], c: Choice, cap: Capacity, reasons: string[]): string[][] | null {
  // Said for one node too (xl's vnuma with one vnode is still vNUMA: the guest cannot migrate).
  if (Array.isArray(cfg.vnuma) && cfg.vnuma.length > 0) {
    reasons.push(`${OWN_VNUMA_REASON} (it decides the virtual topology)`);
    return null;
  }
  if (nodes.length < 2) return null;
  if (cfg.vnuma !== undefined && cfg.vnuma !== null) {
    // `vnuma = []` (xl reads no vnode, so the guest is no vNUMA guest): lines of the plan's own would
    // be a second vnuma key in the config.
    reasons.push('no vnuma lines: the config sets vnuma itself (with no vnode)');
    return null;
  }
  if (guestType(cfg) === 'pv') {
    reasons.push('no vnuma: xl refuses vNUMA for PV guests; memory follows the node affinity only');
    return null;
  }
  if (g.memory < g.maxmem) {
    // memory < maxmem is populate-on-demand for HVM/PVH, and libxc refuses vNUMA with it
    // ("Cannot enable vNUMA and PoD at the same time"): xl create would fail on these lines.
    reasons.push('no vnuma: memory below maxmem is populate-on-demand, which Xen cannot combine with vNUMA; memory follows the node affinity only');
    return null;
  }
  const slotOf = rfcSlots(g.maxvcpus, nodes.length);
  const vcpusOf: number[][] = nodes.map(() => []);
  slotOf.forEach((slot, v) => vcpusOf[slot]!.push(v));
  if (vcpusOf.some((l) => l.length === 0)) {
    reasons.push('no vnuma: the guest has fewer vCPUs than nodes and every virtual node needs one');
    return null;
  }
  // Xen keeps a domain's vNUMA distance table in one page (XSA-77): vnuma_alloc refuses more than
  // 32 × 32 entries with EINVAL, so xl create fails for a guest of more virtual nodes.
  if (nodes.length > MAX_VNODES) {
    reasons.push(`no vnuma: Xen accepts at most ${MAX_VNODES} virtual NUMA nodes (its distance table must fit one page), and the guest spans ${nodes.length} nodes; memory follows the node affinity only`);
    return null;
  }
  // xl checks each pnode against the host's node count (physinfo nr_nodes: the online nodes), not
  // against the highest id (xl_parse.c: "xl: invalid pnode number", and xl create exits): on a host
  // with sparse ids, a node whose id is not below the count cannot be named in vnuma.
  const n = cap.ids.length;
  const high = c.slots.map((p) => cap.ids[p]!).filter((id) => id >= n);
  if (high.length > 0) {
    reasons.push(`no vnuma: xl accepts a pnode only below the host's node count (${n}), and node${high.length > 1 ? 's' : ''} ${high.join(',')} ${high.length > 1 ? 'have' : 'has'} a higher id (sparse ids): xl create would fail with "invalid pnode number"; memory follows the node affinity only`);
    return null;
  }
  const sizes = apportion(g.maxmem, c.mem);
  if (sizes.some((s) => s === 0)) {
    reasons.push('no vnuma: some node gets no memory, and every virtual node needs some');
    return null;
  }
  return c.slots.map((p, i) => [
    `pnode=${cap.ids[p]}`,
    `size=${sizes[i]}`,
    `vcpus=${rangesOf(vcpusOf[i]!)}`,
    `vdistances=${c.slots.map((q) => cap.dist[p * n + q]).join(',')}`,
  ]);
}

/** Place a normalised config on a host (SPEC §5, §7). Never throws on bad input. */
export function plan(config: PlacementConfig, host: Host, options: PlanOptions = {}): PlanResult {
  const checked = validateHost(host);
  const diagnostics = [...checked.diagnostics];
  if (!checked.host) return { plan: null, diagnostics };
  // Reservations on nodes this host lacks cannot be subtracted anywhere: said, not dropped.
  diagnostics.push(...offHostWarnings(checked.host, options.reservations ?? []));
  const cfg = config ?? ({} as PlacementConfig);
  const g = guestShape(cfg, options.dialect);
  const type = guestType(cfg);
  const limit = maxVcpusFor(type);
  if (g.maxvcpus > limit) {
    const what = type === 'pv' ? 'a PV domain may have (MAX_VIRT_CPUS)' : `an ${type.toUpperCase()} domain may have (HVM_MAX_VCPUS)`;
    const msg = `cannot place ${guestLabel(g.name)}: ${g.maxvcpus} vCPUs, more than the ${limit} ${what}; Xen refuses to create it`;
    return { plan: null, diagnostics: [...diagnostics, hostDiag('XM0415', 'error', msg)] };
  }
  // The config's own vnuma puts memory on its pnodes: one the host cannot take fails xl create.
  const pnodes = [...pnodeFindings(cfg.vnuma, checked.host, () => ({ start: 0, end: 0 })), ...vnumaVcpuFindings(cfg, checked.host, { start: 0, end: 0 })];
  if (pnodes.length > 0) return { plan: null, diagnostics: [...diagnostics, ...pnodes] };
  let cap = capacityOf(checked.host, options.reservations ?? []);
  const offHost = cpusOffHost(cfg, checked.host);
  if (cfg.numa?.mode === 'off') {
    const off = offPlan(g, cfg, checked.host, cap, options);
    if (!('code' in off) && offHost) return { plan: null, diagnostics: [...diagnostics, hostDiag('XM0405', 'error', `cannot place ${guestLabel(g.name)}: ${offHost}`)] };
    return 'code' in off ? { plan: null, diagnostics: [...diagnostics, off] } : { plan: off, diagnostics };
  }
  // Without NUMA keys a complete vnuma of the config's own fixes the nodes (own-vnuma.ts).
  const own = cfg.numa === undefined ? ownVnuma(cfg.vnuma, g, cap) : null;
  const d = own ? ownDemand(g, own) : demandOf(cfg, g, cap);
  if ('code' in d) return { plan: null, diagnostics: [...diagnostics, d] };
  if (own) {
    const short = own.list.map((p, i) => ({ id: cap.ids[p]!, need: own.mem[i]!, free: cap.free[p]!, none: cap.total?.[p] === 0 })).filter((x) => x.need > x.free);
    if (short.length > 0) {
      const what = short.map((x) => `node ${x.id} ${x.none ? 'has no memory' : `has ${x.free} MiB free`} for ${x.need} MiB`).join(', ');
      return { plan: null, diagnostics: [...diagnostics, hostDiag('XM0403', 'error', `cannot place ${guestLabel(g.name)}: the config's vnuma puts each vnode's memory on its pnode, and ${what}`)] };
    }
  }
  const within = d.kind === 'list' ? null : affinityNodes(cfg, checked.host);
  let c: Choice | Refusal | null = null;
  if (within) {
    // The config's own hard affinity already fences the vCPUs in: a node outside it would be
    // overridden (the plan would have to replace the user's cpus), so the policy chooses among the
    // nodes it reaches. Only when those cannot hold the guest does the whole host compete.
    const sub = capacityOf({ nodes: within }, options.reservations ?? []);
    const tried = choose(d, sub, options.policy ?? 'best', options.cursor ?? 0);
    if (!isRefusal(tried)) {
      cap = sub;
      c = tried;
    }
  }
  if (own) c = choice([...own.list], [...own.mem], true, 'listed', []);
  c ??= choose(d, cap, options.policy ?? 'best', options.cursor ?? 0);
  if (isRefusal(c)) return { plan: null, diagnostics: [...diagnostics, hostDiag(c.code, 'error', `cannot place ${guestLabel(g.name)}: ${c.message}`)] };
  // After the capacity check, so a guest that fits nowhere is refused for the binding constraint.
  if (offHost) return { plan: null, diagnostics: [...diagnostics, hostDiag('XM0405', 'error', `cannot place ${guestLabel(g.name)}: ${offHost}`)] };
  if (d.kind === 'list') {
    // SPEC §3: cpus that share no CPU with the nodes numanode lists is an error (check --host says
    // so too); a plan that replaced the user's pinning would not be the config's placement.
    const hard = hardCpuSet(cfg, checked.host);
    const listed = [...new Set(d.list.map((pos) => cap.ids[pos]!))];
    const nodeCpus = listed.flatMap((id) => runCpus(checked.host!, id));
    if (hard && !nodeCpus.some((x) => hard.has(x))) {
      const msg = `cannot place ${guestLabel(g.name)}: cpus shares no CPU with ${own ? "the config's vnuma pnodes" : 'numanode'} ${listed.join(',')} (their CPUs: ${rangesOf([...new Set(nodeCpus)].sort((a, b) => a - b))})`;
      return { plan: null, diagnostics: [...diagnostics, hostDiag('XM0405', 'error', msg)] };
    }
  }
  const p = planOf(cfg, g, checked.host, cap, d, c, own ? { ...options, listedBy: "the pnodes of the config's own vnuma (libxl allocates each vnode's memory there)" } : options, diagnostics);
  if (within && cap.ids.length === within.length) {
    p.reasons.push(`candidates: node ${cap.ids.join(',')}, the nodes that share a CPU with the config's cpus`);
  }
  for (const slot of c.slots) {
    const onNode = p.vcpus.filter((v) => v.node === cap.ids[slot]).length;
    // A node without CPUs has had its own XM0406 (its vCPUs run on the nearest CPUs).
    if (onNode > cap.cpus[slot]! && cap.cpus[slot]! > 0) {
      diagnostics.push(hostDiag('XM0406', 'warning', `node ${cap.ids[slot]} gets ${onNode} vCPUs of ${guestLabel(g.name)} but has ${cap.cpus[slot]} CPUs (overcommitted)`));
    }
  }
  if (!c.proportional) {
    diagnostics.push(hostDiag('XM0412', 'info', `memory of ${guestLabel(g.name)} is split unevenly: the planned nodes cannot hold shares in proportion to their vCPUs`));
  }
  return c.cursor === undefined ? { plan: p, diagnostics } : { plan: p, diagnostics, cursor: c.cursor };
}
