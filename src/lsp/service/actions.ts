/**
 * @fileoverview Quick fixes: the machine fixes diagnostics carry, renaming a misspelled key to the
 * nearest known one, rewriting an xm-only construct into its xl form (the `convert` engine, one
 * statement at a time), and adding the missing required `name`.
 */
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import type { Span } from '../../diagnostics/span.js';
import type { TextEdit } from '../../diagnostics/diagnostic.js';
import { convertToXl, rewriteStatement } from '../../convert/index.js';
import { allKeys, keyDoc } from './docs.js';
import { suggest } from '../../schema/index.js';
import { parse } from '../../syntax/index.js';
import type { Setting } from '../../syntax/value.js';
import { toRange, touches } from './positions.js';
import type { ServiceSettings } from './analysis.js';

/** Code of "unknown key" (schema range) and of "missing required key". */
const UNKNOWN_KEY = 'XM0101';
const MISSING_REQUIRED = 'XM0105';

/** Everything a code-action request provides. */
export interface ActionRequest {
  uri: string;
  /** The selection or caret, as offsets. */
  span: Span;
  /** The diagnostics the client sent in the context (matched by code and range). */
  diagnostics?: readonly LspDiagnostic[];
  settings?: ServiceSettings;
}

/** Quick fixes for the given range of a checked document. */
export function codeActions(result: CheckResult, req: ActionRequest): CodeAction[] {
  const out: CodeAction[] = [];
  const { lineIndex, tree } = result;
  const lsp = (edits: readonly TextEdit[]): LspTextEdit[] => edits.map((e) => ({ range: toRange(lineIndex, e.span), newText: e.text }));
  const matching = (code: string | null, span: Span): LspDiagnostic[] => {
    const r = toRange(lineIndex, span);
    return (req.diagnostics ?? []).filter(
      (d) => (code === null || d.code === code) && d.range.start.line === r.start.line && d.range.start.character === r.start.character,
    );
  };
  const add = (title: string, edits: readonly TextEdit[], diags: LspDiagnostic[], preferred = false): void => {
    if (!edits.length || out.some((a) => a.title === title)) return;
    const action: CodeAction = { title, kind: 'quickfix', edit: { changes: { [req.uri]: lsp(edits) } } };
    if (diags.length) action.diagnostics = diags;
    if (preferred) action.isPreferred = true;
    out.push(action);
  };

  // 1. Fixes carried by the diagnostics themselves.
  for (const d of result.diagnostics) {
    if (!d.fixes?.length || !touches(d.span, req.span)) continue;
    for (const f of d.fixes) add(f.title, f.edits, matching(d.code, d.span), d.fixes.length === 1);
  }

  // 2. Misspelled keys.
  for (const s of result.settings) {
    if (!touches(s.keySpan, req.span) || keyDoc(s.key)) continue;
    // check's own fix for the key (XM0101 carries one) already covers it.
    if (result.diagnostics.some((d) => d.fixes?.length && d.span.start === s.keySpan.start)) continue;
    const suggestion = closestKey(s.key);
    if (suggestion) add(`Rename "${s.key}" to "${suggestion}"`, [{ span: s.keySpan, text: suggestion }], matching(UNKNOWN_KEY, s.keySpan), true);
  }

  // 3. xm-only constructs → xl, statement by statement, and for the whole file.
  let xmOnly = false;
  // In a document read as xl, xm constructs have no value; read them the xm way (once, only if needed).
  let xmSettings: Setting[] | null = result.dialect === 'xm' ? result.settings : null;
  const settingsForXm = (): Setting[] => (xmSettings ??= parse(tree.text, { dialect: 'xm', defines: req.settings?.defines }).settings);
  for (const st of tree.statements) {
    if (st.kind !== 'assign') continue;
    if (!touches(st.span, req.span) && xmOnly) continue;
    const r = rewriteStatement(tree.text, tree.tokens, st, settingsForXm());
    if (!('edits' in r) || !r.edits.length) continue;
    xmOnly = true;
    if (touches(st.span, req.span)) add(`Rewrite "${st.key.name}" in xl syntax`, r.edits, matching(null, st.value.span).filter((d) => String(d.code).startsWith('XM05')));
  }
  if (xmOnly) {
    const conv = convertToXl(tree.text, { defines: req.settings?.defines, fileName: documentFileName(req.uri) });
    if (conv.ok && conv.text !== tree.text) {
      const action: CodeAction = {
        title: 'Convert the whole file to xl syntax',
        kind: 'source.convert.xl',
        edit: { changes: { [req.uri]: [{ range: toRange(lineIndex, { start: 0, end: tree.text.length }), newText: conv.text }] } },
      };
      out.push(action);
    }
  }

  // 4. The missing required key.
  for (const d of result.diagnostics) {
    if (d.code !== MISSING_REQUIRED || !touches(d.span, req.span) || result.settings.some((s) => s.key === 'name')) continue;
    const first = tree.statements[0];
    const at = first ? first.span.start : tree.text.length;
    const prefix = at > 0 && !first && !tree.text.endsWith('\n') ? '\n' : '';
    add('Add "name = ..."', [{ span: { start: at, end: at }, text: `${prefix}name = ${JSON.stringify(domainNameFromUri(req.uri))}\n` }], matching(MISSING_REQUIRED, d.span), true);
  }
  return out;
}

/** A domain name guess from the document's file name (`web01.cfg` → `web01`). */
export function domainNameFromUri(uri: string): string {
  const last = uriBaseName(uri);
  const dot = last.lastIndexOf('.');
  const base = dot > 0 ? last.slice(0, dot) : last;
  return base || 'domain';
}

/**
 * The file name `xmcfg check` would be given for the document at `uri`: the base name of a `file:`
 * URI; none for any other scheme (an `untitled:` buffer has no file, so its name is not judged).
 */
export function documentFileName(uri: string): string | undefined {
  // Schemes are case-insensitive (RFC 3986).
  return uri.slice(0, 5).toLowerCase() === 'file:' ? uriBaseName(uri) : undefined;
}

/** The last path segment of a URI, decoded; as written when its escapes are malformed (a client that sends `a%zz.cfg` unescaped). */
export function uriBaseName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The known key nearest to `key` (the same suggestion `check` gives in its hint), if any. */
export function closestKey(key: string): string | undefined {
  return suggest(key, allKeys());
}
