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

/** UTF-16 units between the checkpoints of a line (a conversion walks at most this far from one). */
export const CHECKPOINT_EVERY = 64;

/** One line as far as it has been counted: checkpoints (UTF-16 offset in the line, client units there) and where counting stopped. */
interface LineCount {
  line: number;
  start: number;
  end: number;
  offs: number[];
  units: number[];
  /** The next offset (in the document) to count from, and the client units before it. */
  at: number;
  u: number;
}

/**
 * Positions of one document version converted between UTF-16 and the client's encoding. Each line
 * is counted once, as far as a position on it needs, with a checkpoint every CHECKPOINT_EVERY
 * units: converting P positions on a line of L characters reads O(L + P·64) code points. Converted
 * one by one from the line's start, 1,000 diagnostics on a 15,000-character line read 15 million
 * (0.45 s per publication in a UTF-32 session: scripts/fuzz.mjs seed 128 input 169).
 */
export class PositionConverter {
  private readonly lines = new Map<number, LineCount>();
  private readonly text: string;
  constructor(
    private readonly doc: TextDocument,
    private readonly encoding: PositionEncoding,
  ) {
    this.text = doc.getText();
  }

  /** The count of `line` (clamped to the document). */
  private count(line: number): LineCount {
    const b = lineBounds(this.doc, line);
    let c = this.lines.get(b.line);
    if (!c) this.lines.set(b.line, (c = { ...b, offs: [0], units: [0], at: b.start, u: 0 }));
    return c;
  }

  /** Count `c` on until offset `stop` or `units` client units are passed (whichever is given), or its end. */
  private extend(c: LineCount, stop: number, units: number): void {
    while (c.at < c.end && (c.at < stop || c.u <= units)) {
      const cp = codePoint(this.text, c.at, this.encoding);
      c.u += cp.units;
      c.at += cp.width;
      if (c.at - c.start >= c.offs.length * CHECKPOINT_EVERY && c.at < c.end) {
        c.offs.push(c.at - c.start);
        c.units.push(c.u);
      }
    }
  }

  /** A UTF-16 position of the service as the client counts it. */
  readonly fromUtf16 = (p: Position): Position => {
    if (this.encoding === 'utf-16') return p;
    const c = this.count(p.line);
    const stop = Math.min(c.end, c.start + p.character);
    this.extend(c, stop, -1);
    // The last checkpoint at or before the position (a pair across a checkpoint puts it one unit on).
    let j = Math.min(Math.floor((stop - c.start) / CHECKPOINT_EVERY), c.offs.length - 1);
    while (j > 0 && c.start + c.offs[j]! > stop) j--;
    let units = c.units[j]!;
    for (let i = c.start + c.offs[j]!; i < stop; ) {
      const cp = codePoint(this.text, i, this.encoding);
      units += cp.units;
      i += cp.width;
    }
    return { line: c.line, character: units };
  };

  /**
   * A client position as UTF-16: past the end of its line it is the end of the line (LSP: it
   * "defaults back to the line length"), inside a code point it is that code point's start.
   */
  readonly toUtf16 = <T extends Position>(p: T): Position => {
    if (this.encoding === 'utf-16') return p;
    const c = this.count(p.line);
    // A line past the end of the document is its end.
    if (p.line > c.line) return { line: c.line, character: c.end - c.start };
    this.extend(c, -1, p.character);
    // The last checkpoint whose units are at or before the position (units only grow).
    let lo = 0;
    let hi = c.units.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (c.units[mid]! <= p.character) lo = mid;
      else hi = mid - 1;
    }
    let i = c.start + c.offs[lo]!;
    let units = c.units[lo]!;
    while (i < c.end) {
      const cp = codePoint(this.text, i, this.encoding);
      if (units + cp.units > p.character) break;
      units += cp.units;
      i += cp.width;
    }
    return { line: c.line, character: i - c.start };
  };
}

/**
 * A client position as UTF-16: past the end of its line it is the end of the line (LSP: it
 * "defaults back to the line length"), inside a code point it is that code point's start.
 */
export function toUtf16(doc: TextDocument, p: Position, encoding: PositionEncoding): Position {
  return encoding === 'utf-16' ? p : new PositionConverter(doc, encoding).toUtf16(p);
}

/** A UTF-16 position of the service as the client counts it. */
export function fromUtf16(doc: TextDocument, p: Position, encoding: PositionEncoding): Position {
  return encoding === 'utf-16' ? p : new PositionConverter(doc, encoding).fromUtf16(p);
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
