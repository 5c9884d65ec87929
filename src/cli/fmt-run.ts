/**
 * @fileoverview The implementation of `xmcfg fmt`, loaded only when the command runs. Files with
 * syntax errors are never rewritten (reported, exit 1); changed files are replaced atomically.
 * Exit: 0 clean, 1 files that would change (--check) or could not be formatted, 2 usage/unreadable.
 */
import { statSync } from 'node:fs';
import { discover, errorText, openPath } from './check/discover.js';
import { maxFindingsArg, optionalString, parseDefines, strings } from './check/options.js';
import { DEFAULT_MAX_FILE_SIZE, fromBytes, parseSize, readBytesSync } from './check/read-input.js';
import { encodeSingleByte } from '../syntax/source-decode.js';
import { useColor } from './color.js';
import type { Io } from './types.js';
import { stdinFilepathArg } from './stdin-filepath.js';
import { commandError, describeError, numberArg, sizeMessage } from './command-error.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { plural, type Diagnostic } from '../diagnostics/diagnostic.js';
import { limitFindings } from '../diagnostics/limit.js';
import { diagnosticBlock, sortedCopy } from '../report/stylish.js';
import { palette } from '../report/ansi.js';
import type { FormatOptions, FormatResult } from '../format/format.js';
import { formatFast, formatFastBytes } from '../format/fast.js';
import { asciiFileBytes } from '../format/fast-bytes.js';
import { ChangedSinceReadError, writeFileAtomic } from './files.js';
import { yieldTurn } from './signals.js';
import type { QuoteStyle } from '../format/options.js';
import { refusalText, type Refusal } from '../format/refusal.js';

