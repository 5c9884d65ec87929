/**
 * @fileoverview The proof that a fast rewrite (./fast-print.ts) is harmless: the printed text is
 * lexed again as the plain subset (so it has no syntax error in either dialect) and must hold the
 * same significant tokens as the source, in the same order: keys, `=`, brackets, numbers, string
 * bodies (quotes may differ) and comments (trailing blanks aside). Blanks, newlines, `;` and
 * commas are not compared: the grammar, checked while lexing, puts exactly one comma between list
 * items, so the items alone fix the structure, and a trailing comma means nothing.
 *
 * Both texts go through the same lexer in the same mode, then the two streams are compared in one
 * tight loop: cheaper than a lexer that compares as it goes, whose two modes made V8 throw its
 * optimized code away between the source and the output.
 */
import { Tok, type TokenStream } from '../syntax/tree.js';
import { asciiBytes, type AsciiBytes } from './fast-bytes.js';
import { lexBytes } from './fast-lex.js';

/**
 * True when `out` is in the plain subset and holds the same significant tokens as `source`, whose
 * stream (from fastLex, with or without trivia) is `sourceTokens`.
 */
export function fastVerify(out: string, source: string, sourceTokens: TokenStream): boolean {
  const a = asciiBytes(source);
  const b = asciiBytes(out);
  return a !== null && b !== null && verifyBytes(b, a, sourceTokens);
}

/** fastVerify on bytes: `out` lexed as the plain subset has the same significant tokens as `src`. */
export function verifyBytes(out: AsciiBytes, src: AsciiBytes, srcTokens: TokenStream): boolean {
  const outTokens = lexBytes(out, false, false);
  return outTokens !== null && sameTokens(src.bytes, srcTokens, out.bytes, outTokens);
}

/** Kinds that are not compared (trivia, `;`, commas). */
const SKIP = new Uint8Array(32);
for (const k of [Tok.Whitespace, Tok.Newline, Tok.Semicolon, Tok.Comma]) SKIP[k] = 1;

/** Same significant tokens, in the same order, with the same text (string bodies, comments without trailing blanks). */
function sameTokens(a: Uint8Array, ta: TokenStream, b: Uint8Array, tb: TokenStream): boolean {
  const ka = ta.kinds;
  const kb = tb.kinds;
  const na = ta.count;
  const nb = tb.count;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < na && SKIP[ka[i]!] === 1) i++;
    while (j < nb && SKIP[kb[j]!] === 1) j++;
    if (i >= na || j >= nb) return i >= na && j >= nb;
    const kind = ka[i]!;
    if (kind !== kb[j]) return false;
    let sa = ta.starts[i]!;
    let ea = ta.ends[i]!;
    let sb = tb.starts[j]!;
    let eb = tb.ends[j]!;
    if (kind === Tok.String) {
      // Bodies only: the printer may swap the quotes of strings without quotes or escapes.
      sa++, ea--, sb++, eb--;
    } else if (kind === Tok.Comment) {
      while (ea > sa && (a[ea - 1] === 32 || a[ea - 1] === 9)) ea--;
      while (eb > sb && (b[eb - 1] === 32 || b[eb - 1] === 9)) eb--;
    }
    if (ea - sa !== eb - sb) return false;
    for (; sa < ea; sa++, sb++) if (a[sa] !== b[sb]) return false;
    i++;
    j++;
  }
}
