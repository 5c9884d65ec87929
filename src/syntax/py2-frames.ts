/**
 * @fileoverview The frames of ./py2-stack.ts's machine (one per open bracket and one for the
 * statement), the depths Python 2's grammar gives each kind of statement, and what changes a frame
 * alone (decision 055).
 */

/** Entries of Python 2's parser stack: pushing one more overflows it. */
export const PY2_STACK = 1500;

export const enum F {
  Stmt,
  Paren,
  List,
  Brace,
  Call,
  Sub,
  Backquote,
  /** Parameters (a `def`'s sublists, a lambda's): nothing in them is counted. */
  Params,
}

/** One open bracket (or the statement itself). Depths are stack sizes counted from 1 at file_input. */
export interface Frame {
  kind: F;
  /** Atom depth of a plain operand of the current test here (no prefix operators). */
  base: number;
  /** The base an element had when the bracket opened (a comprehension's clauses move `base`). */
  elem: number;
  /** Extras that last to the end of the test: `lambda` 2, `else` 1; a `*`/`**` argument -1. */
  test: number;
  /** `not` prefixes: to the next `and`, `or`, `if`, `else`. */
  not: number;
  /** Unary operators and `**`: to the next binary operator. */
  factor: number;
  /** Depth of the last atom (a trailer is pushed at it). */
  atom: number;
  /** A bracket: the depth of its own atom (or trailer) in the frame around it. */
  self: number;
  /** Lambdas whose `:` is still to come (their parameters are being read). */
  lambdas: number;
  /** Conditional `if`s waiting for their `else`. */
  conds: number;
  /** A subscript: colons of the current subscript. */
  colons: number;
  /** A comprehension: the depth of its current clause node (comp_for, list_if …); -1 before `for`. */
  clause: number;
  /** In a `for`'s targets (before `in`): a comprehension's or a for statement's. */
  target: boolean;
  /** A `def`'s parameter list, and whether a default value is being read. */
  defParams: boolean;
  defaultValue: boolean;
  /** A lambda's default values being read: the frame's state to restore at their end (lambdas, test, not, factor, conds). */
  defaults: number[][];
  /** Where the bracket opened (the finding's span). */
  start: number;
  end: number;
}

/** A frame for a bracket (or the statement) whose plain operands are atoms at `base`. */
export const newFrame = (kind: F, base: number, self: number, start: number, end: number): Frame => ({
  kind,
  base,
  elem: base,
  test: 0,
  not: 0,
  factor: 0,
  atom: base,
  self,
  lambdas: 0,
  conds: 0,
  colons: 0,
  clause: -1,
  target: false,
  defParams: false,
  defaultValue: false,
  defaults: [],
  start,
  end,
});

/**
 * Atom depth of a statement's expression (its first testlist or test), at the top level, by the word
 * that starts it: `print x` sits under print_stmt, `if x:` under compound_stmt and if_stmt, and so
 * on. 0: nothing is counted (import, global). `def` and `class` name their atom at the depth from
 * which the `(` after the name, read as a call, gives their parameters' depth.
 */
export const STMT_BASE: ReadonlyMap<string, number> = new Map([
  ['if', 18],
  ['elif', 18],
  ['while', 18],
  ['else', 18],
  ['try', 18],
  ['finally', 18],
  ['for', 14],
  ['with', 19],
  ['except', 19],
  ['print', 19],
  ['assert', 19],
  ['raise', 20],
  ['return', 21],
  ['yield', 22],
  ['del', 15],
  ['exec', 14],
  ['def', 4],
  ['class', 3],
  ['import', 0],
  ['from', 0],
  ['global', 0],
  ['pass', 0],
  ['break', 0],
  ['continue', 0],
  ['nonlocal', 0],
]);
/** Statements ended by a `:` after which a simple statement may follow on the same line. */
export const HEADERS = new Set(['if', 'elif', 'while', 'else', 'try', 'finally', 'for', 'with', 'except', 'def', 'class']);
/** An expression statement's atoms: expr_stmt, testlist, test … atom under small_stmt. */
export const EXPR_BASE = 20;
/** The decorator's name: decorated, decorators, decorator; its `(` read as a call gives arglist's depth. */
export const DECORATOR_BASE = 6;

/**
 * A lambda's default value: varargslist, test … atom under lambdef, one deeper than its body's
 * atoms. It is read as an expression; its end (`,` or `:`) gives the parameters back.
 */
export function lambdaDefault(f: Frame): void {
  f.defaults.push([f.lambdas, f.test, f.not, f.factor, f.conds]);
  f.lambdas = 0;
  f.test++;
  f.not = f.factor = f.conds = 0;
}

/** The end of a lambda's default value: back to its parameters. */
export function endDefault(f: Frame): void {
  const s = f.defaults.pop()!;
  [f.lambdas, f.test, f.not, f.factor, f.conds] = s as [number, number, number, number, number];
}

/** The operand's atom depth: the test's base and the prefixes that still apply. */
export function depth(f: Frame): number {
  return f.base + f.test + f.not + f.factor;
}
