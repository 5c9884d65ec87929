/**
 * @fileoverview The contract between the syntax layer and normalisation: evaluated values and the
 * ordered list of settings of a file, each remembering its spans. Both dialects produce this shape;
 * xm expressions are already evaluated (safely) and `+=` already applied.
 */
import type { Span } from '../diagnostics/span.js';

/** A string value: quoted text after escapes, or xl's unquoted NUMBER read where a string is wanted. */
export interface StringValue {
  kind: 'string';
  value: string;
  span: Span;
  /**
   * xm only: a Python 2 unicode string (`u'...'`, or built from one), whose repr is `u'...'`. xm
   * copied only byte strings into its options (create.py's vtypes), so normalisation can tell them apart.
   */
  unicode?: true;
  /**
   * xm only, a byte string with non-ASCII characters written in the source (under a coding
   * declaration): Python 2 holds each as its UTF-8 bytes (`'é'` is `'\xc3\xa9'`). Without it a byte
   * string's characters U+0080–U+00FF are single bytes (`'\xe9'`); src/syntax/byte-text.ts.
   */
  utf8?: true;
  /**
   * xm only, a unicode string: UTF-16 offsets of high surrogates that, with the low surrogate after
   * them, are two code points to Python 2 (a wide build never joins surrogates: u'\ud800\udc00' has
   * length 2, u'\U00010000' 1); src/syntax/py2-unicode.ts. Absent: every pair is one character.
   */
  split?: readonly number[];
}

/**
 * A number. `text` is the source spelling (xl keeps numbers as text: `12abc` is a NUMBER token whose
 * `value` is null); `value` is the strtol/Python reading, or null when the text is not a number.
 */
export interface NumberValue {
  kind: 'number';
  text: string;
  value: number | null;
  span: Span;
  /**
   * xm only: the Python 2 type of the number. xm copied int and float variables into the options but
   * silently dropped longs (`1L`), so normalisation can tell them apart. Absent in xl.
   */
  pyType?: 'int' | 'long' | 'float';
}

/** xm's True/False. */
export interface BoolValue {
  kind: 'bool';
  value: boolean;
  span: Span;
}

/** xm's None. */
export interface NoneValue {
  kind: 'none';
  span: Span;
}

/** A bare word used as a value (only the RFC's `numa = on` spelling is accepted; kept for diagnostics). */
export interface WordValue {
  kind: 'word';
  value: string;
  span: Span;
}

/** A list `[a, b]` or (xm) a tuple `(a, b)` / bare `a, b`. */
export interface ListValue {
  kind: 'list';
  items: Value[];
  tuple: boolean;
  span: Span;
}

/** Any evaluated value. */
export type Value = StringValue | NumberValue | BoolValue | NoneValue | WordValue | ListValue;

/** One assignment statement of the file, in source order (duplicates included: last one wins). */
export interface Setting {
  key: string;
  keySpan: Span;
  op: '=' | '+=';
  /** The effective value after this statement (for `+=`, the combined value). */
  value: Value;
  /** Span of the right-hand side as written. */
  valueSpan: Span;
  /** Span of the whole statement. */
  span: Span;
  /**
   * xl only: the setting was made with `+=`. libxlu's numeric getters refuse such settings
   * ("can't use += with numbers"), so normalisation must too.
   */
  appended?: boolean;
  /**
   * xm only: the key's earlier value was read by an expression since it was bound (`memory =
   * memory * 2`, or a helper variable used and then set again), so this `=` does not discard it.
   */
  updates?: boolean;
}

export type Dialect = 'xl' | 'xm';

/**
 * Takes over settings a caller does not want kept in `settings` (ParseOptions.divert): the CLI's
 * check reports unknown keys as they come instead of holding a 10 MB file's 250,000 values.
 */
export interface SettingSink {
  /** true: the sink took the setting and it is not kept in the result's `settings`. */
  take(setting: Setting): boolean;
  /** Forget every setting taken: the text is being evaluated again (as xm, after an xl attempt). */
  reset(): void;
}

/**
 * An assignment the file makes whose value is not known: its expression was not evaluated (an xm
 * function call, a failed operation, an xl `+=` that does not join), or it sits in (or is) a
 * statement that is not run (an xm `if` block, `a, b = ...`). It yields no setting, yet the key was
 * written: later stages must not read its absence as the key's default.
 */
export interface UnreadAssignment {
  key: string;
  /** The target name as written, or the statement's header line when the name has no span of its own. */
  keySpan: Span;
  /** Offset of the statement: an evaluated setting of the key after it makes the key known again. */
  at: number;
  why: 'not-evaluated' | 'not-read';
}
