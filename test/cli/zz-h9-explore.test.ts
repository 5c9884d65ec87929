import { it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { commands } from '../../src/cli/commands/index.js';
import { fakeIo } from './fake-io.js';

it('explore', async () => {
  const cases = [['check'], ['check', 'a.cfg'], ['check', '1', '0x10', '1e3', '08', 'true', 'a=b', '-'], ['check', '--quiet', 'a'], ['check', '--no-color', 'a'], ['check', '--color', 'a'], ['check', '-D', 'a=1', '-D', 'b=2'], ['check', '--define=a=1'], ['check', '--max-warnings', '0x10'], ['check', '--max-warnings', '007'], ['check', 'help'], ['check', 'x', '--format=json', '-o', 'out'], ['check', '--host', '123'], ['check', "'a b'"], ['check', '--host', '"h"']];
  for (const argv of cases) {
    let got: unknown = null;
    const spy = commands.map((c) => (c.command.startsWith('check') ? { ...c, run: async (a: Record<string, unknown>) => { got = a; return 0; } } : c));
    const { io, out } = fakeIo({ cwd: '/tmp' });
    const code = await run(argv, io, spy);
    console.log(JSON.stringify(argv), code, JSON.stringify(got), JSON.stringify(out.stderr));
  }
});
