/**
 * @fileoverview Node migration (the RFC's `xm migrate --live --node N localhost`). A local live
 * migration copies the guest while the source copy still runs, so the target nodes must hold the
 * whole guest on top of everything already placed, the guest's own memory included (the
 * "twice-memory rule"). Rebalancing (rebalance.ts) proposes a short list of such moves.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rangesOf } from './bitmap.js';
import { capacityOf, freeWords } from './capacity.js';
import { formatPlanXl } from './format.js';
import { checkedHost, hostDiag, validateHost } from './host-check.js';
import { offHostWarnings } from './off-host.js';
import { planChecked } from './plan.js';
import { isVnumaGuest, moveRule, staleCpus, staleSoft, staleSoftVcpus } from './move-rules.js';
import { softApart } from './soft.js';
import { oneLine, shellQuote } from './shell.js';
import type { Host, PlacementConfig, Plan, ReservationLoad } from './types.js';

/** The reservation load of a plan. */
export function loadOfPlan(p: Plan): ReservationLoad {
  return { domain: p.domain, nodes: p.node_affinity.nodes.map((id) => ({ node: id, memory_mib: p.memory_per_node_mib[String(id)] ?? 0, vcpus: p.vcpus.filter((v) => v.node === id).length })) };
}

export { isVnumaGuest };

/**
 * A config equivalent to a placed guest, asking for exactly `nodes`, with the cpus_soft its file
 * keeps (stored by the ledger, decision 046): the move's plan then warns where it leaves that soft
 * affinity unreachable (XM0426) or takes the memory off the target (XM0425), as plan does for
 * numanode. With `ownCpus`, also the file's own cpus (stored too, decision 050): the plan keeps the
 * pins that fall on the target nodes, as plan does for numanode, and says XM0417 for the others.
 */
