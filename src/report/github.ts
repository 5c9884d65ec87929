/**
 * @fileoverview `--format github`: GitHub Actions workflow commands. GitHub keeps only 10 error,
 * 10 warning and 10 notice annotations per step (50 per job) and drops the rest silently, so the
 * worst come first (the run's first 10 errors, then warnings, then notes), one notice says how many
 * of each kind were left out, and those are printed as plain log lines.
 */
import { resolve, sep } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { codeInfo } from '../diagnostics/codes/index.js';
import { sortedCopy } from './stylish.js';
import { underRootFrom } from './repo-path.js';
import { plural } from '../diagnostics/diagnostic.js';
import { buildReport, notCheckedText, overLimitText, warningsOverLimit, type ReportBuilder } from './summary.js';
import { printable } from './text-safe.js';
import type { FileReport, NotCheckedInput, ReportOptions } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;
const NOUN = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * Annotations GitHub keeps per job, all steps together (10 of each kind per step, 50 per job: GitHub
 * staff in community discussions; docs.github.com documents neither). One xmcfg step makes at most
 * 30, so only several annotating steps in one job reach it: the summary notice names it.
 */
export const JOB_ANNOTATIONS = 50;

/**
 * Most characters of reasons listed in the not-checked annotation. GitHub does not document a limit
 * for a message, but its check-run API keeps 64 KiB per annotation and the panel shows a few lines:
 * the rest are counted ("and N more"), all of them stay on stderr.
 */
export const NOT_CHECKED_TEXT_MAX = 1000;

/**
 * Escape the message part of a workflow command, and show other control characters as U+FFFD:
 * messages quote config values, and an escape sequence in one would reach the terminal of a local
 * run raw, or colour and hide text in the Actions log (which renders ANSI).
 */
export function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escape a property value of a workflow command (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Render annotations for the first findings of each kind, a summary notice and the rest as log lines. */
export function formatGithub(results: readonly FileReport[], options: ReportOptions = {}): string {
  return buildReport(githubBuilder(options), results, options);
}

/** A github report built file by file: the workflow commands and log lines at the end. */
export type GithubBuilder = ReportBuilder<string>;

/** Start a github report; `options.notChecked` is ignored (give those to `finish`). */
export function githubBuilder(options: ReportOptions = {}): GithubBuilder {
  const limit = options.annotationLimit ?? 10;
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.srcRoot ?? cwd);
  // Each finding as an annotation and as a log line; which one it becomes is known at the end.
  const bySeverity: Record<Severity, { annotation: string; log: string }[]> = { error: [], warning: [], info: [] };
  return {
    add(file) {
      const path = annotationPath(file.path, cwd, root);
      for (const d of sortedCopy(file.diagnostics)) bySeverity[d.severity].push({ annotation: annotation(file, d, path), log: logLine(file, d) });
    },
    finish(t, notChecked) {
      // Inputs that could not be checked get one error annotation first listing them (stderr is in the
      // log, which nobody opens for a run whose annotations look complete), then a run over
      // --max-warnings one saying so (warnings alone do not fail a step); each takes an error slot.
      const heads: string[] = [];
      if (notChecked.length > 0) heads.push(`::error title=xmcfg::${escapeData(notCheckedList(notChecked))}`);
      const over = warningsOverLimit(t, options.maxWarnings);
      if (over !== null) heads.push(`::error title=xmcfg max-warnings::${escapeData(overLimitText(over, options.maxWarnings!))}`);
      const errorCap = limit - heads.length;
      // One notice slot is kept for the summary when anything is left out.
      const willOmit = bySeverity.error.length > errorCap || bySeverity.warning.length > limit || bySeverity.info.length > limit;
      const cap: Record<Severity, number> = { error: errorCap, warning: limit, info: willOmit ? limit - 1 : limit };
      const lines: string[] = heads;
      const rest: string[] = [];
      const left: string[] = [];
      // Errors first, so "the worst" are the ones annotated whatever their file order.
      for (const severity of ['error', 'warning', 'info'] as const) {
        bySeverity[severity].forEach((f, i) => (i < cap[severity] ? lines.push(f.annotation) : rest.push(f.log)));
        const n = bySeverity[severity].length - cap[severity];
        if (n > 0) left.push(plural(n, NOUN[severity]));
      }
      if (rest.length > 0) {
        const msg = `${plural(rest.length, 'more finding')} (${left.join(', ')}) not annotated (GitHub shows ${limit} per kind and step, ${JOB_ANNOTATIONS} per job); they are listed in the log below. Use --format sarif for code scanning.`;
        lines.push(`::notice title=xmcfg::${escapeData(msg)}`);
        // One line at a time: `push(...rest)` passes each as an argument, and 300,000 findings
        // (--max-findings 0) overflowed the stack.
        for (const l of rest) lines.push(l);
      }
      return lines.length > 0 ? lines.join('\n') + '\n' : '';
    },
  };
}

