/**
 * @fileoverview `plan(config, host, options)`: the placement plan of SPEC §5 (version 1). Pure: it
 * copies what it needs from its inputs and never keeps or changes them. Refusals return
 * `plan: null` with an XM04xx diagnostic naming the binding constraint.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rangesOf } from './bitmap.js';
import { capacityOf, cpusAllowed, cpuWords, type Capacity } from './capacity.js';
import { choose } from './choose.js';
import { choice, isRefusal, type Choice, type Refusal } from './demand.js';
import { guestType } from './flags.js';
import { guestShape, guestLabel } from './guest.js';
import { CheckedHost, hostDiag, validateHost } from './host-check.js';
import { nodeCpusFindings } from './node-cpus.js';
import { cpusOffHost, cpusPartlyOffHost, nodesWithin, vcpusReach } from './pinning.js';
import { overcommitFindings } from './overcommit.js';
import { memoryFence, softConflicts, softReason } from './soft.js';
import { offHostWarnings } from './off-host.js';
import { offPlan } from './off-plan.js';
import { planOf, runCpus } from './plan-build.js';
import { demandOf, ownDemand } from './request.js';
import { pnodeFindings, vnumaVcpuFindings } from './vnuma-pnodes.js';
import { ownVnuma } from './own-vnuma.js';
import { ownPins } from './own-pins.js';
import { chooseReaching, REACH_FIRST } from './reach-first.js';
import { chooseNearReach, NEAR_REACH } from './near-reach.js';
import { pnodesApart } from './vnuma-lines.js';
import type { CpusEntryFinding, Host, Plan, PlanOptions, PlacementConfig } from './types.js';

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

/** Place a normalised config on a host (SPEC §5, §7). Never throws on bad input. */
export function plan(config: PlacementConfig, host: Host, options: PlanOptions = {}): PlanResult {
  const checked = validateHost(host);
  if (!checked.host) return { plan: null, diagnostics: [...checked.diagnostics] };
  return planChecked(config, new CheckedHost(checked.host, checked.diagnostics), options);
}

