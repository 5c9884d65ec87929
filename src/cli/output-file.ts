/**
 * @fileoverview Where a command's `--output-file` writes (`check`, `convert`): `-` and the names of
 * the standard streams go to the stream itself; a regular or new file is replaced atomically (a
 * temporary file in the same folder, then rename); a device, a FIFO or a descriptor (`/dev/null`,
 * `>(cmd)`'s `/dev/fd/63`) is written in place: renaming a file over it replaced it (as root,
 * `-o /dev/null` would have turned /dev/null into a regular file), and a pipe's `/proc/self/fd/N`
 * target (`pipe:[123]`) has no folder to put a temporary file in. Also: whether an output path
 * is one of the run's inputs, so no command replaces its own input with its output.
 */
import { realpathSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorText, quote } from './check/discover.js';
import { writeFileAtomic } from './files.js';
import type { Io } from './types.js';

/** Write `content` to `path`: atomically for a regular or new file, in place for anything else. */
export function writeOutput(path: string, content: string): void {
  let special = false;
  try {
    const st = statSync(path);
    special = !st.isFile() && !st.isDirectory();
  } catch {
    // A new file (or an unreadable path, which the atomic write reports).
  }
  if (special) writeFileSync(path, content);
  else writeFileAtomic(path, content);
}

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
 * or the file; returns the one-line problem (`cannot write 'x': permission denied`) or null.
 */
export function deliverOutput(io: Io, outputFile: string | null, text: string): string | null {
  const target = outputFile === null ? null : resolve(io.cwd, outputFile);
  const stream = target === null ? 'stdout' : standardStream(target);
  if (stream !== null) {
    io[stream](text);
    return null;
  }
  try {
    writeOutput(target!, text);
    return null;
  } catch (e) {
    return `cannot write ${quote(outputFile!)}: ${errorText(e as NodeJS.ErrnoException)}`;
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
