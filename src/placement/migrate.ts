/**
 * @fileoverview Node migration (the RFC's `xm migrate --live --node N localhost`) and rebalancing.
 * A local live migration copies the guest while the source copy still runs, so the target nodes
 * must hold the whole guest on top of everything already placed, the guest's own memory included
 * (the "twice-memory rule"). Rebalancing proposes a short list of such moves that brings the most
 * and least loaded nodes within a threshold, moving as little memory as possible.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { capacityOf } from './capacity.js';
import { formatPlanXl } from './format.js';
import { hostDiag, validateHost } from './host-check.js';
import { offHostDomains, offHostWarnings } from './off-host.js';
import { plan } from './plan.js';
import { oneLine, shellQuote } from './shell.js';
import type { Host, PlacementConfig, Plan, ReservationLoad } from './types.js';

/** The reservation load of a plan. */
export function loadOfPlan(p: Plan): ReservationLoad {
  return { domain: p.domain, nodes: p.node_affinity.nodes.map((id) => ({ node: id, memory_mib: p.memory_per_node_mib[String(id)] ?? 0, vcpus: p.vcpus.filter((v) => v.node === id).length })) };
}

/** A config equivalent to a placed guest, asking for exactly `nodes`. */
function configFor(p: Plan, nodes: number[]): PlacementConfig {
  const memory = Object.values(p.memory_per_node_mib).reduce((a, b) => a + b, 0);
  const cfg: PlacementConfig = { name: p.domain, memory, vcpus: Math.max(1, p.vcpus.length), numa: { mode: 'nodes', nodes, node_count: nodes.length } };
  if (p.create_flags.names.includes('hvm')) cfg.type = 'hvm';
  if (p.create_flags.names.includes('hvm') && !p.create_flags.names.includes('hap')) cfg.hap = false;
  return cfg;
}

/** Result of migratePlan. */
export interface MigrationPlan {
  domain: string;
  from: number[];
  to: number[];
  memory_mib: number;
  /** The guest's plan after the move (null when the move is infeasible). */
  plan: Plan | null;
  steps: string[];
}

/**
 * Plan moving a placed guest (its ledger plan) to `toNodes`. `others` are the other live
 * reservations; the guest's own reservation is counted too, since it stays until the copy ends.
 */
