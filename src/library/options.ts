/**
 * @fileoverview The options a library function was given, read as user input (decision 066): only
 * the documented names, each inside try (a getter or a Proxy may throw), each checked against its
 * kind. What is wrong comes back as messages (`options.dialect must be …`); the caller turns them
 * into findings (XM0111; plan's XM0413) instead of throwing.
 */
import { plainData, thrownText } from './plain-data.js';

/** What an option's value must be: one of some words, or a kind checked by {@link fitsKind}. */
export type Kind = readonly string[] | 'string' | 'count' | 'integer' | 'defines' | 'input';

const KIND_TEXT: Record<Exclude<Kind, readonly string[]>, string> = {
  string: 'a string',
  count: 'a whole number of 0 or more',
  integer: 'a whole number',
  defines: 'an object of strings and numbers',
  input: 'anything',
};

/** Whether a value is of a kind; `input` is user input (a host), which any value is: the stage judges it. */
function fitsKind(v: unknown, kind: Kind): boolean {
  if (typeof kind !== 'string') return kind.includes(v as string);
  if (kind === 'string') return typeof v === 'string';
  if (kind === 'count') return Number.isSafeInteger(v) && (v as number) >= 0;
  if (kind === 'integer') return Number.isSafeInteger(v);
  if (kind === 'input') return true;
  // defines comes copied as plain data (readOptions), where bytes stay whole: those are not names.
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && Object.values(v).every((d) => typeof d === 'string' || typeof d === 'number');
}

/** A value as a message quotes it. */
export function describeValue(v: unknown): string {
  // A BigInt prints with its `n` (1n, not 1): "got 1" for { cursor: 1n } hid why 1 was refused.
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'function') return 'a function';
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : String(v);
  try {
    return Array.isArray(v) ? 'an array' : 'an object';
  } catch {
    return 'a revoked Proxy';
  }
}

/** What a value is, for "must be an object, got …" (typeof's words, an array and null named). */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  try {
    return Array.isArray(v) ? 'an array' : 'object';
  } catch {
    return 'a revoked Proxy';
  }
}

/**
 * The options a caller passed, as a new object holding only the names of `kinds` (undefined and null
 * options mean the defaults), and what is wrong with them: options that are not an object or cannot
 * be read, or each option that cannot be read or whose value is outside its kind (empty when nothing is).
 */
export function readOptions<T extends object>(options: unknown, kinds: Record<string, Kind>): { picked: T; problems: string[] } {
  if (options === undefined || options === null) return { picked: {} as T, problems: [] };
  const kind = kindOf(options);
  if (kind !== 'object') return { picked: {} as T, problems: [`options must be an object, got ${kind}`] };
  const picked: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, k] of Object.entries(kinds)) {
    let v: unknown;
    try {
      v = (options as Record<string, unknown>)[name];
    } catch (e) {
      problems.push(`options.${name} cannot be read: ${thrownText(e)}`);
      continue;
    }
    if (v === undefined) continue;
    // An object-valued option (defines) is copied first: its getters and Proxies are the caller's.
    if (k === 'defines') {
      const copied = plainData(v);
      if (copied.problems.length > 0) {
        problems.push(...copied.problems.map((p) => `options.defines${p.path === '' ? '' : p.path.startsWith('[') ? p.path : `.${p.path}`} ${p.why}`));
        continue;
      }
      v = copied.value;
    }
    if (!fitsKind(v, k)) {
      const want = typeof k === 'string' ? KIND_TEXT[k as keyof typeof KIND_TEXT] : `one of ${(k as readonly string[]).join(', ')}`;
      problems.push(`options.${name} must be ${want}, got ${describeValue(v)}`);
      continue;
    }
    picked[name] = v;
  }
  return { picked: picked as T, problems };
}
