/**
 * @fileoverview `xmcfg check`: discover files, check them (in-process or on worker threads), write
 * the report as they are done (to stdout, or atomically to --output-file), and decide the exit code:
 * 2 for unreadable input or internal failure, else 1 for errors or too many warnings, else 0.
 */
import { pushAll } from '../../diagnostics/diagnostic.js';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { withLineIndex } from '../../diagnostics/line-index.js';
import { limitFindings } from '../../diagnostics/limit.js';
import type { CheckedHost } from '../../placement/host-check.js';
import type { HostFileResult } from '../host-file.js';
import { createReportStream, type FileReport, type NotCheckedInput } from '../../report/index.js';
import { overLimitText } from '../../report/summary.js';
import { openOutput, realOrSelf, sameFile } from '../output-file.js';
import { useColor } from '../color.js';
import type { Io } from '../types.js';
import { VERSION } from '../version.js';
import { describeError } from '../command-error.js';
import { checkFile, checkFileSync, checkSource, loadPlacement, type CheckedFile, type FileCheckSettings, type FileOutcome } from './check-file.js';
import { discover, errorText, quote, systemPath, type Target } from './discover.js';
import { parseCheckOptions, type CheckOptions } from './options.js';
import { checkInParallel, workerEntry } from './pool.js';
import { createProgress, type Progress } from './progress.js';
import { yieldTurn } from '../signals.js';
import { fromBytes, readInput, stdinTooLarge, type ReadResult } from './read-input.js';
import { definesIgnoredOnXl } from '../../syntax/defines-on-xl.js';

/**
 * Below this many files a run stays on the main thread: a worker needs 0.1–0.4 s of CPU to load the
 * bundle and build its parser, the cost of checking 50–100 files; measured on 2 cores, a second
 * thread never paid off, so automatic parallelism also needs 3 or more cores (docs/cli.md).
 */
export const AUTO_JOBS_MIN_FILES = 200;
/** Fewest cores for automatic parallelism. */
export const AUTO_JOBS_MIN_CORES = 3;
/** Most threads (main included) an automatic run uses. */
export const AUTO_JOBS_MAX = 4;
/**
 * Most threads an explicit --jobs gets, per core (and never fewer than AUTO_JOBS_MAX): every worker
 * loads its own bundle and parser (~6 MB, ~0.4 s of CPU), and checking is CPU-bound, so `--jobs 500`
 * would only exhaust memory (120 threads on 2 cores: 720 MB and 30 times slower).
 */
export const JOBS_PER_CORE_MAX = 2;

/** One `check` source in argument order: files found for an argument, or standard input. */
type Source = { kind: 'files'; targets: Target[] } | { kind: 'stdin' };