/** Run `xmcfg fmt`; returns the exit code. */
export async function runFmt(argv: Record<string, unknown>, io: Io): Promise<number> {
  const defines = parseDefines(strings(argv.define));
  if (!defines.ok) return commandError(io, 'fmt', defines.message);
  // Given twice, the last one counts (docs/cli.md): String(['1', '2K']) was refused as the size '1,2K'.
  const sizeArg = optionalString(argv['max-file-size']);
  const maxFileSize = sizeArg === null ? DEFAULT_MAX_FILE_SIZE : parseSize(sizeArg);
  if (maxFileSize === null) return commandError(io, 'fmt', sizeMessage(sizeArg));
  const max = maxFindingsArg(argv);
  if (!max.ok) return commandError(io, 'fmt', max.message);
  const maxFindings = max.value;
  const lineWidth = numberArg(argv['line-width'], 100);
  const indent = numberArg(argv.indent, 4);
  if (!Number.isInteger(lineWidth) || lineWidth < 20) return commandError(io, 'fmt', `--line-width must be a whole number of at least 20, not '${String(argv['line-width'])}'`);
  if (!Number.isInteger(indent) || indent < 1 || indent > 16) return commandError(io, 'fmt', `--indent must be a whole number from 1 to 16, not '${String(argv.indent)}'`);
  const options: FormatOptions = {
    // Given twice, the last one counts (docs/cli.md), as in check and normalize: yargs hands over both.
    dialect: (optionalString(argv.dialect) as 'auto' | 'xl' | 'xm' | null) ?? 'auto',
    defines: defines.value,
    quote: (argv.quote as QuoteStyle | undefined) ?? 'keep',
    lineWidth,
    indent,
  };
  const check = argv.check === true;
  const color = useColor(io, 'stderr', typeof argv.color === 'boolean' ? argv.color : null);
  const paths = strings(argv.paths);
  if (paths.length === 0) return commandError(io, 'fmt', 'give the files or folders to format, or - for standard input');
  // `fmt "$UNSET"`: an empty path resolves to the working folder, which would be rewritten whole.
  if (paths.includes('')) return commandError(io, 'fmt', "an empty path names no file; give '.' for the current folder");
  const stdin = stdinFilepathArg(argv, paths.includes('-'), 'as the path', io.cwd);
  if (!stdin.ok) return commandError(io, 'fmt', stdin.message);
  // What messages and --check's list call standard input, as check's reports do.
  const stdinPath = stdin.name ?? '<stdin>';

  if (paths.includes('-')) {
    if (paths.length > 1) return commandError(io, 'fmt', '- (standard input) cannot be combined with other paths');
    let text: string;
    try {
      const { bytes, over } = await io.readStdin(maxFileSize);
      if (over) return commandError(io, 'fmt', `standard input is over the --max-file-size limit (${maxFileSize} bytes); not formatted`);
      const read = fromBytes(bytes);
      if (read.kind === 'fatal') return commandError(io, 'fmt', read.message);
      text = read.text;
      // A file in a declared single-byte encoding (latin-1): standard output takes UTF-8 text only.
      if (notFaithful(read.diagnostics) || (read.kind === 'text' && read.codec !== undefined)) {
        // Nothing is echoed: the decoded text is not the input (its bad bytes became U+FFFD).
        reportRefusal(io, stdinPath, text, { diagnostics: read.diagnostics, refused: 'not-faithful' }, color, maxFindings);
        return 1;
      }
    } catch (e) {
      return commandError(io, 'fmt', `cannot read standard input: ${errorText(e as NodeJS.ErrnoException)}`);
    }
    const r = await safeFormat(text, options);
    if (r.refused) {
      reportRefusal(io, stdinPath, text, r, color, maxFindings);
      if (!check) io.stdout(text);
      return 1;
    }
    if (check) {
      if (r.changed) io.stdout(`${stdinPath}\n`);
      return r.changed ? 1 : 0;
    }
    io.stdout(r.text);
    return 0;
  }

  const found = await discover(paths, io.cwd);
  for (const p of found.problems) io.stderr(`xmcfg fmt: ${p.message}\n`);
  let exit = found.problems.length ? 2 : 0;
  let changed = 0;
  const refused = new Map<Refusal, number>();
  const refuse = (why: Refusal) => refused.set(why, (refused.get(why) ?? 0) + 1);
  let unwritten = 0;
  // Ctrl-C's listener, installed while a file is written, runs only when the event loop turns.
  const turn = yieldTurn();
  for (const t of found.targets) {
    await turn();
    // By its bytes when the name is not UTF-8 (a Latin-1 file in a folder walk): the text names no file.
    const raw = readBytesSync(openPath(t), t.path, maxFileSize);
    // Plain files are formatted from their bytes: no decoding, no string of the output.
    const fast = raw.kind === 'bytes' ? fastFormatBytes(raw.bytes, options) : null;
    let output: string | Uint8Array;
    if (fast) {
      if (!fast.changed) continue;
      output = fast.out;
    } else {
      const read = raw.kind === 'bytes' ? fromBytes(raw.bytes) : raw;
      if (read.kind === 'fatal') {
        io.stderr(`xmcfg fmt: ${read.message}\n`);
        exit = 2;
        continue;
      }
      // Never rewrite what was not read faithfully (binary, too large, invalid UTF-8).
      if (read.kind === 'skipped' || notFaithful(read.diagnostics)) {
        reportRefusal(io, t.path, read.text, { diagnostics: read.diagnostics, refused: 'not-faithful' }, color, maxFindings);
        refuse('not-faithful');
        continue;
      }
      const r = await safeFormat(read.text, options);
      if (r.refused) {
        reportRefusal(io, t.path, read.text, r, color, maxFindings);
        refuse(r.refused);
        continue;
      }
      if (!r.changed) continue;
      // Written back in the encoding the file declares and was read in (its bytes, not UTF-8).
      const encoded = read.codec === undefined ? r.text : encodeSingleByte(r.text, read.codec);
      if (encoded === null) {
        reportRefusal(io, t.path, read.text, { diagnostics: [], refused: 'not-faithful' }, color, maxFindings);
        refuse('not-faithful');
        continue;
      }
      output = encoded;
    }
    if (check) {
      changed++;
      io.stdout(`${t.path}\n`);
      continue;
    }
    // A FIFO or device named on the command line was read like a file, but the atomic rename would
    // replace it with a regular file (as root, `fmt /dev/…` would replace the device node).
    if (!isRegularFile(openPath(t))) {
      io.stderr(`xmcfg fmt: '${t.path}' not written: not a regular file (format it as standard input: xmcfg fmt - < FILE)\n`);
      unwritten++;
      exit = 2;
      continue;
    }
    try {
      writeFileAtomic(openPath(t), output, raw.kind === 'bytes' ? raw.bytes : undefined);
      changed++;
      // At once: the handlers go, so Ctrl-C while the next file is read (a FIFO) ends fmt as before.
      await turn(true);
    } catch (e) {
      // Counted only once written: the summary must not call a file it could not write reformatted.
      if (e instanceof ChangedSinceReadError) io.stderr(`xmcfg fmt: '${t.path}' not written: ${e.message}\n`);
      else io.stderr(`xmcfg fmt: cannot write '${t.path}': ${writeErrorText(e)}\n`);
      unwritten++;
      exit = 2;
    }
  }
  const total = found.targets.length;
  io.stderr(`${check ? `${changed} of ${plural(total, 'file')} would be reformatted` : `${changed} of ${plural(total, 'file')} reformatted`}${refusedSummary(refused)}${unwritten ? `, ${unwritten} not written` : ''}\n`);
  if (exit) return exit;
  return refused.size || (check && changed) ? 1 : 0;
}

