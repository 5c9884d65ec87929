/**
 * @fileoverview check diagnostics → LSP diagnostics: same codes, spans and messages as `xmcfg
 * check`, the code's explanation link, related spans, and the machine fixes in `data` so quick
 * fixes need no second check.
 */
import type { Diagnostic as LspDiagnostic, DiagnosticSeverity, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { codeUrl } from '../../diagnostics/registry.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { LineIndex } from '../../diagnostics/line-index.js';
import { toRange } from './positions.js';

/** The fix payload carried in `Diagnostic.data`. */
export interface DiagnosticData {
  fixes: { title: string; edits: LspTextEdit[] }[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

/** Convert one file's diagnostics for `publishDiagnostics`. */
export function toLspDiagnostics(diagnostics: readonly Diagnostic[], index: LineIndex, uri: string): LspDiagnostic[] {
  return diagnostics.map((d) => {
    const out: LspDiagnostic = {
      range: toRange(index, d.span),
      severity: SEVERITY[d.severity],
      code: d.code,
      codeDescription: { href: codeUrl(d.code) },
      source: 'xmcfg',
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
    };
    if (d.related?.length) {
      out.relatedInformation = d.related.map((r) => ({ location: { uri, range: toRange(index, r.span) }, message: r.message }));
    }
    if (d.fixes?.length) {
      const data: DiagnosticData = { fixes: d.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ range: toRange(index, e.span), newText: e.text })) })) };
      out.data = data;
    }
    return out;
  });
}
