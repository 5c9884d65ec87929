/**
 * Every function src/index.ts exports, fed hostile JavaScript values in each argument (decision 066,
 * docs/api.md "Errors"), against the sources and the installed package (dist/index.mjs): nothing
 * throws. A function that returns findings says what was wrong with a finding at 1:1 whose code is
 * the argument's (XM0111 for text and options, XM0401 for a host, XM0413 for plan's config and
 * options) and whose message starts with the argument or field at fault; lookups give undefined, and
 * LineIndex reads what is not a string, offset or span as the empty text, offset 0, line 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT_MS, implementations, type Lib } from '../package/impls.js';

const HOST = { nodes: [{ id: 0, cpus: [0, 1], memory_mib: 4096, free_mib: 4096, distances: { '0': 10 } }] };
const TEXT = 'name = "a"\nkernel = "/k"\nmemory = 512\nvcpus = 2\n';

/** A Proxy that has been revoked: every operation on it throws, `Array.isArray` and `instanceof` included. */
function revoked(): object {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
}

/** A Proxy whose every trap throws. */
function trapping(): object {
  const boom = (): never => {
    throw new Error('trap');
  };
  return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
}

/** An object whose getters (of every name the functions read at the top) throw. */
function throwingGetters(): object {
  const o = {};
  for (const k of ['nodes', 'memory', 'vcpus', 'dialect', 'defines', 'maxFindings', 'fileName', 'host', 'format', 'root', 'policy', 'affinity', 'cursor']) {
    Object.defineProperty(o, k, {
      enumerable: true,
      get() {
        throw new Error(`getter ${k}`);
      },
    });
  }
  return o;
}

/** An object that holds itself, under names the functions read. */
function cyclic(): object {
  const o: Record<string, unknown> = {};
  o['nodes'] = [o];
  o['vnuma'] = [o];
  o['self'] = o;
  return o;
}

/** Objects nested 10,000 deep (a recursive copy or validator would run out of stack). */
function deep(): object {
  let o: object = {};
  for (let i = 0; i < 10_000; i++) o = { nodes: [o], vnuma: [o] };
  return o;
}

/**
 * What a hostile value is, for what a function says of it: `absent` (undefined), `null`, `number` (a
 * whole number), `primitive` (other non-objects), `string`, `array`, `unreadable` (a Proxy or getter
 * that throws), `tangled` (an object with a cycle or nesting below it), `object` (a readable object
 * holding nothing a function reads), `bytes` (a typed array).
 */
type Tag = 'absent' | 'null' | 'number' | 'primitive' | 'string' | 'array' | 'unreadable' | 'tangled' | 'object' | 'bytes';

/** The hostile values, each made afresh for every call (a function may not keep what it was given). */
const HOSTILE: [string, Tag, () => unknown][] = [
  ['undefined', 'absent', () => undefined],
  ['null', 'null', () => null],
  ['a number', 'number', () => 42],
  ['NaN', 'primitive', () => Number.NaN],
  ['a boolean', 'primitive', () => true],
  ['a string', 'string', () => 'memory = 512'],
  ['a BigInt', 'primitive', () => 1n],
  ['a symbol', 'primitive', () => Symbol('x')],
  ['a function', 'primitive', () => () => 1],
  ['an array', 'array', () => [1, 2]],
  ['a sparse array of 2^32-1 holes', 'array', () => new Array(2 ** 32 - 1)],
  ['a revoked Proxy', 'unreadable', revoked],
  ['a Proxy whose traps throw', 'unreadable', trapping],
  ['an object whose getters throw', 'unreadable', throwingGetters],
  ['a cyclic object', 'tangled', cyclic],
  ['an object nested 10,000 deep', 'tangled', deep],
  ['a Uint16Array', 'bytes', () => new Uint16Array(4)],
  ['a Date', 'object', () => new Date(0)],
];

/** What a result says of a hostile argument: the code, and what its message starts with (the argument or a field of it). */
interface Said {
  code: string;
  field: RegExp;
}

/** One argument of one function: how to call the function with a value there, and what it says of it (null: nothing, the value is taken). */
interface Slot {
  name: string;
  call: (x: Lib, v: unknown) => unknown;
  says: (tag: Tag) => Said | null;
}

