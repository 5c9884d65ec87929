/**
 * Table-driven over every combination: the NUMA keys of spec §3 (numa, numanodes, numanode, each
 * absent or in several forms) with vcpus, maxvcpus, cpus, memory and vnuma present or absent, in
 * both dialects. An oracle written from the spec's table gives the normalised `numa` and every
 * finding (code and start line:column) of each file; the check must give exactly those: each
 * conflict the spec names at its offending value, and nothing else on the valid combinations.
 */
import { describe, expect, it } from 'vitest';
import { pipeline } from './helpers.js';
import type { Dialect } from '../../src/syntax/value.js';

/** One way to write a key, with what it means. */
interface Form {
  text: string;
  /** numa: on/off; numanodes: the count; numanode: the ids as written (repeats included). */
  on?: boolean;
  count?: number;
  ids?: number[];
  /** Offset, inside the value text, of each id (for the span of a repeat). */
  at?: number[];
  /** xm's bare word `on` (the RFC's spelling): an info note, XM0520. */
  bare?: boolean;
}

const NUMA: Record<Dialect, (Form | null)[]> = {
  xl: [null, { text: '"on"', on: true }, { text: '1', on: true }, { text: '"off"', on: false }, { text: '0', on: false }],
  xm: [null, { text: 'on', on: true, bare: true }, { text: 'True', on: true }, { text: '"off"', on: false }, { text: 'False', on: false }],
};
const NUMANODES: (Form | null)[] = [null, ...[0, 1, 2, 3].map((n) => ({ text: String(n), count: n }))];
const NUMANODE: Record<Dialect, (Form | null)[]> = {
  xl: [null, { text: '[0, 1]', ids: [0, 1], at: [1, 4] }, { text: '"0-2"', ids: [0, 1, 2], at: [1, 1, 1] }, { text: '1', ids: [1], at: [0] }, { text: '"0,0"', ids: [0, 0], at: [1, 3] }],
  xm: [null, { text: '0, 1', ids: [0, 1], at: [0, 3] }, { text: '"0-2"', ids: [0, 1, 2], at: [1, 1, 1] }, { text: '[1]', ids: [1], at: [1] }, { text: '"0,0"', ids: [0, 0], at: [1, 3] }],
};
const VCPUS = [null, 1, 2];
const MAXVCPUS = [null, 4];
/** Two vnodes listing 3 vCPUs and 1024 MiB: xl makes them maxvcpus and maxmem when those are not written. */
const VNUMA = 'vnuma = [ [ "pnode=0", "size=512", "vcpus=0-1", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=2", "vdistances=20,10" ] ]';
const VNUMA_VCPUS = 3;

interface Case {
  dialect: Dialect;
  numa: Form | null;
  numanodes: Form | null;
  numanode: Form | null;
  vcpus: number | null;
  maxvcpus: number | null;
  cpus: boolean;
  memory: boolean;
  vnuma: boolean;
}

function* cases(): Generator<Case> {
  for (const dialect of ['xl', 'xm'] as const)
    for (const numa of NUMA[dialect])
      for (const numanodes of NUMANODES)
        for (const numanode of NUMANODE[dialect])
          for (const vcpus of VCPUS)
            for (const maxvcpus of MAXVCPUS)
              for (const cpus of [false, true])
                for (const memory of [false, true]) for (const vnuma of [false, true]) yield { dialect, numa, numanodes, numanode, vcpus, maxvcpus, cpus, memory, vnuma };
}

/** The file of a case, and the line:column of each NUMA key and of its value. */
function render(c: Case): { text: string; key: Record<string, string>; value: Record<string, [number, number]> } {
  // A PV xm guest boots its kernel (no pygrub findings); an xl guest is HVM so that vnuma is allowed.
  const lines = ['name = "g"', c.dialect === 'xl' ? 'type = "hvm"' : 'kernel = "/boot/vmlinuz"'];
  const key: Record<string, string> = {};
  const value: Record<string, [number, number]> = {};
  const add = (k: string, v: string) => {
    lines.push(`${k} = ${v}`);
    key[k] = `${lines.length}:1`;
    value[k] = [lines.length, k.length + 4];
  };
  if (c.numa) add('numa', c.numa.text);
  if (c.numanodes) add('numanodes', c.numanodes.text);
  if (c.numanode) add('numanode', c.numanode.text);
  if (c.vcpus !== null) add('vcpus', String(c.vcpus));
  if (c.maxvcpus !== null) add('maxvcpus', String(c.maxvcpus));
  if (c.cpus) add('cpus', '"0-3"');
  if (c.memory) add('memory', '1024');
  if (c.vnuma) {
    lines.push(VNUMA);
    key.vnuma = `${lines.length}:1`;
  }
  return { text: lines.join('\n') + '\n', key, value };
}

