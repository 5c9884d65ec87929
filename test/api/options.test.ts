/**
 * The library's options and results as docs/api.md writes them down, run against the sources and
 * the installed package: every option value is checked against its type (XM0111 naming the option,
 * nothing checked, not a throw from deep inside a stage or a silent default; of plan's options,
 * XM0413 naming it and no plan, SPEC §7, decision 066), only the documented option names
 * are read (the stages' internal knobs are not reachable), a missing config given to plan is
 * XM0413 as null is, and round-robin plans can be chained through `cursor`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlacementConfig } from '../../src/index.js';
import { LOAD_TIMEOUT_MS, implementations, type Lib } from '../package/impls.js';

const HOST = {
  nodes: [
    { id: 0, cpus: [0, 1], memory_mib: 4096, free_mib: 4096, distances: { '0': 10, '1': 20 } },
    { id: 1, cpus: [2, 3], memory_mib: 4096, free_mib: 4096, distances: { '0': 20, '1': 10 } },
  ],
};
const TEXT = 'name = "a"\nkernel = "/k"\nmemory = 512\nvcpus = 2\n';
const codes = (r: { diagnostics: { code: string }[] }): string[] => r.diagnostics.map((d) => d.code);

for (const impl of implementations()) {
  describe.skipIf(impl.skip)(`library options [${impl.name}]`, () => {
    let x: Lib;
    beforeAll(async () => {
      x = await impl.lib();
    }, LOAD_TIMEOUT_MS);

    it('an option value outside its type is XM0111 naming the option, and nothing else is said (decision 066)', () => {
      const cases: [string, () => { diagnostics: { code: string; message: string }[] }][] = [
        ['maxFindings', () => x.check(TEXT, { maxFindings: 'x' as never })],
        ['maxFindings', () => x.parse(TEXT, { maxFindings: -1 })],
        ['maxFindings', () => x.normalize(TEXT, { maxFindings: 1.5 })],
        ['fileName', () => x.check(TEXT, { fileName: 5 as never })],
        ['defines', () => x.check(TEXT, { defines: 5 as never })],
        ['defines', () => x.parse(TEXT, { defines: [] as never })],
        ['defines', () => x.check(TEXT, { defines: { vmid: {} as never } })],
        ['root', () => x.readHost('', { format: 'sysfs', root: 5 as never })],
        ['dialect', () => x.check(TEXT, { dialect: null as never })],
      ];
      for (const [name, call] of cases) {
        const r = call();
        expect(codes(r), name).toEqual(['XM0111']);
        expect(r.diagnostics[0]!.message, name).toMatch(new RegExp(`^options\\.${name} `));
        expect(r.diagnostics[0], name).toMatchObject({ severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1 });
      }
      // Every wrong option is named, beside a config that is not text.
      expect(codes(x.check(5 as never, { dialect: 'XL' as never, maxFindings: -1 }))).toEqual(['XM0111', 'XM0111', 'XM0111']);
    });

    it("plan's options of the wrong kind are XM0413 naming the option, plan null, never a TypeError (SPEC §7)", () => {
      const cfg: PlacementConfig = { memory: 512, vcpus: 2 };
      const cases: [string, unknown][] = [
        ['policy', { policy: 3 }],
        ['policy', { policy: 'fastest' }],
        ['affinity', { affinity: null }],
        ['affinity', { affinity: 'HARD' }],
        ['cursor', { policy: 'round-robin', cursor: 'x' }],
        ['cursor', { cursor: 1e300 }],
        ['dialect', { dialect: 5 }],
      ];
      for (const [name, options] of cases) {
        const r = x.plan(cfg, HOST, options as never);
        expect([r.plan, codes(r)], name).toEqual([null, ['XM0413']]);
        expect(r.diagnostics[0]!.message, name).toMatch(new RegExp(`^options\\.${name} `));
        expect(r.diagnostics[0], name).toMatchObject({ severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1 });
      }
      // A BigInt is quoted with its `n`: "got 1" for 1n read as if 1 were refused.
      const big = x.plan(cfg, HOST, { policy: 'round-robin', cursor: 1n } as never);
      expect([big.plan, codes(big)]).toEqual([null, ['XM0413']]);
      expect(big.diagnostics[0]!.message).toMatch(/, got 1n\b/);
      // Every wrong option is named, beside a config value of the wrong kind; options that are not an object are one XM0413.
      expect(codes(x.plan({ memory: 'x' } as never, HOST, { policy: 3, affinity: 1 } as never))).toEqual(['XM0413', 'XM0413', 'XM0413']);
      for (const options of [5, 'best', [], true]) expect(codes(x.plan(cfg, HOST, options as never))).toEqual(['XM0413']);
      // Null and undefined options, and undefined option values, are still the defaults.
      for (const options of [null, undefined, { policy: undefined }]) expect(x.plan(cfg, HOST, options as never).plan?.policy).toBe('best');
    });

    it('values of the right type are taken', () => {
      expect(codes(x.check('memory = vmid\n', { dialect: 'xm', defines: { vmid: 3 } }))).not.toContain('XM0050');
      expect(x.check('a = 1\nb = 2\nc = 3\n', { maxFindings: 0 }).diagnostics.filter((d) => d.code === 'XM0101')).toHaveLength(3);
      expect(codes(x.check('memory = 512\n', { dialect: 'xm', fileName: '/etc/xen/web 1.cfg' }))).toContain('XM0234');
    });

    it('the stages’ internal knobs are not options of the library', () => {
      // keepTree: false would hand back an empty tree; divert would swallow settings; listedBy writes the reasons.
      const p = x.parse(TEXT, { keepTree: false, divert: { take: () => true, reset: () => {} } } as never);
      expect(p.tree.tokens.count).toBeGreaterThan(0);
      expect(p.settings.map((s) => s.key)).toEqual(['name', 'kernel', 'memory', 'vcpus']);
      expect(codes(p)).toEqual([]);
      const numa: PlacementConfig = { memory: 512, numa: { mode: 'nodes', nodes: [1], node_count: 1 } };
      const r = x.plan(numa, HOST, { listedBy: 'INJECTED', reservations: 5 } as never);
      expect(r.plan?.nodes).toEqual([1]);
      expect(r.plan?.reasons.some((s) => s.includes('INJECTED'))).toBe(false);
    });

    it('a config that is missing is XM0413 as null is, not a plan of defaults', () => {
      for (const c of [undefined, null]) {
        const r = x.plan(c as never, HOST);
        expect(r.plan).toBeNull();
        expect(codes(r)).toEqual(['XM0413']);
        expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 1 });
      }
    });

    it('round-robin returns the cursor the next plan starts from', () => {
      const cfg = x.check(TEXT).config;
      const first = x.plan(cfg, HOST, { policy: 'round-robin' });
      expect(first.plan?.nodes).toEqual([0]);
      expect(first.cursor).toBe(1);
      const second = x.plan(cfg, HOST, { policy: 'round-robin', cursor: first.cursor });
      expect(second.plan?.nodes).toEqual([1]);
      expect(second.cursor).toBe(0);
      expect(x.plan(cfg, HOST, { policy: 'best' })).not.toHaveProperty('cursor');
    });

    it('with maxFindings, parse and check say how many findings they left out', () => {
      const text = 'a = 1\nb = 2\nc = 3\n';
      const c = x.check(text, { maxFindings: 1 });
      expect(codes(c)).toEqual(['XM0101', 'XM0105']);
      expect(c.omitted).toEqual({ errors: 1, warnings: 2, infos: 0 });
      expect(x.check(text)).not.toHaveProperty('omitted');
      const p = x.parse('a = (\nb = (\nc = (\n', { maxFindings: 1 });
      expect(p.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
      expect(p.omitted?.errors).toBeGreaterThan(0);
    });
  });
}
