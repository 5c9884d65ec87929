/**
 * @fileoverview What the readers of len(), subscripts (evaluate-access.ts) and comparisons
 * (evaluate-compare.ts) share: a failure found while reading operands, and charging what they read
 * and build to the file's work budget.
 */
import type { Span } from '../diagnostics/span.js';
import type { Expr } from './tree.js';
import type { Value } from './value.js';
import { chargeWork, report, type EvalContext } from './evaluate-expr.js';

/** Evaluates a sub-expression (evalXm, passed in so these modules do not import each other's values). */
export type Evaluate = (expr: Expr, ctx: EvalContext, depth: number) => Value | null;

/** A failure found while reading operands: its code, where, and Python's message. */
export interface Failure {
  code: string;
  span: Span;
  message: string;
  /** What to write instead, when there is a usual fix. */
  hint?: string;
}

/** Whether a result is a Failure. */
export const isFailure = (r: unknown): r is Failure => typeof r === 'object' && r !== null && 'code' in r && 'message' in r;

/** A number that is not known (its text is no number, already reported): whatever uses it stays silent. */
export const isPoison = (v: Value): boolean => v.kind === 'number' && v.value === null;

/**
 * Charge reading an operand to the file's work budget: indexing, len() and comparisons walk a string
 * (its bytes or code points) or a list, so `b = a[0]` repeated over a 1 MB `a` must not be free.
 */
export function read(ctx: EvalContext, v: Value, at: Span): boolean {
  return v.kind !== 'string' && v.kind !== 'list' ? true : chargeWork(ctx, v, at);
}

/** The result of an operation, charged to the file's work budget; a failure is reported and gives null. */
export function done(ctx: EvalContext, r: Value | Failure): Value | null {
  if (isFailure(r)) {
    report(ctx, r.code, r.span, r.message, r.hint);
    return null;
  }
  return chargeWork(ctx, r, r.span) ? r : null;
}
