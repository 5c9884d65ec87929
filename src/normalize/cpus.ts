/**
 * @fileoverview `cpus` / `cpus_soft`: one CPU list for every vCPU (a string), or one per vCPU (a
 * list of strings). xm understood only `N`, `N-M` and `^N` (reference §b), so in xm the xl-only
 * forms (`all`, `node:`, `^A-B`) of `cpus` are reported; xm never read `cpus_soft`.
 */
import type { Setting, Value } from '../syntax/value.js';
import { parseCpuList, type CpuList, type CpuListError } from './cpulist.js';
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
  // parse_vcpu_affinity parses the list's entries only up to max_vcpus (`j < num_cpus`): xl never
  // reads one past it, so nothing in it stops xl (the extra entries are XM0204).
  const unread = index !== null && ctx.maxVcpus !== null && index >= ctx.maxVcpus && ctx.dialect === 'xl';
  if (text === null) {
    // xlu_cfg_get_listitem is NULL for a nested list: xl stops there, and the affinities of the
    // vCPUs from this entry on were allocated (xmalloc) but never set; libxl reads them anyway.
    if (!unread) ctx.report('XM0102', item.span, `${s.key} must be a CPU list string or a list of them; got ${describeValue(item)}`);
    return null;
  }
  // xm never read cpus_soft: only xl does, after a conversion, so its list is read by xl's rules
  // (update_cpumap_range's strtok_r tokens: "4,,5" is CPUs 4 and 5, where xm's cpus refused it).
  const xl = ctx.dialect === 'xl' || s.key === 'cpus_soft';
  const { list, errors, wrapped, empty } = parseCpuList(text, { xl });
  ctx.mark(ptr, s, item.span);
  if (unread || (index !== null && ctx.maxVcpus !== null && index >= ctx.maxVcpus)) return list;
  for (const e of errors) ctx.report('XM0205', subSpan(item, e.start, e.end), `bad CPU list in ${s.key}: ${e.message}`, { hint: CPU_LIST_HINT });
  if (ctx.dialect === 'xl') reportXlSelection(item, s, ctx, text, wrapped, empty);
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

/**
 * What xl does with a CPU list that reads but does not select what it says: a number it takes as
 * another CPU or as none (XM0238, a warning), and a list that selects no CPU on any host. For cpus
 * (hard affinity) creation fails: libxl's numa_place_domain "Hard affinity completely outside of
 * domain's cpupool!", or Xen's vcpu_set_hard_affinity (-EINVAL, "setting affinity failed on vcpu");
 * for cpus_soft libxl__set_vcpuaffinity warns "All cpus in soft affinity of vcpu N are unreachable.
 * Only hard affinity will be considered for scheduling" and goes on (XM0239).
 */
function reportXlSelection(item: Value, s: Setting, ctx: NormalizeContext, text: string, wrapped: readonly CpuListError[], empty: boolean): void {
  const whole = text === '' ? item.span : subSpan(item, 0, text.length);
  if (empty && s.key === 'cpus') {
    ctx.report('XM0205', whole, `bad CPU list in cpus: it selects no CPU${wrapped.length > 0 ? ` (${wrapped[0]!.message})` : ''}; libxl refuses an empty hard affinity and the guest is not created`, { hint: CPU_LIST_HINT });
    return;
  }
  if (empty) {
    ctx.report('XM0239', whole, `${s.key} selects no CPU${wrapped.length > 0 ? ` (${wrapped[0]!.message})` : ''}: libxl warns "All cpus in soft affinity … are unreachable" and schedules by the hard affinity alone`, { hint: 'name the CPUs the vCPUs should prefer, or leave cpus_soft out' });
    return;
  }
  for (const w of wrapped) ctx.report('XM0238', subSpan(item, w.start, w.end), `${s.key}: ${w.message}`, { hint: 'write the CPU or node numbers themselves (0 to 2147483647, decimal)' });
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
