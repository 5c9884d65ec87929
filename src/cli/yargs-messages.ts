/**
 * @fileoverview yargs' usage messages reworded to name what the user typed. yargs names an option by
 * its internal key: `host --from-sysfs R --json H` was "Arguments sysfs-root and json are mutually
 * exclusive" (--from-sysfs is an alias of the key sysfs-root), `-o` at the end of the line was "Not
 * enough arguments following: o", and `--foo-bar` was "Unknown arguments: foo-bar, fooBar" (yargs adds
 * the camel-cased key it derived). Each known message form is rewritten with the flag as it appears on
 * the command line (`--from-sysfs`, `-o`, `--foo-bar`); any other message is left as yargs wrote it.
 * The locale is fixed (run.ts: detectLocale(false)), so the English forms are the only ones.
 */
import type { CommandSpec } from './types.js';
import { aliasesOf, declaredOptions, kebab, type Declared } from './option-definitions.js';
import { VALUE_SHORT } from './argv-forms.js';
import { suggest } from '../diagnostics/suggest.js';

/** What a message's keys are looked up in: the user's arguments and the command's definitions. */
interface Context {
  /** The arguments before `--` (after it nothing is an option). */
  args: readonly string[];
  declared: readonly Declared[];
}

/** yargs' message `msg` (one line) reworded for the user who typed `rawArgv` to `command` (undefined: no known command). */
export function userMessage(msg: string, rawArgv: readonly string[], command: CommandSpec | undefined): string {
  const dd = rawArgv.indexOf('--');
  const ctx: Context = { args: dd < 0 ? rawArgv : rawArgv.slice(0, dd), declared: command ? declaredOptions(command.builder) : [] };
  let m = /^Arguments (\S+) and (\S+) are mutually exclusive$/.exec(msg);
  if (m) return `${named(m[1]!, ctx)} and ${named(m[2]!, ctx)} cannot be given together`;
  m = /^Not enough arguments following: (\S+)$/.exec(msg);
  if (m) return `${named(m[1]!, ctx)} needs a value`;
  m = /^Missing required arguments?: (.+)$/.exec(msg);
  if (m) return `missing ${m[1]!.split(', ').map((k) => named(k, ctx)).join(', ')}`;
  m = /^Unknown arguments?: (.+)$/.exec(msg);
  if (m) return unknownMessage(m[1]!.split(', '), ctx);
  m = /^Invalid values: (Argument: .+)$/.exec(msg);
  if (m) return invalidValues(m[1]!, ctx) ?? msg;
  m = /^Not enough non-option arguments: got \d+, need at least \d+$/.exec(msg);
  if (m && command) return `missing ${requiredPositionals(command).join(' ')}`;
  m = /^Did you mean (\S+)\?$/.exec(msg);
  // recommendCommands' message names the suggestion only; the word it replaces is the first one.
  const word = ctx.args.find((a) => !a.startsWith('-'));
  if (m && word !== undefined) return `unknown command '${word}'; did you mean ${m[1]}?`;
  return msg;
}

/** The command's required positionals as its usage writes them (`release <name>`: `<name>`). */
function requiredPositionals(command: CommandSpec): string[] {
  return command.command.split(' ').filter((w) => w.startsWith('<'));
}

/**
 * "Unknown arguments: foo-bar, fooBar, x": each as typed (`--foo-bar`, `-x`), once; a word that is
 * not an option (an extra positional) stays as it is.
 */
function unknownMessage(keys: readonly string[], ctx: Context): string {
  const seen = new Set<string>();
  for (const k of keys) seen.add(typedFlag(k, ctx) ?? k);
  // yargs lists a dashed key and its camel-cased twin: both were typed as the dashed one, kept once above.
  const list = [...seen];
  const text = `Unknown ${list.some((w) => !w.startsWith('-')) ? 'argument' : 'option'}${list.length > 1 ? 's' : ''}: ${list.join(', ')}`;
  const near = list.length === 1 ? nearestLong(list[0]!, ctx) : undefined;
  return near === undefined ? text : `${text}; did you mean ${near}?`;
}

/** Options every command has (yargs adds them), offered beside the command's own. */
const BUILT_IN = ['help', 'version'];

