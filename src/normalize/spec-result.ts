/**
 * @fileoverview The common result of parsing one device spec string: the typed object, where each
 * field came from inside the string, and the problems found (offsets relative to the string).
 */
import { suggest } from '../diagnostics/suggest.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Value } from '../syntax/value.js';
import { contentOffset } from './values.js';

/**
 * A problem inside a spec string; `unknownKey` marks an unrecognised key (start..end is the key): its
 * code, XM0222 or XM0218, comes from the spec family's entry in catalogue/unknown-spec-keys.ts.
 */
export interface SpecProblem {
  start: number;
  end: number;
  message: string;
  unknownKey?: boolean;
  /**
   * For an unknown key, the known key it is a misspelling of (`modle` → model, {@link misspelt}):
   * the finding then hints "did you mean" and carries the rename, as an unknown top-level key does.
   */
  suggestion?: string;
  /** A hint for the finding (how to write it instead). */
  hint?: string;
  /**
   * The value is not a number, but xl reads it with a lenient C reader and goes on with what that
   * reads: in the xl dialect the finding is XM0231 (a warning) with this message and hint, in place
   * of the error `message` (which the xm dialect keeps).
   */
  xlReads?: { message: string; hint: string };
  /**
   * An item without "=" where xl's loop stops reading the string (vfb, vtpm, pvcalls): in the xl
   * dialect the finding is XM0232 (a warning), and nothing after the item was read.
   */
  endsXlRead?: boolean;
  /**
   * xl prints a warning about the item, or the setting has no effect, and the guest is created: in
   * the xl dialect the finding is this code (a warning) with this message and hint, in place of the
   * error `message` (which the xm dialect keeps). Also XM0234 (an error): xl takes the item and
   * libxl then fails to create the guest (a pci name= no assignable device can have).
   */
  xlWarns?: { code: string; message: string; hint: string };
  /** xm: the problem is an xl key xm's parser did not know (pci-xm.ts), which read-spec-list.ts reports as xl-only. */
  xlKey?: boolean;
  /** The xm counterpart of `xlWarns`: xm reads the item as nothing and goes on (XM0272, a warning, in the xm dialect only). */
  xmWarns?: { code: string; message: string; hint: string };
}

/** Result of a spec parser. */
export interface SpecParse<T> {
  value: T;
  /** field name → [start, end) of its text inside the spec string. */
  fields: Record<string, [number, number]>;
  problems: SpecProblem[];
  /** Where xl's loop stopped reading (an item without "=", `stopAtBare`): items from here are never read. */
  stoppedAt?: number;
}

/**
 * `{ suggestion }` when the unknown `key` is near one of `keys` (the spec's own keys; a list that
 * stays the same between calls, as the search indexes it), else `{}`: spread into the problem. The
 * search is the one unknown top-level keys use (XM0101's "did you mean"); failing that, a key of 4
 * or more characters that starts exactly one known key is taken as its abbreviation (`msitrans=`
 * → msitranslate, 4 edits away: device keys are long, and cut short more often than mistyped).
 */
export function misspelt(key: string, keys: readonly string[]): { suggestion?: string } {
  let guess = suggest(key, keys);
  if (guess === undefined && key.length >= 4) {
    const longer = keys.filter((k) => k.length > key.length && k.startsWith(key));
    if (longer.length === 1) guess = longer[0];
  }
  return guess === undefined ? {} : { suggestion: guess };
}

/**
 * The "did you mean" hint for a key misspelt as `suggestion`'s and the fix renaming it, as an unknown
 * top-level key has them (XM0101); the fix only where `span` is the key's own text inside the string
 * `item` (a string with escapes maps its items to the whole value, where a rename would replace the string).
 */
export function renameExtra(suggestion: string, item: Value, span: Span): { hint: string; fixes?: Fix[] } {
  const hint = `did you mean "${suggestion}"?`;
  if (contentOffset(item) === null) return { hint };
  return { hint, fixes: [{ title: `Rename to ${suggestion}`, edits: [{ span, text: suggestion }] }] };
}

/** {@link renameExtra} for an unknown `key` near one of `keys` ({@link misspelt}), at `span` inside `item`; null when none is near. */
export function misspeltExtra(key: string, keys: readonly string[], item: Value, span: Span): { hint: string; fixes?: Fix[] } | null {
  const { suggestion } = misspelt(key, keys);
  return suggestion === undefined ? null : renameExtra(suggestion, item, span);
}

/** Start a result for a spec string. */
export function specResult<T extends { spec: string }>(spec: string): SpecParse<T> {
  return { value: { spec } as T, fields: {}, problems: [] };
}

/** Read "0"/"1" style booleans of spec strings (any integer; 0 is false). */
export function specBool(text: string): boolean | null {
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text) !== 0;
}

/**
 * The XM0231 note of a value xl reads leniently: what xl takes, and for a flag whether it is on.
 * `value` is the text, `n` what {@link xlNumber} read, `flag` whether the field is a boolean.
 */
export function xlReadsNote(key: string, value: string, reader: string, n: number, flag: boolean): { message: string; hint: string } {
  const reads = reader === 'parse_ulong' ? 'xl reads its leading digits' : `xl reads it with ${reader}`;
  const onOff = flag ? `, so ${key} is ${n === 0 ? 'off' : 'on'}` : '';
  return {
    message: `${key}=${value} is not a whole number: ${reads} as ${n}${onOff}`,
    hint: flag ? `write ${key}=1 for on or ${key}=0 for off` : `write the number xl should use (${key}=${n} is what it uses now)`,
  };
}
