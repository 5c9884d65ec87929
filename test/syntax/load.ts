/**
 * @fileoverview Loads the syntax layer with Chevrotain's grammar validations ON (they are skipped
 * in production): the env var must be set before the grammar modules are first evaluated.
 */
process.env['XMCFG_VALIDATE_GRAMMAR'] = '1';
export const S = await import('../../src/syntax/index.js');
export const Tokens = await import('../../grammar/tokens.js');
export const Grammar = await import('../../grammar/parser.js');

import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';

/** Codes owned by the syntax layer (lexical/syntax and dialect rules), to keep tests independent of the evaluator. */
export const isSyntaxCode = (code: string) => /^XM00[0-3]\d$/.test(code) || /^XM05[0-4]\d$/.test(code);

/** `code@line:column` of each diagnostic, in position order. */
export function positions(text: string, diags: readonly Diagnostic[], filter: (d: Diagnostic) => boolean = (d) => isSyntaxCode(d.code)): string[] {
  const li = new LineIndex(text);
  return diags
    .filter(filter)
    .map((d) => ({ d, p: li.position(d.span.start) }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || (a.d.code < b.d.code ? -1 : 1))
    .map(({ d, p }) => `${d.code}@${p.line}:${p.column}`);
}

/** Concatenate the token slices of a tree: must give back the text. */
export function rebuild(tree: { text: string; tokens: { count: number; starts: Int32Array; ends: Int32Array } }): string {
  let s = '';
  let pos = 0;
  for (let i = 0; i < tree.tokens.count; i++) {
    if (tree.tokens.starts[i] !== pos) throw new Error(`gap or overlap at token ${i}: ${tree.tokens.starts[i]} != ${pos}`);
    s += tree.text.slice(tree.tokens.starts[i], tree.tokens.ends[i]);
    pos = tree.tokens.ends[i]!;
  }
  return s;
}
