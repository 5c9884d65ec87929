import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { commands } from '../../src/cli/commands/index.js';
import { CHECK_ARG_KEYS, quickCheckArgv } from '../../src/cli/quick-check-argv.js';
import { fakeIo } from './fake-io.js';

/** What yargs hands the check command for these arguments (null when it does not run it), and the exit code. */
async function viaYargs(argv: string[]): Promise<{ args: Record<string, unknown> | null; code: number; stderr: string }> {
  let args: Record<string, unknown> | null = null;
  // A copy of the command list: run() takes the yargs path for any list but its own.
  const spy = commands.map((c) => (c.command.startsWith('check ') ? { ...c, run: async (a: Record<string, unknown>) => ((args = a), 0) } : c));
  const { io, out } = fakeIo({ cwd: '/nonexistent' });
  const code = await run(argv, io, spy);
  return { args, code, stderr: out.stderr };
}

const pick = (a: Record<string, unknown>) => Object.fromEntries(CHECK_ARG_KEYS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));

/** Same argv as yargs, or null; when not null, yargs must run the command without a usage error. */
async function agrees(argv: string[]): Promise<void> {
  const quick = quickCheckArgv(argv);
  if (quick === null) return;
  const y = await viaYargs(argv);
  expect({ argv, code: y.code, stderr: y.stderr }).toEqual({ argv, code: 0, stderr: '' });
  expect(y.args).not.toBeNull();
  expect({ argv, args: pick(quick) }).toEqual({ argv, args: pick(y.args!) });
}

describe('quick check argv (the fast path past yargs)', () => {
  it('reads the common command lines', () => {
    expect(quickCheckArgv(['check', 'web.cfg'])).toEqual({ paths: ['web.cfg'], dialect: 'auto', format: 'stylish', 'max-file-size': '64M' });
    expect(quickCheckArgv(['check'])).toMatchObject({ paths: ['.'] });
    expect(quickCheckArgv(['check', '--quiet', '--format', 'json', 'dir', '-'])).toMatchObject({ paths: ['dir', '-'], quiet: true, format: 'json' });
    expect(quickCheckArgv(['check', '--no-color', '-j', '2', '--max-warnings=0'])).toMatchObject({ color: false, jobs: '2', 'max-warnings': '0' });
  });

  it('leaves everything unusual to yargs', () => {
    for (const argv of [
      ['fmt', 'a.cfg'],
      ['check', '--help'],
      ['check', '-h'],
      ['check', 'help'],
      ['check', '--version'],
      ['check', '--format', 'xml'],
      ['check', '--format'],
      ['check', '-f', 'json', '--format', 'json'],
      ['check', '-D', 'a=1', '-D', 'b=2'],
      ['check', '--quiet', 'true'],
      ['check', '--no-quiet'],
      ['check', '--max-warnings', '0x10'],
      ['check', '--max-warnings', '1e3'],
      ['check', '--jobs', '007'],
      ['check', '--host', '"h.json"'],
      ['check', "'a.cfg'"],
      ['check', '--', 'a.cfg'],
      ['check', '-qf', 'json'],
      ['check', '--outputFile', 'x'],
      ['check', '--bogus'],
      ['check', ''],
      ['check', '-o', '-'],
    ])
      expect({ argv, quick: quickCheckArgv(argv) }).toEqual({ argv, quick: null });
  });

  it('agrees with yargs on hand-picked command lines', async () => {
    for (const argv of [
      ['check', 'web.cfg'],
      ['check'],
      ['check', '1', '0x10', '1e3', '08', 'true', 'a=b', '-', 'x y'],
      ['check', '--quiet', 'a'],
      ['check', '--no-color', 'a'],
      ['check', '--color', 'a'],
      ['check', '--define=a=1', '--host', '123', '-o', 'out.json', '--format=sarif', '--dialect', 'xm'],
      ['check', '--max-warnings', '0', '-j', '3', '--max-file-size', '1K', '--stdin-filepath', 'w.cfg', '-'],
    ]) {
      expect(quickCheckArgv(argv)).not.toBeNull();
      await agrees(argv);
    }
  });

  it('agrees with yargs on generated command lines', async () => {
    // Mostly plain tokens (so many command lines take the fast path), some odd ones.
    const plain = fc.constantFrom('a.cfg', 'dir/', '-', '0', '12', 'true', 'false', 'json', 'xm', 'k=v', 'x y');
    const odd = fc.constantFrom('007', '0x1f', 'help', 'bogus', '"q"', "'q'", '', '--', '--bogus', '-x', '--help', '-V', '--no-quiet', '--quiet=true');
    const flag = fc.constantFrom('--quiet', '-q', '--color', '--no-color', '--format', '-f', '--format=json', '--dialect', '--dialect=xl', '--define', '-D', '--define=n=1', '--host', '--output-file', '-o', '--max-warnings', '--max-warnings=3', '--jobs', '-j', '--max-file-size', '--stdin-filepath');
    const argv = fc.array(fc.oneof({ arbitrary: plain, weight: 4 }, { arbitrary: flag, weight: 3 }, { arbitrary: odd, weight: 1 }), { maxLength: 6 }).map((rest) => ['check', ...rest]);
    await fc.assert(fc.asyncProperty(argv, agrees), { numRuns: 300, seed: 20261126 });
  });
});
