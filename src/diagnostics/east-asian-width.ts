/**
 * @fileoverview Which code points a monospace terminal or editor draws two columns wide: Unicode's
 * East Asian Wide and Fullwidth characters (UAX #11) and the emoji shown as emoji by default. One
 * table for every front end that counts columns: fmt's `--line-width` (src/format/width.ts) and the
 * carets of the stylish code frames (src/report/code-frame.ts), which kept a table of their own.
 */

/**
 * The East Asian Wide and Fullwidth ranges (Unicode 16, UAX #11) that are not also
 * Emoji_Presentation (those are found by a regular expression: {@link isWide}, and fmt's cluster
 * test), as [first, last] pairs. Unassigned code points are not merged in.
 */
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x2329, 0x232a, 0x2630, 0x2637, 0x268a, 0x268f, 0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5,
  0x2ff0, 0x303e, 0x3041, 0x3096, 0x3099, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e5, 0x31ef, 0x321e,
  0x3220, 0x3247, 0x3250, 0xa48c, 0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19,
  0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe4, 0x16ff0, 0x16ff6,
  0x17000, 0x18cda, 0x18cff, 0x18d20, 0x18d80, 0x18df2, 0x18e00, 0x19191, 0x191a0, 0x191d2, 0x1aff0, 0x1aff3,
  0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b128, 0x1b132, 0x1b132, 0x1b150, 0x1b152, 0x1b155, 0x1b155,
  0x1b164, 0x1b168, 0x1b170, 0x1b2fb, 0x1d300, 0x1d356, 0x1d360, 0x1d376, 0x1f1ae, 0x1f1ae, 0x1f200, 0x1f202,
  0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f260, 0x1f265, 0x1f6d5, 0x1f6d9, 0x1f7da, 0x1f7da, 0x1fa80, 0x1fac6,
  0x1facc, 0x1fadd, 0x1fadf, 0x1faeb, 0x1faef, 0x1fafa, 0x20000, 0x2fffd, 0x30000, 0x3fffd,
];

/** Emoji shown as emoji by default (Emoji_Presentation): East Asian Wide, but left out of the table. */
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
/** Regional indicators: Emoji_Presentation, yet a letter in a box (width 1) unless paired into a flag. */
const REGIONAL = /^\p{Regional_Indicator}$/u;

/** True for an East Asian Wide or Fullwidth code point that is not an emoji-presentation one (binary search over the table's pairs). */
export function isWideNonEmoji(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE[2 * mid]!) hi = mid - 1;
    else if (cp > WIDE[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True for a code point drawn two columns wide on its own: East Asian Wide or Fullwidth, emoji included (a lone regional indicator is not). */
export function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  if (isWideNonEmoji(cp)) return true;
  const ch = String.fromCodePoint(cp);
  return EMOJI_PRESENTATION.test(ch) && !REGIONAL.test(ch);
}
