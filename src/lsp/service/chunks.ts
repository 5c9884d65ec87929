/**
 * @fileoverview Content-defined chunks of a config text, for incremental parsing in the editor.
 * A chunk boundary is a line start where a new top-level statement begins (outside brackets,
 * strings and continuations, at column 0, not an `else:`-like block continuation) and whose line
 * hashes to 0 mod 16. Because boundaries depend only on nearby content, a keystroke changes one
 * chunk and every other chunk keeps its text, so its parse can be reused.
 */

/** Average statements per chunk is about this (a power of two: the hash is masked). */
const SPREAD = 16;
/** A run of this many statement starts without a natural boundary gets a forced one. */
const MAX_STARTS = 512;
/** Python block continuations that must stay with the block before them. */
const CONTINUATIONS = ['else', 'elif', 'except', 'finally'];

// Characters the scanner must look at in each state; everything between them is skipped by a
// native search. Each pattern is one character class: no backtracking.
const CODE = /["'#[\](){}\\\n\r]/g;
const IN_DOUBLE = /["\\\n\r]/g;
const IN_SINGLE = /['\\\n\r]/g;
const IN_TRIPLE_DOUBLE = /["\\\n\r]/g;
const IN_TRIPLE_SINGLE = /['\\\n\r]/g;
const LINE_END = /[\n\r]/g;
// The xl reading (libxlu): a CR inside a one-line string or a comment is one of its characters,
// so only LF ends them; in code a CR ends the line in both readings (a Newline token).
const IN_DOUBLE_XL = /["\\\n]/g;
const IN_SINGLE_XL = /['\\\n]/g;
const LINE_END_XL = /\n/g;

/** Index of the next match of `re` at or after `from`, or -1. */
function next(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex - 1 : -1;
}

/**
 * Half-open [start, end) offsets of the chunks; they cover the text without gaps. `xl`: cut as the
 * text is lexed for xl (a CR inside a string or comment is text), else as xm reads it (a CR ends
 * them); without a CR both cut alike. `from`: start at this cut of an earlier split (the scanner's
 * state is the same at every cut); `stop`: end after the first cut it accepts (the last chunk then
 * ends there, before the end of the text).
 */
export function splitChunks(text: string, xl = false, from = 0, stop?: (at: number) => boolean): [number, number][] {
  const inDouble = xl ? IN_DOUBLE_XL : IN_DOUBLE;
  const inSingle = xl ? IN_SINGLE_XL : IN_SINGLE;
  const lineEnd = xl ? LINE_END_XL : LINE_END;
  const out: [number, number][] = [];
  const n = text.length;
  let chunkStart = from;
  let depth = 0;
  let quote = 0; // 34 or 39 inside a one-line string
  let triple = 0; // 34 or 39 inside a triple-quoted string
  let continued = false; // the previous line ended with a backslash
  let starts = 0;
  let i = from;
  let lineStart = true;
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      if (depth === 0 && !quote && !triple && !continued && i > chunkStart && isStatementStart(text, i)) {
        starts++;
        if ((lineHash(text, i) & (SPREAD - 1)) === 0 || starts >= MAX_STARTS) {
          out.push([chunkStart, i]);
          if (stop?.(i)) return out;
          chunkStart = i;
          starts = 0;
        }
      }
      continued = false;
    }
    const re = triple ? (triple === 34 ? IN_TRIPLE_DOUBLE : IN_TRIPLE_SINGLE) : quote ? (quote === 34 ? inDouble : inSingle) : CODE;
    const at = next(re, text, i);
    if (at < 0) break;
    const c = text.charCodeAt(at);
    i = at + 1;
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i) === 10) i++;
      if (quote) quote = 0; // an unterminated one-line string ends at the line end
      lineStart = true;
      continue;
    }
    if (c === 92) {
      const d = text.charCodeAt(i);
      if (quote || triple) {
        // An escape; a backslash-newline continues the string on the next line.
        i += d === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      } else if (d === 10 || d === 13) continued = true;
      continue;
    }
    if (triple) {
      if (c === triple && text.charCodeAt(i) === triple && text.charCodeAt(i + 1) === triple) {
        triple = 0;
        i += 2;
      }
      continue;
    }
    if (quote) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === 35) {
      const e = next(lineEnd, text, i);
      i = e < 0 ? n : e;
    } else if (c === 34 || c === 39) {
      if (text.charCodeAt(i) === c && text.charCodeAt(i + 1) === c) {
        triple = c;
        i += 2;
      } else quote = c;
    } else if (c === 91 || c === 40 || c === 123) depth++;
    else if (depth > 0) depth--; // ] ) }
  }
  out.push([chunkStart, n]);
  return out;
}

function isStatementStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return false;
  for (const w of CONTINUATIONS) {
    if (text.startsWith(w, i)) {
      const after = text.charCodeAt(i + w.length);
      if (!((after >= 97 && after <= 122) || (after >= 48 && after <= 57) || after === 95)) return false;
    }
  }
  return true;
}

/** FNV-1a over the first 64 characters of the line at `i`. */
function lineHash(text: string, i: number): number {
  let h = 0x811c9dc5;
  for (let k = i, end = Math.min(text.length, i + 64); k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * How far a cut's decision reads: the state before it (the text before it, and at most two
 * characters past a CR ending the line before) and the line at it (lineHash reads 64 characters).
 */
const CUT_WINDOW = 66;

/** How an edited text's chunks follow from the previous version's (see resplit). */
export interface Resplit {
  /** The old chunks before this index are unchanged, at the same offsets. */
  keep: number;
  /** The new chunks after them, offsets in the new text. */
  fresh: [number, number][];
  /** The old chunks from this index on follow, moved by `delta` (none when it is the old chunk count). */
  resume: number;
  /** New length minus old length. */
  delta: number;
}

/**
 * The chunks of `text` (as splitChunks(text, xl) cuts them) from those of `old`, scanning only
 * around the edit: the cuts before it whose decision read only unchanged text stand, and once the
 * scan cuts in the unchanged end where the old split cut, the rest is the old split moved (a cut
 * leaves the scanner in the same state whatever came before). A keystroke scans about one chunk
 * instead of the whole text.
 */
export function resplit(old: string, oldChunks: readonly [number, number][], text: string, xl: boolean): Resplit {
  const delta = text.length - old.length;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  let keep = 0;
  while (keep < oldChunks.length - 1 && oldChunks[keep]![1] + CUT_WINDOW <= prefix) keep++;
  const from = keep > 0 ? oldChunks[keep - 1]![1] : 0;
  const unchangedFrom = text.length - suffix;
  let resume = oldChunks.length;
  const fresh = splitChunks(text, xl, from, (at) => {
    if (at < unchangedFrom) return false;
    const j = chunkStartingAt(oldChunks, at - delta);
    if (j < 0) return false;
    resume = j;
    return true;
  });
  return { keep, fresh, resume, delta };
}

/** The index of the chunk that starts at `at`, or -1 (binary search). */
function chunkStartingAt(chunks: readonly [number, number][], at: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = chunks[mid]![0];
    if (s === at) return mid;
    if (s < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Compared a block at a time: equal slices compare natively, a character loop runs in one block only. */
const BLOCK = 1024;

/** Length of the common start of `a` and `b`. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of `a` and `b`, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  while (k + BLOCK <= max && a.slice(a.length - k - BLOCK, a.length - k) === b.slice(b.length - k - BLOCK, b.length - k)) k += BLOCK;
  while (k < max && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}
