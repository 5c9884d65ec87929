/**
 * @fileoverview Shared lists in xm: Python 2's `a += [2]` extends the list object in place, so every
 * other name holding that same list sees the change (`b = a`, `b = [a]`, `a = b = [1]`); checked
 * against Python 2.7.18 (docs/xm-python2.md). xmcfg's values are copied instead of mutated, so the
 * lists a name was read into are tracked here, and after a `+=` the values of the other names that
 * hold the list are rebuilt with the extended one (the same rebuilt list for all of them, so they
 * still share it). Only lists read by name can be shared, so a file that never does that pays nothing.
 */
import type { ListValue, Setting, Value } from './value.js';

/** Which names hold each list that was read by name, and where their values are now. */
export interface AliasState {
  /** The items array of a non-tuple list → the names whose value holds that list. */
  holders: WeakMap<Value[], Set<string>>;
  /** Whether any list was read by name yet (else nothing can be shared). */
  any: boolean;
  /** The setting in effect of each name that holds a shared list. */
  lastSetting: Map<string, Setting>;
}

/** A fresh state for one evaluation. */
export function newAliasState(): AliasState {
  return { holders: new WeakMap(), any: false, lastSetting: new Map() };
}

/** `name` holds the list `v` (a value it was read as, or the value of a chained assignment). */
export function noteHolder(state: AliasState, name: string, v: Value): void {
  if (v.kind !== 'list' || v.tuple) return;
  state.any = true;
  let set = state.holders.get(v.items);
  if (set === undefined) state.holders.set(v.items, (set = new Set()));
  set.add(name);
}

/**
 * Record `name`'s new setting: it holds every shared list inside its value (a walk as long as the
 * value, whose size is already bounded). `read`: the file reads the name somewhere, so it may come
 * to hold a shared list later (`x = [1]`, then `a = [x]`). Other names are remembered only once
 * they hold one.
 */
export function noteSetting(state: AliasState, name: string, setting: Setting, read: boolean): void {
  if (read) state.lastSetting.set(name, setting);
  if (!state.any) return;
  let found = state.lastSetting.has(name);
  const stack: Value[] = [setting.value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v.kind !== 'list') continue;
    const set = v.tuple ? undefined : state.holders.get(v.items);
    if (set !== undefined) {
      set.add(name);
      found = true;
    }
    for (const it of v.items) if (it.kind === 'list') stack.push(it);
  }
  if (found) state.lastSetting.set(name, setting);
}

/**
 * Whether an item of `v` (at any depth) is the list whose items array is `items`: then `a += v`
 * would put a inside itself. `v` being that list is fine (`a += a` extends a with a copy).
 */
export function holdsList(v: Value, items: Value[]): boolean {
  if (v.kind !== 'list') return false;
  const stack: Value[] = [...v.items];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind !== 'list') continue;
    if (x.items === items) return true;
    for (const it of x.items) if (it.kind === 'list') stack.push(it);
  }
  return false;
}

/** `v` with every list found in `memo` (by its items array) replaced by the extended one; `v` itself when none is inside. */
function rebuild(v: Value, memo: Map<Value[], ListValue>, state: AliasState): Value {
  if (v.kind !== 'list') return v;
  if (!v.tuple) {
    const done = memo.get(v.items);
    if (done !== undefined) return { ...done, span: v.span };
  }
  let changed = false;
  const items = v.items.map((it) => {
    const n = rebuild(it, memo, state);
    if (n !== it) changed = true;
    return n;
  });
  if (!changed) return v;
  const out: ListValue = { ...v, items };
  if (!v.tuple) {
    // Holders of the old list hold the new one: a later `+=` of an inner list reaches them again.
    memo.set(v.items, out);
    const set = state.holders.get(v.items);
    if (set !== undefined) state.holders.set(items, new Set(set));
  }
  return out;
}

/**
 * After `target += ...` replaced the list `before` by `after`: the other names holding `before`
 * get their values rebuilt with `after`. Each changed name is passed to `update` with its new value
 * (the caller checks its size and rebinds it; false: it did not, and the name no longer follows the
 * list); the names are in the order they first held the list.
 */
export function extendShared(state: AliasState, target: string, before: ListValue, after: ListValue, update: (name: string, setting: Setting, value: Value) => boolean): void {
  const set = state.holders.get(before.items);
  if (set === undefined) return;
  const next = new Set(set);
  state.holders.set(after.items, next);
  const memo = new Map<Value[], ListValue>([[before.items, after]]);
  for (const name of set) {
    if (name === target) continue;
    const setting = state.lastSetting.get(name);
    if (setting === undefined) continue;
    const value = rebuild(setting.value, memo, state);
    if (value !== setting.value && !update(name, setting, value)) next.delete(name);
  }
}

/** The names other than `name` holding the list `v` (empty for any other value). */
export function otherHolders(state: AliasState, name: string, v: Value): string[] {
  if (v.kind !== 'list' || v.tuple) return [];
  const set = state.holders.get(v.items);
  return set === undefined ? [] : [...set].filter((n) => n !== name);
}
