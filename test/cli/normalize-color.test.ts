/** `normalize --color` / `--no-color`, as fmt and convert take them for their stderr report (it was "Unknown argument: color"). */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

describe('normalize --color', () => {
  it('forces colour on or off in the findings on stderr, whatever the terminal and FORCE_COLOR say', async () => {
    const on = fakeIo({ cwd: process.cwd(), stdin: 'name = "a"\nmemroy = 1\n' });
    await run(['normalize', '-', '--color'], on.io);
    expect(on.out.stderr).toContain('\u001b[');
    const off = fakeIo({ cwd: process.cwd(), stdin: 'name = "a"\nmemroy = 1\n', env: { FORCE_COLOR: '1' } });
    await run(['normalize', '-', '--no-color'], off.io);
    expect(off.out.stderr).toContain('XM0101');
    expect(off.out.stderr).not.toContain('\u001b[');
  });
});
