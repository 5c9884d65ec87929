/**
 * @fileoverview Rebalancing: a short list of single-guest migrations, each under migrate.ts's
 * twice-memory rule at its turn, that brings the most and least loaded nodes within a threshold,
 * moving as little memory as possible: a budgeted greedy seed, then an exact branch-and-bound search
 * pruned by rebalance-bounds.ts.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag, validateHost } from './host-check.js';
import { loadOfPlan } from './migrate.js';
import { moveRule, namedNodes, staleCpus, staleSoft, type NamedNodes } from './move-rules.js';
import { cpuNodes, nodesKeeping } from './pinning.js';
import { offHostDomains, offHostWarnings } from './off-host.js';
import { rebalanceBounds } from './rebalance-bounds.js';
import type { Host, Plan } from './types.js';

/** One proposed move of a rebalance. */
export interface RebalanceMove {
  domain: string;
  from: number[];
  to: number;
  memory_mib: number;
}

/**
 * Trial moves a rebalance may make, its greedy seed's and its exact search's together, before it
 * settles for the best list found (XM0419 says so).
 */
export const REBALANCE_SEARCH_BUDGET = 200_000;

/**
 * The longest list the exact search tries (one call deeper per move: a --max-moves of 100,000 over
 * 20,000 guests overflowed the stack); longer lists are the greedy one's.
 */
export const REBALANCE_SEARCH_DEPTH = 12;

/**
 * Guest-and-node pairs a rebalance may look at, moves it cannot make (no room, already there)
 * included: the trial budget counts made moves only, so with few movable guests among thousands
 * that fit nowhere each of the 200,000 trials scanned them all (20,000 such guests: 14 s). The
 * greedy seed had no bound at all: 20,000 guests of 1 MiB and --max-moves 100000 took 10,000 turns
 * over every guest, 12 s.
 */
export const REBALANCE_SEARCH_CHECKS = 20_000_000;

/**
 * The least a move must lower the spread by, in percent points: the precision the spread prints
 * with. A live migration copies the guest's whole memory; a move that lowered the spread by 0.037
 * points (a small guest on seventy-two-node.json) showed as "75% -> 75%" and was not worth that copy.
 * A list must lower it by this much per move (the greedy seed: each move; decision 056).
 */
export const REBALANCE_MIN_GAIN = 0.1;

/** A guest rebalance may move: its memory, vCPUs, where it is booked now, and its kind. */
interface Movable {
  domain: string;
  mem: number;
  vcpus: number;
  parts: ReadonlyArray<{ node: number; memory_mib: number }>;
  /** Guests of one kind (same memory and booking, and vCPUs if spread over nodes) move alike: the rebalance tries one of them. */
  kind: number;
  /** Its place in the smallest-first order (ties between equal moves keep the earlier guest). */
  pos: number;
  /** Memory nodes a move may take it to under its file's own cpus_soft (1: allowed), or null: any (decision 046). */
  soft: Uint8Array | null;
}

/** A guest rebalance leaves where it is because its config named its nodes (decision 050). */
export interface RebalanceKept extends NamedNodes {
  domain: string;
  nodes: number[];
}

/**
 * How much a rebalance tried: trial moves its greedy seed and its exact search made, guest-and-node
 * pairs (and guests) looked at, and whether the shared budget ran out before it was done.
 */
export interface RebalanceWork {
  seedTrials: number;
  searchTrials: number;
  checks: number;
  cut: boolean;
}

/**
 * Why a rebalance proposes what it does: moves, none as the spread is within the threshold, none
 * as no move rebalance allows lowers the spread (or is there at all), or none as --max-moves is 0.
 */
export type RebalanceOutcome = 'moves' | 'within-threshold' | 'no-feasible-move' | 'no-moves-allowed';

/** Result of rebalancePlan. */
export interface RebalanceResult {
  moves: RebalanceMove[];
  /** Guests never proposed because their config named their nodes (by name). */
  kept: RebalanceKept[];
  outcome: RebalanceOutcome;
  before: number;
  after: number;
  diagnostics: Diagnostic[];
  work: RebalanceWork;
}

