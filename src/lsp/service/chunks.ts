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

/** Half-open [start, end) offsets of the chunks; they cover the text without gaps. */
export function splitChunks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let chunkStart = 0;
  let depth = 0;
  let quote = 0; // 34 or 39 inside a one-line string
  let triple = 0; // 34 or 39 inside a triple-quoted string
  let continued = false; // the previous line ended with a backslash
  let starts = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // i is at a line start.
    const lineStart = i;
    if (depth === 0 && !quote && !triple && !continued && lineStart > chunkStart && isStatementStart(text, i)) {
      starts++;
      if ((lineHash(text, i) & (SPREAD - 1)) === 0 || starts >= MAX_STARTS) {
        out.push([chunkStart, lineStart]);
        chunkStart = lineStart;
        starts = 0;
      }
    }
    continued = false;
    // Scan the line.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (triple) {
        if (c === 92) i += 2;
        else if (c === triple && text.charCodeAt(i + 1) === triple && text.charCodeAt(i + 2) === triple) {
          triple = 0;
          i += 3;
        } else if (c === 10 || c === 13) break;
        else i++;
        continue;
      }
      if (quote) {
        // A backslash escapes the next character, a line break included (Python continues the string).
        if (c === 92) i += text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2;
        else if (c === quote) {
          quote = 0;
          i++;
        } else if (c === 10 || c === 13) {
          quote = 0; // an unterminated one-line string ends at the line end
          break;
        } else i++;
        continue;
      }
      if (c === 10 || c === 13) break;
      if (c === 35) {
        // A comment runs to the line end.
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        break;
      }
      if (c === 34 || c === 39) {
        if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
          triple = c;
          i += 3;
        } else {
          quote = c;
          i++;
        }
        continue;
      }
      if (c === 91 || c === 40 || c === 123) depth++;
      else if ((c === 93 || c === 41 || c === 125) && depth > 0) depth--;
      else if (c === 92 && (text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13)) continued = true;
      i++;
    }
    // Step over the line break (CRLF counts once).
    if (i < n) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i++;
    }
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
