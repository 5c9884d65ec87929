/**
 * @fileoverview How many columns a line takes in an editor or terminal with a monospace font, for
 * `--line-width` (decision 019, docs/format.md: display columns, as Prettier counts, not UTF-16
 * units or code points). A CJK character or an emoji takes 2 columns, a combining mark or a
 * zero-width character none, and a cluster of code points shown as one glyph (an emoji ZWJ
 * sequence, a flag, a letter with its accents) counts once. Characters of ambiguous width count 1,
 * as editors outside East Asian locales show them.
 */

/**
 * The East Asian Wide and Fullwidth ranges (Unicode 16, UAX #11) that are not also
 * Emoji_Presentation (those are found by the regular expression below), as [first, last] pairs.
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

/** Code points that take no column of their own: combining and enclosing marks, format and default-ignorable characters. */
const ZERO = /^[\p{Cc}\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
/** A cluster an emoji font draws 2 columns wide: an emoji-presentation character, a text one with VS16, a keycap. */
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|^[\d#*]\uFE0F?\u20E3$/u;
const LONE_REGIONAL = /^\p{Regional_Indicator}$/u;
/** Text that is one column per UTF-16 unit: ASCII (control characters included, as before: a tab counts 1). */
const ASCII = /^[\x00-\x7f]*$/;

let segmenter: Intl.Segmenter | undefined;

/** Display columns of a one-line text (a monospace editor's column count at its end). */
export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += clusterWidth(segment);
  return width;
}

/** Columns of one grapheme cluster: 2 for an emoji or a wide base character, 0 when nothing in it is visible, else 1. */
function clusterWidth(cluster: string): number {
  if (cluster.length === 1 && cluster.charCodeAt(0) < 0x80) return 1;
  // A regional indicator alone is a letter in a box; two of them (a flag) are the emoji.
  if (cluster.length === 2 && LONE_REGIONAL.test(cluster)) return 1;
  if (EMOJI.test(cluster)) return 2;
  for (const ch of cluster) {
    if (ZERO.test(ch)) continue;
    return isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return 0;
}

/** True for an East Asian Wide or Fullwidth code point of the table (binary search over its pairs). */
function isWide(cp: number): boolean {
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