export function migratePlan(current: Plan, host: Host, others: ReadonlyArray<ReservationLoad>, targets: number[]): { migration: MigrationPlan | null; diagnostics: Diagnostic[] } {
  const checked = validateHost(host);
  if (!checked.host) return { migration: null, diagnostics: checked.diagnostics };
  const toNodes = [...new Set(targets)];
  const own = loadOfPlan(current);
  const memory = own.nodes.reduce((a, n) => a + n.memory_mib, 0);
  const loads = [...others.filter((o) => o.domain !== current.domain), own];
  // Said on every outcome: a reservation the host cannot count may be why a target looks free.
  const warnings = offHostWarnings(checked.host, loads);
  const done = (migration: MigrationPlan | null, diagnostics: Diagnostic[]): { migration: MigrationPlan | null; diagnostics: Diagnostic[] } => ({ migration, diagnostics: [...warnings, ...diagnostics] });
  const ids = new Set(checked.host.nodes.map((n) => n.id));
  const missing = toNodes.filter((id) => !ids.has(id));
  if (missing.length > 0) return done(null, [hostDiag('XM0402', 'error', `target node ${missing.join(',')} does not exist on the host`)]);
  // `name` goes into comment lines and messages (one line whatever it holds), `word` into commands.
  const name = oneLine(current.domain);
  const word = shellQuote(current.domain);
  if (current.nodes.length === 0) {
    return done(null, [hostDiag('XM0414', 'error', `${name} was reserved with numa = "off": it is not placed and the ledger has no vCPU map to move`)]);
  }
  if ((current.xl?.vnuma ?? null) !== null) {
    return done(null, [hostDiag('XM0414', 'error', `${name} was planned with vnuma on node ${current.nodes.join(',')}: xl cannot save or migrate a vNUMA guest`)]);
  }
  const from = [...current.node_affinity.nodes];
  if (toNodes.length === from.length && toNodes.every((id) => from.includes(id))) {
    // Already there: a "migration" would only copy the guest onto the nodes it occupies.
    return done({ domain: current.domain, from, to: from, memory_mib: memory, plan: null, steps: [`# ${name} is already on node ${from.join(',')}: nothing to do`] }, []);
  }
  // The plan is made from a config listing the targets; its first reason names where they come from.
  const r = plan(configFor(current, toNodes), checked.host, { reservations: loads, policy: current.policy, affinity: current.affinity, listedBy: 'the migration target (--to-node)' });
  if (!r.plan) {
    const cap = capacityOf(checked.host, loads);
    const have = toNodes.map((id) => `node ${id}: ${cap.free[cap.ids.indexOf(id)]} MiB free`).join(', ');
    return done(null, [
      hostDiag('XM0409', 'error', `cannot migrate ${name} (${memory} MiB) to node ${toNodes.join(',')}: a local live migration needs the whole guest on the target while the source copy still runs; ${have}`),
    ]);
  }
  // Creation flags are fixed for a domain's life, and the restored copy keeps the source's virtual
  // topology (a guest without vNUMA cannot gain one): the move changes pinning and memory only.
  const p: Plan = { ...r.plan, create_flags: { value: current.create_flags.value, names: [...current.create_flags.names] }, xl: { ...r.plan.xl, vnuma: null } };
  if (r.plan.xl.vnuma !== null) p.reasons = [...p.reasons, 'no vnuma: a guest keeps its virtual NUMA layout across a migration'];
  const xlLines = formatPlanXl(p).trimEnd().split('\n').filter((l) => !l.startsWith('#'));
  const steps = [
    `# ${name}: ${memory} MiB from node ${current.nodes.join(',')} to node ${toNodes.join(',')} (target holds it while the source copy runs)`,
    `# 1. put the new placement in ${name}'s config file (CONFIG below):`,
    ...xlLines.map((l) => `#      ${l}`),
    // Without -C, xl migrate sends the config the domain was created from, and the copy's memory
    // would be allocated where the old pinning points.
    `# 2. migrate with that file, so the new copy's memory is allocated on the target:`,
    `xl migrate -C CONFIG ${word} localhost`,
    `# 3. pin the vCPUs of the new copy (already so if the config's cpus changed):`,
    ...p.commands,
  ];
  // plan() warned about the same reservations (XM0418): once is enough.
  return done({ domain: current.domain, from: [...current.node_affinity.nodes], to: [...toNodes], memory_mib: memory, plan: p, steps }, r.diagnostics.filter((d) => d.severity !== 'error' && d.code !== 'XM0418'));
}

/** One proposed move of a rebalance. */
export interface RebalanceMove {
  domain: string;
  from: number[];
  to: number;
  memory_mib: number;
}

/** Memory used per node in percent (after reservations). */
function usedPercent(host: Host, loads: ReadonlyArray<ReservationLoad>): Map<number, number> {
  const cap = capacityOf(host, loads);
  return new Map(host.nodes.map((n, i) => [n.id, n.memory_mib === 0 ? 0 : (100 * (n.memory_mib - cap.free[i]!)) / n.memory_mib]));
}

/**
 * A short list of single-guest moves that brings the most and least loaded nodes (memory used %)
 * within `threshold` points; each move is feasible under the twice-memory rule at its turn: the
 * smallest guest whose move reaches the threshold, else the move that lowers the spread most.
 */
