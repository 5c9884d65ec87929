import { describe, expect, it } from 'vitest';
import { placementFindings, type SpanMap } from '../../src/placement/findings.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

const spans: SpanMap = new Map([
  ['/numa', { key: { start: 10, end: 18 }, value: { start: 21, end: 24 } }],
  ['/cpus', { key: { start: 30, end: 34 }, value: { start: 37, end: 42 } }],
  ['/memory', { key: { start: 50, end: 56 }, value: { start: 59, end: 64 } }],
]);

describe('placementFindings', () => {
  it('a listed node the host lacks: XM0402 at the numa value', () => {
    const d = placementFindings(cfg({ numa: { mode: 'nodes', nodes: [0, 3], node_count: 2 } }), spans, fixtureHost('two-node.json'));
    expect(d.map((x) => [x.code, x.span])).toEqual([['XM0402', { start: 21, end: 24 }]]);
  });

  it('not enough memory on the requested nodes: XM0403', () => {
    const d = placementFindings(cfg({ memory: 30000, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), spans, fixtureHost('two-node.json'));
    expect(d.map((x) => [x.code, x.span])).toEqual([['XM0403', { start: 21, end: 24 }]]);
  });

  it('no NUMA keys and too little memory on the host: XM0404 at memory', () => {
    const d = placementFindings(cfg({ memory: 90000 }), spans, fixtureHost('two-node.json'));
    expect(d.map((x) => [x.code, x.span])).toEqual([['XM0404', { start: 59, end: 64 }]]);
  });

  it('numa off and more memory than the host has free: XM0404 at memory, not at numa = "off"', () => {
    const d = placementFindings(cfg({ memory: 90000, numa: { mode: 'off' } }), spans, fixtureHost('two-node.json'));
    expect(d.map((x) => [x.code, x.span])).toEqual([['XM0404', { start: 59, end: 64 }]]);
  });

  it('numanodes above the host node count: XM0404', () => {
    expect(placementFindings(cfg({ numa: { mode: 'auto', node_count: 3 } }), spans, fixtureHost('two-node.json')).map((x) => x.code)).toEqual(['XM0404']);
  });

  it('cpus outside the listed nodes: XM0405 at cpus, related to numa', () => {
    const d = placementFindings(cfg({ cpus: cpus('0-3'), numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), spans, fixtureHost('two-node.json'));
    expect(d.map((x) => [x.code, x.span])).toEqual([['XM0405', { start: 37, end: 42 }]]);
    expect(d[0]!.related![0]!.span).toEqual({ start: 21, end: 24 });
  });

  it('a listed node without CPUs: cpus on its nearest CPUs are what the plan pins, not XM0405', () => {
    const host = {
      nodes: [
        { id: 0, cpus: [0, 1], memory_mib: 8192, free_mib: 8192, distances: { '0': 10, '4': 20 } },
        { id: 4, cpus: [], memory_mib: 8192, free_mib: 8192, distances: { '0': 20, '4': 10 } },
      ],
    };
    expect(placementFindings(cfg({ memory: 1024, cpus: cpus('0-1'), numa: { mode: 'nodes', nodes: [4], node_count: 1 } }), spans, host).map((x) => x.code)).toEqual(['XM0406']);
  });

  it('XM0406 for a CPU-less node numanode lists is at the numanode value; for one the policy chose, and for overcommit, at vcpus', () => {
    const host = {
      nodes: [
        { id: 0, cpus: [0, 1], memory_mib: 8192, free_mib: 2048, distances: { '0': 10, '4': 20 } },
        { id: 4, cpus: [], memory_mib: 8192, free_mib: 8192, distances: { '0': 20, '4': 10 } },
      ],
    };
    const at = new Map([...spans, ['/vcpus', { key: { start: 70, end: 75 }, value: { start: 78, end: 79 } }]]);
    const listed = placementFindings(cfg({ memory: 1024, numa: { mode: 'nodes', nodes: [4], node_count: 1 } }), at, host);
    expect(listed.map((x) => [x.code, x.span])).toEqual([['XM0406', { start: 21, end: 24 }]]);
    // numanodes = 2: the policy takes node 4 for its memory; the config named no node.
    const chosen = placementFindings(cfg({ memory: 4096, numa: { mode: 'auto', node_count: 2 } }), at, host);
    expect(chosen.map((x) => [x.code, x.span])).toEqual([['XM0406', { start: 78, end: 79 }]]);
    const over = placementFindings(cfg({ memory: 1024, vcpus: 4, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), at, host);
    expect(over.map((x) => [x.code, x.span])).toEqual([['XM0406', { start: 78, end: 79 }]]);
  });

  it('some CPUs the host does not have: XM0416 warning (XM0405 is the error of cpus outside the nodes); spans fall back to 0,0', () => {
    const d = placementFindings(cfg({ cpus: cpus('0-99') }), undefined, fixtureHost('two-node.json'));
    expect(d.map((x) => [x.code, x.severity, x.span])).toEqual([['XM0416', 'warning', { start: 0, end: 0 }]]);
  });

  it('only CPUs the host does not have: XM0405 error at cpus (an empty affinity: xl create fails), in every NUMA mode', () => {
    for (const numa of [undefined, { mode: 'off' as const }, { mode: 'auto' as const, node_count: 1 }, { mode: 'nodes' as const, nodes: [1], node_count: 1 }]) {
      const d = placementFindings(cfg({ cpus: cpus('100-101'), ...(numa ? { numa } : {}) }), spans, fixtureHost('two-node.json'));
      expect(d.map((x) => [x.code, x.severity, x.span])).toEqual([['XM0405', 'error', { start: 37, end: 42 }]]);
    }
  });

  it('a guest that fits has no findings', () => {
    expect(placementFindings(cfg({ numa: { mode: 'nodes', nodes: [1], node_count: 1 }, cpus: cpus('4-5') }), spans, fixtureHost('two-node.json'))).toEqual([]);
  });
});

describe('placementFindings with the normaliser span record', () => {
  it('reads a plain record and points numanodes errors at node_count', () => {
    const record = { '/numa': { key: { start: 0, end: 4 }, value: { start: 7, end: 9 } }, '/numa/node_count': { key: { start: 10, end: 19 }, value: { start: 22, end: 23 } } };
    const d = placementFindings(cfg({ numa: { mode: 'auto', node_count: 3 } }), record, fixtureHost('two-node.json'));
    expect(d.map((x) => [x.code, x.span])).toEqual([['XM0404', { start: 22, end: 23 }]]);
  });
});

describe('placementFindings on real config text (checkText)', () => {
  it('points at the numanode entry the host lacks and at the cpus value', async () => {
    const { checkText } = await import('../../src/check/check.js');
    const text = 'name = "web"\nmemory = 2048\nnumanode = "0,3"\n';
    const r = checkText(text, { dialect: 'xm' });
    const d = placementFindings(r.config as never, r.spans as never, fixtureHost('two-node.json'));
    expect(d.map((x) => x.code)).toEqual(['XM0402']);
    // The entry, as XM0305 points at a repeated one: in a long list the whole value says little.
    expect(d[0]!.span).toEqual({ start: text.indexOf('3"'), end: text.indexOf('3"') + 1 });
    const list = 'name = "web"\nmemory = 2048\nnumanode = [0, 1, 7, 9]\n';
    const rl = checkText(list, { dialect: 'xl' });
    const dl = placementFindings(rl.config as never, rl.spans as never, fixtureHost('two-node.json'));
    expect(dl.map((x) => [x.code, list.slice(x.span.start, x.span.end)])).toEqual([['XM0402', '7']]);
    const range = 'name = "web"\nmemory = 2048\nnumanode = "1-3"\n';
    const rr = checkText(range, { dialect: 'xl' });
    const dr = placementFindings(rr.config as never, rr.spans as never, fixtureHost('two-node.json'));
    expect(dr.map((x) => [x.code, range.slice(x.span.start, x.span.end)])).toEqual([['XM0402', '1-3']]);
    const text2 = 'name = "web"\nmemory = 2048\nnumanode = 1\ncpus = "0-3"\n';
    const r2 = checkText(text2, { dialect: 'xl' });
    const d2 = placementFindings(r2.config as never, r2.spans as never, fixtureHost('two-node.json'));
    expect(d2.map((x) => x.code)).toEqual(['XM0405']);
    expect(text2.slice(d2[0]!.span.start, d2[0]!.span.end)).toBe('"0-3"');
  });
});
