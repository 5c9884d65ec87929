/**
 * @fileoverview Repeated keys in host JSON. JSON.parse keeps the last of two equal keys in one
 * object without a word, so a host file with two "free_mib" in a node (a hand edit, a bad merge)
 * was planned with whichever came last. This scanner walks text JSON.parse has already accepted and
 * reports each key that repeats one of its object, with both places (1-based lines and columns in
 * UTF-16 code units, as every other position xmcfg prints).
 */
import { LineIndex } from '../diagnostics/line-index.js';

/** A key written again in the same object. */
export interface RepeatedKey {
  /** The key, decoded (`"free\u005fmib"` repeats `"free_mib"`). */
  key: string;
  /** Where the object is, in the spelling of host messages: `nodes[1]`, `nodes[0].distances`, `host`. */
  where: string;
  line: number;
  column: number;
  firstLine: number;
  firstColumn: number;
}

/**
 * An open container. An object's keys map to the offset where each was first written (a position
 * is worked out only for a key that repeats: a 1024-node host has a million distance keys).
 */
type Frame = { kind: 'object'; keys: Map<string, number>; key: string | null } | { kind: 'array'; index: number };

/** The path of the innermost container, in host-message spelling (see host-check.ts fieldName). */
function whereOf(stack: readonly Frame[]): string {
  let out = '';
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i]!;
    if (f.kind === 'array') out += `[${f.index}]`;
    else out += out === '' ? (f.key ?? '') : `.${f.key ?? ''}`;
  }
  return out === '' ? 'host' : out;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Keys that repeat in one object of `text`, which must be JSON that JSON.parse accepts (the scan
 * checks no syntax). Iterative, so any nesting depth JSON.parse takes is fine. Linear in the text:
 * a key without escapes is its slice (JSON.parse only for one with a backslash), and lines are
 * counted only for the keys found repeated.
 */
export function repeatedJsonKeys(text: string): RepeatedKey[] {
  const found: RepeatedKey[] = [];
  const stack: Frame[] = [];
  let index: LineIndex | null = null;
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      stack.push({ kind: 'object', keys: new Map(), key: null });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: 'array', index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      expectKey = top?.kind === 'object';
    } else if (c === QUOTE) {
      // A string: scan to its closing quote (JSON strings hold no raw line breaks).
      let j = i + 1;
      let escaped = false;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escaped = true;
          j += 2;
        } else j++;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const first = top.keys.get(key);
        top.key = key;
        if (first === undefined) top.keys.set(key, i);
        else {
          index ??= new LineIndex(text);
          const at = index.position(i);
          const was = index.position(first);
          found.push({ key, where: whereOf(stack), line: at.line, column: at.column, firstLine: was.line, firstColumn: was.column });
        }
        expectKey = false;
      }
      i = j;
    }
    i++;
  }
  return found;
}

/**
 * Whether `data`, JSON.parse's value of `text`, kept every key `text` writes: as many own keys as the
 * text has keys, each of which is followed by the one colon outside a string. A repeated key is
 * the only way to lose one, so when nothing is lost the position-tracking scan (repeatedJsonKeys:
 * a slice and a Map entry per key, a million for a 1,024-node host) is not needed. Strings are
 * skipped with indexOf; the short runs between them are read one character at a time.
 */
export function keptEveryKey(text: string, data: unknown): boolean {
  let written = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */) written++;
    else if (c === QUOTE) {
      // The closing quote: the next one not escaped (preceded by an even run of backslashes).
      let j = text.indexOf('"', i + 1);
      for (;;) {
        if (j < 0) return false; // not JSON.parse's text after all: the full scan decides
        let slashes = 0;
        while (text.charCodeAt(j - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      i = j;
    }
    i++;
  }
  return written === ownKeys(data);
}

/** Own keys of every object in a JSON value (walked without recursion: any depth JSON.parse takes). */
function ownKeys(data: unknown): number {
  let keys = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
      continue;
    }
    // Own keys only (a for-in would count keys Object.prototype might have been given too).
    keys += Object.keys(v).length;
    for (const x of Object.values(v)) if (x !== null && typeof x === 'object') stack.push(x);
  }
  return keys;
}

