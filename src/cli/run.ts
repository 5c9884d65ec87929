/**
 * @fileoverview The command-line runner: `run(argv, io)` parses arguments with yargs, runs one
 * command and returns its exit code. It never calls process.exit and never prints a stack trace:
 * usage errors are exit 2 with the message on stderr, internal failures exit 2 with one line
 * (set XMCFG_DEBUG=1 for the stack).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandSpec, Io } from './types.js';
import { commands as defaultCommands } from './commands/index.js';
import { VERSION } from './version.js';
import { quickCheckArgv } from './quick-check-argv.js';
import { quickFmtArgv } from './commands/fmt.js';
import { normalizeOptionForms, type OptionForms } from './argv-forms.js';
import { repeatableKeys } from './repeatable.js';
import { userMessage } from './yargs-messages.js';
import { declaredOptions } from './option-definitions.js';

/**
 * yargs-parser silently drops a lone `-` (the usual name of standard input), so it is swapped for a
 * token no shell can pass (it holds a NUL) while parsing, and swapped back for the command.
 */
const STDIN_TOKEN = '\u0000-';

/**
 * yargs does not fill a command's positionals from the arguments after `--` (they land in `_`):
 * `check -- -odd.cfg` checked `.` instead. So `--` is dropped and each argument after it marked
 * with this prefix (it holds a NUL too), which makes it a plain word; the mark is removed again.
 */
const POSITIONAL_MARK = '\u0000+';

/**
 * The arguments yargs parses: `-` swapped for STDIN_TOKEN, those after `--` marked as positionals,
 * and the options before it in the forms yargs reads as meant (argv-forms.ts: `-fjson`,
 * `--quiet=yes`, `--color=always`), or the usage error one of them is.
 */
function parserArgs(rawArgv: readonly string[], commands: readonly CommandSpec[]): OptionForms {
  const dd = rawArgv.indexOf('--');
  // Read from the command's definitions only for a message (running a builder is not free).
  const flags = (): string[] => {
    const command = commandOf(rawArgv, commands);
    return command ? declaredOptions(command.builder).filter((d) => d.def.type === 'boolean').map((d) => d.key) : [];
  };
  const forms = normalizeOptionForms(dd < 0 ? rawArgv : rawArgv.slice(0, dd), flags);
  if (!forms.ok) return forms;
  const out = forms.args.map((a) => (a === '-' ? STDIN_TOKEN : a));
  if (dd >= 0) for (const a of rawArgv.slice(dd + 1)) out.push(POSITIONAL_MARK + a);
  return { ok: true, args: out };
}

/** An argument as the user wrote it: STDIN_TOKEN back to `-`, the positional mark removed. */
function unmark(a: string): string {
  return a === STDIN_TOKEN ? '-' : a.startsWith(POSITIONAL_MARK) ? a.slice(POSITIONAL_MARK.length) : a;
}

/** Put `-` back where the parser saw STDIN_TOKEN, and drop the positional marks (in positionals and option values). */
function restoreStdin(args: Record<string, unknown>): Record<string, unknown> {
  const fix = (v: unknown): unknown => (typeof v === 'string' ? unmark(v) : Array.isArray(v) ? v.map(fix) : v);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) out[k] = fix(v);
  return out;
}

/**
 * Every option given twice keeps its last value (docs/cli.md), here for every command at once,
 * except the keys that collect every value (`repeatable`: the command's array-typed options and
 * positionals, repeatable.ts): runners that read `typeof argv.host === 'string'` took
 * `--host a.json --host b.json` for no host (plan used this machine's sysfs), `--ledger` twice for
 * the default ledger, and `--policy` twice printed the plan's policy as a list.
 */
function lastValues(args: Record<string, unknown>, repeatable: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) out[k] = Array.isArray(v) && !repeatable.has(k) ? v[v.length - 1] : v;
  return out;
}

