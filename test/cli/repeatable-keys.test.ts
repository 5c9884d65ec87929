/**
 * Which options keep every value when given again is read from the commands' own definitions
 * (src/cli/repeatable.ts), not from a list in run.ts that a new array option could be missing from.
 */
import type { Argv } from 'yargs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { commands } from '../../src/cli/commands/index.js';
import { repeatableKeys } from '../../src/cli/repeatable.js';
import type { CommandSpec } from '../../src/cli/types.js';
import { fakeIo } from './fake-io.js';
import { BUILT, xmcfg } from '../e2e/cli-helpers.js';

/** yargs' own array options (with aliases) of a command, as its builder leaves them inside the command. */
async function yargsArrays(spec: CommandSpec): Promise<string[]> {
  return (await yargsOptions(spec)).arrays;
}

/** A command's array options and positionals as yargs holds them: with aliases (`arrays`), without (`keys`), and those that take one value per flag (`single`, nargs 1). */
async function yargsOptions(spec: CommandSpec): Promise<{ arrays: string[]; keys: string[]; single: string[] }> {
  let arrays: string[] = [];
  let keys: string[] = [];
  let single: string[] = [];
  const spied = commands.map((c) =>
    c === spec
      ? {
          ...c,
          builder: (y: Argv) => {
            const built = c.builder(y);
            // getOptions is yargs' own (untyped in @types/yargs): the options its builder declared.
            const o = (built as unknown as { getOptions(): { array: string[]; alias: Record<string, string[]>; narg: Record<string, number> } }).getOptions();
            arrays = o.array.flatMap((k) => [k, ...(o.alias[k] ?? [])]);
            keys = o.array;
            // yargs lists an array option's alias (D) among the arrays but keeps its nargs under the name (define).
            single = o.array.filter((k) => o.narg[k] === 1).flatMap((k) => [k, ...(o.alias[k] ?? [])]);
            return built;
          },
        }
      : c,
  );
  const { io } = fakeIo({ cwd: '/nonexistent' });
  await run([spec.command.split(' ')[0]!, '--help'], io, spied);
  return { arrays, keys, single };
}

/** The positionals of a command's usage line (`check [paths..]`: paths), which may take every word. */
function positionals(spec: CommandSpec): string[] {
  return [...spec.command.matchAll(/[<[]([\w-]+)(?:\.\.)?[>\]]/g)].map((m) => m[1]!);
}

describe('repeatable options, read from the command definitions', () => {
  it.each(commands.map((c) => [c.command.split(' ')[0]!, c] as const))('%s: every array option of yargs is repeatable', async (_name, spec) => {
    const keys = repeatableKeys(spec);
    const missing = (await yargsArrays(spec)).filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });

  it.each(commands.map((c) => [c.command.split(' ')[0]!, c] as const))('%s: every array option takes one value per flag, so no positional is taken as its value', async (_name, spec) => {
    // `migrate-plan --to-node 1 web` gave `web` to --to-node ("Not enough non-option arguments").
    const { keys, single } = await yargsOptions(spec);
    const options = keys.filter((k) => !positionals(spec).includes(k));
    expect(options.filter((k) => !single.includes(k))).toEqual([]);
    if (spec.command.startsWith('migrate-plan ')) expect(options).toEqual(['to-node']);
  });

  it('knows the repeatable options of today, camel-cased too, and no single-valued one', () => {
    const of = (name: string) => [...repeatableKeys(commands.find((c) => c.command.split(' ')[0] === name)!)].sort();
    expect(of('check')).toEqual(['D', '_', 'define', 'paths']);
    expect(of('migrate-plan')).toEqual(['_', 'to-node', 'toNode']);
    expect(of('explain')).toEqual(['_', 'codes']);
    expect(of('rebalance')).toEqual(['_']);
  });

  it('a new array option keeps every value without being listed anywhere else; others keep the last', async () => {
    let seen: Record<string, unknown> = {};
    const spec: CommandSpec = {
      command: 'tag <file>',
      describe: 'test',
      builder: (y) => y.positional('file', { type: 'string' }).option('label', { alias: 'l', type: 'string', array: true, requiresArg: true }).option('mode', { type: 'string' }),
      run: async (argv) => ((seen = argv), 0),
    };
    const { io, out } = fakeIo({ cwd: '/nonexistent' });
    expect(await run(['tag', 'a.cfg', '--label', 'x', '-l', 'y', '--mode', 'm1', '--mode', 'm2'], io, [spec])).toBe(0);
    expect(out.stderr).toBe('');
    expect([seen.label, seen.l, seen.mode, seen.file]).toEqual([['x', 'y'], ['x', 'y'], 'm2', 'a.cfg']);
  });

  it('--define takes one value per flag: a path after it stays a path', async () => {
    let seen: Record<string, unknown> = {};
    const spied = commands.map((c) => (c.command.startsWith('normalize ') ? { ...c, run: async (a: Record<string, unknown>) => ((seen = a), 0) } : c));
    const { io, out } = fakeIo({ cwd: '/nonexistent' });
    const code = await run(['normalize', '--define', 'vmid=3', 'web.xm', '-D', 'x=1'], io, spied);
    expect([code, out.stderr]).toEqual([0, '']);
    expect([seen.file, seen.define]).toEqual(['web.xm', ['vmid=3', 'x=1']]);
  });
});

describe.skipIf(!BUILT)('repeatable options in the built bin', () => {
  it('-D given around the file keeps both values and leaves the file a path (yargs path and check quick path)', () => {
    const legacy = new URL('../../fixtures/examples/legacy.xm', import.meta.url).pathname;
    const n = xmcfg(['normalize', '-D', 'memory=1024', legacy, '--define', 'vcpus=3', '--dialect', 'xm']);
    expect(n.code).toBe(0);
    expect(JSON.parse(n.stdout)).toMatchObject({ memory: 1024, vcpus: 3 });
    // One -D takes the quick path, two go to yargs: the same findings either way.
    const one = xmcfg(['check', '-f', 'json', '-D', 'vmid=3', legacy]);
    const two = xmcfg(['check', '-f', 'json', '-D', 'vmid=3', legacy, '-D', 'vmid=3']);
    expect([one.code, two.code, two.stdout]).toEqual([one.code, one.code, one.stdout]);
  });
});
