/** Test helpers for the language service: a caret marker in test texts, and applying LSP edits. */
import type { Position, TextEdit } from 'vscode-languageserver';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { toOffset } from '../../src/lsp/service/positions.js';

/** Split `text` at the caret marker `|`: the text without it and the caret offset. */
export function caret(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no caret marker');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

/** Apply LSP text edits (non-overlapping) to a text. */
export function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: toOffset(index, e.range.start, text), end: toOffset(index, e.range.end, text), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of spans) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A position as `line:character` for compact assertions. */
export const at = (p: Position) => `${p.line}:${p.character}`;