/** Run `xmcfg check` with yargs' argv; returns the exit code. */
export async function runCheck(argv: Record<string, unknown>, io: Io): Promise<number> {
  const parsed = parseCheckOptions(argv, io.cwd);
  if (!parsed.ok) {
    io.stderr(`xmcfg check: ${parsed.message}\n`);
    return 2;
  }
  const opts = parsed.value;
  const problems: string[] = [];

  const host = opts.host === null ? null : await loadHost(opts.host, io, opts.maxFileSize);
  if (host === 'failed') return 2;

  const discovered: NotCheckedInput[] = [];
  const sources = await collectSources(opts, io.cwd, discovered);
  for (const d of discovered) problems.push(d.message);
  const clash = opts.outputFile === null ? null : inputAt(sources, opts, io.cwd, resolve(io.cwd, opts.outputFile));
  if (clash !== null) {
    // Writing the report there would replace a config (or the host topology) with the report.
    io.stderr(`xmcfg check: --output-file ${quote(opts.outputFile!)} is ${clash}; write the report elsewhere\n`);
    return 2;
  }
  const twin = opts.stdinFilepath === null ? null : checkedAs(sources, resolve(io.cwd, opts.stdinFilepath));
  if (twin !== null) {
    // The stdin text is an editor's unsaved buffer of that file (as in ESLint): checking the file on
    // disk too gave two reports under one name, with no way to tell which was which.
    io.stderr(`xmcfg check: --stdin-filepath ${quote(opts.stdinFilepath!)} names ${quote(twin)}, which is also checked from disk; give standard input another name or leave the file out\n`);
    return 2;
  }
  const settings: FileCheckSettings = { dialect: opts.dialect, defines: opts.defines, maxFileSize: opts.maxFileSize, host, maxFindings: opts.maxFindings };

  const total = sources.reduce((n, s) => n + (s.kind === 'files' ? s.targets.length : 1), 0);
  const progress = createProgress(io, total);
  // The report is written as files are done (stylish, json; the other formats at the end): a
  // terminal's progress line is erased first, so report text never lands after it.
  const out = openOutput(io, opts.outputFile, io.stdoutIsTTY ? () => progress.clear() : undefined);
  const unopened = out.problem();
  if (unopened !== null) {
    // No report can be written (`-o` a folder, below a file, not permitted): say so now, not
    // after checking every file for nothing (a tree of thousands took its whole run to say it).
    for (const p of [...problems, unopened]) io.stderr(`xmcfg: ${p}\n`);
    return 2;
  }
  const toFile = opts.outputFile !== null;
  const report = createReportStream(
    opts.format,
    {
      color: opts.format === 'stylish' && useColor(io, 'stdout', toFile ? (opts.color ?? false) : opts.color),
      cwd: io.cwd,
      srcRoot: sourceRoot(io),
      toolVersion: VERSION,
      maxWarnings: opts.maxWarnings,
    },
    (text) => out.write(text),
  );
  // What the reports name of inputs not checked: the discovery problems, then each fatal outcome
  // with the path of its input (outcomes arrive in input order, one per file or standard input).
  const notChecked: NotCheckedInput[] = [...discovered];
  // Files read as xl, for which --define means nothing: said once, after the report (a note, not a finding).
  let xlFiles = 0;
  await checkSources(sources, opts, settings, io, progress, (o, path) => {
    if (o.kind === 'fatal') {
      problems.push(o.message);
      notChecked.push({ path, message: o.message });
    } else {
      if (o.file.dialect === 'xl') xlFiles++;
      report.add(toReport(o.file, opts, path === null));
    }
  });
  const t = report.end(notChecked);
  const unwritten = out.close();
  if (unwritten !== null) problems.push(unwritten);

  const defined = Object.keys(opts.defines);
  if (xlFiles > 0 && defined.length > 0 && !opts.quiet) io.stderr(`xmcfg check: ${definesIgnoredOnXl(defined, xlFiles)}\n`);
  for (const p of problems) io.stderr(`xmcfg: ${p}\n`);
  if (problems.length > 0) return 2;
  if (t.errors > 0) return 1;
  if (opts.maxWarnings !== null && t.warnings > opts.maxWarnings) {
    io.stderr(`xmcfg: ${overLimitText(t.warnings, opts.maxWarnings)}\n`);
    return 1;
  }
  return 0;
}

/**
 * A checked file as the report shows it: --quiet's filter, the --max-findings cap, the dialect note;
 * `unnamedStdin` for standard input without --stdin-filepath (only deliver's path is null then).
 */
function toReport(file: CheckedFile, opts: CheckOptions, unnamedStdin = false): FileReport {
  const found = opts.quiet ? file.diagnostics.filter((d) => d.severity === 'error') : file.diagnostics;
  // After --quiet: the cap must not fill its slots with warnings that would then be hidden.
  // The parser's left-out findings (it kept the first maxFindings of each severity) count as
  // left out here too; under --quiet only its errors, as the warnings would have been hidden.
  const dropped = file.omitted ? (opts.quiet ? { errors: file.omitted.errors, warnings: 0, infos: 0 } : file.omitted) : null;
  const { diagnostics, omitted } = limitFindings(found, opts.maxFindings, file.text.length, dropped);
  const report = fileReport(file.path, file.dialect, file.text, diagnostics);
  if (omitted) report.omitted = omitted;
  if (unnamedStdin) report.stdin = true;
  if (file.dialectReason !== undefined && !opts.quiet) report.dialectReason = file.dialectReason;
  return report;
}

/** A file's report; its line index is built on first use (a file without findings never needs one). */
function fileReport(path: string, dialect: FileReport['dialect'], text: string, diagnostics: FileReport['diagnostics']): FileReport {
  // The keys in the order they had as a literal: path, dialect, text, lineIndex, diagnostics.
  const report = withLineIndex({ path, dialect, text }, 'self') as FileReport;
  report.diagnostics = diagnostics;
  return report;
}

