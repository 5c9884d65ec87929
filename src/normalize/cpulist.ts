/**
 * @fileoverview CPU lists (`cpus`, `cpus_soft`, `xl vcpu-pin`): comma-separated items applied left
 * to right to an empty set; `^` removes; `node:`/`nodes:` names NUMA nodes; `all`; `N` or `N-M`
 * (decimal, N <= M). xm's older form is a subset (no `all`, no `node:`, no `^A-B`).
 */
import { readXlRange, XL_NODE_MAP_BITS } from './cpulist-xl.js';

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
 * `strtoul(str, &endptr, 10)` skips C blanks and a sign before each number (a `-` wraps it), and
 * nothing may follow the last number. What the numbers then select is cpulist-xl.ts.
 */
const XL_RANGE = /^[ \t\n\v\f\r]*([+-]?)(\d+)(?:-[ \t\n\v\f\r]*([+-]?)(\d+))?$/;

/**
 * Whether the CPU items select no CPU at all, whatever the host: every CPU an item adds is removed
 * by a later `^` item. False when an item names `all` or a node (their CPUs depend on the host),
 * unless every item removes.
 * The last item that names a CPU decides it, so the items are read from the end, each marking the
 * stretches of CPUs no later item named (a union-find over the items' boundaries skips marked
 * ones): O(n log n), as a list of 100,000 items must not take seconds.
 */
export function selectsNoCpu(items: readonly CpuListItem[]): boolean {
  // The common list removes nothing: nothing is built for it (this runs for every CPU list).
  if (!items.some((it) => it.negate)) return items.length === 0;
  // Only removals ("^node:1" alone): the set starts empty, whatever a node holds.
  if (items.every((it) => it.negate)) return true;
  if (items.some((it) => it.kind !== 'cpu')) return false;
  if (items.length <= SMALL_LIST) return smallSelectsNoCpu(items);
  const bounds = [...new Set(items.flatMap((it) => [it.from, it.to + 1]))].sort((a, b) => a - b);
  const at = new Map(bounds.map((b, i) => [b, i]));
  // next[k]: the first stretch from k on that no later item named (bounds.length - 1: none left).
  const next = Int32Array.from(bounds, (_, i) => i);
  const find = (k: number): number => {
    let root = k;
    while (next[root] !== root) root = next[root]!;
    // Path compression: every stretch passed on the way points at the root.
    for (let j = k; j !== root; ) {
      const up = next[j]!;
      next[j] = root;
      j = up;
    }
    return root;
  };
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    const end = at.get(it.to + 1)!;
    for (let k = find(at.get(it.from)!); k < end; k = find(k + 1)) {
      // An item that adds CPUs no later item names: they stay selected.
      if (!it.negate) return false;
      next[k] = k + 1;
    }
  }
  return true;
}

/**
 * Lists up to this long are decided by comparing items pair by pair, with nothing allocated: the
 * union-find's set, sort, map and typed array cost more than the comparisons for the few items of a
 * real config (`cpus = "0-23,^8"` in most files of the benchmark corpus).
 */
const SMALL_LIST = 16;

/**
 * {@link selectsNoCpu} for a short list of CPU items. A CPU stays selected when an adding item
 * names it and no later item does; the first such CPU of an item, if any, is its `from` or the CPU
 * just past a later item's range, so only those are tried.
 */
function smallSelectsNoCpu(items: readonly CpuListItem[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.negate || it.from > it.to) continue;
    if (!namedAfter(items, i, it.from)) return false;
    for (let j = i + 1; j < items.length; j++) {
      const c = items[j]!.to + 1;
      if (c > it.from && c <= it.to && !namedAfter(items, i, c)) return false;
    }
  }
  return true;
}

/** Whether an item after `items[i]` names CPU `c`. */
function namedAfter(items: readonly CpuListItem[], i: number, c: number): boolean {
  for (let j = i + 1; j < items.length; j++) if (items[j]!.from <= c && c <= items[j]!.to) return true;
  return false;
}

/** Options of {@link parseCpuList}. */
export interface CpuListOptions {
  /**
   * Read the list as xl does (update_cpumap_range, parse_range): items are strtok_r tokens, so an
   * empty item is skipped; no blank is trimmed, but strtoul skips blanks before a number.
   */
  xl?: boolean;
}

