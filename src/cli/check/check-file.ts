/**
 * @fileoverview The check of one file, as run on the main thread or inside a worker: read (size,
 * binary, encoding findings), check the text, add placement findings when a host is given. The
 * result is plain data (structured-clone safe); the line index is rebuilt where it is reported.
 */
import { checkText } from '../../check/check.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Dialect } from '../../syntax/value.js';
import type { CheckedHost } from '../../placement/host-check.js';
import type { Host } from '../../placement/types.js';
import { decodingOptions, readInputSync, readSpecialInput, type Decoding } from './read-input.js';
import { openPath, type Target } from './discover.js';
import { describeError } from '../command-error.js';
import type { CheckResult } from '../../check/check.js';
import type { SeverityCounts } from '../../diagnostics/limit.js';

/** Placement findings of a checked config against a host validated once (src/placement, loaded only for --host). */
export type PlacementFn = (result: CheckResult, host: CheckedHost) => Diagnostic[];

let placement: Promise<PlacementFn> | null = null;

/** The placement check, imported on first use so runs without --host never load the allocator. */
export function loadPlacement(): Promise<PlacementFn> {
  return (placement ??= import('../../placement/check-findings.js').then((m) => m.placementDiagnostics));
}

/** Per-run settings every file is checked with. */
export interface FileCheckSettings {
  dialect: Dialect | 'auto';
  defines: Record<string, string | number>;
  maxFileSize: number;
  /**
   * --host, validated once per process (decision 094): the main thread's read validated it, and a
   * worker rebuilds it from {@link WorkerSettings} without validating; no file validates it again.
   */
  host: CheckedHost | null;
  /**
   * --max-findings: the parser keeps only the first this many findings of each severity and counts
   * the rest (CheckedFile.omitted), so a flood file never holds millions. 0: all (absent: 0).
   */
  maxFindings?: number;
}

/**
 * The settings as a worker receives them (workerData is a structured clone, which keeps no class):
 * the host as its canonical form plus the findings validating it again gives (CheckedHost.again).
 */
export type WorkerSettings = Omit<FileCheckSettings, 'host'> & { host: { host: Host; again: readonly Diagnostic[] } | null };

/** The settings to send a worker: the checked host as plain data (a worker validates nothing again). */
export function workerSettings(settings: FileCheckSettings): WorkerSettings {
  return { ...settings, host: settings.host && { host: settings.host.host, again: settings.host.again } };
}

/** A checked file as plain data. */
export interface CheckedFile {
  path: string;
  dialect: Dialect | null;
  text: string;
  diagnostics: Diagnostic[];
  /** Why `--dialect auto` read the file as xm (absent when it was read as xl, or the dialect was given). */
  dialectReason?: string;
  /** Findings the parser left out under `maxFindings`, by severity; run-check counts them in. */
  omitted?: SeverityCounts;
}

/** Either a checked file or a fatal problem (unreadable, internal failure) for exit code 2. */
export type FileOutcome = { kind: 'checked'; file: CheckedFile } | { kind: 'fatal'; message: string };

/** Read and check one file; never throws. */
export async function checkFile(target: Target, settings: FileCheckSettings): Promise<FileOutcome> {
  const place = settings.host ? await loadPlacement() : null;
  if (!target.special) return checkFileSync(target, settings, place);
  // A FIFO's read may wait for its writer: off the main thread's loop, so signals are still handled.
  const read = await readSpecialInput(openPath(target), target.path, settings.maxFileSize);
  if (read.kind === 'fatal') return read;
  if (read.kind === 'skipped') return { kind: 'checked', file: { path: target.path, dialect: null, text: read.text, diagnostics: read.diagnostics } };
  return checkSource(target.path, read.text, read.diagnostics, settings, place, true, read);
}

/**
 * {@link checkFile} without the promise, for a caller that loaded the placement check already
 * (`place`, used when the settings name a host): two awaits per file were a tick each on the main loop.
 */
export function checkFileSync(target: Target, settings: FileCheckSettings, place: PlacementFn | null): FileOutcome {
  const read = readInputSync(openPath(target), target.path, settings.maxFileSize);
  if (read.kind === 'fatal') return read;
  if (read.kind === 'skipped') return { kind: 'checked', file: { path: target.path, dialect: null, text: read.text, diagnostics: read.diagnostics } };
  return checkSource(target.path, read.text, read.diagnostics, settings, place, true, read);
}

/**
 * Check text already in memory (stdin, or a file just read); input findings come first. `place`
 * adds placement findings when the settings name a host (callers load it with loadPlacement);
 * `named`: whether `path` is the file's name (not a placeholder such as `<stdin>`); `decoding`: how
 * the text was decoded (the file's PEP 263 single-byte encoding, where UTF-8 had invalid bytes).
 */
export function checkSource(path: string, text: string, inputDiagnostics: Diagnostic[], settings: FileCheckSettings, place: PlacementFn | null = null, named = true, decoding: Decoding = {}): FileOutcome {
  try {
    // Only diagnostics (and config, spans for placement) are used: the statements can go early.
    // The file's name (`named`: false for standard input without --stdin-filepath) lets the name
    // rule judge the name xm gives a nameless file (decision 016).
    const result = checkText(text, { dialect: settings.dialect, defines: settings.defines, keepTree: false, maxFindings: settings.maxFindings, ...decodingOptions(decoding), ...(named && { fileName: path }) });
    const diagnostics = [...inputDiagnostics, ...result.diagnostics];
    if (settings.host && place) diagnostics.push(...place(result, settings.host));
    // A binary file (XM0031) was not read as a config in any dialect, like one over the size limit.
    const binary = result.diagnostics.some((d) => d.code === 'XM0031');
    const file: CheckedFile = { path, dialect: binary ? null : result.dialect, text, diagnostics: sortDiagnostics(diagnostics) };
    // SPEC §2: auto says which dialect it picked; xl is the default, so only a switch to xm is news.
    if (settings.dialect === 'auto' && file.dialect === 'xm') file.dialectReason = result.dialectReason;
    if (result.omitted) file.omitted = result.omitted;
    return { kind: 'checked', file };
  } catch (e) {
    // A bug (or an input deep enough to overflow the stack) must not print a stack trace to users.
    return { kind: 'fatal', message: `internal error while checking '${path}': ${describeError(e)}` };
  }
}
