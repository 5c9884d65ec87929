/**
 * XM0415 follows Xen's per-type vCPU limit: x86 arch_sanitise_domain_config() refuses
 * max_vcpus above HVM_MAX_VCPUS (128) for HVM and PVH domains, above MAX_VIRT_CPUS (8192) for PV.
 */
import { describe, it, expect } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig } from '../../src/placement/types.js';

const HOST: Host = { nodes: [{ id: 0, cpus: [0, 1, 2, 3], memory_mib: 65536, free_mib: 65536, distances: { '0': 10 } }] } as Host;

const CASES: [string, PlacementConfig, boolean][] = [
  ['hvm, 128 vCPUs', { type: 'hvm', memory: 512, vcpus: 128 }, false],
  ['hvm, maxvcpus 129', { type: 'hvm', memory: 512, vcpus: 2, maxvcpus: 129 }, true],
  ['pvh, 129 vCPUs', { type: 'pvh', memory: 512, vcpus: 129 }, true],
  ['builder hvm, maxvcpus 200', { builder: 'hvm', memory: 512, maxvcpus: 200 }, true],
  ['pv, 8192 vCPUs', { type: 'pv', memory: 512, vcpus: 8192 }, false],
  ['pv (default), maxvcpus 8193', { memory: 512, maxvcpus: 8193 }, true],
];

describe('XM0415 per guest type', () => {
  it.each(CASES)('%s', (_name, cfg, refused) => {
    const r = plan(cfg, HOST);
    expect(r.diagnostics.some((d) => d.code === 'XM0415')).toBe(refused);
    if (refused) expect(r.plan).toBeNull();
  });
});

describe('maxvcpus = 0 is "as many as vcpus" (xl parse_config_data, xm create.py)', () => {
  it('plans the vcpus', () => {
    expect(plan({ type: 'hvm', memory: 512, vcpus: 3, maxvcpus: 0 }, HOST).plan?.vcpus).toHaveLength(3);
  });
});
