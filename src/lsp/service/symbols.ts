/**
 * @fileoverview Document symbols: one per assigned name, the name as symbol name and the value
 * text as detail. A chained assignment `a = b = 1` (xm) assigns every name of it, so each is a
 * symbol of its own. The outline is capped (the server's maxSymbols): the 200,000-line document of
 * bench/lsp-fmt.mjs has 116,807 symbols, whose serialisation and parse took 0.9–1.8 s per request.
 */
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import { toRange } from './positions.js';

/** SymbolKind.Property: a config key is a property of the domain. */
const PROPERTY = 7;

/** Default of the server's maxSymbols: yaml-language-server's and LemMinX's maxItemsComputed. */
export const DEFAULT_MAX_SYMBOLS = 5000;

/** The first symbols of a document and how many it has in all. */
export interface Outline {
  symbols: DocumentSymbol[];
  /** Symbols of the whole document (more than symbols.length when the cap cut it). */
  total: number;
}

/**
 * One symbol per assigned name, in source order, at most `max` of them (the rest only counted:
 * no range or detail is built for them). A name's range runs from the name to the end of its
 * statement (`b = 1` of `a = b = 1`: what assigns it), its selection range is the name.
 */
export function documentOutline(result: CheckResult, max = Infinity): Outline {
  const { tree, lineIndex } = result;
  const symbols: DocumentSymbol[] = [];
  let total = 0;
  for (const s of tree.statements) {
    if (s.kind !== 'assign') continue;
    const names = s.chained ? [s.key, ...s.chained] : [s.key];
    total += names.length;
    if (symbols.length >= max) continue;
    const raw = tree.text.slice(s.value.span.start, s.value.span.end).replace(/\s+/g, ' ');
    const detail = raw.length > 60 ? raw.slice(0, 59) + '…' : raw;
    for (const n of names) {
      if (symbols.length >= max) break;
      symbols.push({
        name: n.name,
        detail,
        kind: PROPERTY,
        range: toRange(lineIndex, n === s.key ? s.span : { start: n.span.start, end: s.span.end }),
        selectionRange: toRange(lineIndex, n.span),
      });
    }
  }
  return { symbols, total };
}

/** Every symbol of the document (documentOutline without a cap). */
export function documentSymbols(result: CheckResult): DocumentSymbol[] {
  return documentOutline(result).symbols;
}

/**
 * The outline for a client without `hierarchicalDocumentSymbolSupport`, which reads the answer as
 * SymbolInformation (LSP 3.17: DocumentSymbol only for clients that declare it). The outline is
 * flat, so nothing but the detail is lost; each location is the symbol's whole range.
 */
export function flatSymbols(symbols: readonly DocumentSymbol[], uri: string): SymbolInformation[] {
  return symbols.map((s) => ({ name: s.name, kind: s.kind, location: { uri, range: s.range } }));
}
