/**
 * @fileoverview `cpus` / `cpus_soft`: one CPU list for every vCPU (a string), or one per vCPU (a
 * list of strings). xm's cpus is read as xend read it (cpulist-xm.ts: `N`, `N-M` and `^N` only, the
 * nested form `[[0, 2], [1]]` too); xm never read `cpus_soft`.
 */
import type { Setting, Value } from '../syntax/value.js';
import { parseCpuList, type CpuList, type CpuListError, type CpuListItem } from './cpulist.js';
import { parseCpuListXm } from './cpulist-xm.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, subSpan, describeValue, pyIntText } from './values.js';

const CPU_LIST_HINT = 'write a comma list of N, N-M (N <= M), all, node:N or nodes:N-M, each with an optional ^ to leave CPUs out';

/** Read one CPU list; `index` is its place in a list of them (null for a single string). */
function readOne(item: Value, s: Setting, ctx: NormalizeContext, ptr: string, index: number | null): CpuList | null {
  if (ctx.dialect === 'xm' && s.key === 'cpus') return readOneXm(item, s, ctx, ptr, index);
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
  // normalize.ts drops what is found in xm's cpus_soft (XM0553 notes the key).
  const { list, errors, wrapped, empty } = parseCpuList(text, { xl: true });
  ctx.mark(ptr, s, item.span);
  if (unread || (index !== null && ctx.maxVcpus !== null && index >= ctx.maxVcpus)) return list;
  for (const e of errors) ctx.report('XM0205', subSpan(item, e.start, e.end), `bad CPU list in ${s.key}: ${e.message}`, { hint: CPU_LIST_HINT });
  if (ctx.dialect === 'xl') reportXlSelection(item, s, ctx, text, wrapped, empty);
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

/**
 * xm's cpus, one string or one entry of a list of them, as xend's XendConfig reads it: a string
 * through {@link parseCpuListXm} (`""`, no item, is no pinning), anything else fails
 * there (`.split` of a number). An entry of the nested form is {@link readNestedXm}'s.
 */
function readOneXm(item: Value, s: Setting, ctx: NormalizeContext, ptr: string, index: number | null): CpuList | null {
  const r = readString(item, ctx.dialect);
  if (!r.ok) {
    ctx.report('XM0102', item.span, `${s.key} must be a CPU list string${index === null ? ' or a list of them' : ''}; got ${describeValue(item)} (xend reads it with .split(","), which fails)`, {
      hint: index === null ? `write ${s.key} = "${item.kind === 'number' ? item.text : '0-3'}"` : 'write each entry as a string, e.g. "0-3"',
    });
    return null;
  }
  const lead = ctx.xmCpu === null ? [] : [{ negate: false, kind: 'cpu' as const, from: ctx.xmCpu, to: ctx.xmCpu }];
  const { list, errors, ignored } = parseCpuListXm(r.value, index === null ? lead : []);
  ctx.mark(ptr, s, item.span);
  for (const e of errors) ctx.report('XM0205', subSpan(item, e.start, e.end), `bad CPU list in ${s.key}: ${e.message}`, { hint: XM_HINT });
  for (const e of ignored) ctx.report('XM0272', subSpan(item, e.start, e.end), `${s.key}: ${e.message}`, { hint: XM_HINT });
  return list;
}

const XM_HINT = 'write a comma list of N, N-M (N <= M) and ^N (xm knows no all, node: or ^N-M), with no blank before "^"';

/**
 * The nested form of xm's cpus (`[[0, 2], [1, 3]]`, as xend's own config.sxp holds it):
 * XendConfig takes it when the first entry is a list, and reads every element of every entry with
 * int(), a number or a string of one. A later entry that is a string would be read by character
 * ("12" is CPUs 1 and 2): refused here (decision 113), as is a number (TypeError in xend).
 */
function readNestedXm(s: Setting, ctx: NormalizeContext): CpuList[] {
  const out: CpuList[] = [];
  for (const entry of (s.value as Extract<Value, { kind: 'list' }>).items) {
    if (entry.kind !== 'list') {
      ctx.report('XM0102', entry.span, `cpus: after a first entry that is a list, xend reads every entry as a list of CPU numbers; got ${describeValue(entry)}${entry.kind === 'string' ? ' (xend would read it character by character)' : ''}`, {
        hint: 'write every entry as a list of CPU numbers, e.g. [0, 2], or every entry as a string, e.g. "0,2"',
      });
      continue;
    }
    const items: CpuListItem[] = [];
    for (const el of entry.items) {
      const n = el.kind === 'number' && el.value !== null && Number.isInteger(el.value) ? el.value : el.kind === 'string' ? pyIntText(el.value) : null;
      if (n === null || n < 0) ctx.report('XM0205', el.span, `bad CPU in cpus: ${describeValue(el)} is not a CPU number (xend reads it with int())`, { hint: 'write the CPU number, e.g. 2' });
      else items.push({ negate: false, kind: 'cpu', from: n, to: n });
    }
    ctx.mark(pointer(s.key, out.length), s, entry.span);
    out.push({ text: items.map((i) => i.from).join(','), items });
  }
  return out;
}

/** Read cpus or cpus_soft. */
export function readCpus(s: Setting, ctx: NormalizeContext): CpuList | CpuList[] | undefined {
  if (s.value.kind !== 'list') return readOne(s.value, s, ctx, pointer(s.key), null) ?? undefined;
  if (ctx.dialect === 'xm' && s.key === 'cpus' && s.value.items[0]?.kind === 'list') return readNestedXm(s, ctx);
  const out: CpuList[] = [];
  for (const item of s.value.items) {
    const l = readOne(item, s, ctx, pointer(s.key, out.length), out.length);
    if (l === null) break; // xl stops reading at the first non-string item.
    out.push(l);
  }
  return out;
}
