/**
 * `xmcfg normalize` leaves out the options whose value the schema refuses, so its JSON has the schema's
 * shape on exit 1 too (docs/cli.md). It printed `memory: -5` and a 70,000-character `kernel` beside
 * their XM0103 findings (found by scripts/fuzz.mjs, seed 110, input 2: normalize's JSON against the schema).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { validateFn } from '../../src/schema/load-validator.js';
import { fakeIo } from './fake-io.js';

/** `file:line:col: CODE` of each finding in a stylish report. */
function findings(stderr: string): string[] {
  return [...stderr.matchAll(/^(?:error|warning|note|info)\[(XM\d{4})\][^\n]*\n\s*--> <stdin>:(\d+):(\d+)/gm)].map((m) => `${m[1]} ${m[2]}:${m[3]}`);
}

describe('normalize with values the schema refuses', () => {
  it('prints JSON without them (it validates), each refusal still reported at its value', async () => {
    const text = `name = "a"\nmemory = -5\nkernel = "/${'k'.repeat(70000)}"\nvcpus = 2\n`;
    const t = fakeIo({ cwd: process.cwd(), stdin: text });
    const code = await run(['normalize', '-', '--no-color'], t.io);
    expect(code).toBe(1);
    const json = JSON.parse(t.out.stdout);
    expect(json).toEqual({ name: 'a', vcpus: 2 });
    expect(validateFn(json)).toBe(true);
    expect(findings(t.out.stderr)).toEqual(['XM0103 2:10', 'XM0103 3:10']);
  });

  it('keeps a file without refused values as it is, and leaves a missing name missing', async () => {
    const t = fakeIo({ cwd: process.cwd(), stdin: 'memory = 512\n' });
    expect(await run(['normalize', '-', '--no-color', '--dialect', 'xl'], t.io)).toBe(1);
    expect(JSON.parse(t.out.stdout)).toEqual({ memory: 512 });
    expect(findings(t.out.stderr)).toContain('XM0105 1:1');
  });
});