function configFor(p: Plan, nodes: number[], ownCpus: boolean): PlacementConfig {
  const memory = Object.values(p.memory_per_node_mib).reduce((a, b) => a + b, 0);
  const cfg: PlacementConfig = { name: p.domain, memory, vcpus: Math.max(1, p.vcpus.length), numa: { mode: 'nodes', nodes, node_count: nodes.length } };
  if (p.affinity === 'hard' && p.config_cpus_soft !== undefined) cfg.cpus_soft = p.config_cpus_soft as PlacementConfig['cpus_soft'];
  if (ownCpus && p.config_request?.cpus !== undefined) cfg.cpus = p.config_request.cpus as PlacementConfig['cpus'];
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
  const refusal = moveRule(checked.host).check(current, toNodes);
  if (refusal) return done(null, [refusal]);
  // `name` goes into comment lines and messages (one line whatever it holds), `word` into commands.
  const name = oneLine(current.domain);
  const word = shellQuote(current.domain);
  const from = [...current.node_affinity.nodes];
  // The stored cpus name no CPU of this host (XM0427): said on every outcome, and never kept as pins.
  const stale = staleCpus(current, checked.host);
  // The stored cpus_soft name no CPU of this host for some vCPUs (XM0428): said on every outcome, as
  // rebalance says it, and in place of XM0426 for those vCPUs (decision 073: one code for one cause).
  const softStale = staleSoft(current, checked.host);
  const offSoft = softStale ? staleSoftVcpus(current, checked.host) : [];
  const staleWarning = [stale, softStale].filter((d) => d !== null);
  if (toNodes.length === from.length && toNodes.every((id) => from.includes(id))) {
    // Already there: a "migration" would only copy the guest onto the nodes it occupies.
    return done({ domain: current.domain, from, to: from, memory_mib: memory, plan: null, steps: [`# ${name} is already on node ${rangesOf(from)}: nothing to do`] }, staleWarning);
  }
  // The plan is made from a config listing the targets; its first reason names where they come from.
  const options = { reservations: loads, policy: current.policy, affinity: current.affinity, listedBy: 'the migration target (--to-node)', move: true };
  let moved = configFor(current, toNodes, !stale);
  // The host as validated above: each plan() would validate it again (decision 087).
  const valid = checkedHost(checked.host);
  let r = planChecked(moved, valid, options);
  // The file's cpus name no CPU of the targets (XM0405 for numanode): the move the user asked for is
  // still planned, and its cpus lines replace the file's, which XM0417 says (decision 050); XM0427
  // says it instead when they name no CPU of the host at all.
  const replaced = stale !== null || (!r.plan && r.diagnostics.some((d) => d.code === 'XM0405'));
  if (replaced && !stale) r = planChecked((moved = configFor(current, toNodes, false)), valid, options);
  if (!r.plan) {
    const cap = capacityOf(checked.host, loads);
    const have = toNodes.map((id) => `node ${id}: ${freeWords(cap, cap.ids.indexOf(id))}`).join(', ');
    return done(null, [
      ...staleWarning,
      hostDiag('XM0409', 'error', `cannot migrate ${name} (${memory} MiB) to node ${toNodes.join(',')}: a local live migration needs the whole guest on the target while the source copy still runs; ${have}`),
    ]);
  }
  // Creation flags are fixed for a domain's life, and the restored copy keeps the source's virtual
  // topology (a guest without vNUMA cannot gain one): the move changes pinning and memory only.
  const p: Plan = { ...r.plan, create_flags: { value: current.create_flags.value, names: [...current.create_flags.names] }, xl: { ...r.plan.xl, vnuma: null } };
  if (r.plan.xl.vnuma !== null) p.reasons = [...p.reasons, 'no vnuma: a guest keeps its virtual NUMA layout across a migration'];
  const xlLines = formatPlanXl(p).trimEnd().split('\n').filter((l) => !l.startsWith('#'));
  // XM0426 minus the vCPUs XM0428 speaks for (null when it named only those).
  const planned = r.plan;
  const found = r.diagnostics.flatMap((d) => (d.code !== 'XM0426' || offSoft.length === 0 ? [d] : (softApart(moved, checked.host!, planned, offSoft) ?? [])));
  // The file's own cpus_soft stays beside the new pins; where it no longer fits the target, say so in the steps too.
  const soft = found.some((d) => d.code === 'XM0425' || d.code === 'XM0426');
  const pinsReplaced = [
    ...staleWarning,
    ...(replaced && !stale
      ? [
          hostDiag(
            'XM0417',
            'warning',
            `${name}'s config pins its vCPUs (cpus = …) to CPUs none of which are on node ${toNodes.join(',')}: the move's cpus lines pin them to the target's CPUs and replace the config's`,
            'keep the printed cpus lines, or move the guest to nodes its cpus name',
          ),
        ]
      : []),
  ];
  const steps = [
    // `from` as the JSON gives it (the node set, ascending; decision 103), not the old plan's placement order.
    `# ${name}: ${memory} MiB from node${from.length > 1 ? 's' : ''} ${from.join(',')} to node${toNodes.length > 1 ? 's' : ''} ${toNodes.join(',')} (target holds it while the source copy runs)`,
    `# 1. put the new placement in ${name}'s config file (CONFIG below):`,
    ...xlLines.map((l) => `#      ${l}`),
    ...(soft || softStale ? [`#    and change or drop its cpus_soft, which names ${softStale ? 'no CPU of the host for vCPU ' + rangesOf(offSoft) + (soft ? ` and CPUs away from node ${toNodes.join(',')}` : '') : `CPUs away from node ${toNodes.join(',')}`} (see the warnings)`] : []),
    ...(replaced ? [`#    (its cpus lines replace the file's cpus, which name no CPU of ${stale ? 'the host' : `node ${toNodes.join(',')}`}; see the warnings)`] : []),
    // Without -C, xl migrate sends the config the domain was created from, and the copy's memory
    // would be allocated where the old pinning points.
    `# 2. migrate with that file, so the new copy's memory is allocated on the target:`,
    `xl migrate -C CONFIG ${word} localhost`,
    `# 3. pin the vCPUs of the new copy (already so if the config's cpus changed):`,
    ...p.commands,
  ];
  // plan() warned about the same reservations (XM0418): once is enough.
  return done({ domain: current.domain, from, to: [...toNodes], memory_mib: memory, plan: p, steps }, [...pinsReplaced, ...found.filter((d) => d.severity !== 'error' && d.code !== 'XM0418')]);
}
