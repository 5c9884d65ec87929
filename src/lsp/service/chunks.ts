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
 * them); without a CR both cut alike.
 */
export function splitChunks(text: string, xl = false): [number, number][] {
  const inDouble = xl ? IN_DOUBLE_XL : IN_DOUBLE;
  const inSingle = xl ? IN_SINGLE_XL : IN_SINGLE;
  const lineEnd = xl ? LINE_END_XL : LINE_END;
  const out: [number, number][] = [];
  const n = text.length;
  let chunkStart = 0;
  let depth = 0;
  let quote = 0; // 34 or 39 inside a one-line string
  let triple = 0; // 34 or 39 inside a triple-quoted string
  let continued = false; // the previous line ended with a backslash
  let starts = 0;
  let i = 0;
  let lineStart = true;
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      if (depth === 0 && !quote && !triple && !continued && i > chunkStart && isStatementStart(text, i)) {
        starts++;
        if ((lineHash(text, i) & (SPREAD - 1)) === 0 || starts >= MAX_STARTS) {
          out.push([chunkStart, i]);
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
