/**
 * @fileoverview Values folded from names a Python statement may rebind. The evaluator does not run
 * `if`/`for`/… blocks and keeps a name's earlier value when a block may set it again (so a check
 * does not cascade), but a conversion writes the value down: `vcpus = 1`, `if big: vcpus = 2`,
 * `memory = 256 * vcpus` would become `memory = 256` where xm may have read 512.
 */
import type { Stmt, UnsupportedStmt } from '../syntax/tree.js';
import { boundNames, namesRead } from '../syntax/evaluate-blocks.js';

/** An assignment whose value reads a name that a not-run statement before it may have set. */
export interface BlockDependence {
  /** The name read. */
  name: string;
  /** Offset of the not-run statement that may set it. */
  at: number;
}

/** Every name a not-run statement may bind: its own targets, and those of the assignments and statements in its block. */
export function blockBoundNames(text: string, st: UnsupportedStmt, out: Set<string> = new Set()): Set<string> {
  for (const n of boundNames(text, st).names) out.add(n);
  // A def or class body runs in its own scope (a def's only when called): its assignments bind
  // local names, not the file's, unless it declares one global.
  if ((st.keyword === 'def' || st.keyword === 'class') && !declaresGlobal(st.body)) return out;
  for (const b of st.body) {
    if (b.kind === 'assign') for (const t of [b.key, ...(b.chained ?? [])]) out.add(t.name);
    else if (b.kind === 'unsupported') blockBoundNames(text, b, out);
  }
  return out;
}

/** Whether a block, or a block inside it, has a `global` statement. */
function declaresGlobal(body: readonly Stmt[]): boolean {
  return body.some((b) => b.kind === 'unsupported' && (b.keyword === 'global' || declaresGlobal(b.body)));
}

/**
 * The top-level assignments (by statement offset) whose folded value may not be xm's: the value
 * reads (or `+=` extends) a name a not-run statement before it may set, directly or through another
 * such assignment. A later assignment that reads none of them makes the name certain again.
 */
export function blockDependent(text: string, statements: readonly Stmt[]): Map<number, BlockDependence> {
  const rebound = new Map<string, number>();
  const out = new Map<number, BlockDependence>();
  for (const st of statements) {
    if (st.kind === 'unsupported') {
      for (const n of blockBoundNames(text, st)) rebound.set(n, st.span.start);
      continue;
    }
    // Nothing rebound yet (no Python block before it, the usual file): no name it reads can depend on one.
    if (st.kind !== 'assign' || rebound.size === 0) continue;
    const names: string[] = [];
    namesRead(st.value, { add: (n: string) => names.push(n) });
    if (st.op === '+=') names.push(st.key.name);
    const hit = names.find((n) => rebound.has(n));
    const targets = [st.key, ...(st.chained ?? [])];
    if (hit === undefined) {
      for (const t of targets) rebound.delete(t.name);
      continue;
    }
    const dep = { name: hit, at: rebound.get(hit)! };
    out.set(st.span.start, dep);
    for (const t of targets) rebound.set(t.name, dep.at);
  }
  return out;
}