/** Run `xmcfg` with the arguments after the program name; resolves to the exit code. */
export async function run(rawArgv: string[], io: Io, commands: readonly CommandSpec[] = defaultCommands): Promise<number> {
  // `check` (and `fmt`) with plain arguments skips yargs (a third of the start-up of `xmcfg check one.cfg`):
  // the reader returns exactly the argv yargs would build, or null to let yargs decide.
  if (commands === defaultCommands) {
    const quick = quickCheckArgv(rawArgv);
    const check = quick && commands.find((c) => c.command.startsWith('check '));
    if (quick && check) return runCommand(check, quick, io);
    const quickFmt = quickFmtArgv(rawArgv);
    const fmt = quickFmt && commands.find((c) => c.command.startsWith('fmt '));
    if (quickFmt && fmt) return runCommand(fmt, quickFmt, io);
  }
  // yargs is loaded only for the command lines that need it.
  const forms = parserArgs(rawArgv, commands);
  if (!forms.ok) {
    io.stderr(`xmcfg: ${forms.message}\n${helpPointer(rawArgv, commands)}`);
    return 2;
  }
  const argv = forms.args;
  const { default: yargs } = await import('yargs');
  let exitCode = 0;
  let failed = false;
  let ran = false;
  const y = yargs(argv)
    .scriptName('xmcfg')
    .usage('$0 <command> [options]\n\nLint, normalise and NUMA-place Xen domain configuration files (xl and xm dialects).')
    .exitProcess(false)
    .detectLocale(false)
    .strict()
    .demandCommand(1, 'missing command')
    .recommendCommands()
    .version(VERSION)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(Math.min(100, io.env.COLUMNS ? Number(io.env.COLUMNS) || 100 : 100))
    .epilog('Exit status: 0 clean, 1 findings (errors, or more warnings than --max-warnings), 2 usage error, unreadable input or internal failure.')
    .fail((msg, err) => {
      if (failed) return;
      failed = true;
      exitCode = 2;
      // One line (docs/cli.md): yargs spreads "Invalid values:" over several, and scripts read the first.
      // Line by line, not /\s*\n\s*/g: that tries every start in a run of blanks, and an argument of
      // 60,000 spaces (echoed in "Given:") took 10 s.
      const line = (msg ?? (err ? err.message : 'invalid arguments')).split(STDIN_TOKEN).join('-').split(POSITIONAL_MARK).join('').trim().split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ');
      // yargs names options by their internal keys (sysfs-root for --from-sysfs, o for -o): reworded with the flags typed.
      const text = userMessage(line, rawArgv, commandOf(rawArgv, commands));
      io.stderr(`xmcfg: ${text}\n${dashedFileHint(rawArgv, io.cwd)}${helpPointer(rawArgv, commands)}`);
    });
  for (const spec of commands) {
    y.command(spec.command, spec.describe, spec.builder, async (args) => {
      // yargs still calls the handler after .fail() when exitProcess is off.
      if (failed) return;
      ran = true;
      exitCode = await runCommand(spec, lastValues(restoreStdin(args as Record<string, unknown>), repeatableKeys(spec)), io);
    });
  }
  try {
    await y.parseAsync(argv, {}, (err, _args, output) => {
      // Help and version text arrive here instead of being printed by yargs.
      if (output && !failed) (err ? io.stderr : io.stdout)(output.endsWith('\n') ? output : output + '\n');
    });
  } catch (e) {
    if (!failed && !ran) {
      io.stderr(`xmcfg: ${e instanceof Error ? e.message : String(e)}\n`);
      exitCode = 2;
    }
  }
  return exitCode;
}

/** The command the first word names, or undefined (none, or not a command). */
function commandOf(rawArgv: readonly string[], commands: readonly CommandSpec[]): CommandSpec | undefined {
  const first = rawArgv.find((a) => !a.startsWith('-'));
  return commands.find((c) => c.command.split(' ')[0] === first);
}

/** The line after a usage error: where the command's help is (`Run 'xmcfg check --help' for usage.`). */
function helpPointer(rawArgv: readonly string[], commands: readonly CommandSpec[]): string {
  const known = commandOf(rawArgv, commands);
  return `Run 'xmcfg ${known ? known.command.split(' ')[0] + ' ' : ''}--help' for usage.\n`;
}

/**
 * The hint for a usage error caused by a file whose name starts with `-` (`check -web.cfg` read as the
 * flags -w -e -b: "Unknown arguments: w, e, b"), or '' when no argument is such a file: the message
 * alone never says that the argument was taken for options, nor how to name the file.
 */
function dashedFileHint(rawArgv: readonly string[], cwd: string): string {
  const dd = rawArgv.indexOf('--');
  const before = dd < 0 ? rawArgv : rawArgv.slice(0, dd);
  const file = before.find((a) => a.length > 1 && a.startsWith('-') && !a.startsWith('--') && existsSync(resolve(cwd, a)));
  if (file === undefined) return '';
  return `'${file}' was read as options; to name the file, write ./${file} or put -- before it\n`;
}

/** Run one command, turning a thrown error into exit 2 with one line on stderr. */
async function runCommand(spec: CommandSpec, args: Record<string, unknown>, io: Io): Promise<number> {
  try {
    return await spec.run(args, io);
  } catch (e) {
    const name = spec.command.split(' ')[0];
    const debug = io.env.XMCFG_DEBUG;
    const detail = e instanceof Error ? (debug ? (e.stack ?? e.message) : `${e.name}: ${e.message}`) : String(e);
    io.stderr(`xmcfg ${name}: internal error: ${detail}\n`);
    return 2;
  }
}
