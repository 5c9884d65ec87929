/**
 * @fileoverview The `fmt` engine: parse, refuse files with syntax errors, print the canonical
 * layout, then prove the rewrite harmless by parsing the output again and comparing every
 * setting's evaluated value. A file is only ever rewritten when that proof holds, so the
 * normalised config can never change through formatting. With the dialect left to detection, a
 * file that would be detected differently once formatted is also checked as a whole (sameCheck).
 */
import { detectDialect, parse } from '../syntax/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dialect, Setting, Value } from '../syntax/value.js';
import type { Stmt, SyntaxTree } from '../syntax/tree.js';
import { printTree, UnformattableError } from './printer.js';
import type { LayoutOptions } from './options.js';
import { formatFast } from './fast.js';
import { checkText } from '../check/check.js';
import { sourceEncodingDiagnostics } from '../syntax/source-encoding.js';

/** Options of one format run. */
export interface FormatOptions extends LayoutOptions {
  dialect?: Dialect | 'auto';
  defines?: Record<string, string | number>;
  /** Re-parse the output and compare settings (default true; only benchmarks turn it off). */
  verify?: boolean;
  /** Use the fast reader for plain files (default true; tests turn it off to compare both paths). */
  fast?: boolean;
}

/** Why a text was not formatted. */
export type FormatRefusal = 'syntax-errors' | 'unsupported-statement' | 'verification-failed' | 'dialect-changed';

/** Result of formatting one text. `text` is the input itself whenever `refused` is set. */
export interface FormatResult {
  text: string;
  changed: boolean;
  dialect: Dialect;
  refused?: FormatRefusal;
  /** With 'dialect-changed': why auto read the input as xm (the construct the layout would remove). */
  dialectReason?: string;
  /** The error diagnostics that made the formatter refuse (empty otherwise). */
  diagnostics: Diagnostic[];
}

/** Python 2's refusals of the file's encoding (source-encoding.ts): XM0064, XM0045–XM0049. */
const ENCODING_CODES = new Set(['XM0045', 'XM0046', 'XM0047', 'XM0048', 'XM0049', 'XM0064']);

/**
 * True for codes of the lexical/syntax range (XM00xx), the ones that make a rewrite unsafe. Not
 * the encoding findings (XM0064 no declaration, XM0045–XM0049 what the declaration names): the
 * rewrite keeps every character, and writes the file back in the encoding it was read in.
 */
export function isSyntaxCode(code: string): boolean {
  return code.startsWith('XM00') && !ENCODING_CODES.has(code);
}

/** Format one config text in the canonical layout; never throws on any input. */
export function formatText(text: string, options: FormatOptions = {}): FormatResult {
  const fast = options.fast === false ? null : formatFast(text, options);
  if (fast) return fast;
  const parsed = parse(text, { dialect: options.dialect ?? 'auto', defines: options.defines });
  const dialect = parsed.dialect;
  const refuse = (refused: FormatRefusal, diagnostics: Diagnostic[]): FormatResult => ({ text, changed: false, dialect, refused, diagnostics });
  const syntaxErrors = parsed.diagnostics.filter((d) => d.severity === 'error' && isSyntaxCode(d.code));
  if (syntaxErrors.length) return refuse(syntaxErrors.some((d) => d.code === 'XM0020') ? 'unsupported-statement' : 'syntax-errors', syntaxErrors);
  const blocker = firstNonAssignment(parsed.tree);
  if (blocker) {
    const found = parsed.diagnostics.filter((d) => d.severity === 'error' && d.span.start >= blocker.span.start && d.span.start < blocker.span.end);
    return refuse(blocker.kind === 'unsupported' ? 'unsupported-statement' : 'syntax-errors', found);
  }
  let out: string;
  try {
    out = printTree(parsed.tree, options);
  } catch (e) {
    if (e instanceof UnformattableError) return refuse('syntax-errors', []);
    throw e;
  }
  // A BOM declares an xm file's encoding to Python 2 (PEP 263): without it, xm refuses a non-ASCII
  // character (XM0064), so it stays when it is the file's only declaration (decision 032).
  if (dialect === 'xm' && text.charCodeAt(0) === 0xfeff && out.charCodeAt(0) !== 0xfeff && sourceEncodingDiagnostics(out).some((d) => d.code === 'XM0064')) out = `\ufeff${out}`;
  if (out === text) return { text, changed: false, dialect, diagnostics: [] };
  if (options.verify !== false) {
    const again = parse(out, { dialect, defines: options.defines });
    if (!sameSettings(parsed.settings, again.settings) || countErrors(again.diagnostics) > countErrors(parsed.diagnostics)) {
      return refuse('verification-failed', []);
    }
    // Auto reads a file as xm for its first xm-only construct; when that is layout (a line
    // continuation, CR line ends, a byte-order mark, a final comment without newline) the output
    // reads as xl, whose rules and spec readers differ: allowed only when check sees no difference.
    if ((options.dialect ?? 'auto') === 'auto' && dialect === 'xm' && detectDialect(again.tree).dialect === 'xl' && !sameCheck(text, out, options.defines)) {
      return { ...refuse('dialect-changed', []), dialectReason: parsed.dialectReason };
    }
  }
  return { text: out, changed: true, dialect, diagnostics: [] };
}

/**
 * True when `check` (auto dialect) finds the same normalised config in `out` as in `text` and no
 * error `text` lacks: the xl reading of the output means what the xm reading of the input meant
 * (the CR line ends of an xl file saved on Windows).
 */
function sameCheck(text: string, out: string, defines: FormatOptions['defines']): boolean {
  const after = checkText(out, { defines });
  const before = checkText(text, { defines });
  if (JSON.stringify(after.config) !== JSON.stringify(before.config)) return false;
  const left = new Map<string, number>();
  for (const d of before.diagnostics) if (d.severity === 'error') left.set(d.code, (left.get(d.code) ?? 0) + 1);
  for (const d of after.diagnostics) {
    if (d.severity !== 'error') continue;
    const n = left.get(d.code) ?? 0;
    if (n === 0) return false;
    left.set(d.code, n - 1);
  }
  return true;
}

function countErrors(diags: readonly Diagnostic[]): number {
  return diags.reduce((n, d) => n + (d.severity === 'error' ? 1 : 0), 0);
}

function firstNonAssignment(tree: SyntaxTree): Stmt | undefined {
  return tree.statements.find((s) => s.kind !== 'assign');
}

/** Same keys, operators and evaluated values in the same order (spans ignored). */
export function sameSettings(a: readonly Setting[], b: readonly Setting[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.key !== y.key || x.op !== y.op || !!x.appended !== !!y.appended || !sameValue(x.value, y.value)) return false;
  }
  return true;
}

/** Structural equality of two evaluated values, ignoring spans. */
export function sameValue(a: Value, b: Value): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'bool':
    case 'word':
      return a.value === (b as typeof a).value;
    case 'number':
      return a.text === (b as typeof a).text && a.value === (b as typeof a).value;
    case 'none':
      return true;
    case 'list': {
      const l = b as typeof a;
      return a.tuple === l.tuple && a.items.length === l.items.length && a.items.every((v, i) => sameValue(v, l.items[i]!));
    }
  }
}
