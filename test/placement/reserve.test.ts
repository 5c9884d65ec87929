import { describe, expect, it } from 'vitest';
import { capacityOf } from '../../src/placement/capacity.js';
import { choose } from '../../src/placement/choose.js';
import { isRefusal, type Demand } from '../../src/placement/demand.js';
import { plan } from '../../src/placement/plan.js';
import { nameHash } from '../../src/placement/request.js';
import { scoreFields } from '../../src/placement/reasons.js';
import { RESERVE_FROM, reservedSocket, sockets } from '../../src/placement/reserve.js';
import type { Host } from '../../src/placement/types.js';
import { cfg, fixtureHost } from './helpers.js';

const SIZE = 32768;

/** Three sockets of two nodes (12 within a socket, 20 between), 4 CPUs and 32 GiB each, with these free MiB. */
function sixNodes(free: readonly number[]): Host {
  return {
    nodes: free.map((f, id) => ({
      id,
      cpus: [4 * id, 4 * id + 1, 4 * id + 2, 4 * id + 3],
      memory_mib: SIZE,
      free_mib: f,
      distances: Object.fromEntries(free.map((_, j) => [String(j), j === id ? 10 : j >> 1 === id >> 1 ? 12 : 20])),
    })),
  };
}

/** Socket 0 (nodes 0, 1) is the freest; the host is 70.5 % used. */
const BUSY = [14000, 14000, 8000, 8000, 7000, 7000];
/** The same shape at 45 % use: no reserve yet. */
const QUIET = [24000, 24000, 16000, 16000, 14000, 14000];

function demand(kind: Demand['kind'], memMiB: number, vcpus: number, count = 0): Demand {
  return { memMiB, vcpus, kind, count, list: [], salt: nameHash('guest') };
}

function chosen(host: Host, d: Demand): { ids: number[]; keys: string[]; reserve: unknown } {
  const cap = capacityOf(host);
  const c = choose(d, cap, 'best');
  if (isRefusal(c)) throw new Error(c.message);
  const fields = scoreFields(c, cap, d);
  return { ids: c.slots.map((p) => cap.ids[p]!).sort((a, b) => a - b), keys: fields.map((f) => f.key), reserve: fields.find((f) => f.key === 'reserve')?.value };
}

describe('socket reserve', () => {
  it('finds sockets only where nearest neighbours split the host into groups', () => {
    expect([...sockets(capacityOf(sixNodes(BUSY)))!]).toEqual([0, 0, 2, 2, 4, 4]);
    expect(sockets(capacityOf(fixtureHost('two-node.json')))).toBeNull();
    // A square of links (10 / 16 / 22): each node's nearest neighbours are two nodes that are not each other's.
    const square: Host = {
      nodes: [0, 1, 2, 3].map((id) => ({
        id,
        cpus: [id],
        memory_mib: SIZE,
        free_mib: 1000,
        distances: Object.fromEntries([0, 1, 2, 3].map((j) => [String(j), j === id ? 10 : (j ^ id) === 3 ? 22 : 16])),
      })),
    };
    expect(sockets(capacityOf(square))).toBeNull();
  });

  it('applies from RESERVE_FROM host use, to the freest socket', () => {
    expect(RESERVE_FROM).toBe(0.7);
    expect(reservedSocket(capacityOf(sixNodes(BUSY)))).toBe(0);
    expect(reservedSocket(capacityOf(sixNodes(QUIET)))).toBe(-1);
    expect(reservedSocket(capacityOf(sixNodes([7000, 7000, 8000, 8000, 14000, 14000])))).toBe(4);
  });

  it('keeps an automatic single-node guest out of the reserve while another node fits', () => {
    const r = chosen(sixNodes(BUSY), demand('auto', 2048, 1));
    expect(r.ids.every((id) => id === 2 || id === 3)).toBe(true);
    expect(r.keys).toEqual(['over-guard', 'fewer-cpus', 'reserve', 'spare', 'hash', 'load', 'node']);
    expect(r.reserve).toBe(false);
    // Only the reserve holds 10000 MiB: it is used, and the field says so.
    const big = chosen(sixNodes(BUSY), demand('auto', 10000, 1));
    expect(big.ids.every((id) => id === 0 || id === 1)).toBe(true);
    expect(big.reserve).toBe(true);
  });

  it('leaves numa=on guests on worst fit and quiet hosts alone', () => {
    const on = chosen(sixNodes(BUSY), demand('count', 2048, 1, 1));
    expect(on.ids.every((id) => id === 0 || id === 1)).toBe(true);
    expect(on.keys).not.toContain('reserve');
    const quiet = chosen(sixNodes(QUIET), demand('auto', 2048, 1));
    expect(quiet.ids.every((id) => id === 0 || id === 1)).toBe(true);
    expect(quiet.keys).not.toContain('reserve');
  });

  it('keeps node pairs out of the reserve among equally near pairs', () => {
    const pair = chosen(sixNodes(BUSY), demand('count', 12000, 2, 2));
    expect(pair.ids).toEqual([2, 3]);
    expect(pair.keys.slice(0, 3)).toEqual(['distance', 'reserve', 'proportional']);
    expect(pair.reserve).toBe(false);
  });

  it('says in the plan why the freest node lost', () => {
    const p = plan(cfg({ name: 'guest', memory: 2048, vcpus: 1 }), sixNodes(BUSY)).plan!;
    expect(p.nodes.every((id) => id === 2 || id === 3)).toBe(true);
    expect(p.reasons[0]).toContain('is in the freest socket');
  });
});
