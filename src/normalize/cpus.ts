/**
 * @fileoverview `cpus` / `cpus_soft`: one CPU list for every vCPU (a string), or one per vCPU (a
 * list of strings). xm understood only `N`, `N-M` and `^N` (reference §b), so in xm the xl-only
 * forms (`all`, `node:`, `^A-B`) of `cpus` are reported; xm never read `cpus_soft`.
 */
import type { Setting, Value } from '../syntax/value.js';
import { parseCpuList, type CpuList } from './cpulist.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, subSpan, describeValue } from './values.js';

const CPU_LIST_HINT = 'write a comma list of N, N-M (N <= M), all, node:N or nodes:N-M, each with an optional ^ to leave CPUs out';

/** Read one CPU list; `index` is its place in a list of them (null for a single string). */
function readOne(item: Value, s: Setting, ctx: NormalizeContext, ptr: string, index: number | null): CpuList | null {
  let text: string | null = null;
  const r = readString(item, ctx.dialect);
  if (r.ok) text = r.value;
  else if (item.kind === 'number' && item.value !== null && Number.isInteger(item.value)) text = String(item.value);
  if (text === null) {
    ctx.report('XM0102', item.span, `${s.key} must be a CPU list string or a list of them; got ${describeValue(item)}`);
    return null;
  }
  const { list, errors } = parseCpuList(text, { xl: ctx.dialect === 'xl' });
  ctx.mark(ptr, s, item.span);
  // parse_vcpu_affinity parses the list's entries only up to max_vcpus (`j < num_cpus`): xl never
  // reads one past it, so nothing in it stops xl (the extra entries are XM0204).
  if (index !== null && ctx.maxVcpus !== null && index >= ctx.maxVcpus) return list;
  for (const e of errors) ctx.report('XM0205', subSpan(item, e.start, e.end), `bad CPU list in ${s.key}: ${e.message}`, { hint: CPU_LIST_HINT });
  // xm has no cpus_soft (create.py does not know it; XM0553 notes the key): normalize.ts drops what
  // is found in it, and keeps the list only when xl's reading is clean, so it is not judged as xm's cpus.
  if (ctx.dialect === 'xm' && s.key !== 'cpus_soft') {
    let pos = 0;
    for (const raw of text.split(',')) {
      const t = raw.trim();
      const at = pos + raw.indexOf(t);
      pos += raw.length + 1;
      const xlOnly = t === 'all' || /^\^?nodes?:/.test(t) || /^\^\d+-/.test(t);
      if (xlOnly) ctx.report('XM0205', subSpan(item, at, at + t.length), `xm does not understand "${t}" in ${s.key} (xm knows N, N-M and ^N)`, { hint: 'write the CPUs themselves, as N, N-M and ^N' });
    }
  }
  return list;
}

/** Read cpus or cpus_soft. */
export function readCpus(s: Setting, ctx: NormalizeContext): CpuList | CpuList[] | undefined {
  if (s.value.kind !== 'list') return readOne(s.value, s, ctx, pointer(s.key), null) ?? undefined;
  const out: CpuList[] = [];
  for (const item of s.value.items) {
    const l = readOne(item, s, ctx, pointer(s.key, out.length), out.length);
    if (l === null) break; // xl stops reading at the first non-string item.
    out.push(l);
  }
  return out;
}
