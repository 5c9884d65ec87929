/**
 * @fileoverview Earlier assignments of a key whose last assignment the conversion comments out.
 * xm ran the file and kept each name's last value, dropping a None (the option stayed unset); xl
 * reads the last assignment it sees. So once `on_crash = None` (or a value with a NUL character, or
 * one folded from a name a Python block may set) is a comment, an earlier `on_crash = "restart"`
 * would be what xl reads: it is commented out too.
 */
import type { AssignStmt, Stmt } from '../syntax/tree.js';
import type { Dialect, Setting } from '../syntax/value.js';
import type { BlockDependence } from './block-bound.js';
import { xlLiteral } from './xl-literal.js';

/** An assignment that a later, commented-out one of the same key replaces. */
export interface Superseded {
  key: string;
  /** Offset of the key's last assignment. */
  last: number;
}

/** The top-level assignments (by offset) superseded by a last assignment of their key that has no xl form. */
export function supersededByDropped(statements: readonly Stmt[], settings: readonly Setting[], dependent: ReadonlyMap<number, BlockDependence>, from: Dialect): Map<number, Superseded> {
  const settingAt = new Map<number, Setting>();
  for (const s of settings) if (!settingAt.has(s.keySpan.start)) settingAt.set(s.keySpan.start, s);
  const byKey = new Map<string, { st: AssignStmt; at: number }[]>();
  for (const st of statements) {
    if (st.kind !== 'assign') continue;
    for (const t of [st.key, ...(st.chained ?? [])]) {
      const list = byKey.get(t.name) ?? [];
      list.push({ st, at: t.span.start });
      byKey.set(t.name, list);
    }
  }
  const out = new Map<number, Superseded>();
  for (const [key, list] of byKey) {
    const last = list[list.length - 1]!;
    const setting = settingAt.get(last.at);
    const dropped = dependent.has(last.st.span.start) || (setting !== undefined && xlLiteral(setting.value, from) === null);
    if (!dropped) continue;
    // A chained `a = b = 1` also sets the other names: it is left to what its last targets need.
    for (const { st } of list.slice(0, -1)) if (!st.chained?.length && st !== last.st) out.set(st.span.start, { key, last: last.st.span.start });
  }
  return out;
}
