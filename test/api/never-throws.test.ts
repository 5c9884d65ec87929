/**
 * docs/api.md's "Errors" promise, tried with generated input against the sources: any string as a
 * config text, and any JavaScript value as a config text, a host, the config given to plan or any
 * function's options, comes back as a result whose diagnostics have a code and a position inside
 * the text, never as a throw (decision 066; test/library/hostile-input.test.ts tries Proxies,
 * throwing getters and cycles).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCodes, check, codeInfo, normalize, optionKeys, parse, plan, readHost, type JsonDiagnostic } from '../../src/index.js';

const HOST = { nodes: [{ id: 0, cpus: [0, 1], memory_mib: 4096, free_mib: 4096, distances: { '0': 10 } }] };

/** Each diagnostic has a registered-looking code and a range that lies inside a text of `lines` lines. */
function wellFormed(diags: JsonDiagnostic[], lines: number): void {
  for (const d of diags) {
    expect(d.code).toMatch(/^XM\d{4}$/);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.endLine).toBeLessThanOrEqual(lines);
    expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
  }
}

/** Text that looks a little like a config: keys, operators, quotes, brackets, line breaks. */
const configish = fc
  .array(fc.constantFrom('memory', 'vcpus', 'numa', ' = ', '+=', '"', "'", '[', ']', '(', ')', ',', '\n', '\r\n', '#', '1', '-', 'x', '\\', '\u00e9', '\ud83d', 'def', ':'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('the library never throws on user input', () => {
  it('any text, checked, normalised or parsed, gives positioned diagnostics', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), configish), fc.constantFrom('auto', 'xl', 'xm') as fc.Arbitrary<'auto' | 'xl' | 'xm'>, (text, dialect) => {
        const lines = text.split(/\r\n|\r|\n/).length;
        wellFormed(check(text, { dialect, host: HOST }).diagnostics, lines);
        wellFormed(normalize(text, { dialect }).diagnostics, lines);
        wellFormed(parse(text, { dialect }).diagnostics, lines);
      }),
      { numRuns: 150 },
    );
  });

  it('any value as a host or as the config given to plan gives a result', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const h = readHost(a as object);
        expect(h.host === null || Array.isArray(h.host.nodes)).toBe(true);
        wellFormed(h.diagnostics, typeof a === 'string' ? a.split(/\r\n|\r|\n/).length : 1);
        const p = plan(b as never, HOST);
        wellFormed(p.diagnostics, 1);
        const q = plan({ memory: 512 }, a as never);
        wellFormed(q.diagnostics, 1);
        wellFormed(check('memory = 512\n', { host: a as never }).diagnostics, 2);
      }),
      { numRuns: 200 },
    );
  });

  it('any value as the config text or the options of parse, check, normalize and readHost gives a result; one outside its type is XM0111', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.record({ dialect: fc.anything(), maxFindings: fc.anything(), defines: fc.anything(), format: fc.anything() }, { requiredKeys: [] }), (text, a, b) => {
        const lines = typeof text === 'string' ? text.split(/\r\n|\r|\n/).length : 1;
        for (const options of [a, b]) {
          for (const f of [parse, check, normalize]) {
            const r = f(text as string, options as never);
            wellFormed(r.diagnostics, lines);
            if (typeof text !== 'string') expect(r.diagnostics.map((d) => d.code)).toEqual(r.diagnostics.map(() => 'XM0111'));
          }
          const h = readHost(HOST, options as never);
          wellFormed(h.diagnostics, 1);
          if (h.host === null) expect(h.diagnostics.map((d) => d.code)).toContain('XM0111');
        }
      }),
      { numRuns: 200 },
    );
  });

  it("any value as plan's options gives a result; one of the wrong kind is XM0413 and no plan", () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ policy: fc.anything(), affinity: fc.anything(), cursor: fc.anything(), dialect: fc.anything() }, { requiredKeys: [] }), (a, b) => {
        for (const options of [a, b]) {
          const r = plan({ memory: 512 }, HOST, options as never);
          wellFormed(r.diagnostics, 1);
          if (r.plan === null) expect(r.diagnostics.map((d) => d.code)).toContain('XM0413');
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a config's vnuma or builder of the wrong kind is XM0413, not read as none (the guest was placed as automatic)", () => {
    for (const bad of [{ vnuma: 5 }, { vnuma: [{ pnode: 'x', size: 512, vcpus: [0] }] }, { vnuma: [null] }, { builder: 5 }]) {
      const r = plan({ memory: 512, ...bad } as never, HOST);
      expect([r.plan, r.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0413']]);
    }
    expect(plan({ memory: 512, vnuma: [{ pnode: 0, size: 512, vcpus: [0] }], builder: 'hvm' }, HOST).plan?.nodes).toEqual([0]);
  });

  it('a host with each required field missing in turn is XM0401 from readHost, plan and check', () => {
    const node = HOST.nodes[0]!;
    // distances may be left out: the SLIT defaults (10 local, 20 remote) stand in (docs/placement.md).
    expect(readHost({ nodes: [{ ...node, distances: undefined }] }).diagnostics).toEqual([]);
    for (const field of ['id', 'cpus', 'memory_mib', 'free_mib']) {
      const broken = { nodes: [Object.fromEntries(Object.entries(node).filter(([k]) => k !== field))] };
      expect(readHost(broken).diagnostics.map((d) => d.code)).toContain('XM0401');
      expect(plan({ memory: 512 }, broken as never).diagnostics.map((d) => d.code)).toContain('XM0401');
      expect(check('memory = 512\n', { host: broken as never }).diagnostics.map((d) => d.code)).toContain('XM0401');
    }
  });

  it('a host read as bytes (readFileSync without an encoding) is one XM0401, not one per property of a Buffer', () => {
    const bytes = [Buffer.from(JSON.stringify(HOST)), new TextEncoder().encode(JSON.stringify(HOST))];
    for (const b of bytes) {
      for (const r of [readHost(b), plan({ memory: 512 }, b as never), check('memory = 512\n', { host: b as never })]) {
        const found = r.diagnostics.filter((d) => d.code === 'XM0401');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 1 });
        expect(found[0]!.hint).toBeTypeOf('string');
      }
    }
  });

  it('codeInfo takes any value, and the registry and option list it shares cannot be edited by a caller', () => {
    for (const v of [5, null, undefined, {}, Symbol.iterator]) expect(codeInfo(v as unknown as string)).toBeUndefined();
    expect(codeInfo('xm0101')?.code).toBe('XM0101');
    // ES modules are strict: writing to a frozen object throws, and the registry is unchanged.
    const severity = codeInfo('XM0101')?.severity;
    expect(() => {
      (codeInfo('XM0101') as { severity: string }).severity = severity === 'info' ? 'error' : 'info';
    }).toThrow(TypeError);
    expect(codeInfo('XM0101')?.severity).toBe(severity);
    expect(() => (allCodes() as unknown[]).pop()).toThrow(TypeError);
    expect(() => (optionKeys() as string[]).push('bogus')).toThrow(TypeError);
    expect(optionKeys()).not.toContain('bogus');
  });
});
