import { describe, expect, it } from 'vitest';
import { readHost } from '../../src/placement/host.js';

describe('readHost: a partial distance matrix', () => {
  it('fills a node\'s own missing entry with 10 and says so (the warning used to claim 20 for it)', () => {
    const r = readHost({
      nodes: [
        { id: 0, cpus: [0], memory_mib: 1024, free_mib: 1024, distances: { '0': 10, '1': 15 } },
        { id: 1, cpus: [1], memory_mib: 1024, free_mib: 1024, distances: { '0': 25 } },
      ],
    });
    expect(r.host?.nodes.map((n) => n.distances)).toEqual([
      { '0': 10, '1': 15 },
      { '0': 25, '1': 10 },
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0411']);
    // The warning states the values used: 10 for the node itself, never the remote default.
    expect(r.diagnostics[0]!.message).toMatch(/\b10\b/);
    expect(r.diagnostics[0]!.message).not.toMatch(/\b20\b/);
  });
});
