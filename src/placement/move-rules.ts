/**
 * @fileoverview What a move of a placed guest must respect, shared by migrate-plan and rebalance
 * (decision 050): which guests and targets a migration can take at all (one rule, so every move
 * rebalance proposes is one migrate-plan accepts), and what the guest's config asked for, which the
 * ledger stores beside the plan and rebalance keeps (a guest whose admin named its nodes stays).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rangesOf } from './bitmap.js';
import { hostDiag } from './host-check.js';
import { cpusOfVcpu, cpusOffHost, nodesKeeping, storedCpus } from './pinning.js';
import type { Host, PlacementConfig, Plan, StoredRequest } from './types.js';
import { OWN_VNUMA_REASON, hasOwnVnuma } from './vnuma-lines.js';
import { oneLine } from './shell.js';

/**
 * Whether a stored plan is of a vNUMA guest: one the plan gave vnuma lines, or one whose config sets
 * its own vnuma (the plan keeps no copy of that vnuma): the stored request's `own_vnuma` says so.
 * Rows booked before it was stored (no `own_vnuma`) are read by the reason every such plan has
 * given, OWN_VNUMA_REASON; only those.
 */
export function isVnumaGuest(p: Plan): boolean {
  if ((p.xl?.vnuma ?? null) !== null) return true;
  const own = p.config_request?.own_vnuma;
  if (own !== undefined) return own;
  return Array.isArray(p.reasons) && p.reasons.some((r) => typeof r === 'string' && r.startsWith(OWN_VNUMA_REASON));
}

/** The pnodes a config's own vnuma names, each once in vnode order (empty when it names none). */
function vnumaPnodes(vnuma: unknown): number[] {
  if (!Array.isArray(vnuma)) return [];
  const out: number[] = [];
  for (const v of vnuma) {
    const pnode = (v as { pnode?: unknown } | null)?.pnode;
    if (Number.isSafeInteger(pnode) && (pnode as number) >= 0 && !out.includes(pnode as number)) out.push(pnode as number);
  }
  return out;
}

/** What `cfg` asked of the placement, as the ledger keeps it beside the plan (decision 050). */
export function storedRequest(cfg: PlacementConfig): StoredRequest {
  const numa = cfg.numa;
  const out: StoredRequest =
    numa === undefined
      ? { numa: 'auto' }
      : numa.mode === 'off'
        ? { numa: 'off' }
        : numa.mode === 'nodes'
          ? { numa: 'numanode', nodes: [...numa.nodes] }
          : { numa: 'numanodes', node_count: numa.node_count };
  const pnodes = vnumaPnodes(cfg.vnuma);
  if (pnodes.length > 0) out.vnuma_pnodes = pnodes;
  // Always written, false too: a row that has it is never read by its reason text (isVnumaGuest).
  out.own_vnuma = hasOwnVnuma(cfg);
  const cpus = storedCpus(cfg.cpus);
  if (cpus !== undefined) out.cpus = cpus;
  return out;
}

/** Why rebalance leaves a guest where it is: which of its config's keys named its nodes, as written. */
export interface NamedNodes {
  by: 'numanode' | 'vnuma' | 'cpus';
  config: string;
}

/**
 * Whether the guest's config named its nodes (its stored request): `numanode`, a vnuma with pnodes,
 * or `cpus` that leave some vCPU no CPU on some node of `host` that has CPUs. The admin chose those
 * on purpose, so rebalance never proposes moving such a guest; null for a reservation booked
 * before requests were stored (judged as before) and for one the policy placed. `nodeOf`: the
 * host's cpuNodes(), when the caller judges many guests.
 */
export function namedNodes(p: Plan, host: Host, nodeOf?: ReadonlyMap<number, number>): NamedNodes | null {
  const r = p.config_request;
  if (r === undefined) return null;
  if (r.numa === 'numanode') return { by: 'numanode', config: `numanode = ${(r.nodes ?? []).join(',')}` };
  if (r.vnuma_pnodes !== undefined && r.vnuma_pnodes.length > 0) return { by: 'vnuma', config: `vnuma pnode ${r.vnuma_pnodes.join(',')}` };
  if (r.cpus !== undefined) {
    const vcpus = Math.max(1, p.vcpus.length);
    const kept = nodesKeeping(r.cpus, host, vcpus, nodeOf);
    if (host.nodes.some((n, i) => n.cpus.length > 0 && kept[i] === 0)) {
      const text = Array.isArray(r.cpus) ? `[${r.cpus.map((l) => (l ? JSON.stringify(l.text) : 'null')).join(', ')}]` : JSON.stringify(r.cpus.text);
      return { by: 'cpus', config: `cpus = ${oneLine(text)}` };
    }
  }
  return null;
}

