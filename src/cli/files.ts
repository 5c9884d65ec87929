/**
 * @fileoverview File helpers of the commands that write files (`fmt`, `convert -o`, `check -o`): an
 * atomic write (temporary file in the same folder, fsync, rename, so an interrupted run leaves either
 * the old or the new file, never a half-written one).
 */
import { chownSync, closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, chmodSync } from 'node:fs';
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

/** Replace `path` (through symlinks) with `content` atomically, keeping the old file's permission bits and owner. */
export function writeFileAtomic(linkOrPath: string, content: string | Uint8Array): void {
  const path = writeTarget(linkOrPath);
  let old: { mode: number; uid: number; gid: number } | undefined;
  try {
    const st = statSync(path);
    old = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
  } catch {
    old = undefined;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${(++seq).toString(36)}.${Date.now().toString(36)}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', old?.mode ?? 0o644);
  } catch (e) {
    // The user named `path`; the temporary name would only confuse them (`cannot write 'x.cfg': … '.x.cfg.123.tmp'`).
    if (e instanceof Error) e.message = e.message.split(tmp).join(path);
    throw e;
  }
  // A write may be short: loop over the bytes until all are written.
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (old) {
      chmodSync(tmp, old.mode);
      // root formatting /etc/xen must not hand other users' configs to root; others cannot chown (and need not).
      if (process.getuid?.() === 0 && (old.uid !== 0 || old.gid !== 0)) chownSync(tmp, old.uid, old.gid);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