/** What {@link parseCpuList} found: the list, its errors, and for xl what it does not use as written. */
export interface CpuListParse {
  list: CpuList;
  errors: CpuListError[];
  /** xl: items whose numbers xl reads as other CPUs or nodes, or none (`-2`, 4294967296, `0-4294967296`, `node:-2`); offsets relative to the text. */
  wrapped: CpuListError[];
  /** xl, no errors: the list selects no CPU on any host (`","`, `"^2"`, `"-2"`). */
  empty: boolean;
}

/** Parse a CPU list string; never throws. Errors carry offsets relative to `text`. */
export function parseCpuList(text: string, options: CpuListOptions = {}): CpuListParse {
  const items: CpuListItem[] = [];
  const errors: CpuListError[] = [];
  const wrapped: CpuListError[] = [];
  const xl = options.xl === true;
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
    const what = kind === 'node' ? 'node' : 'CPU';
    const shown = xl ? raw : raw.trim();
    if (xl) {
      const r = XL_RANGE.exec(body);
      const read = r === null ? null : readXlRange(r[1] === '-', r[2]!, r[3] === '-', r[4], kind === 'node');
      if (read === null || read.kind === 'error') {
        const message = read === null ? `invalid ${what} range "${shown}"` : read.why === 'runs backwards' ? `range "${body}" runs backwards` : `invalid ${what} range "${shown}": it ${read.why}`;
        errors.push({ start: itemStart, end: itemEnd, message });
        continue;
      }
      if (read.kind === 'plain') items.push({ negate, kind, from: read.from, to: read.to });
      else {
        // The item adds or removes what the int conversion leaves (perhaps nothing): a warning.
        wrapped.push({ start: itemStart, end: itemEnd, message: read.parts.length === 0 ? `${read.what}: the item ${negate ? 'removes' : 'adds'} nothing` : read.what });
        for (const [from, to] of read.parts) items.push({ negate, kind, from, to });
      }
      continue;
    }
    const r = RANGE.exec(body);
    if (!r) {
      errors.push({ start: itemStart, end: itemEnd, message: `invalid ${what} range "${shown}"` });
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
  // "," has no token for xl, "^2" removes from nothing: the affinity is empty (the caller says what xl does then).
  const empty = xl && errors.length === 0 && selectsNoCpu(items);
  return { list: { text, items }, errors, wrapped, empty };
}

/** Minimal host view needed to resolve node items and `all`. */
export interface CpuHostView {
  nodes: ReadonlyArray<{ id: number; cpus: readonly number[] }>;
}

/**
 * Resolve a CPU list against a host: the sorted set of CPU ids it selects, as xl selects them. A
 * node item (`node:N`, `^nodes:A-B`) adds or removes only the node's CPUs below XL_NODE_MAP_BITS
 * (64), as xl's node map holds no more (decision 106); node items are xl's alone (xm has none: its
 * `node:` is XM0205, and plan refuses a file with errors). `nodes:all` is every CPU.
 */
export function resolveCpuList(list: CpuList, host: CpuHostView): number[] {
  const set = new Set<number>();
  const apply = (ids: Iterable<number>, negate: boolean, below = Infinity): void => {
    for (const id of ids) {
      if (id >= below) continue;
      if (negate) set.delete(id);
      else set.add(id);
    }
  };
  for (const it of list.items) {
    // Every CPU only for `all`: flattening the host for every list cost O(host CPUs) a call.
    if (it.kind === 'all') for (const n of host.nodes) apply(n.cpus, false);
    else if (it.kind === 'node') {
      for (const n of host.nodes) {
        if (it.from === -1) apply(n.cpus, it.negate);
        else if (n.id >= it.from && n.id <= it.to) apply(n.cpus, it.negate, XL_NODE_MAP_BITS);
      }
    } else {
      const ids: number[] = [];
      for (let c = it.from; c <= it.to && ids.length <= 65536; c++) ids.push(c);
      apply(ids, it.negate);
    }
  }
  return [...set].sort((a, b) => a - b);
}