/**
 * The declared long option closest to a mistyped `--word` (`--max-warning`: `--max-warnings`), by
 * the same bounded edit distance as unknown config keys; a `--no-` form is matched on its base and
 * offered only for an on/off option. Undefined for a short flag or when nothing is near.
 */
function nearestLong(typed: string, ctx: Context): string | undefined {
  if (!typed.startsWith('--')) return undefined;
  let word = kebab(typed.slice(2));
  const negated = word.startsWith('no-');
  if (negated) word = word.slice(3);
  const names: string[] = [];
  for (const d of ctx.declared) {
    if (d.positional || (negated && d.def.type !== 'boolean')) continue;
    for (const n of [d.key, ...aliasesOf(d.def)]) if (n.length > 1) names.push(n);
  }
  if (!negated) names.push(...BUILT_IN);
  const hit = suggest(word, names);
  return hit === undefined || hit === word ? undefined : `--${negated ? 'no-' : ''}${hit}`;
}

/** "Argument: format, Given: "bad", Choices: "a", "b"" (one or more): "--format must be one of a, b, not 'bad'". */
function invalidValues(rest: string, ctx: Context): string | null {
  const parts: string[] = [];
  const re = /Argument: (\S+), Given: (.*?), Choices: (.*?)(?= Argument: |$)/g;
  for (let m = re.exec(rest); m !== null; m = re.exec(rest)) {
    const choices = m[3]!.split(', ').map(unquote).join(', ');
    const given = m[2]!;
    // `--no-format`: yargs' negation made the value false, which no choice is.
    const shown = given === 'false' || given === 'true' ? 'no value' : `'${unquote(given)}'`;
    parts.push(`${named(m[1]!, ctx)} must be one of ${choices}, not ${shown}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** A JSON-quoted string of yargs' message (`"bad"`) as its text. */
function unquote(s: string): string {
  if (!(s.length >= 2 && s.startsWith('"') && s.endsWith('"'))) return s;
  try {
    return String(JSON.parse(s));
  } catch {
    return s.slice(1, -1);
  }
}

/** A key of yargs' message as the user knows it: the flag typed for it, else its long flag; a positional by its usage name. */
function named(key: string, ctx: Context): string {
  const typed = typedFlag(key, ctx);
  if (typed !== null) return typed;
  const decl = declarationOf(key, ctx);
  if (decl?.positional) return `the ${decl.key} argument`;
  const k = decl?.key ?? kebab(key);
  return k.length === 1 ? `-${k}` : `--${k}`;
}

/** The declaration a key of yargs' message belongs to (its own key, an alias, or either camel-cased), or undefined. */
function declarationOf(key: string, ctx: Context): Declared | undefined {
  const k = kebab(key);
  return ctx.declared.find((d) => d.key === k || aliasesOf(d.def).includes(k));
}

/**
 * The flag on the command line that set `key` (`--from-sysfs` for sysfs-root, `-o` for output-file,
 * `--no-host`, `--outputFile`), without its `=value`; null when none did (a default, a positional).
 */
function typedFlag(key: string, ctx: Context): string | null {
  const decl = declarationOf(key, ctx);
  const names = new Set(decl ? [decl.key, ...aliasesOf(decl.def)] : [kebab(key)]);
  for (const a of ctx.args) {
    if (a.startsWith('--')) {
      const flag = a.split('=', 1)[0]!;
      const name = kebab(flag.slice(2));
      if (names.has(name) || (name.startsWith('no-') && names.has(name.slice(3)))) return flag;
    } else if (a.length > 1 && a.startsWith('-')) {
      // A short flag, or several run together (`-qo`); an unknown letter stands for the whole word
      // (`-web.cfg`: w, e and b), which is what the user typed.
      for (const n of names) {
        if (n.length !== 1) continue;
        if (a === `-${n}` || a.startsWith(`-${n}=`)) return `-${n}`;
        if (clusterLetters(a).includes(n)) return decl ? `-${n}` : a;
      }
    }
  }
  return null;
}

/** The flag letters of a short-option word: up to the first that takes a value (`-qfjson`: q, f; the rest is f's value). */
function clusterLetters(word: string): string {
  const body = word.slice(1).split('=', 1)[0]!;
  for (let i = 0; i < body.length; i++) if (VALUE_SHORT.has(body[i]!)) return body.slice(0, i + 1);
  return body;
}