/**
 * What the output file `target` (absolute) would overwrite among the run's inputs, also through a
 * symlink: a checked file, the file --stdin-filepath names (an editor pipes it in: it is the config
 * on disk), or the --host topology. Null when it is none of them.
 */
function inputAt(sources: readonly Source[], opts: CheckOptions, cwd: string, target: string): string | null {
  const real = realOrSelf(target);
  const same = (abs: string): boolean => sameFile(abs, target, real);
  for (const s of sources) {
    if (s.kind !== 'files') continue;
    // Through a symlink too: `check auto/web.cfg -o web.cfg`, auto/web.cfg linking to ../web.cfg.
    for (const t of s.targets) if (same(t.abs)) return `${quote(t.path)}, one of the files being checked`;
  }
  if (opts.stdinFilepath !== null && same(resolve(cwd, opts.stdinFilepath))) return `${quote(opts.stdinFilepath)}, the file --stdin-filepath says standard input is`;
  if (opts.host !== null && same(resolve(cwd, opts.host))) return `${quote(opts.host)}, the --host topology`;
  return null;
}

/** The path as reported of the checked file that `abs` is (also through a symlink), or null. */
function checkedAs(sources: readonly Source[], abs: string): string | null {
  const real = realOrSelf(abs);
  for (const s of sources) if (s.kind === 'files') for (const t of s.targets) if (sameFile(t.abs, abs, real)) return t.path;
  return null;
}

/** Discover files argument by argument so standard input keeps its place among them. */
async function collectSources(opts: CheckOptions, cwd: string, problems: NotCheckedInput[]): Promise<Source[]> {
  const sources: Source[] = [];
  let pending: string[] = [];
  // Shared by the groups on each side of `-`: a file named on both sides is checked once.
  const seen = new Set<string>();
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const found = await discover(pending, cwd, undefined, seen, true);
    pushAll(problems, found.problems);
    sources.push({ kind: 'files', targets: found.targets });
    pending = [];
  };
  for (const p of opts.paths) {
    if (p === '-') {
      await flush();
      sources.push({ kind: 'stdin' });
    } else pending.push(p);
  }
  await flush();
  return sources;
}

/**
 * Check every source, handing each outcome to `deliver` in argument order (with the path of its
 * input: null for standard input without --stdin-filepath) as soon as the ones before it are done.
 */
async function checkSources(
  sources: Source[],
  opts: CheckOptions,
  settings: FileCheckSettings,
  io: Io,
  progress: Progress,
  deliver: (o: FileOutcome, path: string | null) => void,
): Promise<void> {
  let done = 0;
  const turn = yieldTurn();
  for (const s of sources) {
    if (s.kind === 'stdin') {
      deliver(await checkStdin(opts, settings, io), opts.stdinFilepath);
      progress.update(++done);
      continue;
    }
    const jobs = chooseJobs(opts.jobs, s.targets.length);
    const entry = jobs > 1 ? workerEntry() : null;
    if (entry) {
      const base = done;
      const stats = { main: 0, workers: 0 };
      const targets = s.targets;
      await checkInParallel(entry, targets, settings, jobs - 1, (t) => checkFile(t, settings), (n) => progress.update(base + n), (o, i) => deliver(o, targets[i]!.path), stats);
      done += s.targets.length;
      if (io.env.XMCFG_DEBUG) io.stderr(`xmcfg: debug: ${stats.main} files on the main thread, ${stats.workers} on ${jobs - 1} worker(s)\n`);
    } else {
      const place = settings.host ? await loadPlacement() : null;
      for (const t of s.targets) {
        // A FIFO named as an input is read without blocking the loop (check-file.ts).
        deliver(t.special ? await checkFile(t, settings) : checkFileSync(t, settings, place), t.path);
        progress.update(++done);
        // Ctrl-C's listener (removing the -o temporary file) runs only when the event loop turns.
        await turn();
      }
    }
  }
  progress.finish();
}

/**
 * Threads to check with (the main thread counts as one): the explicit --jobs, else 1 for small trees
 * and one per core (at most 4) for big ones.
 */