/** The oracle: spec §3's normalised numa and findings, plus the findings the other keys are known to give. */
function expected(c: Case, r: ReturnType<typeof render>): { numa: unknown; findings: string[] } {
  const at = (k: string, offset = 0) => `${r.value[k]![0]}:${r.value[k]![1] + offset}`;
  const out: string[] = [];
  const off = c.numa?.on === false;
  if (off) for (const k of ['numanodes', 'numanode'] as const) if (c[k]) out.push(`XM0302 ${at(k)}`);
  if (c.numanodes?.count === 0) out.push(`XM0304 ${at('numanodes')}`);
  const ids = c.numanode?.ids;
  if (ids) {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) out.push(`XM0305 ${at('numanode', c.numanode!.at![i])}`);
    });
    if (c.numanodes && c.numanodes.count! >= 1 && c.numanodes.count !== ids.length) out.push(`XM0303 ${at('numanodes')}`);
  }
  let numa: unknown;
  let count = 0;
  if (off) numa = { mode: 'off' };
  else if (ids) {
    const nodes = [...new Set(ids)];
    count = nodes.length;
    numa = { mode: 'nodes', nodes, node_count: count };
  } else if (c.numanodes && c.numanodes.count! >= 1) {
    count = c.numanodes.count!;
    numa = { mode: 'auto', node_count: count };
  } else if (c.numa?.on) {
    count = 1;
    numa = { mode: 'auto', node_count: 1 };
  }
  // maxvcpus, else (xl) the vCPUs vnuma lists, else vcpus, else 1.
  const max = c.maxvcpus ?? (c.dialect === 'xl' && c.vnuma ? VNUMA_VCPUS : (c.vcpus ?? 1));
  if (!off && count > max) {
    // At the numanodes value when it gives that count (spec §3: "numanodes greater than maxvcpus"), else at the list.
    out.push(`XM0306 ${ids && !(c.numanodes && c.numanodes.count === count) ? at('numanode') : at('numanodes')}`);
  }
  // The other keys: xl ignores the NUMA keys (XM0550) and checks vnuma against maxvcpus (XM0209);
  // xm never read vnuma (XM0553) and notes the bare word (XM0520).
  if (c.dialect === 'xl') {
    for (const k of ['numa', 'numanodes', 'numanode'] as const) if (c[k]) out.push(`XM0550 ${r.key[k]}`);
    if (c.vnuma && c.maxvcpus !== null && c.maxvcpus !== VNUMA_VCPUS) out.push(`XM0209 ${at('maxvcpus')}`);
  } else {
    if (c.vnuma) out.push(`XM0553 ${r.key.vnuma}`);
    if (c.numa?.bare) out.push(`XM0520 ${at('numa')}`);
  }
  return { numa, findings: out.sort() };
}

function actual(c: Case, text: string): { numa: unknown; findings: string[] } {
  const { result, diagnostics, lineIndex } = pipeline(text, c.dialect);
  const findings = diagnostics.map((d) => {
    const p = lineIndex.position(d.span.start);
    return `${d.code} ${p.line}:${p.column}`;
  });
  return { numa: (result.config as { numa?: unknown }).numa, findings: findings.sort() };
}

const label = (c: Case) =>
  [c.dialect, c.numa && `numa=${c.numa.text}`, c.numanodes && `numanodes=${c.numanodes.text}`, c.numanode && `numanode=${c.numanode.text}`, c.vcpus !== null && `vcpus=${c.vcpus}`, c.maxvcpus !== null && `maxvcpus=${c.maxvcpus}`, c.cpus && 'cpus', c.memory && 'memory', c.vnuma && 'vnuma'].filter(Boolean).join(' ');

describe('NUMA keys × vcpus, maxvcpus, cpus, memory, vnuma (spec §3)', () => {
  const all = [...cases()];
  it('covers every combination', () => expect(all.length).toBe(2 * 5 * 5 * 5 * 3 * 2 * 2 * 2 * 2));
  for (const dialect of ['xl', 'xm'] as const) {
    it(`${dialect}: normalised numa and findings as the spec says`, () => {
      const wrong: string[] = [];
      for (const c of all) {
        if (c.dialect !== dialect) continue;
        const r = render(c);
        const want = expected(c, r);
        const got = actual(c, r.text);
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${label(c)}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`);
      }
      // The first few, so a failure reads well; the count says how many.
      expect(wrong.slice(0, 5).join('\n'), `${wrong.length} of the ${dialect} combinations`).toBe('');
    });
  }
});
