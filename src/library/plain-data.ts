/**
 * @fileoverview A caller's object (a host, a config given to plan, an option's value) copied into
 * plain data before any stage reads it. Such objects are user input (parsed JSON, mostly), but a
 * JavaScript value may also be a revoked Proxy, hold a getter that throws, refer to itself, or be a
 * sparse array of 4 billion holes: each of these made a stage throw, recurse without end or run out
 * of memory. The copy reads every property once, inside try, and says where it could not (decision
 * 066); the stages then only ever see arrays, plain objects and primitives.
 */

/** One place in a value that could not be copied: its path (`nodes[0].cpus`) and why. */
export interface DataProblem {
  path: string;
  why: string;
}

/** Deepest nesting copied: a host is 4 levels deep, a config's vnuma 4; a value 64 deep is no host or config. */
export const MAX_DEPTH = 64;
/** Most items of one array: a host node's cpus list reaches 1,048,576 (CPU ids 0 to 1,048,575, host-schema.json). */
export const MAX_ITEMS = 1_048_576;
/** Most values copied in all: arrays that share one huge array would otherwise be copied again and again. */
export const MAX_VALUES = 4 * MAX_ITEMS;
/** Problems listed one by one (as the host's schema problems, MAX_HOST_SCHEMA_FINDINGS); the rest are counted. */
export const MAX_PROBLEMS = 20;

/** What {@link plainData} gives: the copy (undefined where nothing could be read) and the problems, empty when none. */
export interface PlainResult {
  value: unknown;
  problems: DataProblem[];
  /** Problems past MAX_PROBLEMS, counted, not listed. */
  more: number;
}

/** A thrown value as a message says it (a thrown Proxy or an object whose toString throws included). */
export function thrownText(e: unknown): string {
  try {
    if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') return (e as Error).message;
    return typeof e === 'symbol' ? e.toString() : String(e);
  } catch {
    return 'an exception';
  }
}

/** The path of a list of keys (`nodes[0].cpus`; `''` is the root). */
function pathOf(keys: readonly (string | number)[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += /^[A-Za-z_$][\w$]*$/.test(key) ? (path === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
  }
  return path;
}

/**
 * A plain-data copy of `value` (arrays, plain objects, primitives; typed arrays and functions are kept
 * as they are, for the stages to judge), and each place that could not be read. `keys`: of a root
 * object, copy only these (the keys a stage reads: a throwing getter elsewhere harms nothing).
 */
export function plainData(value: unknown, keys?: readonly string[]): PlainResult {
  const problems: DataProblem[] = [];
  let more = 0;
  let budget = MAX_VALUES;
  const holding = new Set<object>(); // the objects being copied: one met again below itself is a cycle
  // The keys from the root to the value being copied; a path string is built only for a problem
  // (building one per item made the copy of a 65,536-CPU host several times slower).
  const at: (string | number)[] = [];
  const problem = (why: string, key?: string | number): undefined => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path: pathOf(key === undefined ? at : [...at, key]), why });
    else more++;
    return undefined;
  };

  const copy = (v: unknown, only?: readonly string[]): unknown => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return v;
    // Bytes (a Buffer read without 'utf8') and functions stay whole: the stages say what they are.
    if (typeof v === 'function' || ArrayBuffer.isView(v) || isArrayBuffer(v)) return v;
    if (budget <= 0) return problem(`not read: the value holds more than ${MAX_VALUES} items and keys in all`);
    if (at.length >= MAX_DEPTH) return problem(`nested deeper than ${MAX_DEPTH} levels`);
    if (holding.has(v)) return problem('refers back to an object that holds it (a cycle): it is not JSON data');
    let isArray: boolean;
    try {
      isArray = Array.isArray(v);
    } catch (e) {
      return problem(`cannot be read: ${thrownText(e)}`);
    }
    holding.add(v);
    try {
      return isArray ? copyArray(v as unknown[]) : copyObject(v, only);
    } finally {
      holding.delete(v);
    }
  };

  const copyArray = (a: unknown[]): unknown => {
    let n: number;
    try {
      n = a.length;
    } catch (e) {
      return problem(`cannot be read: ${thrownText(e)}`);
    }
    if (n > MAX_ITEMS) return problem(`has ${n} items, more than the ${MAX_ITEMS} any list of a host or config may hold`);
    budget -= n;
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = read(a as unknown as Record<number, unknown>, i);
    return out;
  };

  const copyObject = (o: object, only?: readonly string[]): unknown => {
    let names: readonly string[];
    try {
      names = only ?? Object.keys(o);
    } catch (e) {
      return problem(`cannot be read: ${thrownText(e)}`);
    }
    if (names.length > MAX_ITEMS) return problem(`has ${names.length} keys, more than the ${MAX_ITEMS} any object of a host or config may hold`);
    budget -= names.length;
    const out: Record<string, unknown> = {};
    for (const k of names) {
      if (only) {
        let present: boolean;
        try {
          present = Object.hasOwn(o, k);
        } catch (e) {
          problem(`cannot be read: ${thrownText(e)}`, k);
          continue;
        }
        if (!present) continue;
      }
      const item = read(o as Record<string, unknown>, k);
      // defineProperty, not `out[k] =`: a key "__proto__" of parsed JSON is data, not the prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: item, enumerable: true, writable: true, configurable: true });
      else out[k] = item;
    }
    return out;
  };

  /** One item or property, read inside try; an object below is copied with its key on the path. */
  const read = (holder: Record<string | number, unknown>, key: string | number): unknown => {
    let item: unknown;
    try {
      item = holder[key];
    } catch (e) {
      return problem(`cannot be read: ${thrownText(e)}`, key);
    }
    if ((typeof item !== 'object' && typeof item !== 'function') || item === null) return item;
    at.push(key);
    try {
      return copy(item);
    } finally {
      at.pop();
    }
  };

  const out = copy(value, keys);
  return { value: out, problems, more };
}

/** Whether a value is an ArrayBuffer (the internal slot, so a Proxy is not one and throws nothing). */
export function isArrayBuffer(v: object): boolean {
  try {
    return v instanceof ArrayBuffer;
  } catch {
    return false;
  }
}
