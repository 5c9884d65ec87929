/**
 * @fileoverview One analysis per document version: the same `checkText` pipeline as `xmcfg check`,
 * plus lookups of the statement and key under the caret.
 */
import { checkText, type CheckResult } from '../../check/check.js';
import type { Dialect } from '../../syntax/value.js';
import type { AssignStmt, Name, Stmt, SyntaxTree } from '../../syntax/tree.js';

/** Settings the client may send (initializationOptions or the `xmcfg` configuration section). */
export interface ServiceSettings {
  dialect?: Dialect | 'auto';
  defines?: Record<string, string | number>;
  /**
   * The document's file name (documentFileName), never from the client's settings: xm names a
   * guest whose config sets no name after it, which xend may refuse (XM0234, decision 016).
   */
  fileName?: string;
  /**
   * Keep only the first this many findings of each severity (check's `maxFindings`), never from the
   * client's settings: the server sets its maxDiagnostics, so the findings it cannot publish are
   * counted, not built (an unknown key's "did you mean" search was most of the cost of opening a
   * file of 88,000 of them). Absent: all.
   */
  maxFindings?: number;
}

/** Check a document's text exactly as `xmcfg check` would. */
export function analyze(text: string, settings: ServiceSettings = {}): CheckResult {
  return checkText(text, { dialect: settings.dialect ?? 'auto', defines: settings.defines, ...(settings.fileName !== undefined && { fileName: settings.fileName }), ...(settings.maxFindings !== undefined && { maxFindings: settings.maxFindings }) });
}

/** The top-level assignment whose span contains `offset` (end inclusive), if any. */
export function assignmentAt(tree: SyntaxTree, offset: number): AssignStmt | undefined {
  const st = tree.statements;
  let lo = 0;
  let hi = st.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = st[mid]!;
    if (s.span.end < offset) lo = mid + 1;
    else if (s.span.start > offset) hi = mid - 1;
    else return s.kind === 'assign' ? s : undefined;
  }
  return undefined;
}

/**
 * The start of the last top-level statement starting at or before `offset` (0 when none does):
 * where a reader of the text around the caret can begin in a statement's fresh state (no open
 * bracket, no key yet) instead of at the file's start. Binary search over `statements`.
 */
export function statementStartAt(statements: readonly Stmt[], offset: number): number {
  let lo = 0;
  let hi = statements.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = statements[mid]!.span.start;
    if (start <= offset) {
      found = start;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The key name (or chained target) under the caret, if any. */
export function keyAt(tree: SyntaxTree, offset: number): Name | undefined {
  const a = assignmentAt(tree, offset);
  if (!a) return undefined;
  for (const n of [a.key, ...(a.chained ?? [])]) if (n.span.start <= offset && offset <= n.span.end) return n;
  return undefined;
}
