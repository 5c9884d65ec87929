/**
 * @fileoverview "Did you mean" suggestions for unknown keys by edit distance.
 *
 * `suggest` runs once per unknown key, and a generated file can have hundreds of thousands of them
 * against ~200 known keys, so the search is bounded: candidates are pre-indexed by length and
 * character counts (two cheap lower bounds of the distance reject most of them), the survivors get a
 * banded distance that stops as soon as it cannot beat the best match so far, and answers are
 * cached per word. The result is the same as the plain search over every candidate.
 */

/** Optimal-string-alignment distance (a transposition counts as one edit), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Scratch rows for {@link boundedDistance}, grown on demand (no allocation per call). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * The same distance as {@link editDistance} when it is at most `max`, else `max + 1`; only cells
 * within `max` of the diagonal are computed, and the search stops once a whole row exceeds `max`
 * (a row's minimum never decreases, transpositions included).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (rowA.length < m + 2) {
    rowA = new Int32Array(m + 2);
    rowB = new Int32Array(m + 2);
    rowC = new Int32Array(m + 2);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < m ? i + max : m;
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      const left = cur[j - 1]! + 1;
      if (left < v) v = left;
      if (j > 1 && ca === b.charCodeAt(j - 2) && caPrev === cb) {
        const t = prev2[j - 2]! + 1;
        if (t < v) v = t;
      }
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this row's band: it must count as "too far".
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > max) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m]!;
  return d > max ? over : d;
}

/** Candidates prepared once per list: lengths and per-candidate character codes. */
interface CandidateIndex {
  list: readonly string[];
  lengths: Int32Array;
  /** Character classes present in each candidate (see {@link classMask}). */
  masks: Int32Array;
  /** Answers already computed for a lowercased word (bounded; cleared when full). */
  cache: Map<string, string | undefined>;
}

const CACHE_LIMIT = 4096;
const indexes = new WeakMap<readonly string[], CandidateIndex>();
/** Character counts of the word being matched (UTF-16 code units), reset after each candidate. */
const counts = new Int32Array(65536);
/** Characters a candidate matched in `counts` (to give them back); grown on demand. */
let taken = new Int32Array(256);

function indexOf(candidates: readonly string[]): CandidateIndex {
  let ix = indexes.get(candidates);
  // A caller may append to its list between calls: rebuild when the length changed.
  if (!ix || ix.lengths.length !== candidates.length) {
    const lengths = new Int32Array(candidates.length);
    const masks = new Int32Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      lengths[i] = candidates[i]!.length;
      masks[i] = classMask(candidates[i]!);
    }
    ix = { list: candidates, lengths, masks, cache: new Map() };
    indexes.set(candidates, ix);
  }
  return ix;
}

/**
 * The set of character classes in a string as 32 bits: a letter each, digits in four classes, `_`,
 * and one class for everything else. A class the other string lacks costs at least one edit.
 */
function classMask(s: string): number {
  let m = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    const bit = ch >= 97 && ch <= 122 ? ch - 97 : ch >= 48 && ch <= 57 ? 26 + ((ch - 48) & 3) : ch === 95 ? 30 : 31;
    m |= 1 << bit;
  }
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Lower bound of the distance from the character counts: every edit but a transposition changes
 * at most one character of each side, so the unmatched characters must all be edited.
 */
function bagBound(w: string, c: string): number {
  let matched = 0;
  for (let k = 0; k < c.length; k++) {
    const ch = c.charCodeAt(k);
    if (counts[ch]! > 0) {
      counts[ch]!--;
      taken[matched++] = ch;
    }
  }
  // Give back what this candidate took, so `counts` is the word's again.
  for (let k = 0; k < matched; k++) counts[taken[k]!]!++;
  return Math.max(w.length, c.length) - matched;
}

/**
 * Most edits a "did you mean" may be away, by word length: one per three characters (as rustc's
 * limit), none for one- or two-letter words. Two edits in a four-letter word guessed `foo1` →
 * `pool` and `base` → `name`, each with a machine fix to rename the key.
 */
export function suggestLimit(length: number): number {
  return length <= 2 ? 0 : Math.min(3, Math.max(1, Math.floor(length / 3)));
}

/** The closest candidate within a length-dependent distance, or undefined. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = suggestLimit(word.length);
  const w = word.toLowerCase();
  const ix = indexOf(candidates);
  // The tie-break looks at the word as written (first letter), so the cache key is the word itself.
  if (ix.cache.has(word)) return ix.cache.get(word);
  const wl = w.length;
  for (let k = 0; k < wl; k++) counts[w.charCodeAt(k)]!++;
  let best: string | undefined;
  let bestD = limit + 1;
  const lengths = ix.lengths;
  const masks = ix.masks;
  const wm = classMask(w);
  for (let i = 0; i < candidates.length; i++) {
    const diff = lengths[i]! - wl;
    // Only a distance up to bestD can change the answer (equal ones can win the tie-break).
    const max = bestD <= limit ? bestD : limit;
    if (diff > max || -diff > max) continue;
    const cm = masks[i]!;
    if (popcount(wm & ~cm) > max || popcount(cm & ~wm) > max) continue;
    const c = candidates[i]!;
    if (c.length > taken.length) taken = new Int32Array(c.length);
    if (bagBound(w, c) > max) continue;
    const dist = boundedDistance(w, c, max);
    // Ties go to a candidate with the same first letter (typos rarely hit the first one).
    if (dist < bestD || (dist === bestD && best !== undefined && c[0] === word[0] && best[0] !== word[0])) {
      best = c;
      bestD = dist;
    }
  }
  for (let k = 0; k < wl; k++) counts[w.charCodeAt(k)] = 0;
  if (ix.cache.size >= CACHE_LIMIT) ix.cache.clear();
  ix.cache.set(word, best);
  return best;
}