/** Summary words per refusal, in the order they are listed. */
const REFUSAL_WORDS: ReadonlyArray<[Refusal, string]> = [
  ['syntax-errors', 'with syntax errors'],
  ['unsupported-statement', 'with Python statements'],
  ['dialect-changed', 'would change dialect'],
  ['not-faithful', 'not read as it is'],
  ['verification-failed', 'failed the read-back check'],
];

/**
 * ", N not formatted (…)" by reason: a file left alone because formatting would change its dialect
 * has no error, and calling every refusal "(errors)" sent users hunting for one. One reason is
 * named without a count (it is N); several are counted each.
 */
function refusedSummary(refused: ReadonlyMap<Refusal, number>): string {
  let total = 0;
  for (const n of refused.values()) total += n;
  if (!total) return '';
  const parts = REFUSAL_WORDS.filter(([r]) => refused.has(r)).map(([r, words]) => (refused.size === 1 ? words : `${refused.get(r)} ${words}`));
  return `, ${total} not formatted (${parts.join(', ')})`;
}

/** Why a write failed, as the read errors say it ("permission denied"), without Node's `EACCES: …, open 'x'`. */
function writeErrorText(e: unknown): string {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' ? errorText(e as NodeJS.ErrnoException) : describeError(e);
}

/**
 * Format one text: plain files by the fast path; the full parser (and the rest of the pipeline) is
 * loaded only for the others. An internal failure becomes a refusal instead of a crash.
 */
async function safeFormat(text: string, options: FormatOptions): Promise<FormatResult> {
  try {
    return formatFast(text, options) ?? (await import('../format/format.js')).formatText(text, { ...options, fast: false });
  } catch {
    return { text, changed: false, dialect: 'xl', refused: 'verification-failed', diagnostics: [] };
  }
}

/**
 * The fast path on a file's bytes: ASCII files in the plain subset, formatted without decoding;
 * null for every other file (and, as safeFormat does, on an internal failure), which then takes
 * the decoding path.
 */
function fastFormatBytes(bytes: Uint8Array, options: FormatOptions): { changed: boolean; out: Uint8Array } | null {
  try {
    const src = asciiFileBytes(bytes);
    const r = src && formatFastBytes(src, options);
    return r && { changed: r.changed, out: r.out.bytes.subarray(0, r.out.length) };
  } catch {
    return null;
  }
}

/** True when `path` (through symlinks) is a regular file; false for FIFOs, devices and paths that are gone. */
function isRegularFile(path: string | Buffer): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * True when the input's text is not the file as it is (XM0040 too large, XM0041 invalid UTF-8 read
 * as U+FFFD, any other input error): writing it back would lose or change bytes. XM0041 is only
 * a warning for `check`, which reads; fmt writes.
 */
function notFaithful(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' || d.code === 'XM0041');
}

/** Say why a file was not formatted, and list its findings: at most `maxFindings` (0: all), as check lists them. */
function reportRefusal(io: Io, path: string, text: string, r: { diagnostics: Diagnostic[]; refused?: Refusal; dialectReason?: string }, color: boolean, maxFindings: number): void {
  const why = refusalText(r.refused, r.dialectReason, '--dialect xm');
  io.stderr(`xmcfg fmt: '${path}' not formatted: ${why}\n`);
  if (!r.diagnostics.length) return;
  // Blocks only: stylish's own summary ("found 1 error in 1 of 1 file") came after every refused
  // file, counting that one file, before fmt's summary of the whole run.
  // At most --max-findings (default 1000) findings, and the XM0043 note counting the rest: a 200 KB
  // line of 20,000 invalid characters printed 4.8 MB of blocks (scripts/fuzz.mjs, seed 4).
  const shown = limitFindings(r.diagnostics, maxFindings, text.length).diagnostics;
  const file = { path, dialect: null, text, lineIndex: new LineIndex(text), diagnostics: shown };
  const p = palette(color);
  io.stderr(sortedCopy(shown).map((d) => diagnosticBlock(file, d, p, 120) + '\n').join(''));
}
