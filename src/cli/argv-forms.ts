/**
 * @fileoverview Option spellings yargs reads differently from what a user means, rewritten into the
 * form yargs reads right, or refused (exit 2): never silently another meaning.
 *
 * - `-fjson`, `-ofile.sarif`, `-Dvmid=3`, `-qfjson`: a short option's value glued to it, as getopt
 *   reads it (grep -e, tar -f). yargs took every letter for a flag of its own: `-fjson` was
 *   "Unknown arguments: s, n".
 * - `--quiet=yes`: yargs reads every value of a boolean option but `true` as false, so `--quiet=yes`
 *   reported warnings and `--color=yes` turned colour off. Now `true`/`yes`/`1` mean the flag,
 *   `false`/`no`/`0` its `--no-` form, and any other value is a usage error; `--color` also takes
 *   GNU's `always`/`never`/`auto` (and grep's `force`, `none`, `tty`, `if-tty`).
 * - `--no-quiet=VALUE`: refused with a message (yargs said "Unknown arguments: no-quiet, noQuiet").
 * - `--no-host`, `--no-stdin-filepath`: yargs negates any option, and a negated option that takes a
 *   value got `false`, read as the text 'false' (`check --no-host` read a host file named "false").
 *   Only the flags have a `--no-` form; any other is refused with a message.
 */

import { suggest } from '../diagnostics/suggest.js';

/** Short options that take a value; every command that has one spells it alike. */
export const VALUE_SHORT: ReadonlySet<string> = new Set(['D', 'f', 'o', 'j']);
/** Short flags and their long names (-h and -V are yargs' own). */
const FLAG_SHORT: ReadonlyMap<string, string> = new Map([
  ['q', 'quiet'],
  ['h', 'help'],
  ['V', 'version'],
]);
/** Boolean options of the commands (check, fmt, convert, lsp, plan, migrate-plan). */
const FLAG_LONG = new Set(['quiet', 'color', 'check', 'stdio', 'commit', 'reserve']);

const YES = new Set(['true', 'yes', '1']);
const NO = new Set(['false', 'no', '0']);
/** `--color=WHEN`: GNU ls/grep/git words beside true/false. Null: the default (by the terminal). */
const COLOR_WHEN: ReadonlyMap<string, boolean | null> = new Map([
  ['always', true],
  ['force', true],
  ['never', false],
  ['none', false],
  ['auto', null],
  ['tty', null],
  ['if-tty', null],
]);

/** The rewritten arguments, or the usage error's one-line message. */
export type OptionForms = { ok: true; args: string[] } | { ok: false; message: string };

/**
 * Rewrite the option arguments (those before `--`) into the forms yargs reads as meant; `flags`, the
 * command's on/off options (read only when needed), are what a mistyped `--no-` form is compared with for a suggestion.
 */
export function normalizeOptionForms(args: readonly string[], flags: () => readonly string[] = () => []): OptionForms {
  const out: string[] = [];
  for (const a of args) {
    const r = rewrite(a, flags);
    if (typeof r === 'string') return { ok: false, message: r };
    out.push(...r);
  }
  return { ok: true, args: out };
}

/** The message for `--no-WORD` where WORD is no flag, with the flag it is near (`--no-quite`: `--no-quiet`). */
function notNegatable(a: string, flags: () => readonly string[]): string {
  const near = suggest(a.slice(5), flags());
  return `${a} is not an option: only on/off options (--quiet, --color, …) have a --no- form${near === undefined ? '' : `; did you mean --no-${near}?`}`;
}

/** One argument's rewrite: the arguments it stands for, or a usage error message. */
function rewrite(a: string, flags: () => readonly string[]): string[] | string {
  if (a.startsWith('--')) {
    const eq = a.indexOf('=');
    if (eq < 0) return a.startsWith('--no-') && !FLAG_LONG.has(a.slice(5)) ? notNegatable(a, flags) : [a];
    const name = a.slice(2, eq);
    const value = a.slice(eq + 1);
    if (name.startsWith('no-') && FLAG_LONG.has(name.slice(3))) return `--${name} takes no value, not '${value}' (write --${name}, or --${name.slice(3)}=true or false)`;
    return FLAG_LONG.has(name) ? flagValue(name, value) : [a];
  }
  if (a.length < 3 || a[0] !== '-' || !/[A-Za-z]/.test(a[1]!)) return [a];
  const long = FLAG_SHORT.get(a[1]!);
  // `-q=false` as `--quiet=false`; -h= and -V= are left to yargs.
  if (a[2] === '=' && long !== undefined) return FLAG_LONG.has(long) ? flagValue(long, a.slice(3)) : [a];
  const out: string[] = [];
  for (let i = 1; i < a.length; i++) {
    const c = a[i]!;
    if (VALUE_SHORT.has(c)) {
      // The rest is the value, as getopt reads it; `-f=json` keeps yargs' reading (the `=` dropped).
      const rest = a.slice(i + 1);
      out.push('-' + c);
      if (rest !== '') out.push(rest.startsWith('=') ? rest.slice(1) : rest);
      return out;
    }
    // A letter that is no short option (`-web.cfg`, a file named with a dash): yargs reports it,
    // with the hint for such a file (run.ts).
    if (!FLAG_SHORT.has(c)) return [a];
    out.push('-' + c);
  }
  return out;
}

/** `--NAME=VALUE` of a boolean option as the flag or its `--no-` form, or the usage error. */
function flagValue(name: string, value: string): string[] | string {
  const v = value.toLowerCase();
  if (name === 'color' && COLOR_WHEN.has(v)) {
    const when = COLOR_WHEN.get(v);
    return when === null ? [] : [when ? '--color' : '--no-color'];
  }
  if (YES.has(v)) return ['--' + name];
  if (NO.has(v)) return ['--no-' + name];
  // Name every accepted word: a user who wrote --quiet=on should learn that yes/no work too.
  const words = name === 'color' ? 'always, never, auto, true/yes/1 or false/no/0' : 'true/yes/1 or false/no/0';
  return `--${name} takes no value, or ${words}; not '${value}'`;
}
