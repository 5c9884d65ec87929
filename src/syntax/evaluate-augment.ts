/**
 * @fileoverview xm's `x += y` (Python 2 augmented assignment): x must be bound already, a list is
 * extended in place, so every other name that holds the same list sees the new items. Split out of
 * evaluate.ts, which runs the statements; this module computes the new value of one `+=`.
 */
import { quoteText } from '../diagnostics/diagnostic.js';
import { EvalCode } from '../diagnostics/codes/evaluate.js';
import type { AssignStmt } from './tree.js';
import type { Setting, UnreadAssignment, Value } from './value.js';
import { exceeds, sizeOf } from './evaluate-limits.js';
import { chargeWork, report, reportFailure, respan, type EvalContext } from './evaluate-expr.js';
import { builtinFinding } from './py2-builtins.js';
import { augmentedAdd, isFailure } from './python-ops.js';
import { extendShared, holdsList } from './evaluate-alias.js';

/** What a `+=` needs of the evaluation: the expression context and the list of unread assignments. */
export interface AugmentContext extends EvalContext {
  unread: UnreadAssignment[];
}

/** Python `x += y`: x must be bound already. */
export function augmentXm(stmt: AssignStmt, rhs: Value, run: AugmentContext): Value | null {
  const b = run.env.get(stmt.key.name);
  if (b === undefined) {
    // `len += 1`: Python reads the builtin, and adding to a function or class is a TypeError.
    const asBuiltin = builtinFinding(stmt.key.name);
    if (asBuiltin !== undefined) {
      report(run, EvalCode.builtinValue, stmt.key.span, asBuiltin.message, asBuiltin.hint);
      return null;
    }
    report(run, EvalCode.undefinedName, stmt.key.span, `name '${quoteText(stmt.key.name)}' is not defined`, 'assign it with = before using +=');
    return null;
  }
  if (b.state === 'failed') return null;
  if (b.state === 'opaque') {
    report(run, EvalCode.conditionalName, stmt.key.span, `name '${stmt.key.name}' is ${b.how}`);
    return null;
  }
  const before = b.value;
  const inPlace = before.kind === 'list' && !before.tuple;
  if (inPlace && holdsList(rhs, before.items)) {
    // `a += [a]`: Python 2 extends a with itself inside, a list that contains itself without end.
    report(run, EvalCode.tooDeep, stmt.value.span, `this makes '${stmt.key.name}' a list that contains itself`);
    return null;
  }
  const r = augmentedAdd(before, rhs, stmt.value.span);
  if (isFailure(r)) {
    reportFailure(run, r, stmt.value.span);
    return null;
  }
  // `l += [1]` copies l: charged like `+`, or 80,000 of them copied 3e9 items unbounded.
  if (!chargeWork(run, r, stmt.value.span)) return null;
  // Python extends the list in place: every other name holding it sees the new items.
  if (inPlace && r.kind === 'list' && run.alias) extendShared(run.alias, stmt.key.name, before, r, (name, setting, value) => shareExtended(run, stmt, name, setting, value));
  return respan(r, stmt.value.span);
}

/**
 * Give `name`, which holds a list a `+=` extended, its new value (size-checked, charged); false when
 * it is too large: reported once, the name's value is then unknown and no longer follows the list.
 */
function shareExtended(run: AugmentContext, stmt: AssignStmt, name: string, setting: Setting, value: Value): boolean {
  if (exceeds(sizeOf(value)) !== null) {
    report(run, EvalCode.listTooLong, stmt.value.span, `extending this list makes '${name}', which holds it, too large`);
    run.unread.push({ key: name, keySpan: { start: stmt.key.span.start, end: stmt.key.span.end }, at: stmt.span.start, why: 'not-evaluated' });
    if (run.env.get(name)?.state === 'value') run.env.set(name, { state: 'failed' });
    return false;
  }
  if (!chargeWork(run, value, stmt.value.span)) return false;
  setting.value = value;
  if (run.env.get(name)?.state === 'value') run.env.set(name, { state: 'value', value });
  return true;
}
