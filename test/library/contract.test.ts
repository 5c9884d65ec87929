/**
 * The library's input contract (src/index.ts, decision 066): every argument is user input and none
 * makes a function throw: a config that is neither text nor bytes, options that are not an object
 * and an option value outside its type are XM0111 (plan's: XM0413) and the stage does not run;
 * undefined and null options mean the defaults. test/library/hostile-input.test.ts tries every
 * function with hostile JavaScript values.
 */
import { describe, expect, it } from 'vitest';
import { check, normalize, parse, plan, readHost, type Host, type JsonDiagnostic } from '../../src/index.js';

const HOST: Host = { nodes: [{ id: 0, cpus: [0, 1], memory_mib: 4096, free_mib: 4096, distances: { '0': 10 } }] };
const TEXT = 'name = "a"\nkernel = "/k"\nmemory = 512\nvcpus = 2\n';
const codes = (r: { diagnostics: { code: string }[] }): string[] => r.diagnostics.map((d) => d.code);

describe('arguments outside their type are findings, not exceptions', () => {
  // A Buffer or Uint8Array is the file's bytes, decoded as the CLI reads a file (docs/api.md).
  const notText: unknown[] = [undefined, null, 42, {}, [], [109], new String('memory = 1'), new ArrayBuffer(4), new Uint16Array(2)];
  it.each(['parse', 'check', 'normalize'] as const)('%s: a config that is neither text nor bytes is one XM0111 at 1:1, nothing checked', (fn) => {
    const f = { parse, check, normalize }[fn] as (t: unknown) => { diagnostics: JsonDiagnostic[] };
    for (const t of notText) {
      const r = f(t);
      expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'XM0111', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1 })]);
      expect(r.diagnostics[0]!.message).toMatch(/^the config text must be a string or the file's bytes/u);
    }
    // The result keeps its shape: an empty config (check, normalize) or an empty tree (parse).
    expect(check(42 as never).config).toEqual({});
    expect(parse(42 as never).settings).toEqual([]);
  });

  it.each(['parse', 'check', 'normalize'] as const)('%s: the bytes of a file are read as its text', (fn) => {
    const f = { parse, check, normalize }[fn] as (t: unknown, o: unknown) => { diagnostics: unknown[] };
    for (const b of [Buffer.from(TEXT), new TextEncoder().encode(TEXT)]) expect(f(b, { dialect: 'xl' }).diagnostics).toEqual(f(TEXT, { dialect: 'xl' }).diagnostics);
  });

  it('options that are not an object, and option values outside their type, are XM0111 naming them', () => {
    const cases: [string, { diagnostics: JsonDiagnostic[] }][] = [
      ['options', check(TEXT, 'xl' as never)],
      ['options.dialect', check(TEXT, { dialect: 'bogus' as never })],
      ['options.dialect', parse(TEXT, { dialect: 5 as never })],
      ['options.dialect', normalize(TEXT, { dialect: 'XL' as never })],
      ['options.format', readHost('{}', { format: 'yaml' as never })],
    ];
    for (const [field, r] of cases) {
      expect(codes(r), field).toEqual(['XM0111']);
      expect(r.diagnostics[0]!.message.startsWith(`${field} `), r.diagnostics[0]!.message).toBe(true);
      expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 1 });
    }
    expect(readHost(HOST, { format: 'yaml' as never }).host).toBeNull();
  });

  it("plan's options are user input too: one outside its type is XM0413 and no plan, not a throw", () => {
    for (const o of [{ policy: 'worst' }, { affinity: 'loose' }, 'xl', [1]]) {
      const r = plan({ memory: 512 }, HOST, o as never);
      expect(r.plan).toBeNull();
      expect(codes(r)).toEqual(['XM0413']);
    }
  });

  it('undefined and null options are the defaults; unknown option names are ignored', () => {
    const base = check(TEXT);
    expect(check(TEXT, null)).toEqual(base);
    expect(check(TEXT, { nonsense: 1 } as never)).toEqual(base);
    expect(parse(TEXT, null).diagnostics).toEqual(parse(TEXT).diagnostics);
    expect(normalize(TEXT, null)).toEqual(normalize(TEXT));
    expect(readHost(HOST, null)).toEqual(readHost(HOST));
    expect(plan({ memory: 512 }, HOST, null)).toEqual(plan({ memory: 512 }, HOST));
  });
});

