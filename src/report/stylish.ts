/**
 * @fileoverview The human-readable report, rustc style: `error[XM0101]: message`, a `-->` location,
 * the source line with the span underlined, related spans as notes, the hint as `help:`, and one
 * summary line at the end.
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { frameLines } from './code-frame.js';
import { palette, type Palette, type Paint } from './ansi.js';
import { printable } from './text-safe.js';
import { summaryLine, totals, type Totals } from './summary.js';
import type { FileReport, ReportOptions } from './types.js';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** Render all files' findings as code frames plus a summary line. */
export function formatStylish(results: readonly FileReport[], options: ReportOptions = {}): string {
  const p = palette(options.color ?? false);
  const width = options.frameWidth ?? 120;
  const blocks: string[] = [];
  // Not `push(...fileBlocks())`: a spread passes every block as an argument, too many for the stack
  // with --max-findings 0 on a file of a finding a line.
  for (const file of results) for (const b of fileBlocks(file, p, width)) blocks.push(b);
  blocks.push(stylishSummary(totals(results), options, p));
  return blocks.join('\n');
}

/**
 * One file's blocks of the stylish report, each ending with a newline; the report is every file's
 * blocks and then {@link stylishSummary}, joined by empty lines (so a run can print them file by file).
 */
export function fileBlocks(file: FileReport, p: Palette, width: number): string[] {
  const blocks = sortedCopy(file.diagnostics).map((d) => diagnosticBlock(file, d, p, width));
  // JSON has a dialect field; people reading stylish learn here why xm rules applied.
  if (file.dialectReason !== undefined) blocks.push(`${p.bold('note')}: ${printable(file.path)}: read as xm: ${printable(file.dialectReason)} (--dialect xl to check it as xl)\n`);
  return blocks;
}

/** The last block of the stylish report: the summary line of the run's totals. */
export function stylishSummary(t: Totals, options: ReportOptions, p: Palette): string {
  return p.bold(summaryLine(t, options.notChecked?.length ?? 0)) + '\n';
}

/** One diagnostic as a rustc-style block (ends with a newline). */
export function diagnosticBlock(file: FileReport, d: Diagnostic, p: Palette, width: number): string {
  const paint = severityPaint(d.severity, p);
  const related = d.related ?? [];
  const lines = [file.lineIndex.position(d.span.start).line, ...related.map((r) => file.lineIndex.position(r.span.start).line)];
  const gutter = String(Math.max(...lines)).length;
  const pad = ' '.repeat(gutter);
  // A file that was not read (too large) has no text: a frame would show an empty line.
  const frames = file.text.length > 0;
  const out: string[] = [];
  out.push(`${paint(`${LABEL[d.severity]}[${d.code}]`)}${p.bold(`: ${printable(d.message)}`)}`);
  out.push(...location(file, d.span.start, pad, p, frames));
  if (frames) out.push(...frameLines(file.text, file.lineIndex, d.span, { marker: '^', width, gutter, paintGutter: p.gutter, paintMarker: paint }));
  for (const r of related) {
    out.push(p.gutter(`${pad} |`));
    out.push(`${p.bold('note')}: ${printable(r.message)}`);
    out.push(...location(file, r.span.start, pad, p, frames));
    if (frames) out.push(...frameLines(file.text, file.lineIndex, r.span, { marker: '-', width, gutter, paintGutter: p.gutter, paintMarker: p.gutter }));
  }
  if (d.hint) out.push(`${p.gutter(`${pad} =`)} ${p.bold('help')}: ${printable(d.hint)}`);
  return out.join('\n') + '\n';
}

/** The `--> path:line:col` line and, before a frame, the empty gutter line under it. */
function location(file: FileReport, offset: number, pad: string, p: Palette, frame: boolean): string[] {
  const pos = file.lineIndex.position(offset);
  const line = `${pad}${p.gutter('-->')} ${printable(file.path)}:${pos.line}:${pos.column}`;
  return frame ? [line, p.gutter(`${pad} |`)] : [line];
}

function severityPaint(s: Severity, p: Palette): Paint {
  return s === 'error' ? p.error : s === 'warning' ? p.warning : p.info;
}

/** Diagnostics by position without reordering the caller's array. */
export function sortedCopy(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
