/**
 * @fileoverview Where a command's `--output-file` writes (`check`, `convert`): `-` and the names of
 * the standard streams go to the stream itself; a regular or new file is replaced atomically (a
 * temporary file in the same folder, then rename; missing folders are made first); a device, a FIFO or a descriptor (`/dev/null`,
 * `>(cmd)`'s `/dev/fd/63`) is written in place: renaming a file over it replaced it (as root,
 * `-o /dev/null` would have turned /dev/null into a regular file), and a pipe's `/proc/self/fd/N`
 * target (`pipe:[123]`) has no folder to put a temporary file in. Also: whether an output path
 * is one of the run's inputs, so no command replaces its own input with its output.
 */
import { closeSync, lstatSync, openSync, realpathSync, rmdirSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { errorText, quote } from './check/discover.js';
import { openAtomic, type AtomicFile } from './files.js';
import { tildeHint } from './command-error.js';
import { trackTemporary } from './signals.js';
import { isFolder, makeFolders } from '../placement/ledger-path.js';
import type { Io } from './types.js';

/**
 * `stdout` or `stderr` when an --output-file names one of them (`/dev/stdout`, `/dev/fd/2`, …):
 * the output then goes to that stream. Opening the path would fail when the stream is a socket
 * (a Node parent's stdio, many CI runners): /proc/self/fd/1 cannot be opened then.
 */
export function standardStream(abs: string): 'stdout' | 'stderr' | null {
  const m = /^\/(?:dev\/(stdout|stderr)|(?:dev\/fd|proc\/self\/fd)\/([12]))$/.exec(abs);
  if (!m) return null;
  return m[1] === 'stdout' || m[2] === '1' ? 'stdout' : 'stderr';
}

/**
 * Send a command's output to standard output (`outputFile` null), the stream an --output-file names,
 * or the file, all at once ({@link openOutput}); returns the one-line problem
 * (`cannot write 'x': permission denied`) or null.
 */
export function deliverOutput(io: Io, outputFile: string | null, text: string): string | null {
  const out = openOutput(io, outputFile);
  out.write(text);
  return out.close();
}

/** Output written piece by piece: {@link openOutput}. */
export interface OutputStream {
  /** Add text; it is passed on in chunks of about {@link OUTPUT_CHUNK} characters. */
  write(text: string): void;
  /** Pass on what is left and finish (a file is renamed into place now); the one-line problem or null. */
  close(): string | null;
  /** The problem met so far (the file could not be opened: a folder, a file in place of a folder, no permission), or null. */
  problem(): string | null;
  /** Give up without writing: a temporary file is removed, so the target stays as it was (or absent). */
  abort(): void;
}

/** Characters an output stream gathers before it writes: few writes, and memory that does not grow with the report. */
export const OUTPUT_CHUNK = 64 * 1024;

/**
 * {@link deliverOutput} for output produced piece by piece (`check` streams its report): standard
 * output, the stream an --output-file names, a device or FIFO written in place, or a regular file
 * replaced atomically when closed, so a run that fails to write leaves the old file (or none), never
 * half a report. A failure to open or write is remembered and returned by `close`; later writes are
 * dropped. `beforeWrite` runs before each write to standard output (to erase a progress line).
 */
export function openOutput(io: Io, outputFile: string | null, beforeWrite: () => void = () => {}): OutputStream {
  const target = outputFile === null ? null : resolve(io.cwd, outputFile);
  const stream = target === null ? 'stdout' : standardStream(target);
  let problem: string | null = null;
  const fail = (e: unknown): void => {
    problem ??= `cannot write ${quote(outputFile!)}: ${errorText(e as NodeJS.ErrnoException)}${tildeHint(outputFile!, (e as NodeJS.ErrnoException).code)}`;
  };
  let sink: Sink;
  if (stream !== null) {
    sink = {
      write: (s) => {
        if (stream === 'stdout') beforeWrite();
        io[stream](s);
      },
      finish: () => {},
      abort: () => {},
    };
  } else {
    sink = { write: () => {}, finish: () => {}, abort: () => {} };
    try {
      // Refused now, not when the report is renamed into place: the temporary file would sit
      // beside the folder for the whole run.
      if (isFolder(target!)) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      // resolve() drops a trailing `/` (and `/.`): `-o reports/` wrote a file named `reports`.
      if (/(?:^|\/)\.{0,2}$/.test(outputFile!)) throw Object.assign(new Error('folder name'), { code: 'XMCFG_FOLDER_NAME' });
      sink = special(target!) ? inPlace(target!) : atomic(target!, outputFile!, io.cwd);
    } catch (e) {
      fail(e);
    }
  }
  let parts: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    if (problem !== null) return;
    try {
      sink.write(text);
    } catch (e) {
      fail(e);
      sink.abort();
    }
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= OUTPUT_CHUNK) flush();
    },
    close() {
      flush();
      if (problem === null) {
        try {
          sink.finish();
        } catch (e) {
          fail(e);
        }
      }
      return problem;
    },
    problem: () => problem,
    abort() {
      parts = [];
      size = 0;
      if (problem === null) sink.abort();
    },
  };
}

