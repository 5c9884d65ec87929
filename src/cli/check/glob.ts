/**
 * @fileoverview A small, safe glob matcher for `xmcfg check "guests/**\/*.cfg"`: `*` and `?` within a
 * path segment, `**` across segments, `[abc]`, `[a-z]`, `[!x]`/`[^x]`, and `\` to quote the next
 * character. No regular expressions: matching is the classic two-pointer wildcard walk (it
 * backtracks only to the last star), so it is O(pattern × path) even on hostile patterns.
 */

/** One piece of a segment pattern. */
type Token = { kind: 'literal'; ch: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: [string, string][] };

/** A compiled segment: `**` or a token list. */
type Segment = { kind: 'globstar' } | { kind: 'pattern'; tokens: Token[]; literal: string | null };

/** A glob compiled into segments, matched against `/`-separated relative paths. */
export interface Glob {
  source: string;
  segments: Segment[];
}

/** True when the text contains glob syntax (unquoted `*`, `?` or `[`). */
export function hasMagic(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Compile a pattern whose segments are separated by `/`. */
export function compileGlob(pattern: string): Glob {
  const segments: Segment[] = [];
  for (const part of splitSegments(pattern)) {
    if (part === '**') {
      // Consecutive globstars mean the same as one.
      if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    const tokens = tokenize(part);
    const literal = tokens.every((t) => t.kind === 'literal') ? tokens.map((t) => (t as { ch: string }).ch).join('') : null;
    segments.push({ kind: 'pattern', tokens, literal });
  }
  return { source: pattern, segments };
}

/** Split on `/` (a quoted `\/` does not split); empty segments from `//` are dropped. */
function splitSegments(pattern: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      cur += c + pattern[++i];
    } else if (c === '/') {
      if (cur !== '') parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') parts.push(cur);
  return parts;
}

function tokenize(seg: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\' && i + 1 < seg.length) tokens.push({ kind: 'literal', ch: seg[++i]! });
    else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '[') {
      const cls = readClass(seg, i);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else tokens.push({ kind: 'literal', ch: '[' }); // unclosed bracket: a literal '['
    } else tokens.push({ kind: 'literal', ch: c });
  }
  return tokens;
}

/** Read a `[...]` class starting at `start`; null when it is not closed. */
function readClass(seg: string, start: number): { token: Token; end: number } | null {
  let i = start + 1;
  let negated = false;
  if (seg[i] === '!' || seg[i] === '^') {
    negated = true;
    i++;
  }
  const ranges: [string, string][] = [];
  let first = true;
  for (; i < seg.length; i++) {
    let c = seg[i]!;
    if (c === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: i };
    first = false;
    if (c === '\\' && i + 1 < seg.length) c = seg[++i]!;
    if (seg[i + 1] === '-' && i + 2 < seg.length && seg[i + 2] !== ']') {
      let hi = seg[i + 2]!;
      i += 2;
      if (hi === '\\' && i + 1 < seg.length) hi = seg[++i]!;
      ranges.push([c, hi]);
    } else ranges.push([c, c]);
  }
  return null;
}

function tokenMatches(t: Token, ch: string): boolean {
  switch (t.kind) {
    case 'literal':
      return t.ch === ch;
    case 'any':
      return true;
    case 'class': {
      let hit = false;
      for (const [lo, hi] of t.ranges) if (ch >= lo && ch <= hi) hit = true;
      return hit !== t.negated;
    }
    case 'star':
      return true;
  }
}

/** Match one path segment (no `/`) against a segment pattern. Dotfiles need an explicit leading dot. */
export function matchSegment(seg: Segment & { kind: 'pattern' }, name: string): boolean {
  if (seg.literal !== null) return seg.literal === name;
  const t = seg.tokens;
  if (name.startsWith('.') && !(t[0]?.kind === 'literal' && t[0].ch === '.')) return false;
  let ti = 0;
  let ni = 0;
  let starTi = -1;
  let starNi = 0;
  while (ni < name.length) {
    const tok = t[ti];
    if (tok && tok.kind === 'star') {
      starTi = ti++;
      starNi = ni;
    } else if (tok && tokenMatches(tok, name[ni]!)) {
      ti++;
      ni++;
    } else if (starTi >= 0) {
      // Let the last star swallow one more character and retry after it.
      ti = starTi + 1;
      ni = ++starNi;
    } else return false;
  }
  while (t[ti]?.kind === 'star') ti++;
  return ti === t.length;
}

/** Match a relative path, given as its segments, against a compiled glob. */
export function matchGlob(glob: Glob, parts: readonly string[]): boolean {
  const segs = glob.segments;
  let si = 0;
  let pi = 0;
  let starSi = -1;
  let starPi = 0;
  while (pi < parts.length) {
    const seg = segs[si];
    if (seg && seg.kind === 'globstar') {
      starSi = si++;
      starPi = pi;
    } else if (seg && matchSegment(seg, parts[pi]!)) {
      si++;
      pi++;
    } else if (starSi >= 0 && !parts[starPi]!.startsWith('.')) {
      // `**` takes one more segment (never a hidden folder) and the rest is retried.
      si = starSi + 1;
      pi = ++starPi;
    } else return false;
  }
  while (segs[si]?.kind === 'globstar') si++;
  return si === segs.length;
}

/** Split a pattern into the literal folder to start walking from and the glob for the rest. */
export function splitGlobBase(pattern: string): { base: string; rest: string } {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/');
  const baseParts: string[] = [];
  let i = 0;
  // The last part is always glob (even when literal) so a base is always a folder.
  for (; i < parts.length - 1; i++) {
    if (hasMagic(parts[i]!)) break;
    // The base is a folder name, not a pattern: `dir\[1\]/*.cfg` walks the folder `dir[1]` (a
    // quoted `[` kept its backslash, so no folder matched).
    baseParts.push(unquote(parts[i]!));
  }
  let base = baseParts.join('/');
  if (absolute && base === '') base = '/';
  return { base: base === '' ? '.' : base, rest: parts.slice(i).join('/') };
}

/** A pattern segment without magic as the text it matches: each `\x` is `x`. */
function unquote(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
  return out;
}

/** True when the glob can match paths deeper than its number of segments (it has a `**`). */
export function isDeep(glob: Glob): boolean {
  return glob.segments.some((s) => s.kind === 'globstar');
}