describe('a config object given to plan is user input', () => {
  it('plan inputs that are not values of the normalised config are XM0413, not a throw or a default', () => {
    const bad: unknown[] = [
      null,
      'memory = 512',
      [],
      { numa: { mode: 'nodes' } },
      { numa: { mode: 'nodes', nodes: '0' } },
      { numa: 'on' },
      { numa: { mode: 'auto', node_count: 0 } },
      { memory: 'x' },
      { memory: -5 },
      { vcpus: '2' },
      { cpus: 5 },
      { type: 5 },
    ];
    for (const c of bad) {
      const r = plan(c as never, HOST);
      expect(r.plan).toBeNull();
      expect(codes(r)).toContain('XM0413');
      expect(() => JSON.stringify(r)).not.toThrow();
    }
  });

  it('a valid config is planned as before', () => {
    const r = plan(check(TEXT).config, HOST);
    expect(r.plan?.vcpus).toHaveLength(2);
    expect(codes(r)).toEqual([]);
  });

  it('more vCPUs than a Xen domain may have is XM0415, without building a billion-entry plan', () => {
    const r = plan({ memory: 512, vcpus: 2, maxvcpus: 1e9 }, HOST);
    expect(r.plan).toBeNull();
    expect(codes(r)).toEqual(['XM0415']);
    expect(plan({ memory: 512, vcpus: 8192 }, HOST).plan?.vcpus).toHaveLength(8192);
  });

  it('check with a host reports XM0415 at the maxvcpus value', () => {
    const text = `${TEXT}maxvcpus = 1000000000\n`;
    const d = check(text, { host: HOST }).diagnostics.find((x) => x.code === 'XM0415');
    expect(d).toMatchObject({ severity: 'error', line: 5, column: 12, endLine: 5, endColumn: 22 });
  });
});

describe('host input is user input', () => {
  it('odd hosts come back as XM0401, never a throw', () => {
    for (const h of [null, 42, '', 'garbage', [], {}, { nodes: 'x' }, { nodes: [null] }, { nodes: [{ id: '0' }] }]) {
      const r = readHost(h as never);
      expect(r.host).toBeNull();
      expect(codes(r)).toContain('XM0401');
      const p = plan({}, h as never);
      expect(p.plan).toBeNull();
      expect(codes(p)).toContain('XM0401');
    }
  });
});

describe('results are plain data', () => {
  /** Paths below `v` holding an object that is neither a plain object nor an array. */
  function instances(v: unknown, path = '$'): string[] {
    if (v === null || typeof v !== 'object') return [];
    const proto = Object.getPrototypeOf(v);
    const here = proto === Object.prototype || proto === Array.prototype || proto === null ? [] : [`${path}: ${proto?.constructor?.name}`];
    return [...here, ...Object.entries(v).flatMap(([k, x]) => instances(x, `${path}.${k}`))];
  }

  it('parse, check, readHost and plan return no class instances, and JSON keeps them whole', () => {
    const text = 'name = "é😀"\nmemory = 512\nnumanode = 0,1\nx = (1, 2)\n';
    const p = parse(text);
    const c = check(text);
    const h = readHost(HOST);
    const results = [p, c, normalize(text), h, plan(c.config, HOST)];
    for (const r of results) {
      expect(instances(r)).toEqual([]);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
    expect(p.tree.tokens.kinds).toHaveLength(p.tree.tokens.count);
    expect(p.tree.tokens.ends.at(-1)).toBe(text.length);
  });
});