const said = (code: string, field: RegExp) => ({ code, field });
const TEXT_SAID = (tag: Tag): Said | null => (tag === 'string' ? null : said('XM0111', /^the config text must be /u));
/** Options as a whole: undefined and null are the defaults; an object without the names read is too. */
const optionsSaid = (code: string) => (tag: Tag): Said | null => (['absent', 'null', 'object', 'tangled', 'bytes'].includes(tag) ? null : said(code, /^options[ .]/u));
/** One option: every value but undefined is outside its type, but a whole number for a count and a plain object for defines. */
const optionSaid = (code: string, name: string, takes: Tag[] = []) => (tag: Tag): Said | null => (tag === 'absent' || takes.includes(tag) ? null : said(code, new RegExp(`^options\\.${name}\\b`, 'u')));
const HOST_SAID = said('XM0401', /^invalid host topology: (host|the host|nodes|self|vnuma|memory)\b/u);

const SLOTS: Slot[] = [
  { name: 'parse(text)', call: (x, v) => x.parse(v as string), says: TEXT_SAID },
  { name: 'check(text)', call: (x, v) => x.check(v as string), says: TEXT_SAID },
  { name: 'normalize(text)', call: (x, v) => x.normalize(v as string), says: TEXT_SAID },
  { name: 'parse(_, options)', call: (x, v) => x.parse(TEXT, v as never), says: optionsSaid('XM0111') },
  { name: 'check(_, options)', call: (x, v) => x.check(TEXT, v as never), says: optionsSaid('XM0111') },
  { name: 'normalize(_, options)', call: (x, v) => x.normalize(TEXT, v as never), says: optionsSaid('XM0111') },
  { name: 'check(_, { dialect })', call: (x, v) => x.check(TEXT, { dialect: v as never }), says: optionSaid('XM0111', 'dialect') },
  { name: 'parse(_, { defines })', call: (x, v) => x.parse(TEXT, { defines: v as never }), says: optionSaid('XM0111', 'defines', ['object']) },
  { name: 'check(_, { maxFindings })', call: (x, v) => x.check(TEXT, { maxFindings: v as never }), says: optionSaid('XM0111', 'maxFindings', ['number']) },
  { name: 'check(_, { host })', call: (x, v) => x.check(TEXT, { host: v as never }), says: (tag) => (tag === 'absent' || tag === 'null' ? null : HOST_SAID) },
  { name: 'readHost(input)', call: (x, v) => x.readHost(v as never), says: (tag) => (tag === 'string' ? said('XM0401', /^host JSON does not parse/u) : HOST_SAID) },
  { name: 'readHost(_, options)', call: (x, v) => x.readHost(HOST, v as never), says: optionsSaid('XM0111') },
  // A readable object holding none of the keys plan reads is a guest of defaults, as {} is.
  { name: 'plan(config)', call: (x, v) => x.plan(v as never, HOST), says: (tag) => (tag === 'object' ? null : said('XM0413', /^(the config given to plan|vnuma|memory|vcpus)\b/u)) },
  { name: 'plan(_, host)', call: (x, v) => x.plan({ memory: 512 }, v as never), says: () => HOST_SAID },
  { name: 'plan(_, _, options)', call: (x, v) => x.plan({ memory: 512 }, HOST, v as never), says: optionsSaid('XM0413') },
  { name: 'plan(_, _, { policy })', call: (x, v) => x.plan({ memory: 512 }, HOST, { policy: v as never }), says: optionSaid('XM0413', 'policy') },
];

/** The findings of a result, checked: each at 1:1-1:1 when it is about an argument; the codes. */
function diagnosticsOf(r: unknown): { code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] {
  expect(r).toHaveProperty('diagnostics');
  return (r as { diagnostics: never[] }).diagnostics;
}

