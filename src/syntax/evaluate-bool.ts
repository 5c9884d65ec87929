/**
 * @fileoverview `and`, `or`, `not` and conditional expressions (`x if c else y`) of xm's evaluator,
 * as Python 2.7 runs them (decision 093): a value's truth is Python's (0, 0L, 0.0, '', u'', [], (),
 * None and False are false, every other value of the kinds xmcfg models true); `and` / `or` give
 * one of their operands, not a bool, and stop at the first that decides; `not` gives a bool; a
 * conditional expression reads its test, then one branch. An operand Python never reaches is never
 * evaluated here either, so its errors are not reported and what it would build costs no work.
 */
import type { Span } from '../diagnostics/span.js';
import type { Expr } from './tree.js';
import type { Value } from './value.js';
import { respan, type EvalContext } from './evaluate-expr.js';
import { isPoison, type Evaluate } from './evaluate-operand.js';

/**
 * Python 2's truth of a value (PyObject_IsTrue): false for zero of every number type (-0.0 too),
 * empty strings, lists and tuples, None and False; null for a number whose text is no number
 * (already reported: whatever reads it stays silent).
 */
export function truthOf(v: Value): boolean | null {
  switch (v.kind) {
    case 'bool':
      return v.value;
    case 'none':
      return false;
    case 'number':
      return isPoison(v) ? null : v.value !== 0;
    case 'string':
      return v.value.length > 0;
    case 'list':
      return v.items.length > 0;
    case 'word':
      // `numa = on` read as the word "on" (XM0520): a non-empty string to whoever reads it.
      return true;
  }
}

/**
 * `a or b or c` / `a and b and c`: the first operand whose truth decides (true for `or`, false for
 * `and`), else the last, as it is (a list keeps being the same list: decision 093); the operands
 * after it are not evaluated.
 */
export function evalBoolOp(op: 'and' | 'or', operands: readonly Expr[], span: Span, ctx: EvalContext, depth: number, evaluate: Evaluate): Value | null {
  const stopAt = op === 'or';
  for (let k = 0; k < operands.length; k++) {
    const v = evaluate(operands[k]!, ctx, depth + 1);
    if (v === null) return null;
    if (k === operands.length - 1) return respan(v, span);
    const truth = truthOf(v);
    if (truth === null) return null;
    if (truth === stopAt) return respan(v, span);
  }
  return null;
}

/** `not x`: a bool. */
export function evalNot(operand: Expr, span: Span, ctx: EvalContext, depth: number, evaluate: Evaluate): Value | null {
  const v = evaluate(operand, ctx, depth + 1);
  const truth = v === null ? null : truthOf(v);
  return truth === null ? null : { kind: 'bool', value: !truth, span: { start: span.start, end: span.end } };
}

/** `body if test else orelse`: the test first, then the one branch it picks (the other is not evaluated). */
export function evalConditional(body: Expr, test: Expr, orelse: Expr, span: Span, ctx: EvalContext, depth: number, evaluate: Evaluate): Value | null {
  const t = evaluate(test, ctx, depth + 1);
  const truth = t === null ? null : truthOf(t);
  if (truth === null) return null;
  const v = evaluate(truth ? body : orelse, ctx, depth + 1);
  return v === null ? null : respan(v, span);
}