export function rebalancePlan(host: Host, placed: ReadonlyArray<Plan>, options: { threshold?: number; maxMoves?: number } = {}): { moves: RebalanceMove[]; before: number; after: number; diagnostics: Diagnostic[] } {
  const checked = validateHost(host);
  if (!checked.host) return { moves: [], before: 0, after: 0, diagnostics: checked.diagnostics };
  const h = checked.host;
  const threshold = options.threshold ?? 10;
  const maxMoves = options.maxMoves ?? 5;
  const loads = new Map(placed.map((p) => [p.domain, loadOfPlan(p)]));
  const diagnostics = offHostWarnings(h, [...loads.values()]);
  const memNodes = h.nodes.filter((n) => n.memory_mib > 0);
  if (memNodes.length < 2) return { moves: [], before: 0, after: 0, diagnostics };
  // Guests migratePlan refuses (XM0414) still count as load but are never proposed; so do guests
  // booked partly on nodes the host lacks (XM0418): where they really are is not known.
  const offHost = offHostDomains(h, [...loads.values()]);
  const movable = new Set(placed.filter((p) => p.nodes.length > 0 && (p.xl?.vnuma ?? null) === null && !offHost.has(p.domain)).map((p) => p.domain));
  const spread = (): { max: number; min: number; hi: number; lo: number } => {
    const used = usedPercent(h, [...loads.values()]);
    let hi = memNodes[0]!.id;
    let lo = hi;
    for (const n of memNodes) {
      if (used.get(n.id)! > used.get(hi)! || (used.get(n.id) === used.get(hi) && n.id < hi)) hi = n.id;
      if (used.get(n.id)! < used.get(lo)!) lo = n.id;
    }
    return { max: used.get(hi)!, min: used.get(lo)!, hi, lo };
  };
  const start = spread();
  const moves: RebalanceMove[] = [];
  while (moves.length < maxMoves) {
    const s = spread();
    if (s.max - s.min <= threshold) break;
    const cap = capacityOf(h, [...loads.values()]);
    const loFree = cap.free[cap.ids.indexOf(s.lo)]!;
    const loCpus = memNodes.find((n) => n.id === s.lo)!.cpus.length;
    let best: { domain: string; mem: number; spread: number } | null = null;
    for (const [domain, l] of [...loads.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (!movable.has(domain) || !l.nodes.some((x) => x.node === s.hi && x.memory_mib > 0)) continue;
      // A guest spread over several nodes moves too, all of it to the emptiest (as migrate-plan
      // --to-node moves it), even when part of it is there already (it was skipped, and a two-node
      // host's spanning guests were never proposed); but not when its vCPUs outnumber that node's
      // CPUs: the allocator spread it for its vCPUs, and rebalancing must not undo that.
      if (l.nodes.length > 1 && l.nodes.reduce((a, x) => a + x.vcpus, 0) > loCpus) continue;
      const mem = l.nodes.reduce((a, x) => a + x.memory_mib, 0);
      if (mem > loFree) continue; // twice-memory rule: the target holds it all while the source runs
      const trial = new Map(loads);
      trial.set(domain, { domain, nodes: [{ node: s.lo, memory_mib: mem, vcpus: l.nodes.reduce((a, x) => a + x.vcpus, 0) }] });
      const used = usedPercent(h, [...trial.values()]);
      const vals = memNodes.map((n) => used.get(n.id)!);
      const sp = Math.max(...vals) - Math.min(...vals);
      if (sp >= s.max - s.min) continue;
      // A move that reaches the threshold: the smallest such. Otherwise: the biggest improvement.
      const done = sp <= threshold;
      const bestDone = best !== null && best.spread <= threshold;
      const better = !best || (done && (!bestDone || mem < best.mem)) || (!done && !bestDone && (sp < best.spread || (sp === best.spread && mem < best.mem)));
      if (better) best = { domain, mem, spread: sp };
    }
    if (!best) break;
    const l = loads.get(best.domain)!;
    moves.push({ domain: best.domain, from: l.nodes.map((x) => x.node), to: s.lo, memory_mib: best.mem });
    loads.set(best.domain, { domain: best.domain, nodes: [{ node: s.lo, memory_mib: best.mem, vcpus: l.nodes.reduce((a, x) => a + x.vcpus, 0) }] });
  }
  const end = spread();
  return { moves, before: +(start.max - start.min).toFixed(1), after: +(end.max - end.min).toFixed(1), diagnostics };
}
