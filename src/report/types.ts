/**
 * @fileoverview The input of every report format: one entry per checked file, with the text and
 * line index so formats can print code frames and convert offsets to lines and columns.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { SeverityCounts } from '../diagnostics/limit.js';
import type { Dialect } from '../syntax/value.js';

/** The findings of one file, ready to be reported. */
export interface FileReport {
  /** The path as given on the command line (relative stays relative), or the stdin name. */
  path: string;
  /** The dialect the file was read as; null when it could not be read as a config (too large, binary). */
  dialect: Dialect | null;
  /** The decoded text the diagnostics' spans point into. */
  text: string;
  lineIndex: LineIndex;
  diagnostics: Diagnostic[];
  /**
   * Findings the per-file cap left out of `diagnostics` (an XM0043 note stands for them there);
   * counts and exit status include them. Absent when nothing was left out.
   */
  omitted?: SeverityCounts;
  /** Why `--dialect auto` read the file as xm; absent when it was read as xl or the dialect was given. */
  dialectReason?: string;
  /** True for standard input without `--stdin-filepath`: `path` is the placeholder `<stdin>`, no file's name. */
  stdin?: true;
}

/** The report formats of `xmcfg check --format`. */
export type ReportFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** All report formats, in the order the help text lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['stylish', 'json', 'sarif', 'github', 'junit'];

/** Options shared by the formats; each format ignores what it does not need. */
export interface ReportOptions {
  /** ANSI colours (stylish only). */
  color?: boolean;
  /** Folder that repository-relative SARIF URIs are relative to (absolute). Defaults to `cwd`. */
  srcRoot?: string;
  /** Folder relative paths were given in (absolute). */
  cwd?: string;
  /** Tool version written into SARIF and JUnit. */
  toolVersion?: string;
  /** Annotation limit per severity for the github format (GitHub keeps 10 per kind and step). */
  annotationLimit?: number;
  /** Most SARIF results in the run (default 25,000: code scanning rejects a run with more); the worst are kept. */
  sarifResultLimit?: number;
  /** SARIF results past which they are listed worst first (default 5,000: what code scanning shows of a run). */
  sarifShownLimit?: number;
  /** Widest source excerpt stylish prints, in columns; longer lines are cut around the span. */
  frameWidth?: number;
  /**
   * Inputs that could not be checked (unreadable, missing, no match), as stderr names them: stylish's
   * summary counts them; sarif, junit and github list each one.
   */
  notChecked?: readonly NotCheckedInput[];
  /**
   * The `--max-warnings` limit, null or absent without one. Formats that report the run's outcome
   * (junit, github, sarif) say so when the warnings exceed it, as the exit status then fails the job.
   */
  maxWarnings?: number | null;
}

/** An input that could not be checked: the message stderr prints, and the path it names when it names one. */
export interface NotCheckedInput {
  /** The path as given or found (a folder too); null for standard input without a name, or a glob. */
  path: string | null;
  /** Why, as stderr says it ("cannot read 'x.cfg': permission denied"). */
  message: string;
}
