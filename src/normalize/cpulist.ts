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

/** Parse a CPU list string; never throws. Errors carry offsets relative to `text`. */
export function parseCpuList(text: string): { list: CpuList; errors: CpuListError[] } {
  const items: CpuListItem[] = [];
  const errors: CpuListError[] = [];
  let pos = 0;
  for (const raw of text.split(',')) {
    const start = pos;
    pos += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    let body = raw.trim();
    const itemStart = start + lead;
    const itemEnd = itemStart + body.length;
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
    const r = RANGE.exec(body);
    if (!r) {
      errors.push({ start: itemStart, end: itemEnd, message: `invalid ${kind === 'node' ? 'node' : 'CPU'} range "${raw.trim()}"` });
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
