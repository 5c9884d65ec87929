/**
 * @fileoverview Where `check --output-file` writes: a file is replaced atomically (a temporary file
 * in the same folder, then rename), but a device, a FIFO or a descriptor (`/dev/null`,
 * `/dev/stdout`, `>(cmd)`'s `/dev/fd/63`) is written in place: renaming a file over it replaced
 * it (as root, `-o /dev/null` would have turned /dev/null into a regular file), and a pipe's
 * `/proc/self/fd/N` target (`pipe:[123]`) has no folder to put a temporary file in.
 */
import { statSync, writeFileSync } from 'node:fs';
import { writeFileAtomic } from '../files.js';

/** Write the report to `path`: atomically for a regular or new file, in place for anything else. */
export function writeReport(path: string, content: string): void {
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
 * the report then goes to that stream. Opening the path would fail when the stream is a socket
 * (a Node parent's stdio, many CI runners): /proc/self/fd/1 cannot be opened then.
 */
export function standardStream(abs: string): 'stdout' | 'stderr' | null {
  const m = /^\/(?:dev\/(stdout|stderr)|(?:dev\/fd|proc\/self\/fd)\/([12]))$/.exec(abs);
  if (!m) return null;
  return m[1] === 'stdout' || m[2] === '1' ? 'stdout' : 'stderr';
}