/** The one feasibility rule of a move, in parts: see {@link moveRule}. */
export interface MoveRule {
  /** The error refusing to move guest `p` to `toNodes`, or null when the move may be planned (capacity aside). */
  check(p: Plan, toNodes: readonly number[]): Diagnostic | null;
  /** The error refusing to move guest `p` anywhere (numa = "off", vNUMA), or null. */
  guest(p: Plan): Diagnostic | null;
  /** The error refusing `toNodes` as a target of guest `name` (a node the host lacks, or one without CPUs), or null. */
  target(name: string, toNodes: readonly number[]): Diagnostic | null;
}

/**
 * The one feasibility rule of a move (migrate-plan's, which rebalance's proposals follow) for a
 * validated `host`: the guest must be movable at all, and each target node must exist and have
 * CPUs. The twice-memory rule is the plan's. A target equal to the guest's nodes is no refusal
 * (nothing to do).
 */
export function moveRule(host: Host): MoveRule {
  const byId = new Map(host.nodes.map((n) => [n.id, n]));
  const guest = (p: Plan): Diagnostic | null => {
    const name = oneLine(p.domain);
    if (p.nodes.length === 0) return hostDiag('XM0414', 'error', `${name} was reserved with numa = "off": it is not placed and the ledger has no vCPU map to move`);
    if ((p.xl?.vnuma ?? null) !== null) return hostDiag('XM0414', 'error', `${name} was planned with vnuma on node ${p.nodes.join(',')}: xl cannot save or migrate a vNUMA guest`);
    if (!isVnumaGuest(p)) return null;
    // Moving it would also leave each vnode's memory off the pnode its config names.
    return hostDiag('XM0414', 'error', `${name} has its own vnuma (its vnodes' memory is on node ${p.nodes.join(',')}, where each pnode puts it): xl cannot save or migrate a vNUMA guest, and its config's pnodes would not follow a move`);
  };
  const missing = (toNodes: readonly number[]): Diagnostic | null => {
    const gone = toNodes.filter((id) => !byId.has(id));
    // As ranges: `--to-node 0-65535` names up to 65,536 ids, and listing each made one 380 KB line.
    return gone.length > 0 ? hostDiag('XM0402', 'error', `target node ${rangesOf(gone)} does not exist on the host`) : null;
  };
  // The moved guest gets no vnuma, so a node without CPUs could not keep its memory (Xen allocates
  // on the nodes of the vCPUs' CPUs): the ledger would book memory the guest does not use there.
  const cpuless = (name: string, toNodes: readonly number[]): Diagnostic | null => {
    const none = toNodes.filter((id) => byId.get(id)!.cpus.length === 0);
    if (none.length === 0) return null;
    return hostDiag(
      'XM0422',
      'error',
      `cannot migrate ${name} to node ${toNodes.join(',')}: node ${none.join(',')} ${none.length > 1 ? 'have' : 'has'} no CPUs, and a migrated guest has no vnuma, so Xen would take its memory from the nodes whose CPUs its vCPUs borrow`,
    );
  };
  return {
    check: (p, toNodes) => {
      const refused = missing(toNodes) ?? guest(p);
      if (refused) return refused;
      const from = p.node_affinity.nodes;
      if (toNodes.length === from.length && toNodes.every((id) => from.includes(id))) return null;
      return cpuless(oneLine(p.domain), toNodes);
    },
    guest,
    target: (name, toNodes) => missing(toNodes) ?? cpuless(oneLine(name), toNodes),
  };
}

/** `cpus entry of vCPU 1 names` / `cpus_soft entries of vCPUs 0-1 name`: the per-vCPU entries XM0427 and XM0428 speak of, with the verb agreeing. */
function entriesName(key: 'cpus' | 'cpus_soft', vcpus: readonly number[]): string {
  return vcpus.length > 1 ? `${key} entries of vCPUs ${rangesOf(vcpus)} name` : `${key} entry of vCPU ${rangesOf(vcpus)} names`;
}