/** plan() on a host validated already (decision 087): its findings are `host.again`. Never throws on bad input. */
export function planChecked(config: PlacementConfig, host: CheckedHost, options: PlanOptions = {}): PlanResult {
  const checked = host;
  const diagnostics = [...host.again];
  // Reservations on nodes this host lacks cannot be subtracted anywhere: said, not dropped.
  diagnostics.push(...offHostWarnings(checked.host, options.reservations ?? []));
  const cfg = config ?? ({} as PlacementConfig);
  // Said whatever the outcome, as check --host says it (findings.ts).
  const partly = cpusPartlyOffHost(cfg, checked.host);
  if (partly) diagnostics.push(hostDiag('XM0416', 'warning', partly));
  // Node items xl fills only below CPU 64 (node-cpus.ts): said whatever the outcome, as check --host says them.
  diagnostics.push(...nodeCpusFindings(cfg, checked.host, options.dialect));
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
  // `entries` tells findings.ts which per-vCPU entries of cpus name no CPU of the host (at the first).
  const offHostDiag = (o: NonNullable<typeof offHost>): Diagnostic => {
    const d = hostDiag('XM0405', 'error', `cannot place ${guestLabel(g.name)}: ${o.message}`);
    if (o.entries.length === 0) return d;
    const found: CpusEntryFinding = { ...d, entries: [...o.entries] };
    return found;
  };
  if (cfg.numa?.mode === 'off') {
    const off = offPlan(g, cfg, checked.host, cap, options);
    if (!('code' in off) && offHost) return { plan: null, diagnostics: [...diagnostics, offHostDiag(offHost)] };
    if ('code' in off) return { plan: null, diagnostics: [...diagnostics, off] };
    const apart = pnodesApart(cfg, off);
    return { plan: off, diagnostics: apart ? [...diagnostics, apart] : diagnostics };
  }
  // Nodes count the CPUs the guest may run on, as XM0406 counts them (decision 057).
  const reach = vcpusReach(cfg, checked.host, g.maxvcpus);
  cap = cpusAllowed(cap, checked.host, reach);
  // Without NUMA keys a complete vnuma of the config's own fixes the nodes (own-vnuma.ts).
  const own = cfg.numa === undefined ? ownVnuma(cfg.vnuma, g, cap) : null;
  let d = own ? ownDemand(g, own) : demandOf(cfg, g, cap);
  if ('code' in d) return { plan: null, diagnostics: [...diagnostics, d] };
  if (own) {
    const short = own.list.map((p, i) => ({ id: cap.ids[p]!, need: own.mem[i]!, free: cap.free[p]!, none: cap.total?.[p] === 0 })).filter((x) => x.need > x.free);
    if (short.length > 0) {
      const what = short.map((x) => `node ${x.id} ${x.none ? 'has no memory' : `has ${x.free} MiB free`} for ${x.need} MiB`).join(', ');
      return { plan: null, diagnostics: [...diagnostics, hostDiag('XM0403', 'error', `cannot place ${guestLabel(g.name)}: the config's vnuma puts each vnode's memory on its pnode, and ${what}`)] };
    }
  }
  // Without vnuma Xen takes the memory from the nodes of the CPUs in both cpus and cpus_soft (soft.ts);
  // with --affinity soft the plan's cpus_soft lines replace the config's, which then keeps no memory anywhere.
  const ownSoft = options.affinity !== 'soft';
  const fence = d.kind === 'list' ? null : memoryFence(cfg, checked.host, undefined, ownSoft);
  const within = fence ? nodesWithin(fence.cpus, checked.host) : null;
  let c: Choice | Refusal | null = null;
  if (within) {
    // The config's own hard affinity already fences the vCPUs in: a node outside it would be
    // overridden (the plan would have to replace the user's cpus), so the policy chooses among the
    // nodes it reaches (and of those the ones cpus_soft names: Xen puts the memory there). Only when those cannot hold the guest does the whole host compete.
    const sub = cpusAllowed(capacityOf({ nodes: within }, options.reservations ?? []), checked.host, reach);
    const tried = choose(d, sub, options.policy ?? 'best', options.cursor ?? 0);
    if (!isRefusal(tried)) {
      cap = sub;
      c = tried;
    }
  }
  if (own) c = choice([...own.list], [...own.mem], true, 'listed', []);
  // numanodes = k beyond what the reached nodes hold: the set keeps as many of them as it can (reach-first.ts).
  if (within && !c) c = chooseReaching(d, cap, positionsOf(cap, within), options.policy ?? 'best', options.cursor ?? 0);
  // Automatic and numa = "on" guests beyond what the reached nodes hold: under best, the nodes nearest them (near-reach.ts).
  if (within && !c) c = chooseNearReach(d, cap, positionsOf(cap, within), options.policy ?? 'best');
  c ??= choose(d, cap, options.policy ?? 'best', options.cursor ?? 0);
  if (isRefusal(c)) return { plan: null, diagnostics: [...diagnostics, hostDiag(c.code, 'error', `cannot place ${guestLabel(g.name)}: ${c.message}`)] };
  // A per-vCPU cpus list: each vCPU on a node its own entry names, where the policy's choice (made on
  // the entries' union) would pin one elsewhere and the entries' nodes hold the guest (own-pins.ts).
  const pins = ownPins(cfg, g, checked.host, cap, d, c);
  if (pins) ({ d, c } = pins);
  // After the capacity check, so a guest that fits nowhere is refused for the binding constraint.
  if (offHost) return { plan: null, diagnostics: [...diagnostics, offHostDiag(offHost)] };
  if (d.kind === 'list') {
    // SPEC §3: cpus that share no CPU with the nodes numanode lists is an error (check --host says
    // so too); a plan that replaced the user's pinning would not be the config's placement. Judged
    // on the CPUs the vCPUs may run on: past a short per-vCPU list they may run on any (vcpusReach),
    // those of the listed nodes too, and the listed vCPUs are moved with XM0417 (decision 046).
    const listed = [...new Set(d.list.map((pos) => cap.ids[pos]!))];
    const nodeCpus = listed.flatMap((id) => runCpus(checked.host, id));
    if (reach && !nodeCpus.some((x) => reach.has(x))) {
      const msg = `cannot place ${guestLabel(g.name)}: cpus shares no CPU with ${own ? "the config's vnuma pnodes" : 'numanode'} ${listed.join(',')} (their CPUs: ${rangesOf([...new Set(nodeCpus)].sort((a, b) => a - b))})`;
      return { plan: null, diagnostics: [...diagnostics, hostDiag('XM0405', 'error', msg)] };
    }
  }
  const p = planOf(cfg, g, checked.host, cap, d, c, own ? { ...options, listedBy: "the pnodes of the config's own vnuma (libxl allocates each vnode's memory there)" } : options, diagnostics);
  const soft = softReason(cfg, checked.host, ownSoft);
  if (soft) p.reasons.push(soft);
  if (within && cap.ids.length === within.length) {
    p.reasons.push(`candidates: node ${cap.ids.join(',')}, the nodes that share a CPU with the config's ${fence!.by}`);
  }
  if (c.rule === REACH_FIRST || c.rule === NEAR_REACH) p.reasons.push(`the nodes the pinning reaches: node ${within!.map((x) => x.id).join(',')}, those that share a CPU with the config's ${fence!.by}`);
  const narrowed = narrowedNodes(cap);
  if (narrowed) p.reasons.push(`CPUs counted: only those the config's cpus lets the vCPUs run on (${narrowed})`);
  diagnostics.push(...softConflicts(cfg, checked.host, p));
  diagnostics.push(...overcommitFindings(cfg, checked.host, p, c.slots.map((pos) => cap.ids[pos]!), guestLabel(g.name)));
  const apart = pnodesApart(cfg, p);
  if (apart) diagnostics.push(apart);
  if (!c.proportional) {
    diagnostics.push(hostDiag('XM0412', 'info', `memory of ${guestLabel(g.name)} is split unevenly: the planned nodes cannot hold shares in proportion to their vCPUs`));
  }
  return c.cursor === undefined ? { plan: p, diagnostics } : { plan: p, diagnostics, cursor: c.cursor };
}

/** The positions in `cap` of `nodes` (host nodes it has). */
function positionsOf(cap: Capacity, nodes: ReadonlyArray<{ id: number }>): number[] {
  const ids = new Set(nodes.map((x) => x.id));
  return cap.ids.flatMap((id, p) => (ids.has(id) ? [p] : []));
}

/** The nodes whose CPUs the view counts only in part (cpusAllowed()), as `node 0: 1 of its 8 CPUs; …`, or null. */
function narrowedNodes(cap: Capacity): string | null {
  const parts = cap.ids.flatMap((id, p) => (cap.whole && cap.whole[p] !== cap.cpus[p] ? [`node ${id}: ${cpuWords(cap, p)}`] : []));
  return parts.length > 0 ? parts.join('; ') : null;
}
