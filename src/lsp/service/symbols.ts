/**
 * @fileoverview Document symbols: one per assigned name, the name as symbol name and the value
 * text as detail. A chained assignment `a = b = 1` (xm) assigns every name of it, so each is a
 * symbol of its own.
 */
import type { DocumentSymbol } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import { toRange } from './positions.js';

/** SymbolKind.Property: a config key is a property of the domain. */
const PROPERTY = 7;

/**
 * One symbol per assigned name, in source order. A name's range runs from the name to the end of
 * its statement (`b = 1` of `a = b = 1`: what assigns it), its selection range is the name.
 */
export function documentSymbols(result: CheckResult): DocumentSymbol[] {
  const { tree, lineIndex } = result;
  const out: DocumentSymbol[] = [];
  for (const s of tree.statements) {
    if (s.kind !== 'assign') continue;
    const raw = tree.text.slice(s.value.span.start, s.value.span.end).replace(/\s+/g, ' ');
    const detail = raw.length > 60 ? raw.slice(0, 59) + '…' : raw;
    for (const n of s.chained ? [s.key, ...s.chained] : [s.key]) {
      out.push({
        name: n.name,
        detail,
        kind: PROPERTY,
        range: toRange(lineIndex, n === s.key ? s.span : { start: n.span.start, end: s.span.end }),
        selectionRange: toRange(lineIndex, n.span),
      });
    }
  }
  return out;
}
