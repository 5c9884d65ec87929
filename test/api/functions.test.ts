/**
 * The "Functions" table of docs/api.md, claim by claim, against the sources and the installed
 * package: each documented export exists with the documented kind, and does what its row says
 * (schema a new object each call, the code and key lists frozen, codeInfo of anything else
 * undefined, normalize the same as check, readHost's three forms, plan pure, LineIndex's line ends),
 * and where findings without a place in a text are (docs/api.md "Diagnostics and positions").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT_MS, implementations, type Lib } from '../package/impls.js';

const API = readFileSync(join(import.meta.dirname, '../../docs/api.md'), 'utf8');
const HOST = { nodes: [{ id: 0, cpus: [0, 1], memory_mib: 4096, free_mib: 4096, distances: { '0': 10 } }] };
const TEXT = 'name = "a"\nkernel = "/k"\nmemory = 512\nvcpus = 2\n';
const codes = (r: { diagnostics: { code: string }[] }): string[] => r.diagnostics.map((d) => d.code);

/** The names the Functions table documents: `parse(text, options?)` → parse, `new LineIndex(text)` → LineIndex. */
function documentedFunctions(): string[] {
  const table = API.slice(API.indexOf('## Functions'), API.indexOf('Options (every field optional'));
  return [...table.matchAll(/^\| (.*?) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`(?:new )?(\w+)\(/g)].map((n) => n[1]!));
}

describe('documentedFunctions', () => {
  it('reads the table', () => {
    expect(documentedFunctions().sort()).toEqual(['LineIndex', 'allCodes', 'check', 'codeInfo', 'normalize', 'optionDoc', 'optionKeys', 'parse', 'plan', 'readHost', 'schema']);
  });
});

for (const impl of implementations()) {
  describe.skipIf(impl.skip)(`docs/api.md functions [${impl.name}]`, () => {
    let x: Lib;
    beforeAll(async () => {
      x = await impl.lib();
    }, LOAD_TIMEOUT_MS);

    it('exports every documented function, and nothing else', () => {
      const lib = x as unknown as Record<string, unknown>;
      expect(Object.keys(lib).sort()).toEqual(documentedFunctions().sort());
      for (const name of documentedFunctions()) expect(typeof lib[name], name).toBe('function');
    });

    it('schema(): a new object each call, so a caller’s edit does not leak', () => {
      const a = x.schema() as { properties: Record<string, unknown> };
      expect(x.schema()).not.toBe(a);
      delete a.properties['memory'];
      expect((x.schema() as { properties: Record<string, unknown> }).properties['memory']).toBeTypeOf('object');
    });

    it('allCodes() and optionKeys(): frozen lists; codeInfo and optionDoc of anything else: undefined', () => {
      expect(Object.isFrozen(x.allCodes())).toBe(true);
      expect(x.allCodes().every((c) => Object.isFrozen(c))).toBe(true);
      expect(Object.isFrozen(x.optionKeys())).toBe(true);
      expect(x.codeInfo('XM0101')).toBe(x.allCodes().find((c) => c.code === 'XM0101'));
      for (const c of ['XM9999', '', 'memory', 5, undefined, null]) expect(x.codeInfo(c as never)).toBeUndefined();
      expect(x.optionKeys()).toContain('memory');
      expect(x.optionDoc('memory')).toMatchObject({ key: 'memory', type: 'integer' });
      expect(x.optionDoc('memroy')).toBeUndefined();
    });

    it('normalize: the same result as check', () => {
      expect(x.normalize(TEXT)).toEqual(x.check(TEXT));
      expect(x.normalize('memroy = 1\n', { dialect: 'xm' })).toEqual(x.check('memroy = 1\n', { dialect: 'xm' }));
    });

    it('readHost: an object or JSON text, xl info -n text, a sysfs tree; host null when it cannot be used', () => {
      expect(x.readHost(HOST).host?.nodes).toHaveLength(1);
      expect(x.readHost(JSON.stringify(HOST)).host?.nodes).toHaveLength(1);
      for (const [input, options] of [
        ['garbage', { format: 'xl-info' }],
        ['', { format: 'sysfs', root: '/nonexistent-xmcfg-root' }],
        ['{', {}],
        [Buffer.from(JSON.stringify(HOST)), {}],
      ] as const) {
        const r = x.readHost(input as never, options as never);
        expect(r.host, JSON.stringify(options)).toBeNull();
        expect(codes(r)).toContain('XM0401');
      }
    });

    it('findings about a host, in any form, or about a config object given to plan are at 1:1-1:1; 20 host problems listed, then one count', () => {
      const at = (r: { diagnostics: { line: number; column: number; endLine: number; endColumn: number }[] }) => [...new Set(r.diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`))];
      expect(at(x.readHost('garbage\nmore garbage\n', { format: 'xl-info' }))).toEqual(['1:1-1:1']);
      expect(at(x.readHost('{\n "nodes": [\n {"id": 0}\n]}'))).toEqual(['1:1-1:1']);
      expect(at(x.plan({ memory: 'x' } as never, HOST))).toEqual(['1:1-1:1']);
      const many = x.readHost({ nodes: Array.from({ length: 30 }, (_, id) => ({ id })) });
      expect(codes(many)).toEqual(Array.from({ length: 21 }, () => 'XM0401'));
    });

    it('plan: pure, its inputs neither kept nor changed', () => {
      const config = x.check(TEXT).config;
      const host = x.readHost(HOST).host!;
      const before = JSON.stringify([config, host]);
      const r = x.plan(config, host);
      expect(r.plan?.vcpus).toHaveLength(2);
      expect(JSON.stringify([config, host])).toBe(before);
      expect(x.plan(config, host)).toEqual(r);
    });

    it('LineIndex: 1-based lines and UTF-16 columns; LF, CRLF and CR end lines', () => {
      const lines = new x.LineIndex('a\r\nb\rc\nd😀e');
      expect([3, 5, 7].map((o) => lines.position(o))).toEqual([
        { line: 2, column: 1 },
        { line: 3, column: 1 },
        { line: 4, column: 1 },
      ]);
      expect(lines.offset(4, 1)).toBe(7);
      expect(lines.range({ start: 8, end: 10 })).toEqual({ line: 4, column: 2, endLine: 4, endColumn: 4 });
    });
  });
}
