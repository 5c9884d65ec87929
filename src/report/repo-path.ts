/**
 * @fileoverview A checked file's path relative to the source root (the GitHub workspace), for SARIF
 * URIs and github annotations, also when the file was named through a symlink to the workspace: a
 * self-hosted runner's linked work folder, a checkout under a linked home. The working folder and
 * the root the CLI hands in are real paths (process.cwd()), while an absolute argument may name
 * the same file through the link, which plain path arithmetic puts outside the root.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** True when a path relative to the root leaves it (`..`, `../x`, another drive); `..x.cfg` is inside. */
export function outside(rel: string): boolean {
  return rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel);
}

/** Real paths of the folders already asked (a tree outside the root asks once per folder). */
const realDirs = new Map<string, string>();

/** The real path of `dir`, or `dir` itself when it cannot be resolved. */
function realDir(dir: string): string {
  let r = realDirs.get(dir);
  if (r === undefined) {
    try {
      r = realpathSync(dir);
    } catch {
      r = dir;
    }
    // Bounded: a run over a huge tree outside the root must not keep every folder's name.
    if (realDirs.size >= 4096) realDirs.clear();
    realDirs.set(dir, r);
  }
  return r;
}

/**
 * `abs` (absolute) relative to `root` in the platform's separators, or null when it lies outside
 * the root (or is the root itself). A path outside by its text is tried again by the real paths
 * of its folder and of the root: through a symlink it may be inside. The file's own name is not
 * resolved: a link in the repository is reported where it is, not where it points.
 */
export function underRoot(abs: string, root: string): string | null {
  const rel = relative(root, abs);
  if (rel !== '' && !outside(rel)) return rel;
  const viaReal = relative(realDir(root), join(realDir(dirname(abs)), basename(abs)));
  return viaReal === '' || outside(viaReal) ? null : viaReal;
}

/** {@link underRoot} for a path as given (relative to `cwd`). */
export function underRootFrom(path: string, cwd: string, root: string): string | null {
  return underRoot(resolve(cwd, path), root);
}
