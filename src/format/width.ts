/**
 * @fileoverview How many columns a line takes in an editor or terminal with a monospace font, for
 * `--line-width` (decision 019, docs/format.md: display columns, as Prettier counts, not UTF-16
 * units or code points). A CJK character or an emoji takes 2 columns, a combining mark or a
 * zero-width character none, and a cluster of code points shown as one glyph (an emoji ZWJ
 * sequence, a flag, a letter with its accents) counts once. Characters of ambiguous width count 1,
 * as editors outside East Asian locales show them.
 */
import { isWideNonEmoji } from '../diagnostics/east-asian-width.js';

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
    return isWideNonEmoji(ch.codePointAt(0)!) ? 2 : 1;
  }
  return 0;
}
