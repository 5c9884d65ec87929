/**
 * @fileoverview The common result of parsing one device spec string: the typed object, where each
 * field came from inside the string, and the problems found (offsets relative to the string).
 */

/**
 * A problem inside a spec string; `unknownKey` marks an unrecognised key (start..end is the key): its
 * code, XM0222 or XM0218, comes from the spec family's entry in catalogue/unknown-spec-keys.ts.
 */
export interface SpecProblem {
  start: number;
  end: number;
  message: string;
  unknownKey?: boolean;
  /** A hint for the finding (how to write it instead). */
  hint?: string;
}

/** Result of a spec parser. */
export interface SpecParse<T> {
  value: T;
  /** field name → [start, end) of its text inside the spec string. */
  fields: Record<string, [number, number]>;
  problems: SpecProblem[];
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
