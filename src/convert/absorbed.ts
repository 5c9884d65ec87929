/**
 * @fileoverview Assignments an xm `+=` absorbs. convert writes `a += v` as `a = <combined value>`
 * (xl's own `+=` differs for numbers), so the assignment of `a` just before it would be a second one
 * xl reads: a duplicate key (XM0201) the xm file did not have, holding a value xl no longer uses.
 * Such an assignment is commented out once both it and the `+=` have their xl form.
 */
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
