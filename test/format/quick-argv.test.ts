import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { commands } from '../../src/cli/commands/index.js';
import { quickFmtArgv } from '../../src/cli/commands/fmt.js';
import { fakeIo } from '../cli/fake-io.js';

/** The argv keys runFmt reads. */
const FMT_KEYS = ['paths', 'check', 'dialect', 'define', 'quote', 'line-width', 'indent', 'max-file-size', 'color'];

/** What yargs hands the fmt command for these arguments (null when it does not run it), and the exit code. */
async function viaYargs(argv: string[]): Promise<{ args: Record<string, unknown> | null; code: number; stderr: string }> {
  let args: Record<string, unknown> | null = null;
  // A copy of the command list: run() takes the yargs path for any list but its own.
  const spy = commands.map((c) => (c.command.startsWith('fmt ') ? { ...c, run: async (a: Record<string, unknown>) => ((args = a), 0) } : c));
  const { io, out } = fakeIo({ cwd: '/nonexistent' });
  const code = await run(argv, io, spy);
  return { args, code, stderr: out.stderr };
}

const pick = (a: Record<string, unknown>) => Object.fromEntries(FMT_KEYS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));

async function agrees(argv: string[]): Promise<void> {
  const quick = quickFmtArgv(argv);
  if (quick === null) return;
  const y = await viaYargs(argv);
  expect({ argv, code: y.code, stderr: y.stderr }).toEqual({ argv, code: 0, stderr: '' });
  expect(y.args).not.toBeNull();
  expect({ argv, args: pick(quick) }).toEqual({ argv, args: pick(y.args!) });
}

describe('quick fmt argv (the fast path past yargs)', () => {
  it('reads the plain command lines', () => {
    expect(quickFmtArgv(['fmt', 'web.cfg'])).toEqual({ paths: ['web.cfg'], dialect: 'auto', quote: 'keep', 'line-width': 100, indent: 4, 'max-file-size': '64M' });
    expect(quickFmtArgv(['fmt', '--check', 'a.cfg', 'dir/'])).toMatchObject({ paths: ['a.cfg', 'dir/'], check: true });
  });

  it('leaves everything else to yargs', () => {
    for (const argv of [['check', 'a.cfg'], ['fmt'], ['fmt', '--check'], ['fmt', '-'], ['fmt', '--check', '--check', 'a'], ['fmt', '--check', 'true'], ['fmt', 'help'], ['fmt', '--help'], ['fmt', '--quote', 'double', 'a'], ['fmt', '"a"'], ['fmt', 'a b'], ['fmt', '--', 'a'], ['fmt', '']])
      expect({ argv, quick: quickFmtArgv(argv) }).toEqual({ argv, quick: null });
  });

  it('agrees with yargs on hand-picked and generated command lines', async () => {
    for (const argv of [['fmt', 'a.cfg'], ['fmt', '--check', 'a.cfg', 'b/c.xl', '0x10', '1e3', 'k=v']]) {
      expect(quickFmtArgv(argv)).not.toBeNull();
      await agrees(argv);
    }
    const plain = fc.constantFrom('a.cfg', 'dir/', '-', '0', '12', '007', 'true', 'false', 'k=v', 'x y', 'help', '--check', '--check=true', '-c', '--bogus', '--quote', 'double', '', '--');
    const argv = fc.array(plain, { maxLength: 5 }).map((rest) => ['fmt', ...rest]);
    await fc.assert(fc.asyncProperty(argv, agrees), { numRuns: 200, seed: 20261126 });
  });
});
