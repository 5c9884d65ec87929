/**
 * @fileoverview Turning `check` arguments into a list of files: plain files as given, folders walked
 * recursively for config extensions, and quoted globs. Paths keep the spelling the user gave
 * (relative stays relative). Problems (missing path, unreadable folder, glob without matches) are
 * returned, not thrown: the caller reports them and exits 2 after checking the rest.
 */
import { statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { compileGlob, hasMagic, isDeep, matchGlob, splitGlobBase, type Glob } from './glob.js';
import { oneLine } from '../../placement/shell.js';
import { notUtf8Hint } from '../command-error.js';

/** Extensions a folder walk picks up. */
export const DEFAULT_EXTENSIONS: readonly string[] = ['.cfg', '.xl', '.xm', '.conf'];

/** One file to check. */
export interface Target {
  /** As displayed in reports. */
  path: string;
  /** Absolute path to read (a name that is not UTF-8 has U+FFFD in it: read `raw` then). */
  abs: string;
  /**
   * The absolute path's bytes, only when a folder walk found a name that is not valid UTF-8
   * (Latin-1 file names in an old /etc/xen): `abs` names another file or none.
   */
  raw?: Uint8Array;
  /**
   * True for a path named on the command line that is not a regular file (a FIFO, `/dev/stdin`, a
   * device): its read may wait for a writer, so it is read without blocking the event loop
   * (Ctrl-C during `check -o` must still remove the temporary file).
   */
  special?: true;
}

/** The path to open for a target: its bytes when its name is not UTF-8 (a worker receives them as a Uint8Array). */
export function openPath(t: Target): string | Buffer {
  return t.raw ? Buffer.from(t.raw) : t.abs;
}

/** A directory entry's name as text, and its bytes when the text does not spell them exactly. */
function entryName(name: Buffer): { text: string; raw: Buffer | null } {
  const text = name.toString('utf8');
  return { text, raw: Buffer.byteLength(text) === name.length && Buffer.from(text).equals(name) ? null : name };
}

/** An input discovery could not use: the path it names (null for a glob that matched nothing: a
 * pattern is no file) and the message, which quotes it ("cannot read 'x': no such file or directory"). */
export interface DiscoveryProblem {
  path: string | null;
  message: string;
}

/** The result of discovery. */
export interface Discovery {
  targets: Target[];
  /** Fatal input problems, in the order met. */
  problems: DiscoveryProblem[];
}

/**
 * What makes two targets the same file: its real path (symbolic links and `.`/`..` resolved), as
 * ESLint dedupes. `d/x.cfg` and a link to it, `d` and a link to `d`, were each checked and reported
 * twice (the same findings counted twice against --max-warnings). A name that is not UTF-8 is
 * resolved by its bytes (two such names may decode to the same text); a path that cannot be
 * resolved (a FIFO's /proc/self/fd target, a race with a removal) keys by its absolute path.
 */
async function identity(t: Target): Promise<string> {
  const real = await realpath(openPath(t), { encoding: 'buffer' }).then(
    (b) => b.toString('latin1'),
    () => null,
  );
  if (real !== null) return '\0' + real;
  return t.raw ? '\0' + Buffer.from(t.raw).toString('latin1') : t.abs;
}

/**
 * The file's device and inode (`find -samefile`, `rsync -H`): two hard links of one file share them,
 * though their real paths differ. Null when it cannot be stat'ed (the read reports that later).
 * Synchronous, no promise per file: 2,000 stat calls took 9-49 ms here; each file is then opened and read, which costs more.
 */
function inode(t: Target): string | null {
  try {
    const st = statSync(openPath(t), { bigint: true });
    return `\u0001${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/**
 * Expand arguments into files; duplicates (the same real path, {@link identity}) are kept once, in
 * first-seen order, under the first name met (within one folder or glob, the file's own name
 * rather than a symbolic link to it).
 * `seen` carries the files found by earlier calls of one run (`check a.cfg - a.cfg` discovers the
 * arguments on each side of `-` apart), so a file is not found twice across them.
 * `hardLinksOnce` (check; decision 038): a file a folder walk or glob finds is also left out when
 * it is a hard link of a file already found (same device and inode); a path named on the command
 * line is always kept (unless its real path was). fmt keeps both names: its atomic rename gives each
 * name a file of its own, so skipping one would leave it unformatted.
 */
export async function discover(args: readonly string[], cwd: string, extensions: readonly string[] = DEFAULT_EXTENSIONS, seen: Set<string> = new Set(), hardLinksOnce = false): Promise<Discovery> {
  const targets: Target[] = [];
  const problems: DiscoveryProblem[] = [];
  // Files an argument matched, duplicates included: a folder or glob whose files were all named
  // before (`check web.cfg "*.cfg"`, a folder given twice) matched them, it is no "no match".
  let matched = 0;
  // The files one argument found, in its order; `link`: the entry is a symbolic link; `walked`:
  // found in a folder or by a glob, not named.
  let found: { t: Target; link: boolean; walked: boolean; key?: string }[] = [];
  const add = (t: Target, link = false, key?: string, walked = true): void => {
    matched++;
    found.push(key === undefined ? { t, link, walked } : { t, link, walked, key });
  };
  const settle = async (): Promise<void> => {
    const keys = await Promise.all(found.map((f) => f.key ?? identity(f.t)));
    // Within one folder or glob, a file met both by its own name and through a link (the links of
    // /etc/xen/auto to the configs beside it, sorted before them) is reported by its own name.
    const byName = new Set(keys.filter((_, i) => !found[i]!.link));
    found.forEach((f, i) => {
      const key = keys[i]!;
      if (seen.has(key) || (f.link && byName.has(key))) return;
      const ino = hardLinksOnce ? inode(f.t) : null;
      // A second name of one file on disk (a hard link) met by walking is the same file checked again.
      if (ino !== null && f.walked && seen.has(ino)) return;
      seen.add(key);
      if (ino !== null) seen.add(ino);
      targets.push(f.t);
    });
    found = [];
  };
  for (const arg of args) {
    // resolve() reads '' as the working folder: `check "$UNSET"` checked the whole folder (exit 0
    // when it was clean), where `cat ''` says no such file. The other paths are still checked.
    if (arg === '') {
      problems.push({ path: null, message: `cannot read '': an empty path names no file` });
      continue;
    }
    const abs = await physicalPath(cwd, arg);
    // First the name as the system reads it: resolve() makes `x.cfg/`, `x.cfg/.` and `x.cfg/../x.cfg`
    // into x.cfg, which was then checked (and reported as `x.cfg/`) where `cat` says "Not a directory".
    const literal = await stat(systemPath(cwd, arg)).catch((e: NodeJS.ErrnoException) => e);
    const st = literal instanceof Error ? literal : await stat(abs).catch((e: NodeJS.ErrnoException) => e);
    if (!(st instanceof Error)) {
      if (st.isDirectory()) {
        const before = matched;
        const problemsBefore = problems.length;
        await walk(abs, folderPrefix(arg), (rel) => extensions.some((e) => rel.endsWith(e)), add, problems, new Set());
        await settle();
        if (matched === before && problems.length === problemsBefore) problems.push({ path: arg, message: `no config files (${extensions.map((e) => '*' + e).join(' ')}) in ${quote(arg)}` });
      } else add(st.isFile() ? { path: arg, abs } : { path: arg, abs, special: true }, false, undefined, false);
      await settle();
      continue;
    }
    if (hasMagic(arg)) {
      const before = matched;
      const problemsBefore = problems.length;
      await expandGlob(arg, cwd, add, problems);
      await settle();
      if (matched === before && problems.length === problemsBefore) problems.push({ path: null, message: `no files match ${quote(arg)}` });
      continue;
    }
    problems.push({ path: arg, message: `cannot read ${quote(arg)}: ${errorText(st)}${notUtf8Hint(arg, st.code, true)}` });
  }
  return { targets, problems };
}

/**
 * The absolute path of an argument, naming the file the system opens for it. resolve() drops
 * `link/..` as text, but the system follows the link first: with `b/link` a link to `a/deep`,
 * `b/link/../x.cfg` is `a/x.cfg` (what `cat` reads), and `b/x.cfg` was checked instead. So the part
 * of an argument up to its last `..` is resolved by the file system (realpath); the names after it
 * are kept as given, as in any other argument (a link there is reported where it is).
 */
async function physicalPath(cwd: string, arg: string): Promise<string> {
  const lexical = resolve(cwd, arg);
  const parts = arg.split('/');
  const last = parts.lastIndexOf('..');
  if (last < 0) return lexical;
  const head = parts.slice(0, last + 1).join('/');
  return realpath(isAbsolute(head) ? head : `${cwd}/${head}`).then(
    (dir) => join(dir, ...parts.slice(last + 1)),
    () => lexical,
  );
}

/** Expand one glob below its literal base folder. */
async function expandGlob(pattern: string, cwd: string, add: (t: Target, link: boolean, key?: string) => void, problems: DiscoveryProblem[]): Promise<void> {
  const { base, rest } = splitGlobBase(pattern);
  const glob = compileGlob(rest);
  const baseAbs = await physicalPath(cwd, base);
  const st = await stat(baseAbs).catch(() => null);
  if (!st || !st.isDirectory()) return;
  const display = base === '.' ? (pattern.startsWith('./') ? './' : '') : folderPrefix(base);
  const maxDepth = isDeep(glob) ? Infinity : glob.segments.length;
  await walk(baseAbs, display, (rel) => matchGlob(glob, rel.split('/')), add, problems, new Set(), maxDepth);
}

/**
 * Walk a folder depth-first in sorted order, skipping hidden entries; symlinked folders are followed
 * once (a real-path set breaks cycles).
 */
async function walk(
  dirAbs: string,
  displayPrefix: string,
  accept: (rel: string) => boolean,
  add: (t: Target, link: boolean, key?: string) => void,
  problems: DiscoveryProblem[],
  visited: Set<string>,
  maxDepth = Infinity,
  rel = '',
  depth = 1,
  dirRaw: Buffer | null = null,
): Promise<void> {
  const dirPath = dirRaw ?? dirAbs;
  // Real paths as bytes (latin1 keeps one char per byte): folders whose names are not UTF-8 stay apart.
  const real = await realpath(dirPath, { encoding: 'buffer' }).then(
    (b) => b.toString('latin1'),
    () => (dirRaw ? dirRaw.toString('latin1') : dirAbs),
  );
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    // Names as bytes: one that is not UTF-8 read as text names no file at all.
    entries = await readdir(dirPath, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    const path = displayPrefix + rel || '.';
    problems.push({ path, message: `cannot read ${quote(path)}: ${errorText(e as NodeJS.ErrnoException)}` });
    return;
  }
  const named = entries.map((ent) => ({ ent, ...entryName(ent.name as unknown as Buffer) }));
  named.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  for (const { ent, text, raw } of named) {
    if (text.startsWith('.')) continue;
    const slash = dirAbs.endsWith('/') ? '' : '/';
    const childAbs = dirAbs + slash + text;
    const childRaw = raw || dirRaw ? Buffer.concat([dirRaw ?? Buffer.from(dirAbs), Buffer.from(slash), raw ?? Buffer.from(text)]) : null;
    const childRel = rel ? `${rel}/${text}` : text;
    let isDir = ent.isDirectory();
    let isFile = ent.isFile();
    if (ent.isSymbolicLink()) {
      const st = await stat(childRaw ?? childAbs).catch((e: NodeJS.ErrnoException) => e);
      if (st instanceof Error) {
        // A broken link with a config's name is a config that cannot be read (in /etc/xen/auto,
        // xendomains would fail to start it at boot): named like any unreadable input, not skipped.
        if (accept(childRel)) problems.push({ path: displayPrefix + childRel, message: `cannot read ${quote(displayPrefix + childRel)}: ${brokenLinkText(st)}` });
        continue;
      }
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      if (depth < maxDepth) await walk(childAbs, displayPrefix, accept, add, problems, visited, maxDepth, childRel, depth + 1, childRaw);
    } else if (isFile && accept(childRel)) {
      const link = ent.isSymbolicLink();
      // A file that is no link is its folder's real path plus its name ({@link identity}'s key
      // without a realpath call per file: 2,000 files took 25 ms more).
      const key = link ? undefined : '\0' + real + (real.endsWith('/') ? '' : '/') + (raw ?? Buffer.from(text)).toString('latin1');
      add(childRaw ? { path: displayPrefix + childRel, abs: childAbs, raw: childRaw } : { path: displayPrefix + childRel, abs: childAbs }, link, key);
    }
  }
}

/** Why a symbolic link cannot be followed ("broken symbolic link: its target does not exist"). */
function brokenLinkText(e: NodeJS.ErrnoException): string {
  return e.code === 'ENOENT' ? 'broken symbolic link: its target does not exist' : `symbolic link: ${errorText(e)}`;
}

/** The display prefix of files found in `dir`, keeping the user's spelling (`.` shows no prefix). */
function folderPrefix(dir: string): string {
  if (dir === '' || dir === '.') return '';
  return dir.endsWith('/') ? dir : dir + '/';
}

/** A path in quotes for messages, control characters escaped (`\n`): a file name cannot break the line. */
export function quote(p: string): string {
  return `'${oneLine(p)}'`;
}

/**
 * The path the system opens for `p` given in `cwd`, as written (made absolute): resolve() would
 * drop a trailing `/` and `x.cfg/..`, which the kernel refuses for a file ("Not a directory").
 */
export function systemPath(cwd: string, p: string): string {
  return isAbsolute(p) ? p : `${cwd}/${p}`;
}

/** The readable part of a file-system error ("no such file or directory"). */
export function errorText(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    case 'XMCFG_NOT_A_FOLDER':
      return e.message;
    case 'XMCFG_FOLDER_NAME':
      return "a folder's name (it ends with '/', '.' or '..'), not a file's";
    case 'XMCFG_READONLY':
      return 'the file is read-only (no write permission bit set; chmod u+w it to let xmcfg replace it)';
    case 'EIO':
      return 'input/output error';
    default:
      return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : e.message;
  }
}
