/**
 * Found by scripts/fuzz.mjs (seed 4): `fmt` refusing a file and `convert` failing on one printed
 * every finding, where `check` lists at most 1,000 per file: a 200 KB line of 20,000 invalid
 * characters made 4.8 MB of code frames on stderr. Both now cut the list as check does, with the
 * XM0043 note at the end of the file counting the rest.
 */
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

/** 1,500 invalid characters (`\` outside a string, XM0001: every other `\x41` is between strings), one line after a name. */
const text = `name = "web"\n${'"\\x41'.repeat(3000)}"\n`;

/** The codes of the finding blocks on stderr (`error[XM0001]: …`), in order. */
const blocks = (stderr: string) => [...stderr.matchAll(/^(?:error|warning|info|note)\[(XM\d{4})\]/gm)].map((m) => m[1]);

describe('fmt and convert list at most 1,000 findings of a file, as check does', () => {
  it('fmt - refusing the file', async () => {
    const { io, out } = fakeIo({ cwd: tmpdir(), stdin: text });
    expect(await run(['fmt', '-'], io)).not.toBe(0);
    const codes = blocks(out.stderr);
    expect(codes.filter((c) => c === 'XM0001')).toHaveLength(1000);
    expect(codes.at(-1)).toBe('XM0043');
    expect(out.stderr).toMatch(/--> <stdin>:3:1\b/);
  });

  it('convert - --to xl failing on the file', async () => {
    const { io, out } = fakeIo({ cwd: tmpdir(), stdin: text });
    expect(await run(['convert', '-', '--to', 'xl'], io)).toBe(1);
    const codes = blocks(out.stderr);
    expect(codes.filter((c) => c === 'XM0001')).toHaveLength(1000);
    expect(codes.at(-1)).toBe('XM0043');
  });
});