/**
 * XM0427 (warning) when the cpus the ledger stored with a guest's plan (decision 050) name no CPU of
 * `host` (one list naming none, or some vCPU's entry naming none), or null. The host description
 * lost those CPUs since the booking, or the ledger belongs to another host: the guest's file would
 * fail `xl create` here (XM0405), and which of the host's nodes its pins meant is not known, so
 * migrate-plan replaces them with the target's CPUs and rebalance never proposes the guest.
 */
export function staleCpus(p: Plan, host: Host, hostCpus?: ReadonlySet<number>): Diagnostic | null {
  const cpus = p.config_request?.cpus;
  if (cpus === undefined) return null;
  const off = cpusOffHost({ cpus: cpus as PlacementConfig['cpus'], vcpus: Math.max(1, p.vcpus.length) }, host, hostCpus);
  if (!off) return null;
  const all = rangesOf(host.nodes.flatMap((n) => n.cpus));
  const which = off.entries.length === 0 ? 'cpus name' : entriesName('cpus', off.entries);
  return hostDiag(
    'XM0427',
    'warning',
    `the reservation of ${oneLine(p.domain)} stores its config's ${which} no CPU of the host (its CPUs: ${all}): the host lost them since the booking, or the ledger belongs to another host; a move pins its vCPUs to the target's CPUs instead, and rebalance leaves it where it is booked`,
    'compare the cpus in the guest\'s file with `xmcfg host`, pass the right --host or --ledger, and fix cpus before the guest is created again',
  );
}

/**
 * The vCPUs whose cpus_soft, as the ledger stored it with a guest's plan (decision 046), names no
 * CPU of `host` (every vCPU for one such list; empty when none, or when the plan's own cpus_soft
 * lines replaced the config's).
 */
export function staleSoftVcpus(p: Plan, host: Host, hostCpus?: ReadonlySet<number>): number[] {
  const soft = p.config_cpus_soft;
  // The ledger keeps it for hard-affinity plans only: a soft plan's own cpus_soft lines replaced it.
  if (soft === undefined || p.affinity !== 'hard') return [];
  const have = hostCpus ?? new Set(host.nodes.flatMap((n) => n.cpus));
  const vcpus = [...Array(Math.max(1, p.vcpus.length)).keys()];
  const off = (v: number): boolean => {
    const s = cpusOfVcpu(soft, host, v);
    return s !== null && ![...s].some((c) => have.has(c));
  };
  // One list is every vCPU's: resolve it once, not once per vCPU.
  if (!Array.isArray(soft)) return off(0) ? vcpus : [];
  return vcpus.filter(off);
}

/**
 * XM0428 (warning) when the cpus_soft the ledger stored with a guest's plan (decision 046) name no
 * CPU of `host` (one list naming none, or some vCPU's entry naming none), or null. The host
 * description lost those CPUs since the booking, or the ledger belongs to another host (as for its
 * cpus, XM0427). No node keeps that vCPU's soft affinity, so rebalance, which proposes only moves
 * that keep it, leaves the guest where it is booked (decision 072), and migrate-plan says this, not
 * XM0426, for those vCPUs whatever the outcome (decision 073: one code for one cause).
 */
export function staleSoft(p: Plan, host: Host, hostCpus?: ReadonlySet<number>): Diagnostic | null {
  const off = staleSoftVcpus(p, host, hostCpus);
  if (off.length === 0) return null;
  const all = host.nodes.flatMap((n) => n.cpus);
  const which = !Array.isArray(p.config_cpus_soft) ? 'cpus_soft name' : entriesName('cpus_soft', off);
  return hostDiag(
    'XM0428',
    'warning',
    `the reservation of ${oneLine(p.domain)} stores its config's ${which} no CPU of the host (its CPUs: ${rangesOf(all)}): the host lost them since the booking, or the ledger belongs to another host; no node keeps that soft affinity (Xen ignores it on every node), so a move cannot keep it and rebalance leaves the guest where it is booked`,
    "compare the cpus_soft in the guest's file with `xmcfg host`, pass the right --host or --ledger, and fix cpus_soft before the guest is created again",
  );
}
