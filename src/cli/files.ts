/**
 * @fileoverview File helpers of the commands that write files (`fmt`, `convert -o`, `check -o`): an
 * atomic write (temporary file in the same folder, fsync, rename, so an interrupted run leaves either
 * the old or the new file, never a half-written one).
 */
import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

// Temporary names are unique by process id and a per-process counter (the 'wx' open refuses any
// leftover of an earlier process); node:crypto is not loaded for this (it costs `check` start-up).
let seq = 0;

/**
 * The file a write to `path` should replace: through symlinks, as a plain write would go. Renaming
 * over a link would replace the link itself with a copy (`/etc/xen/auto/*` are links to the
 * configs) and leave the real file as it was. A dangling link names the file it would create.
 */
export function writeTarget(path: string): string {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(p);
    } catch {
      try {
        if (!lstatSync(p).isSymbolicLink()) return p;
      } catch {
        return p; // a new file
      }
      p = resolve(dirname(p), readlinkSync(p));
    }
  }
  return p;
}

/** Replace `path` (through symlinks) with `content` atomically, keeping the old file's permission bits. */
export function writeFileAtomic(linkOrPath: string, content: string | Uint8Array): void {
  const path = writeTarget(linkOrPath);
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
