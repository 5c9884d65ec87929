/**
 * rebalance proposes only moves migrate-plan accepts (decision 050): on random hosts (some nodes
 * without CPUs) and ledgers (guests placed by the policy, by numanode, with their own cpus and
 * cpus_soft, some booked before the ledger stored requests), every proposed move, run in order
 * with the ledger updated as `migrate-plan --commit` updates it, is planned by migratePlan with the
 * same inputs. Before, rebalance moved a guest booked on a CPU-less node onto another CPU-less node,
 * which migrate-plan refuses (XM0422).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOfPlan, migratePlan } from '../../src/placement/migrate.js';
import { plan } from '../../src/placement/plan.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import { storedSoft } from '../../src/placement/soft.js';
import type { Host, PlacementConfig, Plan } from '../../src/placement/types.js';
import { cpus } from './helpers.js';

/** A node: whether it has CPUs (two each), its memory and the share of it free. */
const nodeArb = fc.record({ hasCpus: fc.boolean(), memory: fc.integer({ min: 2, max: 16 }), freePct: fc.integer({ min: 0, max: 100 }) });

/** A guest: its size, and how its config asks to be placed. */
const guestArb = fc.record({
  memory: fc.integer({ min: 1, max: 12 }),
  vcpus: fc.integer({ min: 1, max: 3 }),
  ask: fc.constantFrom('auto', 'on', 'numanode', 'cpus', 'cpus_soft'),
  node: fc.nat(),
  // A reservation booked before the ledger stored what the config asked for.
  old: fc.boolean(),
});

function hostOf(nodes: Array<{ hasCpus: boolean; memory: number; freePct: number }>): Host {
  const withCpus = nodes.some((n) => n.hasCpus) ? nodes : [{ ...nodes[0]!, hasCpus: true }, ...nodes.slice(1)];
  return {
    nodes: withCpus.map((n, id) => ({
      id,
      cpus: n.hasCpus ? [2 * id, 2 * id + 1] : [],
      memory_mib: n.memory * 1024,
      free_mib: Math.floor((n.memory * 1024 * n.freePct) / 100),
      distances: Object.fromEntries(withCpus.map((_, j) => [String(j), j === id ? 10 : 20])),
    })),
  };
}

describe('rebalance and migrate-plan agree', () => {
  it('every move rebalance proposes, in turn, is one migratePlan plans', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 2, maxLength: 4 }), fc.array(guestArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 4 }), (nodes, guests, threshold, maxMoves) => {
        const host = hostOf(nodes);
        const plans: Plan[] = [];
        guests.forEach((g, i) => {
          const node = host.nodes[g.node % host.nodes.length]!;
          const cfg: PlacementConfig = { name: `g${i}`, memory: g.memory * 256, vcpus: g.vcpus };
          if (g.ask === 'on') cfg.numa = { mode: 'auto', node_count: 1 };
          if (g.ask === 'numanode') cfg.numa = { mode: 'nodes', nodes: [node.id], node_count: 1 };
          if (g.ask === 'cpus') cfg.cpus = cpus(`node:${node.id}`);
          if (g.ask === 'cpus_soft') cfg.cpus_soft = cpus(`node:${node.id}`);
          const r = plan(cfg, host, { reservations: plans.map(loadOfPlan) });
          if (!r.plan) return;
          // As the ledger stores it (ledger.ts insert); old rows have neither.
          const p: Plan = { ...r.plan };
          if (!g.old) {
            const soft = storedSoft(cfg, 'hard');
            if (soft !== undefined) p.config_cpus_soft = soft;
            p.config_request = { numa: g.ask === 'numanode' ? 'numanode' : g.ask === 'on' ? 'numanodes' : 'auto', ...(g.ask === 'numanode' ? { nodes: [node.id] } : {}), ...(g.ask === 'on' ? { node_count: 1 } : {}), ...(cfg.cpus ? { cpus: cfg.cpus as never } : {}) };
          }
          plans.push(p);
        });
        const r = rebalancePlan(host, plans, { threshold, maxMoves });
        // A guest whose config named its nodes is never proposed.
        expect(r.moves.filter((m) => r.kept.some((k) => k.domain === m.domain))).toEqual([]);
        for (const m of r.moves) {
          const at = plans.findIndex((p) => p.domain === m.domain);
          const current = plans[at]!;
          const moved = migratePlan(current, host, plans.map(loadOfPlan), [m.to]);
          expect(moved.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([]);
          expect(moved.migration?.plan).toBeTruthy();
          // As `migrate-plan --commit` books it: the stored request and cpus_soft stay.
          plans[at] = { ...moved.migration!.plan!, config_cpus_soft: current.config_cpus_soft, config_request: current.config_request };
        }
      }),
      { numRuns: 300, seed: 50 },
    );
  });
});
