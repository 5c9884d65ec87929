/**
 * @fileoverview Position encodings (LSP 3.17 `general.positionEncodings`). The service counts
 * characters in UTF-16 code units; a client that offers UTF-8 or UTF-32 first gets that encoding,
 * and every position is converted at the connection: those the client sends before the service
 * reads them, those the service answers before they are sent. LSP 3.17 leaves the choice to the
 * server among the client's offers ("utf-16" is mandatory and the default); the server takes the
 * first one it knows, in the client's order (decision 018).
 */
import type { Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The encodings the server speaks. */
export type PositionEncoding = 'utf-16' | 'utf-8' | 'utf-32';

const KNOWN: readonly string[] = ['utf-16', 'utf-8', 'utf-32'];

/** The encoding for an initialize request's params: the client's first known offer, else UTF-16. */
export function negotiateEncoding(params: unknown): PositionEncoding {
  const offered = (params as { capabilities?: { general?: { positionEncodings?: unknown } } } | null)?.capabilities?.general?.positionEncodings;
  if (!Array.isArray(offered)) return 'utf-16';
  for (const e of offered) if (typeof e === 'string' && KNOWN.includes(e)) return e as PositionEncoding;
  return 'utf-16';
}

/** Offsets in `doc` of the start of `line` and of its end before the line break (the line clamped to the document). */
function lineBounds(doc: TextDocument, line: number): { line: number; start: number; end: number } {
  const last = doc.lineCount - 1;
  const l = Math.max(0, Math.min(line, last));
  const text = doc.getText();
  const start = doc.offsetAt({ line: l, character: 0 });
  let end = l < last ? doc.offsetAt({ line: l + 1, character: 0 }) : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { line: l, start, end };
}

/** Units of one code point starting at `i` in `text`, and its UTF-16 length. */
function codePoint(text: string, i: number, encoding: PositionEncoding): { units: number; width: number } {
  const c = text.codePointAt(i)!;
  const width = c > 0xffff ? 2 : 1;
  if (encoding === 'utf-32') return { units: 1, width };
  // UTF-8; a lone surrogate is written as U+FFFD (3 bytes) on the wire.
  return { units: c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4, width };
}

/**
 * A client position as UTF-16: past the end of its line it is the end of the line (LSP: it
 * "defaults back to the line length"), inside a code point it is that code point's start.
 */
export function toUtf16(doc: TextDocument, p: Position, encoding: PositionEncoding): Position {
  if (encoding === 'utf-16') return p;
  const { line, start, end } = lineBounds(doc, p.line);
  // A line past the end of the document is its end.
  if (p.line > line) return { line, character: end - start };
  const text = doc.getText();
  let i = start;
  let units = 0;
  while (i < end) {
    const cp = codePoint(text, i, encoding);
    if (units + cp.units > p.character) break;
    units += cp.units;
    i += cp.width;
  }
  return { line, character: i - start };
}

/** A UTF-16 position of the service as the client counts it. */
export function fromUtf16(doc: TextDocument, p: Position, encoding: PositionEncoding): Position {
  if (encoding === 'utf-16') return p;
  const { line, start, end } = lineBounds(doc, p.line);
  const text = doc.getText();
  const stop = Math.min(end, start + p.character);
  let units = 0;
  for (let i = start; i < stop; ) {
    const cp = codePoint(text, i, encoding);
    units += cp.units;
    i += cp.width;
  }
  return { line, character: units };
}

/**
 * A copy of `value` (JSON data: a result, a notification's params) with every position in it
 * (`{ line, character }`) mapped by `f`. Results are shared with the service's caches, so they are
 * copied, never changed in place.
 */
export function mapPositions<T>(value: T, f: (p: Position) => Position): T {
  if (Array.isArray(value)) return value.map((v: unknown) => mapPositions(v, f)) as T;
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2) return f(o as unknown as Position) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = mapPositions(o[k], f);
  return out as T;
}
