/**
 * @fileoverview CPU lists (`cpus`, `cpus_soft`, `xl vcpu-pin`): comma-separated items applied left
 * to right to an empty set; `^` removes; `node:`/`nodes:` names NUMA nodes; `all`; `N` or `N-M`
 * (decimal, N <= M). xm's older form is a subset (no `all`, no `node:`, no `^A-B`).
 */

/** One item of a CPU list. `from`/`to` are inclusive; `all` has from = to = -1. */
export interface CpuListItem {
  negate: boolean;
  kind: 'all' | 'cpu' | 'node';
  from: number;
  to: number;
}

/** A parsed CPU list with its text. */
export interface CpuList {
  text: string;
  items: CpuListItem[];
}

/** A problem in a CPU list: which item (offsets into the text) and why. */
export interface CpuListError {
  start: number;
  end: number;
  message: string;
}

const RANGE = /^(\d+)(?:-(\d+))?$/;

/**
 * xl's parse_range (tools/xl/xl_parse.c) on an item's text after its `^` and `node:`/`nodes:`:
 * `strtoul(str, &endptr, 10)` skips C blanks and a `+` before each number, refuses ULONG_MAX
 * (which is also what a larger number reads as), and nothing may follow the last number.
 */
const XL_RANGE = /^[ \t\n\v\f\r]*\+?(\d+)(?:-[ \t\n\v\f\r]*\+?(\d+))?$/;
const ULONG_MAX = 18446744073709551615n;

/** A decimal digit string at least ULONG_MAX (20 digits): a BigInt only for such long ones, as this runs for every range. */
function atLeastUlongMax(digits: string): boolean {
  return digits.length >= 20 && BigInt(digits) >= ULONG_MAX;
}

/** Options of {@link parseCpuList}. */
export interface CpuListOptions {
  /**
   * Read the list as xl does (update_cpumap_range, parse_range): items are strtok_r tokens, so an
   * empty item is skipped; no blank is trimmed, but strtoul skips blanks before a number.
   */
  xl?: boolean;
}

/** Parse a CPU list string; never throws. Errors carry offsets relative to `text`. */
export function parseCpuList(text: string, options: CpuListOptions = {}): { list: CpuList; errors: CpuListError[] } {
  const items: CpuListItem[] = [];
  const errors: CpuListError[] = [];
  const xl = options.xl === true && text.trim() !== '';
  let pos = 0;
  for (const raw of text.split(',')) {
    const start = pos;
    pos += raw.length + 1;
    const lead = xl ? 0 : raw.length - raw.trimStart().length;
    let body = xl ? raw : raw.trim();
    const itemStart = start + lead;
    const itemEnd = itemStart + body.length;
    // strtok_r(buf, ",", …) yields no empty token: xl skips ",," and a trailing ",".
    if (body === '' && xl) continue;
    if (body === '') {
      errors.push({ start: itemStart, end: itemEnd, message: 'empty item in CPU list' });
      continue;
    }
    let negate = false;
    if (body.startsWith('^')) {
      negate = true;
      body = body.slice(1);
    }
    let kind: CpuListItem['kind'] = 'cpu';
    // `node:` / `nodes:` prefix (startsWith: no regex match object per item).
    const prefix = body.startsWith('node:') ? 5 : body.startsWith('nodes:') ? 6 : 0;
    if (prefix > 0) {
      kind = 'node';
      body = body.slice(prefix);
    }
    if (body === 'all') {
      if (negate) errors.push({ start: itemStart, end: itemEnd, message: '"^" cannot be combined with "all"' });
      else items.push({ negate, kind: kind === 'node' ? 'node' : 'all', from: -1, to: -1 });
      continue;
    }
    const r = (xl ? XL_RANGE : RANGE).exec(body);
    if (!r || (xl && (atLeastUlongMax(r[1]!) || (r[2] !== undefined && atLeastUlongMax(r[2]))))) {
      errors.push({ start: itemStart, end: itemEnd, message: `invalid ${kind === 'node' ? 'node' : 'CPU'} range "${xl ? raw : raw.trim()}"` });
      continue;
    }
    const from = Number(r[1]);
    const to = r[2] === undefined ? from : Number(r[2]);
    if (to < from) {
      errors.push({ start: itemStart, end: itemEnd, message: `range "${body}" runs backwards` });
      continue;
    }
    items.push({ negate, kind, from, to });
  }
  // "," has no token for xl: the affinity is empty, and Xen refuses an empty one when libxl sets it.
  if (xl && items.length === 0 && errors.length === 0) errors.push({ start: 0, end: text.length, message: 'no CPU in the list' });
  return { list: { text, items }, errors };
}

/** Minimal host view needed to resolve node items and `all`. */
export interface CpuHostView {
  nodes: ReadonlyArray<{ id: number; cpus: readonly number[] }>;
}

/** Resolve a CPU list against a host: the sorted set of CPU ids it selects. */
export function resolveCpuList(list: CpuList, host: CpuHostView): number[] {
  const set = new Set<number>();
  const allCpus = host.nodes.flatMap((n) => n.cpus);
  const apply = (ids: Iterable<number>, negate: boolean): void => {
    for (const id of ids) {
      if (negate) set.delete(id);
      else set.add(id);
    }
  };
  for (const it of list.items) {
    if (it.kind === 'all') apply(allCpus, false);
    else if (it.kind === 'node') {
      for (const n of host.nodes) {
        if (it.from === -1 || (n.id >= it.from && n.id <= it.to)) apply(n.cpus, it.negate);
      }
    } else {
      const ids: number[] = [];
      for (let c = it.from; c <= it.to && ids.length <= 65536; c++) ids.push(c);
      apply(ids, it.negate);
    }
  }
  return [...set].sort((a, b) => a - b);
}