for (const impl of implementations()) {
  describe.skipIf(impl.skip)(`hostile arguments [${impl.name}]`, () => {
    let x: Lib;
    beforeAll(async () => {
      x = await impl.lib();
    }, LOAD_TIMEOUT_MS);

    describe.each(SLOTS.map((s) => [s.name, s] as const))('%s', (_, slot) => {
      it.each(HOSTILE)('%s: a result, never a throw; a refused value is a finding at 1:1 naming it', (_name, tag, make) => {
        let r: unknown;
        expect(() => (r = slot.call(x, make()))).not.toThrow();
        const said = slot.says(tag);
        const diags = diagnosticsOf(r);
        // Plain data: a result can be sent as JSON (a Proxy or a cycle of the input would not be).
        expect(() => JSON.stringify(r)).not.toThrow();
        if (said === null) {
          expect(diags.filter((d) => d.line === 1 && d.column === 1 && ['XM0111', 'XM0401', 'XM0413'].includes(d.code))).toEqual([]);
          return;
        }
        const about = diags.filter((d) => d.code === said.code && said.field.test(d.message));
        expect(about.length, `${said.code} ${said.field} in ${JSON.stringify(diags.map((d) => [d.code, d.message]))}`).toBeGreaterThan(0);
        for (const d of about) expect(d).toMatchObject({ severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1 });
        // An argument outside its type stops the stage: nothing it would have said on a default is said.
        if (said.code === 'XM0111') expect(new Set(diags.map((d) => d.code))).toEqual(new Set(['XM0111']));
        if ('plan' in (r as object)) expect((r as { plan: unknown }).plan).toBeNull();
        if ('host' in (r as object) && said.code !== 'XM0413') expect((r as { host: unknown }).host).toBeNull();
      });
    });

    it.each(HOSTILE)('lookups, schema and LineIndex take %s without throwing', (_name, _tag, make) => {
      expect(x.codeInfo(make() as string)).toBeUndefined();
      expect(x.optionDoc(make() as string)).toBeUndefined();
      for (const f of [x.schema, x.allCodes, x.optionKeys] as ((v: unknown) => unknown)[]) expect(() => f(make())).not.toThrow();
      const whole = (p: { line: number; column: number }): void => {
        expect(Number.isSafeInteger(p.line) && p.line >= 1 && Number.isSafeInteger(p.column) && p.column >= 1, JSON.stringify(p)).toBe(true);
      };
      const blank = new x.LineIndex(make() as string);
      whole(blank.position(3));
      const index = new x.LineIndex('ab\ncd\n');
      whole(index.position(make() as number));
      const r = index.range(make() as never);
      whole(r);
      whole({ line: r.endLine, column: r.endColumn });
      expect(Number.isSafeInteger(index.offset(make() as number, make() as number))).toBe(true);
    });

    it('a value nested inside a host, a plan config or options is named by its path', () => {
      const getter = (o: object, k: string): object =>
        Object.defineProperty(o, k, {
          enumerable: true,
          get() {
            throw new Error('nope');
          },
        });
      const node = getter({ id: 0, memory_mib: 4096, free_mib: 4096 }, 'cpus');
      const msg = (r: { diagnostics: { code: string; message: string }[] }): string[] => r.diagnostics.map((d) => `${d.code} ${d.message}`);
      for (const r of [x.readHost({ nodes: [node] }), x.plan({ memory: 512 }, { nodes: [node] } as never), x.check(TEXT, { host: { nodes: [node] } as never })]) {
        expect(msg(r).filter((m) => m.startsWith('XM0401 invalid host topology: nodes[0].cpus: cannot be read'))).toHaveLength(1);
      }
      const loop: Record<string, unknown> = { '0': 10 };
      loop['1'] = loop;
      expect(msg(x.readHost({ nodes: [{ ...HOST.nodes[0], distances: loop }] }))).toEqual([expect.stringMatching(/^XM0401 invalid host topology: nodes\[0\]\.distances\["1"\]: refers back /u)]);
      expect(msg(x.plan({ memory: 512, vnuma: [{ pnode: revoked(), size: 512, vcpus: [0] }] } as never, HOST))).toEqual([expect.stringMatching(/^XM0413 vnuma\[0\]\.pnode: cannot be read/u)]);
      expect(msg(x.check(TEXT, { dialect: 'xm', defines: getter({}, 'vmid') as never }))).toEqual([expect.stringMatching(/^XM0111 options\.defines\.vmid cannot be read/u)]);
      // A key the plan does not read may hold anything: the plan is made.
      expect(x.plan({ memory: 512, disk: revoked(), extra: cyclic() } as never, HOST).plan?.nodes).toEqual([0]);
      // A host node's cpus may be long (CPU ids reach 1,048,575), but not longer than any host has.
      const long = { nodes: [{ ...HOST.nodes[0], cpus: Array.from({ length: 1_048_577 }, (_, i) => i) }] };
      expect(msg(x.readHost(long))).toEqual([expect.stringMatching(/^XM0401 invalid host topology: nodes\[0\]\.cpus: has 1048577 items/u)]);
    });

    it('what the caller gave is neither kept nor changed, and a good host read from a copy is the same', () => {
      const host = structuredClone(HOST);
      const config = { memory: 512, vcpus: 2 };
      const r = x.plan(config, host);
      expect(r.plan?.nodes).toEqual([0]);
      expect(host).toEqual(HOST);
      expect(config).toEqual({ memory: 512, vcpus: 2 });
      expect(x.readHost(host)).toEqual(x.readHost(JSON.stringify(host)));
    });
  });
}
