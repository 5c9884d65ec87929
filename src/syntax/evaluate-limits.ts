/**
 * @fileoverview The bounds of xm evaluation. Sizes are checked arithmetically BEFORE a value is built,
 * so `"x" * 10**9` or `[0] * 10**9` is a diagnostic, never an allocation.
 */
import type { Value } from './value.js';

/** Longest string an expression may produce (UTF-16 code units). */
export const MAX_STRING = 1024 * 1024;
/** Most items one list may hold, counting nested lists' items too. */
export const MAX_LIST_ITEMS = 100_000;
/** Most string characters one value may hold in total (a list of strings shares this budget). */
export const MAX_VALUE_CHARS = 16 * MAX_STRING;
/** Deepest expression nesting evaluated (Python 2's own parser stops near 100 as well). */
export const MAX_DEPTH = 100;
/** Total size (characters + items) of all settings of one file. */
export const MAX_FILE_BUDGET = 64 * MAX_STRING;
/**
 * Total work of one file: characters and items of every value built by an operator. Bounds
 * quadratic chains such as `[1] + [1] + ... + [1]` in a huge file.
 */
export const MAX_FILE_WORK = 16 * MAX_STRING;
/**
 * Work charged per list item built, against 1 per string character: an item is an 8-byte slot and
 * every setting keeps its list, so `a = a + [1]` rebound 6,000 times kept 16M slots (284 MB heap).
 */
export const LIST_ITEM_WORK = 8;

/** Deep size of a value: characters, list items and nesting depth. */
export interface ValueSize {
  chars: number;
  items: number;
  depth: number;
}

/** Sizes of nested lists already measured, by their items array (a value shares its lists: `[a, a]`). */
export type SizeCache = Map<readonly Value[], ValueSize>;

/**
 * The size cache of the evaluation running now (withSizeCache), null outside one. It was one
 * module-wide WeakMap, filled by every evaluation of the process, whose cost grew faster than its
 * entries once keys died: `convert --to json` of 13,000 statements nested 90 deep (a million
 * entries) spent 18.6 s of CPU in sizeOf, 11 times what 3,000 did. A Map that lives as long as
 * one evaluation grows and goes with it.
 */
let active: SizeCache | null = null;

/** Run `fn` with `cache` as sizeOf's cache (the evaluation's own; restored after, so calls may nest). */
export function withSizeCache<T>(cache: SizeCache, fn: () => T): T {
  const outer = active;
  active = cache;
  try {
    return fn();
  } finally {
    active = outer;
  }
}

const SCALAR: ValueSize = { chars: 0, items: 0, depth: 0 };

/** Deep size of a value (nested lists cached per evaluation, or per call outside one; values are never mutated). */
export function sizeOf(v: Value): ValueSize {
  if (v.kind === 'string' || v.kind === 'word') return { chars: v.value.length, items: 0, depth: 0 };
  if (v.kind !== 'list') return SCALAR;
  return listSize(v.items, active ?? new Map());
}

function listSize(list: readonly Value[], cache: SizeCache): ValueSize {
  const hit = cache.get(list);
  if (hit) return hit;
  let chars = 0;
  let items = list.length;
  let depth = 0;
  let nested = false;
  for (const item of list) {
    if (item.kind === 'string' || item.kind === 'word') chars += item.value.length;
    else if (item.kind === 'list') {
      nested = true;
      const s = listSize(item.items, cache);
      chars += s.chars;
      items += s.items;
      depth = Math.max(depth, s.depth);
    }
  }
  const size = { chars, items, depth: depth + 1 };
  // Flat lists are cheap to measure again; caching only nested ones keeps the common path fast.
  if (nested) cache.set(list, size);
  return size;
}

/** Why a planned value is too big, or null when it fits. */
export function exceeds(size: ValueSize): 'string' | 'list' | 'depth' | null {
  if (size.items > MAX_LIST_ITEMS) return 'list';
  if (size.chars > MAX_VALUE_CHARS) return 'string';
  if (size.depth > MAX_DEPTH) return 'depth';
  return null;
}
