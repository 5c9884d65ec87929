/**
 * docs/cli.md and the bin's --help describe the same commands and options: every command of
 * `xmcfg --help` has a section, every option its `--help` lists is named in that section, and
 * every option a section's synopsis names exists. The other way too: an option named anywhere in a
 * section, or in README.md's command table, is one of that command's, or of the other command
 * the sentence is about.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT, CLI } from '../e2e/cli-helpers.js';

const page = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** A Markdown text without what the commands of its `console` blocks print (the lines not starting `$ `). */
function withoutOutput(text: string): string {
  return text.replace(/^```console\n([\s\S]*?)^```$/gm, (_, body: string) => body.split('\n').filter((l) => l.startsWith('$ ')).join('\n'));
}

/** Long option names a Markdown text names (`--no-color` names `color`). */
function named(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<![\w-])--(?:no-)?([a-z][\w-]*)/g)].map((m) => m[1]!))].filter((o) => o !== 'help' && o !== 'version');
}
const run = promisify(execFile);
const help = (args: string[]) => run(process.execPath, [CLI, ...args, '--help'], { env: { ...process.env, NO_COLOR: '1' } }).then((r) => r.stdout);

/** The `## heading` section of docs/cli.md that documents a command. */
function section(command: string): string {
  const heading = command === 'release' || command === 'ledger' ? 'release and ledger' : command;
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

/**
 * Long option names of a --help text, without the ones every command has; a long alias too
 * (`--sysfs-root, --from-sysfs`): a page must name an older spelling it still takes.
 */
function helpOptions(text: string): string[] {
  return [...text.matchAll(/^\s+((?:-\w, )?--[a-z][\w-]*(?:, --[a-z][\w-]*)*)/gm)]
    .flatMap((m) => [...m[1]!.matchAll(/--([a-z][\w-]*)/g)].map((x) => x[1]!))
    .filter((o) => o !== 'help' && o !== 'version');
}

/** Short aliases of a --help text: `define` → `D` for `-D, --define`. */
function helpAliases(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^\s+-(\w), --([a-z][\w-]*)/gm)].map((m) => [m[2]!, m[1]!]));
}

describe.skipIf(!BUILT)('docs/cli.md matches --help', () => {
  let commands: { name: string; usage: string; options: string[]; aliases: Record<string, string> }[] = [];

  beforeAll(async () => {
    const names = [...(await help([])).matchAll(/^ {2}xmcfg ([a-z-]+)/gm)].map((m) => m[1]!);
    commands = await Promise.all(
      names.map(async (name) => {
        const text = await help([name]);
        return { name, usage: text.split('\n')[0]!, options: helpOptions(text), aliases: helpAliases(text) };
      }),
    );
  }, 60_000);

  it('lists the commands of the table, each with a section', () => {
    expect(commands.map((c) => c.name)).toEqual(['check', 'normalize', 'schema', 'explain', 'fmt', 'convert', 'host', 'plan', 'release', 'ledger', 'migrate-plan', 'rebalance', 'lsp']);
    const table = page.slice(0, page.indexOf('\n## '));
    for (const c of commands) {
      expect(table, c.name).toContain(`\`${c.name}`);
      expect(section(c.name), c.name).not.toBe('');
    }
  });

  it('names every option of each command in its section', () => {
    // A synopsis may name an option by its short alias (`-D NAME=VALUE`).
    const named = (c: (typeof commands)[number], o: string) => new RegExp(`--${o}\\b${c.aliases[o] ? `|(?<![\\w-])-${c.aliases[o]}\\b` : ''}`).test(section(c.name));
    const missing = commands.flatMap((c) => c.options.filter((o) => !named(c, o)).map((o) => `${c.name} --${o}`));
    expect(missing).toEqual([]);
  });

  it('names in each synopsis only options and arguments the command has', () => {
    const unknown = commands.flatMap((c) => {
      const synopsis = /```\n(xmcfg [\s\S]*?)```/.exec(section(c.name))?.[1] ?? '';
      const named = [...synopsis.matchAll(new RegExp(`^xmcfg ${c.name}\\b.*(?:\\n {3,}.*)*`, 'gm'))].map((m) => m[0]).join('\n');
      if (!named) return [`${c.name}: no synopsis`];
      const options = [...named.matchAll(/--(?:no-)?([a-z][\w-]*)/g)].map((m) => m[1]!);
      const bad = options.filter((o) => o !== 'help' && o !== 'version' && !c.options.includes(o)).map((o) => `${c.name} --${o}`);
      // The positional of the usage line (`<file>`, `[paths..]`), in any case; `ledger <action>` is documented as `ledger list`.
      const positional = /[<[][\w.]+[>\]]/.exec(c.usage.replace(/^xmcfg \S+/, ''))?.[0];
      if (positional && c.name !== 'ledger' && !named.toLowerCase().includes(positional.toLowerCase())) bad.push(`${c.name}: ${positional} missing`);
      return bad;
    });
    expect(unknown).toEqual([]);
  });

  it('names in each section only options of its command, or of a command the text names beside it', () => {
    const owners = (o: string) => commands.filter((c) => c.options.includes(o)).map((c) => c.name);
    const stray = commands.flatMap((c) =>
      named(withoutOutput(section(c.name)))
        .filter((o) => !c.options.includes(o))
        // Another command's option, in a sentence about that command (`plan` without `--reserve`).
        .filter((o) => !owners(o).some((other) => new RegExp(`\\b${other}\\b[^.;]{0,80}--${o}\\b`).test(section(c.name))))
        .map((o) => `${c.name}: --${o} (an option of ${owners(o).join(', ') || 'no command'})`),
    );
    // `--bogus` is the page's example of an unknown option.
    expect(stray.filter((s) => !s.startsWith('check: --bogus'))).toEqual([]);
  });

  it("README.md's command table names only options each command has", () => {
    const table = readme.slice(readme.indexOf('| command | does |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    expect(rows.length).toBe(commands.length - 1); // release and ledger share a row
    const wrong = rows.flatMap((row) => {
      const cells = row.split(/(?<!\\) \| /);
      const names = [...cells[0]!.matchAll(/`([a-z-]+)/g)].map((m) => m[1]!);
      const options = new Set(commands.filter((c) => names.includes(c.name)).flatMap((c) => c.options));
      return named(cells.slice(1).join(' ')).filter((o) => !options.has(o)).map((o) => `${names.join('/')}: --${o}`);
    });
    expect(wrong).toEqual([]);
  });
});
