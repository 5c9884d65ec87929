/**
 * @fileoverview File helpers of the commands that write files (`fmt`, `convert -o`, `check -o`): an
 * atomic write (temporary file in the same folder, fsync, rename, so an interrupted run leaves either
 * the old or the new file, never a half-written one).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Temporary names are unique by process id and a per-process counter (the 'wx' open refuses any
// leftover of an earlier process); node:crypto is not loaded for this (it costs `check` start-up).
let seq = 0;

/** Replace `path` with `content` atomically, keeping the old file's permission bits. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${(++seq).toString(36)}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(tmp, 'wx', mode ?? 0o644);
  try {
    try {
      if (typeof content === 'string') writeSync(fd, content);
      else for (let done = 0; done < content.length; ) done += writeSync(fd, content, done, content.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
