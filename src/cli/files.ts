/**
 * @fileoverview File helpers of the commands that write files (`fmt`, `convert -o`, `check -o`): an
 * atomic write (temporary file in the same folder, fsync, rename, so an interrupted run leaves either
 * the old or the new file, never a half-written one).
 */
import { accessSync, chownSync, closeSync, constants, fsyncSync, lstatSync, openSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { trackTemporary } from './signals.js';

// Temporary names are unique by process id and a per-process counter (the 'wx' open refuses any
// leftover of an earlier process); node:crypto is not loaded for this (it costs `check` start-up).
let seq = 0;

/** The longest file name, in bytes, of Linux's file systems (ext4, xfs, btrfs, tmpfs). */
const NAME_MAX = 255;

/**
 * A path as a "byte string": one char per byte of the name (latin1), so a name that is not UTF-8
 * (a Latin-1 file found by a folder walk, given as a Buffer) survives dirname/basename/join; `/`
 * is the same byte in both. {@link fsPath} turns it back into the bytes to hand to node:fs.
 */
function byteString(path: string | Buffer): string {
  // A relative text path is made absolute while it is text: the working folder's name is text too.
  return (typeof path === 'string' ? Buffer.from(resolve(path), 'utf8') : path).toString('latin1');
}

/** The bytes of a byte-string path, for node:fs. */
function fsPath(p: string): Buffer {
  return Buffer.from(p, 'latin1');
}

/** A byte-string path as it reads in messages (UTF-8, U+FFFD for bytes that are not). */
function shown(p: string): string {
  return fsPath(p).toString('utf8');
}

/**
 * The file a write to `path` should replace: through symlinks, as a plain write would go. Renaming
 * over a link would replace the link itself with a copy (`/etc/xen/auto/*` are links to the
 * configs) and leave the real file as it was. A dangling link names the file it would create.
 */
export function writeTarget(path: string): string {
  return shown(targetOf(byteString(path)));
}

/** {@link writeTarget} on byte strings. */
function targetOf(path: string): string {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(fsPath(p), { encoding: 'buffer' }).toString('latin1');
    } catch {
      try {
        if (!lstatSync(fsPath(p)).isSymbolicLink()) return p;
      } catch {
        return p; // a new file
      }
      p = resolve(dirname(p), readlinkSync(fsPath(p), { encoding: 'buffer' }).toString('latin1'));
    }
  }
  return p;
}

/** Thrown by {@link writeFileAtomic} when the file is no longer the bytes it was read as. */
export class ChangedSinceReadError extends Error {
  readonly code = 'XMCFG_CHANGED';
  constructor() {
    super('it changed since it was read (run again)');
  }
}

/**
 * Replace `path` (through symlinks) with `content` atomically, keeping the old file's permission
 * bits and owner. `path` may be the bytes of a name that is not UTF-8 (a folder walk's `raw`).
 * With `unchangedFrom`, the file is replaced only if it still holds those bytes just before the
 * rename (fmt: an editor's save during the run would otherwise be lost); else ChangedSinceReadError.
 */
export function writeFileAtomic(linkOrPath: string | Buffer, content: string | Uint8Array, unchangedFrom?: Uint8Array): void {
  const file = openAtomic(linkOrPath);
  try {
    file.write(content);
  } catch (e) {
    file.abort();
    throw e;
  }
  file.commit(unchangedFrom);
}

/** A file being written atomically: its content goes to a temporary file that `commit` renames over it. */
export interface AtomicFile {
  /** Append to the temporary file (throws on a write error; then call `abort`). */
  write(content: string | Uint8Array): void;
  /** Flush, give it the old file's mode and owner, and rename it over the file (throws after removing it). */
  commit(unchangedFrom?: Uint8Array): void;
  /** Remove the temporary file; the file stays as it was. */
  abort(): void;
}

/**
 * Start replacing `path` (through symlinks) atomically, as {@link writeFileAtomic} does in one go:
 * for content written piece by piece (`check -o` streams its report), nothing is half-written,
 * since the file changes only at `commit`. Throws what opening the temporary file throws.
 */
export function openAtomic(linkOrPath: string | Buffer): AtomicFile {
  const path = targetOf(byteString(linkOrPath));
  let old: { mode: number; uid: number; gid: number } | undefined;
  try {
    const st = statSync(fsPath(path));
    old = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
  } catch {
    old = undefined;
  }
  // The rename below needs only the folder's write permission, so a file made read-only (chmod a-w)
  // would be replaced where `echo > file` is refused: honour the mark, as root too (root's write
  // would pass, but the mark is the owner saying "do not change this").
  if (old && (old.mode & 0o222) === 0) throw Object.assign(new Error('read-only file'), { code: 'XMCFG_READONLY' });
  if (old && !writable(path)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
  // The temporary name must fit where the file's own name fits (255 bytes on Linux file systems):
  // a 250-byte name plus the suffix was ENAMETOOLONG, so such a file could not be written at all.
  // `path` is a byte string, so slicing cuts bytes, never more than a name may hold.
  const suffix = `.${process.pid}.${(++seq).toString(36)}.${Date.now().toString(36)}.tmp`;
  const tmp = join(dirname(path), `.${basename(path).slice(0, Math.max(0, NAME_MAX - 1 - suffix.length))}${suffix}`);
  // Ctrl-C or SIGTERM during the run removes it (signals.ts): no hidden leftover beside the target.
  // Tracked before it exists: a signal between the open and the handlers' install took Node's
  // default action and left the file (seen once in CI under load).
  let created = false;
  const untrack = trackTemporary(() => {
    if (created) rmSync(fsPath(tmp), { force: true });
  });
  let fd: number;
  try {
    fd = openSync(fsPath(tmp), 'wx', old?.mode ?? 0o644);
    created = true;
  } catch (e) {
    untrack();
    // The user named `path`; the temporary name would only confuse them (`cannot write 'x.cfg': … '.x.cfg.123.tmp'`).
    if (e instanceof Error) e.message = e.message.split(shown(tmp)).join(shown(path));
    throw e;
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(content) {
      // A write may be short: loop over the bytes until all are written.
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    commit(unchangedFrom) {
      try {
        try {
          fsyncSync(fd);
        } finally {
          close();
        }
        if (old) {
          chmodSync(fsPath(tmp), old.mode);
          // root formatting /etc/xen must not hand other users' configs to root; others cannot chown (and need not).
          if (process.getuid?.() === 0 && (old.uid !== 0 || old.gid !== 0)) chownSync(fsPath(tmp), old.uid, old.gid);
        }
        // The window left is from this read to the rename: microseconds, where it was the whole format.
        if (unchangedFrom !== undefined && !sameBytes(fsPath(path), unchangedFrom)) throw new ChangedSinceReadError();
        renameSync(fsPath(tmp), fsPath(path));
      } catch (e) {
        rmSync(fsPath(tmp), { force: true });
        throw e;
      } finally {
        untrack();
      }
    },
    abort() {
      try {
        close();
      } catch {
        // Closing a descriptor whose writes failed may fail too; the file is removed all the same.
      }
      rmSync(fsPath(tmp), { force: true });
      untrack();
    },
  };
}

/** True when this process may write the file at `path` (access(2) W_OK: always for root). */
function writable(path: string): boolean {
  try {
    accessSync(fsPath(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when the file at `path` holds exactly `bytes` (false when it cannot be read). */
function sameBytes(path: Buffer, bytes: Uint8Array): boolean {
  try {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(readFileSync(path));
  } catch {
    return false;
  }
}
