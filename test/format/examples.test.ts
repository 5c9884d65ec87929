/**
 * The shipped examples (fixtures/examples, used by the README and docs/cli.md) are in the canonical
 * layout: a user running `xmcfg fmt --check` on our own examples must get exit 0. broken.cfg is
 * broken in meaning only (check findings), never in syntax, so fmt formats it like any other file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { formatText } from '../../src/format/index.js';
import { fakeIo } from '../cli/fake-io.js';

const DIR = resolve('fixtures/examples');
const files = readdirSync(DIR).sort();

describe('shipped examples are canonical', () => {
  it('has the three examples the docs name', () => {
    expect(files).toEqual(['broken.cfg', 'legacy.xm', 'web.cfg']);
  });
  it.each(files)('%s: the general formatter changes nothing and finds no syntax error', (f) => {
    const text = readFileSync(join(DIR, f), 'utf8');
    const r = formatText(text, { fast: false });
    expect(r.refused).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.text).toBe(text);
  });
  it('xmcfg fmt --check fixtures/examples/ exits 0 and lists nothing', async () => {
    const { io, out } = fakeIo({ cwd: resolve('.') });
    expect(await run(['fmt', '--check', 'fixtures/examples/'], io)).toBe(0);
    expect(out.stdout).toBe('');
  });
});
