/**
 * @fileoverview Quick fixes: the machine fixes diagnostics carry, renaming a misspelled key to the
 * nearest known one and a deprecated key to its replacement (./deprecated.ts), rewriting an xm-only construct into its xl form (the `convert` engine, one
 * statement at a time), and adding the missing required `name`.
 */
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import type { Span } from '../../diagnostics/span.js';
import type { Diagnostic, TextEdit } from '../../diagnostics/diagnostic.js';
import { convertToXl, rewriteStatement } from '../../convert/index.js';
import { allKeys, keyDoc } from './docs.js';
import { suggest } from '../../schema/index.js';
import { parse } from '../../syntax/index.js';
import { Tok, type SyntaxTree, type TokenStream } from '../../syntax/tree.js';
import { tokenAtOrAfter } from '../../syntax/token-lookup.js';
import type { Setting } from '../../syntax/value.js';
import { toRange, touches } from './positions.js';
import { DEPRECATED_KEY, deprecatedRenames } from './deprecated.js';
import { renameEverywhere } from './name-tokens.js';
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
  /** CodeActionContext.only: the kinds wanted (a kind covers its sub-kinds); all when absent. */
  only?: readonly string[];
}

/** Quick fixes for the given range of a checked document, of the kinds `req.only` asks for. */
export function codeActions(result: CheckResult, req: ActionRequest): CodeAction[] {
  const { only } = req;
  if (!only) return allActions(result, req);
  // Kinds are dotted hierarchies: "source" asks for "source.convert.xl" too (LSP CodeActionKind).
  const wanted = (kind: string | undefined) => kind !== undefined && only.some((o) => kind === o || kind.startsWith(o + '.'));
  // VS Code's fix-on-save asks for `source.fixAll` on every save: nothing of that kind, nothing to work out.
  if (!wanted('quickfix') && !wanted('source.convert.xl')) return [];
  return allActions(result, req).filter((a) => wanted(a.kind));
}

