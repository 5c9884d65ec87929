/**
 * @fileoverview check diagnostics → LSP diagnostics: same codes, spans and messages as `xmcfg
 * check`, the code's explanation link, related spans, and the machine fixes in `data` so quick
 * fixes need no second check.
 */
import type { Diagnostic as LspDiagnostic, DiagnosticSeverity, DiagnosticTag, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { codeUrl } from '../../diagnostics/registry.js';
import { plural, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import type { LineIndex } from '../../diagnostics/line-index.js';
import { toRange } from './positions.js';

/** The fix payload carried in `Diagnostic.data`. */
export interface DiagnosticData {
  fixes: { title: string; edits: LspTextEdit[] }[];
}

/** Codes whose finding is a deprecated option (XM0107). */
const DEPRECATED_CODES: ReadonlySet<string> = new Set(['XM0107']);

/** DiagnosticTag.Deprecated, as a type-only import: the service loads nothing of the protocol library. */
const DEPRECATED: DiagnosticTag = 2;

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

/** Convert one file's diagnostics for `publishDiagnostics`. */
export function toLspDiagnostics(diagnostics: readonly Diagnostic[], index: LineIndex, uri: string): LspDiagnostic[] {
  return diagnostics.map((d) => {
    const out: LspDiagnostic = {
      range: toRange(index, d.span),
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'xmcfg',
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
    };
    // No link while package.json names no repository (codeUrl is then undefined).
    const href = codeUrl(d.code);
    if (href !== undefined) out.codeDescription = { href };
    // Editors draw a Deprecated finding struck through (LSP 3.15 tags); clients without tag
    // support ignore the field.
    if (DEPRECATED_CODES.has(d.code)) out.tags = [DEPRECATED];
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

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * At most `max` diagnostics, errors first, then warnings, then infos (each group in file order),
 * and how many were left out. Editors slow down on thousands of markers (and a publication of
 * 3,000 findings is over a megabyte of JSON); `xmcfg check --max-findings 0` lists them all.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[], max: number): { kept: Diagnostic[]; dropped: number } {
  if (diagnostics.length <= max) return { kept: [...diagnostics], dropped: 0 };
  const ranked = [...diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.span.start - b.span.start);
  const kept = ranked.slice(0, Math.max(0, max)).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { kept, dropped: diagnostics.length - kept.length };
}

/** The note published in place of the findings left out by capDiagnostics. */
export function droppedNote(dropped: number, max: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'xmcfg',
    message: `${plural(dropped, 'more finding')} not shown (the editor shows at most ${max}; setting maxDiagnostics); run xmcfg check --max-findings 0 on the file for all of them`,
  };
}
