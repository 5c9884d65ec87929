/** @fileoverview Options of the canonical layout (docs/format.md describes the layout itself). */

/** How string quotes are treated: kept as written (default) or unified where that is safe. */
export type QuoteStyle = 'keep' | 'double' | 'single';

/** Knobs of the canonical layout; every field has a documented default. */
export interface LayoutOptions {
  /** Quote style; 'keep' (default) never touches a quote. */
  quote?: QuoteStyle;
  /** A list is laid out on one line only when it fits in this many columns (default 100). */
  lineWidth?: number;
  /** Indentation of list items, in spaces (default 4). */
  indent?: number;
}

/** LayoutOptions with every default filled in. */
export interface ResolvedLayout {
  quote: QuoteStyle;
  lineWidth: number;
  indent: string;
}

/** Fill in the defaults of the canonical layout. */
export function resolveLayout(o: LayoutOptions = {}): ResolvedLayout {
  // NaN passed every clamp below: `indent: NaN` gave list items no indentation at all, and
  // `lineWidth: NaN` laid out every list one item per line.
  const indent = Math.max(1, Math.min(16, Math.floor(Number.isNaN(o.indent) ? 4 : (o.indent ?? 4))));
  const lineWidth = Number.isNaN(o.lineWidth) ? 100 : Math.max(20, o.lineWidth ?? 100);
  return { quote: o.quote ?? 'keep', lineWidth, indent: ' '.repeat(indent) };
}