/** Where an output stream's chunks go: finished once, or aborted after a failed write. */
interface Sink {
  write(s: string): void;
  finish(): void;
  abort(): void;
}

/** True for an existing file that is neither a regular file nor a folder (a device, a FIFO): written in place. */
function special(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/** A device or FIFO, opened and written in place (a rename would replace it). */
function inPlace(path: string): Sink {
  const fd = openSync(path, 'w');
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (s) => {
      const bytes = Buffer.from(s, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    finish: close,
    abort: () => {
      try {
        close();
      } catch {
        // Already failing: the write's error is the one reported.
      }
    },
  };
}

/**
 * A regular or new file, replaced when the sink finishes. Missing folders on its way are made first
 * (`-o reports/x.sarif` on a fresh checkout, as ESLint's -o does), so the temporary file is in the
 * final folder and the rename stays atomic; a run that writes nothing (it fails, or prints nothing)
 * removes the folders it made, as it removes its temporary file.
 */
function atomic(target: string, given: string, cwd: string): Sink {
  const made: string[] = [];
  let file: AtomicFile;
  try {
    makeOutputFolders(target, given, cwd, made);
    file = openAtomic(target);
  } catch (e) {
    removeFolders(made);
    throw e;
  }
  // Registered after the temporary file, so a signal removes that file first and the folder is empty.
  const untrack = made.length === 0 ? () => {} : trackTemporary(() => removeFolders(made));
  return {
    write: (s) => file.write(s),
    finish: () => {
      try {
        file.commit();
      } catch (e) {
        removeFolders(made);
        throw e;
      } finally {
        untrack();
      }
    },
    abort: () => {
      file.abort();
      removeFolders(made);
      untrack();
    },
  };
}

/**
 * Make the missing folders of the output file `target` (absolute; `given` as written), adding each
 * one made to `made`. Not a folder named `~` (`-o "~/r.json"`: the shell did not expand it, and the
 * message says so; a folder `~` would only hide the mistake). A file where a folder should be
 * (`-o web.cfg/r.json`) is named in the error.
 */
function makeOutputFolders(target: string, given: string, cwd: string, made: string[]): void {
  const dir = dirname(target);
  if (isFolder(dir)) return;
  const first = given.split('/')[0]!;
  if (tildeHint(given, 'ENOENT') !== '' && !exists(resolve(cwd, first))) return;
  let at = dir;
  while (!exists(at) && dirname(at) !== at) at = dirname(at);
  if (exists(at) && !isFolder(at)) {
    const shown = isAbsolute(given) ? at : relative(cwd, at) || '.';
    throw Object.assign(new Error(`${quote(shown)} is not a directory`), { code: 'XMCFG_NOT_A_FOLDER' });
  }
  makeFolders(dir, made);
}

/** True when something is at `path`, a dangling symbolic link included (lstat). */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Remove the folders an output made (innermost first), each only while it is empty. */
function removeFolders(made: readonly string[]): void {
  for (const d of [...made].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty (someone wrote there meanwhile) or already gone: left as it is.
    }
  }
}

/** The real path of `abs`, or `abs` itself when it does not exist (yet). */
export function realOrSelf(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/**
 * True when writing to `target` (absolute; `targetReal` its real path) would write over the file
 * `input` (absolute), also when either one is a symlink to the other or to the same file.
 */
export function sameFile(input: string, target: string, targetReal: string = realOrSelf(target)): boolean {
  return input === target || input === targetReal || realOrSelf(input) === targetReal;
}

/**
 * True when `target` (absolute; `targetReal` its real path) is inside the folder `folder` (absolute),
 * also through symlinks on either side: a new file's own path has no real path yet, its folder's has.
 */
export function insideFolder(folder: string, target: string, targetReal: string = realOrSelf(target)): boolean {
  const folders = new Set([folder, realOrSelf(folder)]);
  const targets = [target, targetReal, resolve(realOrSelf(dirname(target)), basename(target))];
  return [...folders].some((f) => targets.some((t) => t.startsWith(f.endsWith(sep) ? f : f + sep)));
}
