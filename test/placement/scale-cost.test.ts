/**
 * Placement work on big hosts grows with the host, not with the host times each guest's CPU lists
 * (issue #4). Asserted by counting, not by timing: how often a stored CPU list is read while
 * rebalance judges which guests named their nodes (namedNodes) and which nodes keep a guest's
 * cpus_soft must not depend on the host's node count. Before, each stored list was resolved again
 * for every node: rebalance on 64 nodes with 256 reservations, a quarter with cpus, took 2.2 s.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import { storedRequest } from '../../src/placement/move-rules.js';
import type { CpuList } from '../../src/normalize/cpulist.js';
import type { Host, Plan } from '../../src/placement/types.js';
import { cfg, cpus } from './helpers.js';

/** A host of `n` nodes with sparse ids (3i+1), 4 CPUs each, a full SLIT matrix, node i's memory i % 4 GiB used. */
function bigHost(n: number): Host {
  const ids = Array.from({ length: n }, (_, i) => 3 * i + 1);
  return {
    nodes: ids.map((id, i) => ({
      id,
      cpus: [4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3],
      memory_mib: 65536,
      free_mib: 65536 - (i % 4) * 4096,
      distances: Object.fromEntries(ids.map((j) => [String(j), j === id ? 10 : 20])),
    })),
  };
}

/** `text` as a parsed CPU list whose `items` (what resolving it walks) counts its reads in `reads`. */
function counted(text: string, reads: { n: number }): CpuList {
  const list = cpus(text)!;
  return {
    text: list.text,
    get items() {
      reads.n++;
      return list.items;
    },
  };
}

/**
 * Six guests booked on `host`, each with stored cpus (0-7: nodes 0 and 1 only, so named by cpus) or
 * a stored cpus_soft (one list, or one per vCPU), every list counting its reads in `reads`.
 */
function bookings(host: Host, reads: { n: number }): Plan[] {
  return Array.from({ length: 6 }, (_, i) => {
    const c = cfg({ name: `g${i}`, memory: 1024, vcpus: 2, cpus: cpus('0-7') });
    const p = plan(c, host).plan!;
    const request = storedRequest(c);
    if (i % 3 === 0) return { ...p, config_request: { ...request, cpus: counted('0-7', reads) } };
    const soft = i % 3 === 1 ? counted('0-11', reads) : [counted('0-3', reads), counted('4-11', reads)];
    return { ...p, config_request: { ...request, cpus: undefined }, config_cpus_soft: soft };
  });
}

describe('placement cost on big hosts', () => {
  it('rebalance reads each stored CPU list as often on 256 nodes as on 8', () => {
    const readsAt = (n: number): number => {
      const host = bigHost(n);
      const reads = { n: 0 };
      const plans = bookings(host, reads);
      reads.n = 0;
      const r = rebalancePlan(host, plans, { threshold: 10, maxMoves: 2 });
      // The guests with stored cpus stay, named by them; the others are judged, not dropped.
      expect(r.kept.map((k) => [k.domain, k.by])).toEqual([
        ['g0', 'cpus'],
        ['g3', 'cpus'],
      ]);
      return reads.n;
    };
    const small = readsAt(8);
    expect(small).toBeGreaterThan(0);
    expect(readsAt(256)).toBe(small);
  });
});