/**
 * A short list of single-guest moves that brings the most and least used nodes (memory used %)
 * within `threshold` points, moving as little memory as possible (then as few guests), each move
 * feasible under the twice-memory rule at its turn and each guest moved at most once. An exact
 * branch-and-bound search over sets of moves of any movable guest to any node (each set once,
 * whatever order reaches it), seeded with a greedy list; the seed and the search share one budget of
 * REBALANCE_SEARCH_BUDGET trial moves and REBALANCE_SEARCH_CHECKS pairs looked at, and the search
 * goes at most REBALANCE_SEARCH_DEPTH moves deep (then the best list found so far; a spent budget is
 * warned about, XM0419); when no list reaches the threshold, the greedy one (the move that lowers
 * the spread most, each turn).
 */
export function rebalancePlan(host: Host, placed: ReadonlyArray<Plan>, options: { threshold?: number; maxMoves?: number } = {}): RebalanceResult {
  const work: RebalanceWork = { seedTrials: 0, searchTrials: 0, checks: 0, cut: false };
  const checked = validateHost(host);
  if (!checked.host) return { moves: [], kept: [], outcome: 'within-threshold', before: 0, after: 0, diagnostics: checked.diagnostics, work };
  const h = checked.host;
  const threshold = options.threshold ?? 10;
  const maxMoves = options.maxMoves ?? 5;
  const loads = new Map(placed.map((p) => [p.domain, loadOfPlan(p)]));
  const diagnostics = offHostWarnings(h, [...loads.values()]);
  const memNodes = h.nodes.filter((n) => n.memory_mib > 0);
  if (memNodes.length < 2) return { moves: [], kept: [], outcome: 'within-threshold', before: 0, after: 0, diagnostics, work };
  // Guests migratePlan refuses (XM0414) still count as load but are never proposed; so do guests
  // booked partly on nodes the host lacks (XM0418): where they really are is not known. A guest
  // without memory changes no node's use.
  const offHost = offHostDomains(h, [...loads.values()]);
  const kinds = new Map<string, number>();
  // One entry per domain, its last plan (as `loads` keeps it).
  // A guest whose file keeps a cpus_soft of its own (the ledger stores it) goes only to nodes that
  // keep some CPU of every vCPU's soft affinity: elsewhere migrate-plan warns that Xen ignores it
  // (XM0426) or takes the memory off the target (XM0425), as plan's policy keeps such a guest there.
  // Judged for every node at once (nodesKeeping), then read at the memory nodes' indices; each
  // CPU's node looked up in one map built for all the guests.
  const nodeOf = cpuNodes(h);
  const memAt = h.nodes.flatMap((n, i) => (n.memory_mib > 0 ? [i] : []));
  const softTargets = (p: Plan, vcpus: number): Uint8Array | null => {
    if (p.affinity !== 'hard' || p.config_cpus_soft === undefined) return null;
    const kept = nodesKeeping(p.config_cpus_soft, h, vcpus, nodeOf);
    return Uint8Array.from(memAt, (i) => kept[i]!);
  };
  // migrate-plan's own rule (move-rules.ts): the guests it refuses (XM0414), and the targets it
  // refuses for any guest (XM0422: a node without CPUs), are never proposed, so every proposal is
  // a move migrate-plan accepts.
  const rule = moveRule(h);
  const targetOk = Uint8Array.from(memNodes, (n) => (rule.target('', [n.id]) === null ? 1 : 0));
  const latest = [...new Map(placed.map((p) => [p.domain, p])).values()];
  // A guest whose config named its nodes (numanode, vnuma pnodes, cpus that leave out a node) was
  // put there on purpose: it counts as load and stays, and the output says why (decision 050).
  const kept: RebalanceKept[] = [];
  const stays = new Set<string>();
  // A guest whose stored cpus (XM0427) or cpus_soft (XM0428, which no target keeps: softTargets)
  // name no CPU of this host counts as load and stays: which nodes they meant is not known, so it is
  // neither moved nor said to have named its nodes (decisions 059, 072).
  const hostCpus = new Set(h.nodes.flatMap((n) => n.cpus));
  for (const p of latest) {
    const stale = p.nodes.length > 0 && !offHost.has(p.domain) ? [staleCpus(p, h, hostCpus), staleSoft(p, h, hostCpus)].filter((d) => d !== null) : [];
    if (stale.length === 0) continue;
    diagnostics.push(...stale);
    stays.add(p.domain);
  }
  for (const p of latest) {
    if (stays.has(p.domain)) continue;
    // A vNUMA guest stays anyway (XM0414), but its vnuma's pnodes are why: said too.
    const why = p.nodes.length > 0 && !offHost.has(p.domain) ? namedNodes(p, h, nodeOf) : null;
    if (!why) continue;
    kept.push({ domain: p.domain, nodes: [...p.node_affinity.nodes], ...why });
    stays.add(p.domain);
  }
  kept.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  const guests: Movable[] = latest
    .filter((p) => rule.guest(p) === null && !offHost.has(p.domain) && !stays.has(p.domain))
    .map((p) => ({ p, l: loads.get(p.domain)! }))
    .map(({ p, l }) => {
      const vcpus = l.nodes.reduce((a, x) => a + x.vcpus, 0);
      return { domain: l.domain, mem: l.nodes.reduce((a, x) => a + x.memory_mib, 0), vcpus, parts: l.nodes, kind: 0, pos: 0, soft: softTargets(p, Math.max(1, p.vcpus.length)) };
    })
    .filter((g) => g.mem > 0)
    // Smallest first (the search then finds cheap lists early and prunes by memory), ties by name.
    .sort((a, b) => a.mem - b.mem || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  for (const [i, g] of guests.entries()) {
    g.pos = i;
    // vCPUs matter only to a guest spread over several nodes (canGo): guests on one node that
    // differ in vCPUs alone move alike.
    const key = `${g.mem} ${g.parts.length > 1 ? g.vcpus : ''} ${g.parts.map((x) => `${x.node}:${x.memory_mib}`).join(',')} ${g.soft ? g.soft.join('') : ''}`;
    if (!kinds.has(key)) kinds.set(key, kinds.size);
    g.kind = kinds.get(key)!;
  }
  // Memory booked on each memory node; a node's use is (memory - max(0, free - booked)) / memory,
  // as capacityOf counts it.
  const at = new Map(memNodes.map((n, i) => [n.id, i]));
  const booked = new Float64Array(memNodes.length);
  for (const l of loads.values()) for (const x of l.nodes) if (at.has(x.node)) booked[at.get(x.node)!]! += x.memory_mib;
  const freeAt = (i: number): number => Math.max(0, memNodes[i]!.free_mib - booked[i]!);
  const useAt = (i: number): number => (100 * (memNodes[i]!.memory_mib - freeAt(i))) / memNodes[i]!.memory_mib;
  const spread = (): number => {
    let max = -Infinity;
    let min = Infinity;
    for (let i = 0; i < memNodes.length; i++) {
      const used = useAt(i);
      if (used > max) max = used;
      if (used < min) min = used;
    }
    return max - min;
  };
  const move = (g: Movable, t: number, sign: 1 | -1): void => {
    for (const x of g.parts) if (at.has(x.node)) booked[at.get(x.node)!]! -= sign * x.memory_mib;
    booked[t]! += sign * g.mem;
  };
  // The spread a trial move would leave, from the current uses sorted once (usesNow): only the
  // guest's nodes and the target change, so the rest's extremes are the first unchanged nodes from
  // either end. Computing the whole spread again for each of n targets made a greedy turn, and each
  // search node's trials, O(n²): 2.4 s on a 1024-node host. The same doubles as spread() compares.
  type Uses = { uses: Float64Array; order: Int32Array };
  const usesNow = (): Uses => {
    const uses = Float64Array.from(memNodes, (_, i) => useAt(i));
    return { uses, order: Int32Array.from(memNodes.keys()).sort((a, b) => uses[b]! - uses[a]! || a - b) };
  };
  const changed: number[] = [];
  const spreadAfter = (u: Uses, g: Movable, t: number): number => {
    changed.length = 0;
    for (const x of g.parts) {
      const i = at.get(x.node);
      if (i !== undefined && !changed.includes(i)) changed.push(i);
    }
    if (!changed.includes(t)) changed.push(t);
    move(g, t, 1);
    let max = -Infinity;
    let min = Infinity;
    for (const i of changed) {
      const used = useAt(i);
      if (used > max) max = used;
      if (used < min) min = used;
    }
    move(g, t, -1);
    let top = 0;
    while (top < u.order.length && changed.includes(u.order[top]!)) top++;
    if (top < u.order.length) max = Math.max(max, u.uses[u.order[top]!]!);
    let low = u.order.length - 1;
    while (low >= 0 && changed.includes(u.order[low]!)) low--;
    if (low >= 0) min = Math.min(min, u.uses[u.order[low]!]!);
    return max - min;
  };
  // Where a guest may go: a memory node that does not already hold all of it, with room for all of
  // it while the source copy runs; one migrate-plan's rule accepts (targetOk: a node with CPUs); a
  // guest spread over several nodes not onto a node with fewer CPUs than its vCPUs (the allocator
  // spread it for them, and rebalancing must not undo that); and not onto a node its file's own
  // cpus_soft leaves out (softTargets).
  const canGo = (g: Movable, t: number): boolean =>
    !(g.parts.length === 1 && g.parts[0]!.node === memNodes[t]!.id) &&
    targetOk[t] === 1 &&
    !(g.parts.length > 1 && g.vcpus > memNodes[t]!.cpus.length) &&
    (g.soft === null || g.soft[t] === 1) &&
    g.mem <= freeAt(t);
  // `n` more pairs or guests looked at, or one trial move more: false, and the budget marked
  // spent, when none is left.
  const look = (n = 1): boolean => {
    if (work.checks + n > REBALANCE_SEARCH_CHECKS) return !(work.cut = true);
    work.checks += n;
    return true;
  };
  const trial = (phase: 'seedTrials' | 'searchTrials'): boolean => {
    if (work.seedTrials + work.searchTrials >= REBALANCE_SEARCH_BUDGET) return !(work.cut = true);
    work[phase]++;
    return true;
  };
  const before = spread();
  type Step = { g: Movable; t: number };
  // Greedy: each turn the smallest move that reaches the threshold, else the one that lowers the
  // spread most; a turn the budget cuts short is dropped (its best so far may not be the turn's).
  // Guests of one kind give the same spreads and ties keep the first guest, so a turn tries the
  // first unmoved guest of each kind only (20,000 guests alike took 10,000 turns over all of them).
  const byKind: Movable[][] = [];
  for (const g of guests) (byKind[g.kind] ??= []).push(g);
  const taken = byKind.map(() => 0);
  const greedy: Step[] = [];
  turns: while (greedy.length < maxMoves) {
    const cur = spread();
    if (cur <= threshold) break;
    const u = usesNow();
    let best: { s: Step; sp: number } | null = null;
    if (!look(byKind.length)) break;
    const firsts = byKind.flatMap((list, k) => (taken[k]! < list.length ? [list[taken[k]!]!] : [])).sort((a, b) => a.pos - b.pos);
    for (const g of firsts) {
      for (let t = 0; t < memNodes.length; t++) {
        if (!look()) break turns;
        if (!canGo(g, t)) continue;
        if (!trial('seedTrials')) break turns;
        const sp = spreadAfter(u, g, t);
        // A move worth a memory copy lowers the spread by at least REBALANCE_MIN_GAIN (rounding
        // slack: 75.1 - 75 is 0.0999... in doubles).
        if (cur - sp < REBALANCE_MIN_GAIN - 1e-9) continue;
        const done = sp <= threshold;
        const bestDone = best !== null && best.sp <= threshold;
        if (!best || (done && (!bestDone || g.mem < best.s.g.mem)) || (!done && !bestDone && (sp < best.sp || (sp === best.sp && g.mem < best.s.g.mem)))) best = { s: { g, t }, sp };
      }
    }
    if (!best) break;
    greedy.push(best.s);
    taken[best.s.g.kind]!++;
    move(best.s.g, best.s.t, 1);
  }
  const greedyMet = spread() <= threshold;
  for (const s of [...greedy].reverse()) move(s.g, s.t, -1);
  taken.fill(0);
  let best: Step[] = greedy;
  let bestMem = greedyMet ? greedy.reduce((a, s) => a + s.g.mem, 0) : Infinity;
  const path: Step[] = [];
  // The moves made so far are a set: any order of them leaves the same bookings, and guests of one
  // kind are interchangeable (the search moves the first unmoved one of a kind only), so a set of
  // (kind, target) moves is searched from once: trying every order of a set spent the budget on
  // the same lists.
  const visited = new Set<string>();
  const stateKey = (extra: Step): string =>
    [...path, extra]
      .map((s) => s.g.kind * memNodes.length + s.t)
      .sort((a, b) => a - b)
      .join(',');
  const depth = Math.min(maxMoves, REBALANCE_SEARCH_DEPTH);
  const bounds = rebalanceBounds(guests, memNodes, at);
  const search = (mem: number, now = spread()): void => {
    if (now <= threshold) {
      // A list that reaches the threshold must still be worth its copies: REBALANCE_MIN_GAIN per move.
      if (before - now < REBALANCE_MIN_GAIN * path.length - 1e-9) return;
      if (mem < bestMem || (mem === bestMem && path.length < best.length)) {
        best = [...path];
        bestMem = mem;
      }
      return;
    }
    if (path.length === depth) return;
    // No list under this one can reach the threshold, or none can move less memory than the best:
    // without this the search spent its whole budget on ledgers the moves left cannot fix.
    if (bounds.prune(depth - path.length, freeAt, mem, bestMem, threshold)) return;
    let u: Uses | null = null;
    for (const g of guests) {
      // Guests are smallest first: past the best list's memory, every later one is too.
      if (mem + g.mem > bestMem || (mem + g.mem === bestMem && path.length + 1 >= best.length)) break;
      if (!look()) return;
      if (byKind[g.kind]![taken[g.kind]!] !== g) continue;
      for (let t = 0; t < memNodes.length; t++) {
        if (!look()) return;
        if (!canGo(g, t)) continue;
        const key = stateKey({ g, t });
        if (visited.has(key)) continue;
        if (!trial('searchTrials')) return;
        visited.add(key);
        path.push({ g, t });
        bounds.moved[g.pos] = 1;
        taken[g.kind]!++;
        u ??= usesNow();
        const after = spreadAfter(u, g, t);
        move(g, t, 1);
        search(mem + g.mem, after);
        move(g, t, -1);
        taken[g.kind]!--;
        bounds.moved[g.pos] = 0;
        path.pop();
      }
    }
  };
  if (before > threshold && !work.cut) search(0);
  const moves: RebalanceMove[] = best.map((s) => ({ domain: s.g.domain, from: s.g.parts.map((x) => x.node), to: memNodes[s.t]!.id, memory_mib: s.g.mem }));
  for (const s of best) move(s.g, s.t, 1);
  if (work.cut) {
    diagnostics.push(
      hostDiag('XM0419', 'warning', `rebalance stopped after ${work.seedTrials + work.searchTrials} trial moves and ${work.checks} guest-and-node pairs looked at (its budget), over ${guests.length} movable guests: a list that moves less memory, or reaches the threshold, may exist`, 'raise --threshold or lower --max-moves'),
    );
  }
  // From the unrounded spread: 10.04 prints as 10 but is above a threshold of 10.
  const outcome: RebalanceOutcome = moves.length > 0 ? 'moves' : before <= threshold ? 'within-threshold' : maxMoves === 0 ? 'no-moves-allowed' : 'no-feasible-move';
  return { moves, kept, outcome, before: +before.toFixed(1), after: +spread().toFixed(1), diagnostics, work };
}
