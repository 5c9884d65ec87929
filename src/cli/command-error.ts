/**
 * @fileoverview One-line reports of what went wrong, shared by the command runners: a usage error or
 * unreadable input (exit 2, docs/cli.md "Exit status"), and a caught error without its stack.
 * Dependency-free, so `fmt`'s fast path can use it without loading the checker.
 */
import type { Io } from './types.js';

/** Print `xmcfg COMMAND: message` on stderr and return the exit status of a usage or input error, 2. */
export function commandError(io: Io, command: string, message: string): 2 {
  io.stderr(`xmcfg ${command}: ${message}\n`);
  return 2;
}

/** One line describing a caught error, without its stack. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * A usage message for the first of `keys` given as an empty string (`--host "$UNSET"`, `plan ""`),
 * or null when none is. An empty path used to resolve to the working folder ("cannot read '': is a
 * directory") and an empty domain name to a reservation lookup for "".
 */
export function emptyArgument(argv: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = argv[k];
    if (!(v === '' || (Array.isArray(v) && v.includes('')))) continue;
    if (k === 'file') return "an empty path names no file; give a file, or '-' for standard input";
    if (k === 'name') return 'an empty domain name names no domain';
    return `--${k} needs a value, not an empty one`;
  }
  return null;
}

/** A numeric option's value: its default when absent, NaN for anything but a plain decimal number (an empty value too). */
export function numberArg(v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number') return v;
  return typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
}

/**
 * A whole-number option as given (`fallback` when absent): decimal digits only, else NaN. yargs
 * would read 1e3 or 0x10 as numbers, so these options are declared strings and read here; 15 digits
 * at most, as a longer id would be rounded.
 */
export function wholeArg(v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : NaN;
  return typeof v === 'string' && /^\s*[0-9]{1,15}\s*$/.test(v) ? Number(v) : NaN;
}

/** The usage message for a --max-file-size that is not a size, naming it as `check` does. */
export function sizeMessage(given: unknown): string {
  return `--max-file-size must be a size like 1048576, 512K or 64M, not '${String(given)}'`;
}

/**
 * What to add to "no such file or directory" for a path starting with `~`: the shell expands `~`
 * only at the start of a word, so `--output-file=~/r.json` and `-o "~/r.json"` reach xmcfg as they
 * are and name a folder `~` in the working folder, which is not the home folder. '' otherwise.
 */
export function tildeHint(path: string, code: string | undefined): string {
  if (code !== 'ENOENT' || !(path === '~' || path.startsWith('~/') || /^~[A-Za-z0-9._-]+(?:\/|$)/.test(path))) return '';
  return " ('~' was not expanded: the shell expands it only at the start of a word, not after '=' or in quotes; write $HOME instead)";
}

/**
 * What to add to "no such file or directory" for a path with U+FFFD: Node.js decodes the command
 * line as UTF-8, so a file name in another encoding (Latin-1 `caf\xe9.cfg`) reaches xmcfg with `�`
 * and names no file. A folder walk or a glob reads names by their bytes (`paths`: the command takes
 * those, as check and fmt do); any command reads standard input, which the shell opens by the bytes.
 */
export function notUtf8Hint(path: string, code: string | undefined, paths: boolean): string {
  if (code !== 'ENOENT' || !path.includes('\ufffd')) return '';
  const glob = path.replace(/\ufffd+/g, '*');
  return ` (the name has bytes that are not UTF-8, which reach xmcfg as '\ufffd': ${paths ? `name its folder, or the glob '${glob}', instead` : `give it as standard input instead: - < FILE`})`;
}
