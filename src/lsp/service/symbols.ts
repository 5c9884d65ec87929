/** @fileoverview Document symbols: one per assignment, the key as name and the value text as detail. */
import type { DocumentSymbol } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import { toRange } from './positions.js';

/** SymbolKind.Property: a config key is a property of the domain. */
const PROPERTY = 7;

/** One symbol per assignment statement, in source order. */
export function documentSymbols(result: CheckResult): DocumentSymbol[] {
  const { tree, lineIndex } = result;
  const out: DocumentSymbol[] = [];
  for (const s of tree.statements) {
    if (s.kind !== 'assign') continue;
    const raw = tree.text.slice(s.value.span.start, s.value.span.end).replace(/\s+/g, ' ');
    out.push({
      name: s.key.name,
      detail: raw.length > 60 ? raw.slice(0, 59) + '…' : raw,
      kind: PROPERTY,
      range: toRange(lineIndex, s.span),
      selectionRange: toRange(lineIndex, s.key.span),
    });
  }
  return out;
}
