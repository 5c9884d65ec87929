/**
 * @fileoverview What the client declared at initialize that changes the shape of an answer (LSP
 * 3.17): the outline as DocumentSymbol or SymbolInformation, quick fixes as CodeAction literals or
 * commands (./commands.ts), documentation as Markdown or plain text. A capability left undeclared
 * keeps the shape VS Code reads, except where the specification says otherwise (the first two).
 */

/** The answer shapes a client reads. */
export interface ClientShapes {
  /** DocumentSymbol (hierarchicalDocumentSymbolSupport); else SymbolInformation. */
  hierarchicalSymbols: boolean;
  /** CodeAction literals (codeActionLiteralSupport); else commands. */
  actionLiterals: boolean;
  /** Hover contents as Markdown; false when hover.contentFormat is declared without it. */
  markdownHover: boolean;
  /** Completion documentation as Markdown; false when completionItem.documentationFormat is declared without it. */
  markdownCompletion: boolean;
}

/** True unless `formats` is a declared list of markup kinds without "markdown". */
function readsMarkdown(formats: unknown): boolean {
  return !Array.isArray(formats) || formats.includes('markdown');
}

/** The shapes for an initialize request's `capabilities`. */
export function clientShapes(capabilities: unknown): ClientShapes {
  const td = (capabilities as { textDocument?: Record<string, Record<string, unknown> | undefined> } | null)?.textDocument;
  const completionItem = td?.completion?.completionItem as { documentationFormat?: unknown } | undefined;
  return {
    hierarchicalSymbols: td?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    actionLiterals: typeof td?.codeAction?.codeActionLiteralSupport === 'object' && td.codeAction.codeActionLiteralSupport !== null,
    markdownHover: readsMarkdown(td?.hover?.contentFormat),
    markdownCompletion: readsMarkdown(completionItem?.documentationFormat),
  };
}

/** The service's Markdown as plain text: no emphasis, code marks or code fences (its docs use nothing else). */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('```'))
    .join('\n')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1');
}

/**
 * A copy of `value` (a hover, completion items) with every Markdown MarkupContent in it turned into
 * plain text, for a client that reads no Markdown (it showed the marks as written).
 */
export function withPlainText<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withPlainText(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (o.kind === 'markdown' && typeof o.value === 'string' && Object.keys(o).length === 2) return { kind: 'plaintext', value: plainText(o.value) } as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = withPlainText(o[k]);
  return out as T;
}