export function chooseJobs(explicit: number | null, files: number, cores: number = availableParallelism()): number {
  if (explicit !== null) return Math.max(1, Math.min(explicit, files, Math.max(AUTO_JOBS_MAX, JOBS_PER_CORE_MAX * cores)));
  if (files < AUTO_JOBS_MIN_FILES || cores < AUTO_JOBS_MIN_CORES) return 1;
  return Math.max(1, Math.min(AUTO_JOBS_MAX, cores - 1, Math.floor(files / (AUTO_JOBS_MIN_FILES / 2))));
}

async function checkStdin(opts: CheckOptions, settings: FileCheckSettings, io: Io): Promise<FileOutcome> {
  const path = opts.stdinFilepath ?? '<stdin>';
  let read: ReadResult;
  try {
    // Bounded: reading stops past the limit, so endless input is a finding, not an out-of-memory.
    const { bytes, over } = await io.readStdin(opts.maxFileSize);
    read = over ? stdinTooLarge(opts.maxFileSize) : fromBytes(bytes);
  } catch (e) {
    // In words, as a file's read error is ("is a directory"), not "Error: EISDIR: …".
    return { kind: 'fatal', message: `cannot read standard input: ${errorText(e as NodeJS.ErrnoException)}` };
  }
  if (read.kind === 'fatal') return read;
  if (read.kind === 'skipped') return { kind: 'checked', file: { path, dialect: null, text: read.text, diagnostics: read.diagnostics } };
  return checkSource(path, read.text, read.diagnostics, settings, settings.host ? await loadPlacement() : null, opts.stdinFilepath !== null, read);
}

/** Read and validate the --host topology, once for every file (decision 094); 'failed' after printing why. */
async function loadHost(path: string, io: Io, maxSize: number): Promise<CheckedHost | null | 'failed'> {
  // The host reader (and its schema validator) is loaded only for --host runs: the check bundle
  // does not carry it otherwise.
  const hostFile = await import('../host-file.js');
  let r: HostFileResult;
  // `xl info -n | xmcfg check guest.cfg --host -`, as plan reads it (options.ts refuses '-' twice).
  if (path === '-') r = await hostFile.readHostArg('-', io, maxSize);
  else {
    // Read through the same bounded reader as configs: `--host /dev/zero` must not eat all memory.
    const read = await readInput(systemPath(io.cwd, path), path, maxSize);
    if (read.kind !== 'text') {
      const hint = read.kind === 'fatal' ? hostFile.hostFolderHint(resolve(io.cwd, path), 'host-command') + hostFile.missingTilde(path, io.cwd) : '';
      io.stderr(`xmcfg: ${read.kind === 'fatal' ? read.message.replace('cannot read ', 'cannot read host ') + hint : `host ${quote(path)} is over the --max-file-size limit`}\n`);
      return 'failed';
    }
    r = hostFile.readHostText(read.text, path);
  }
  const name = path === '-' ? 'on standard input' : quote(path);
  if (r.fatal !== undefined) io.stderr(`xmcfg: ${r.fatal}\n`);
  for (const d of r.diagnostics) io.stderr(`xmcfg: host ${name}: ${d.severity} ${d.code}: ${d.message}\n`);
  // The read validated it: checkedHost keeps that validation's record instead of validating again.
  if (r.host) return (await import('../../placement/host-check.js')).checkedHost(r.host);
  if (r.fatal === undefined) io.stderr(`xmcfg: cannot use host ${name}\n`);
  return 'failed';
}

/**
 * The root SARIF and github paths are relative to: the GitHub workspace when running inside it (so
 * code scanning and annotations find the files), else the working folder. The working folder is a
 * real path (process.cwd()); the workspace variable may name it through a symlink (a self-hosted
 * runner's linked work folder), so its real path is compared too.
 */
export function sourceRoot(io: Pick<Io, 'cwd' | 'env'>): string {
  const ws = io.env.GITHUB_WORKSPACE;
  if (!ws) return io.cwd;
  const inside = (root: string): boolean => io.cwd === root || io.cwd.startsWith(root.endsWith('/') ? root : root + '/');
  for (const root of [resolve(ws), realOrSelf(resolve(ws))]) if (inside(root)) return root;
  return io.cwd;
}