/**
 * The message of the not-checked annotation: the count, then one reason a line while they fit in
 * NOT_CHECKED_TEXT_MAX characters, then how many more there are (stderr lists them all).
 */
export function notCheckedList(inputs: readonly NotCheckedInput[]): string {
  const lines = [notCheckedText(inputs.length)];
  let used = 0;
  let shown = 0;
  for (const n of inputs) {
    // A first reason longer than the whole budget (a deep path) is cut rather than left out.
    const text = shown === 0 && n.message.length > NOT_CHECKED_TEXT_MAX ? n.message.slice(0, NOT_CHECKED_TEXT_MAX - 1) + '…' : n.message;
    if (used + text.length > NOT_CHECKED_TEXT_MAX) break;
    lines.push(text);
    used += text.length;
    shown++;
  }
  if (shown < inputs.length) lines.push(`and ${inputs.length - shown} more`);
  return lines.join('\n');
}

/**
 * The `file=` of an annotation: GitHub matches it against repository paths, so it is made relative to
 * the source root (GITHUB_WORKSPACE when the run is inside it), without `./`; as given when outside.
 */
export function annotationPath(path: string, cwd: string, root: string): string {
  // Also through a symlink to the workspace (repo-path.ts): GitHub matches repository paths.
  const rel = underRootFrom(path, cwd, root);
  if (rel === null) return path;
  return rel.split(sep).join('/');
}

function annotation(file: FileReport, d: Diagnostic, path: string): string {
  const r = file.lineIndex.range(d.span);
  const title = codeInfo(d.code)?.title;
  // GitHub takes columns only on one line (toolkit: "cannot be sent when startLine and endLine are
  // different"), so a span over several lines is annotated by its lines alone.
  const cols = r.line === r.endLine ? [`col=${r.column}`, `endColumn=${r.endColumn}`] : [];
  const props = [`file=${escapeProperty(path)}`, `line=${r.line}`, `endLine=${r.endLine}`, ...cols, `title=${escapeProperty(title ? `${d.code} ${title}` : d.code)}`];
  const message = d.hint ? `${d.message}\nhelp: ${d.hint}` : d.message;
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(message)}`;
}

/** A finding as a plain log line (no workflow command), for those over the annotation limit. */
function logLine(file: FileReport, d: Diagnostic): string {
  const p = file.lineIndex.position(d.span.start);
  return inertLine(`${file.path}:${p.line}:${p.column}: ${d.severity} ${d.code}: ${d.message}`);
}

/**
 * Text made safe to print as a plain log line: one line (escapeData), and never read as a workflow
 * command. The runner takes a line whose text starts with `::` after leading blanks as a command,
 * and `##[` anywhere in one as an old-style command, so a file named `::error::x.cfg` or
 * `##[add-mask]x.cfg` could otherwise inject annotations or masks. Those are escaped like data.
 */
export function inertLine(s: string): string {
  return escapeData(s)
    .replace(/^(\s*):/, '$1%3A')
    .replace(/##\[/g, '##%5B');
}
