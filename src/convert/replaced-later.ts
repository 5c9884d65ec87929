/**
 * @fileoverview Assignments a later line of the converted file replaces, commented out so xl does
 * not read the key twice (XM0201, a duplicate the xm file did not have; libvirt would even read the
 * first): the one an xm `+=` absorbs (convert writes `a += v` as `a = <combined value>`, xl's own
 * `+=` differs for numbers), and the `bootloader` lines of a file whose bootloader xend read as none:
 * replaced by the pygrub xend used, added at the end, or dropped, since libxl would run an empty
 * bootloader instead of the kernel (XM0264).
 */
import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { AssignStmt, Stmt } from '../syntax/tree.js';

/** An assignment and the `+=` of its key just after it. */
export interface Absorbed {
  before: AssignStmt;
  by: AssignStmt;
}

/** Each top-level assignment whose value the next assignment of its key, a `+=`, folds in. */
export function absorbedByAugmented(statements: readonly Stmt[]): Absorbed[] {
  const out: Absorbed[] = [];
  const previous = new Map<string, AssignStmt>();
  for (const st of statements) {
    if (st.kind !== 'assign') continue;
    const before = previous.get(st.key.name);
    // A chained `a = b = 1` also sets b: it stays, and xl reads a twice as xm's file did not.
    if (st.op === '+=' && before && !before.chained?.length) out.push({ before, by: st });
    for (const t of [st.key, ...(st.chained ?? [])]) previous.set(t.name, st);
  }
  return out;
}

/** A statement to comment out instead of rewriting, and the comment's reason. */
export interface SupersededStatement {
  st: AssignStmt;
  why: string;
}

/** What xend made of a file's bootloader when convert replaces it: pygrub added at the end, or none. */
export type BootloaderFate = 'pygrub' | 'none' | null;

/** The comment on a `bootloader` line commented out, by what xend made of it. */
const BOOTLOADER_WHY = {
  pygrub: 'xmcfg convert: xend read it as no bootloader and used pygrub, written below',
  none: 'xmcfg convert: xend read an empty bootloader as none; libxl would run it instead of the kernel',
} as const;

/**
 * The rewritten statements (`rewrote`, by offset) a later line replaces: those an xm `+=` absorbs
 * (when it has its xl form too), and every `bootloader` when xend read the file's as none (`bootloader`).
 */
export function supersededStatements(statements: readonly Stmt[], rewrote: ReadonlyMap<number, TextEdit[]>, bootloader: BootloaderFate, line: (offset: number) => number): SupersededStatement[] {
  const out: SupersededStatement[] = [];
  for (const { before, by } of absorbedByAugmented(statements)) {
    if (rewrote.has(before.span.start) && rewrote.has(by.span.start)) out.push({ st: before, why: `xmcfg convert: part of the value of the += at line ${line(by.span.start)}` });
  }
  if (bootloader !== null) {
    for (const st of statements) {
      if (st.kind === 'assign' && st.key.name === 'bootloader' && !st.chained?.length && rewrote.has(st.span.start)) out.push({ st, why: BOOTLOADER_WHY[bootloader] });
    }
  }
  return out;
}

/** Remove the rewrite edits of `superseded` statements from `edits` (in place, one pass). */
export function dropRewrites(edits: TextEdit[], rewrote: ReadonlyMap<number, TextEdit[]>, superseded: readonly SupersededStatement[]): void {
  if (superseded.length === 0) return;
  const dropped = new Set<TextEdit>();
  for (const { st } of superseded) for (const e of rewrote.get(st.span.start) ?? []) dropped.add(e);
  let kept = 0;
  for (const e of edits) if (!dropped.has(e)) edits[kept++] = e;
  edits.length = kept;
}
