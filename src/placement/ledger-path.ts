/**
 * @fileoverview Where the ledger lives and how its folder is made: the XDG state path (the
 * account's home when HOME is unusable) and a `mkdir -p` that cannot spin.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** Default ledger path: $XDG_STATE_HOME/xmcfg/ledger.db, else ~/.local/state/xmcfg/ledger.db. */
export function defaultLedgerPath(env: Record<string, string | undefined> = process.env): string {
  // The XDG spec: a relative XDG_STATE_HOME is invalid and must be ignored. A HOME that is empty or
  // relative would put the ledger under the working folder: a different ledger in every folder.
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME && isAbsolute(env.HOME) ? env.HOME : accountHome(), '.local', 'state');
  return join(base, 'xmcfg', 'ledger.db');
}

/**
 * `mkdir -p` made of plain mkdir calls. Node's own recursive mkdir never returns where mkdir says
 * ENOENT for a folder whose parent exists (`--ledger /proc/x/ledger.db`: Node 20 retried forever,
 * and `plan --reserve` hung at 100% CPU); here that ENOENT is the answer. Each folder this call
 * made is added to `made`, outermost first (also when a later one fails), so a caller whose write
 * then fails can remove them again (--output-file, src/cli/output-file.ts).
 */
export function makeFolders(dir: string, made: string[] = []): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
      made.push(d);
    } catch (e) {
      // Another process made it in between (two first `plan --reserve` runs at once).
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** The account's home folder from the password database (HOME aside), else os.homedir(). */
function accountHome(): string {
  try {
    const h = userInfo().homedir;
    if (isAbsolute(h)) return h;
  } catch {
    /* no password entry (a container's arbitrary uid) */
  }
  return isAbsolute(homedir()) ? homedir() : '/';
}

/** True when `path` is a folder (through symlinks); false when it is not or cannot be asked. Also --output-file's test (src/cli/output-file.ts). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Why this process may not write the ledger at `path` (as an error whose `code` ledgerError words),
 * or null. Asked before SQLite opens it: SQLite opens a file it may not write read-only and still
 * creates the `-wal` and `-shm` files beside it, owned by this user, and those then lock the
 * ledger's owner out of writing it (SQLITE_READONLY). A `-wal` or `-shm` this process may not
 * write is that leftover, named as such; a missing file needs a folder it may write.
 */
export function ledgerWriteProblem(path: string): Error | null {
  const problem = (file: string, code: string): Error => Object.assign(new Error(file), { code });
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      accessSync(file, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOTDIR') return problem(path, 'ENOTDIR');
      if (code === 'ENOENT') {
        if (file !== path) continue;
        try {
          accessSync(dirname(path), constants.W_OK | constants.X_OK);
        } catch (f) {
          const c = (f as NodeJS.ErrnoException).code ?? '';
          if (c === 'EACCES' || c === 'EPERM' || c === 'EROFS') return problem(dirname(path), c);
        }
        continue;
      }
      if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') continue;
      return problem(file, file === path || code === 'EROFS' ? code : 'XMCFG_SIDE_FILE');
    }
  }
  return null;
}