function allActions(result: CheckResult, req: ActionRequest): CodeAction[] {
  const out: CodeAction[] = [];
  const { lineIndex, tree } = result;
  const lsp = (edits: readonly TextEdit[]): LspTextEdit[] => edits.map((e) => ({ range: toRange(lineIndex, e.span), newText: e.text }));
  const matching = (code: string | null, span: Span): LspDiagnostic[] => {
    const r = toRange(lineIndex, span);
    return (req.diagnostics ?? []).filter(
      (d) => (code === null || d.code === code) && d.range.start.line === r.start.line && d.range.start.character === r.start.character,
    );
  };
  /**
   * The request's diagnostics that start inside `span`, not at its end: a CR line end's XM0511
   * starts where the statement ends, and rewriting the statement leaves it.
   */
  const within = (span: Span): LspDiagnostic[] => {
    const { start, end } = toRange(lineIndex, span);
    const cmp = (a: { line: number; character: number }, b: typeof a) => a.line - b.line || a.character - b.character;
    return (req.diagnostics ?? []).filter((d) => cmp(start, d.range.start) <= 0 && cmp(d.range.start, end) < 0);
  };
  // Quick fixes by their edits: two findings' fixes may share a title ("Rename to bridge" for two
  // misspelt vif keys on one line) and are still two fixes; only the same edits are one action,
  // which then lists every finding it fixes.
  const byEdits = new Map<string, CodeAction>();
  const add = (title: string, edits: readonly TextEdit[], diags: LspDiagnostic[], preferred = false): void => {
    if (!edits.length) return;
    const changes = lsp(edits);
    const key = JSON.stringify(changes);
    const same = byEdits.get(key);
    if (same) {
      const more = diags.filter((d) => !same.diagnostics?.includes(d));
      if (more.length) same.diagnostics = [...(same.diagnostics ?? []), ...more];
      if (preferred) same.isPreferred = true;
      return;
    }
    const action: CodeAction = { title, kind: 'quickfix', edit: { changes: { [req.uri]: changes } } };
    if (diags.length) action.diagnostics = diags;
    if (preferred) action.isPreferred = true;
    byEdits.set(key, action);
    out.push(action);
  };

  // 1. Fixes carried by the diagnostics themselves. check flags the last assignment of an unknown
  // key only; its rename is applied to every place the file names the key (renameEverywhere).
  for (const d of result.diagnostics) {
    if (!d.fixes?.length || !touches(d.span, req.span)) continue;
    for (const f of d.fixes) add(f.title, keyRename(tree, d, f.edits) ?? f.edits, matching(d.code, d.span), d.fixes.length === 1);
  }

  // 2. Misspelled keys, from any assignment of the key or any name that reads it (xm), not only
  // the one check flagged.
  const unknownKeys = new Set(result.settings.filter((s) => !keyDoc(s.key)).map((s) => s.key));
  for (const at of identifiersAt(tree.tokens, req.span)) {
    const key = tree.text.slice(at.start, at.end);
    if (!unknownKeys.has(key)) continue;
    // check's own fix for the key (XM0101 carries one): the same action, wherever the caret is.
    const flagged = result.diagnostics.find((d) => d.code === UNKNOWN_KEY && d.fixes?.length === 1 && tree.text.slice(d.span.start, d.span.end) === key);
    const fix = flagged?.fixes?.[0];
    const edits = flagged && fix && keyRename(tree, flagged, fix.edits);
    if (flagged && fix && edits) {
      add(fix.title, edits, matching(UNKNOWN_KEY, flagged.span), true);
      continue;
    }
    const suggestion = closestKey(key);
    if (suggestion) add(`Rename "${key}" to "${suggestion}"`, renameEverywhere(tree, key, suggestion), matching(UNKNOWN_KEY, at), true);
  }

  // 2b. Deprecated keys (XM0107) renamed to their replacement, from any place the file names them.
  for (const r of deprecatedRenames(result, req.span)) add(r.title, r.edits, matching(DEPRECATED_KEY, r.finding.span), r.preferred);

  // 3. xm-only constructs → xl, statement by statement, and for the whole file. What needs the
  // whole file (its xm reading, whether any statement is xm-only, its conversion) is worked out
  // once per checked version (xmWork): editors ask for actions at every caret move, and a
  // 130,000-line xl file spent ~400 ms of each request re-reading itself as xm.
  const work = xmWork(result, req);
  let xmOnly = work.xmOnly === true;
  const settingsForXm = (): Setting[] => (work.settings ??= parse(tree.text, { dialect: 'xm', defines: req.settings?.defines }).settings);
  for (const st of tree.statements) {
    if (st.kind !== 'assign') continue;
    const touched = touches(st.span, req.span);
    // Once the file is known to have an xm-only statement (or known to have none), only the
    // statements at the caret are rewritten.
    if (!touched && (xmOnly || work.xmOnly === false)) continue;
    const r = rewriteStatement(tree.text, tree.tokens, st, settingsForXm());
    if (!('edits' in r) || !r.edits.length) continue;
    xmOnly = true;
    // The rewrite fixes every xm-construct finding in the statement, not only one at its value: a
    // chained assignment's (XM0513) starts at the key, a continuation's (XM0510) at the backslash.
    if (touched) add(`Rewrite "${st.key.name}" in xl syntax`, r.edits, within(st.span).filter((d) => String(d.code).startsWith('XM05')));
  }
  work.xmOnly ??= xmOnly;
  if (xmOnly) {
    if (work.converted === undefined) {
      const conv = convertToXl(tree.text, { defines: req.settings?.defines, fileName: documentFileName(req.uri) });
      work.converted = conv.ok && conv.text !== tree.text ? conv.text : null;
    }
    if (work.converted !== null) {
      const action: CodeAction = {
        title: 'Convert the whole file to xl syntax',
        kind: 'source.convert.xl',
        edit: { changes: { [req.uri]: [{ range: toRange(lineIndex, { start: 0, end: tree.text.length }), newText: work.converted }] } },
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
  return distinctTitles(out);
}

/** The whole-file work of xm-to-xl actions for one checked version, a URI and its defines. */
interface XmWork {
  /** The document read as xm (its own settings when it is xm), once asked for. */
  settings: Setting[] | null;
  /** Whether some statement has an xm-only construct; null until a request has looked at them all. */
  xmOnly: boolean | null;
  /** The whole file converted to xl (null: no conversion to offer); undefined until asked for. */
  converted?: string | null;
}

/** Whole-file xm work by check result (one per document version, dropped with it), then URI and defines. */
const xmWorkByResult = new WeakMap<CheckResult, Map<string, XmWork>>();

/** The cached whole-file xm work for `result` read with `req`'s URI and defines (new when none). */
function xmWork(result: CheckResult, req: ActionRequest): XmWork {
  let byKey = xmWorkByResult.get(result);
  if (!byKey) xmWorkByResult.set(result, (byKey = new Map()));
  const key = JSON.stringify([req.uri, req.settings?.defines ?? null]);
  let work = byKey.get(key);
  if (!work) byKey.set(key, (work = { settings: result.dialect === 'xm' ? result.settings : null, xmOnly: null }));
  return work;
}

/**
 * The actions with every title told apart: a menu of two "Rename to bridge" gives no way to pick
 * one, so titles that several different fixes share name where each fix's first edit starts (1-based
 * line and column, as `check` reports them); a title only one action has stays as it is.
 */
function distinctTitles(actions: CodeAction[]): CodeAction[] {
  const count = new Map<string, number>();
  for (const a of actions) count.set(a.title, (count.get(a.title) ?? 0) + 1);
  for (const a of actions) {
    if (count.get(a.title)! < 2) continue;
    const first = Object.values(a.edit?.changes ?? {})[0]?.[0];
    if (first) a.title = `${a.title} (line ${first.range.start.line + 1}, column ${first.range.start.character + 1})`;
  }
  return actions;
}

/**
 * The edits of an unknown key's rename fix (one edit replacing the key at the diagnostic's span)
 * applied to every place the file names that key; null for any other fix.
 */
function keyRename(tree: SyntaxTree, d: Diagnostic, edits: readonly TextEdit[]): TextEdit[] | null {
  const only = edits.length === 1 ? edits[0]! : null;
  if (d.code !== UNKNOWN_KEY || !only || only.span.start !== d.span.start || only.span.end !== d.span.end) return null;
  return renameEverywhere(tree, tree.text.slice(d.span.start, d.span.end), only.text);
}


/** Spans of the name tokens that touch `span` (the caret or selection). */
function identifiersAt(tokens: TokenStream, span: Span): Span[] {
  const out: Span[] = [];
  for (let i = Math.max(0, tokenAtOrAfter(tokens, span.start) - 1); i < tokens.count && tokens.starts[i]! <= span.end; i++) {
    const at = { start: tokens.starts[i]!, end: tokens.ends[i]! };
    if (tokens.kinds[i] === Tok.Identifier && touches(at, span)) out.push(at);
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
