/** @fileoverview The few ANSI styles the human-readable output uses; identity functions when colour is off. */

/** A function that wraps text in one style. */
export type Paint = (s: string) => string;

/** The palette of the stylish report. */
export interface Palette {
  error: Paint;
  warning: Paint;
  info: Paint;
  gutter: Paint;
  bold: Paint;
  dim: Paint;
}

const wrap =
  (open: string, close: string): Paint =>
  (s) =>
    s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Paint = (s) => s;

/** ANSI palette, or the identity palette when `color` is false. */
export function palette(color: boolean): Palette {
  if (!color) return { error: plain, warning: plain, info: plain, gutter: plain, bold: plain, dim: plain };
  return {
    error: wrap('1;31', '22;39'),
    warning: wrap('1;33', '22;39'),
    info: wrap('1;36', '22;39'),
    gutter: wrap('1;34', '22;39'),
    bold: wrap('1', '22'),
    dim: wrap('2', '22'),
  };
}
