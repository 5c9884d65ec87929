/**
 * The config's own vnuma against a host (XM0420): xl refuses a pnode that is not below the host's
 * node count ("xl: invalid pnode number", xl_parse.c checks physinfo nr_nodes, the online nodes),
 * and libxl puts each vnode's memory on exactly its pnode, so a pnode no node has fails too.
 * check --host and plan both say so, at the pnode's value.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, plan } from '../../src/index.js';
import { run } from '../../src/cli/run.js';
import { captureIo, fixtureHost, FIXTURES } from './helpers.js';

const vnuma = (a: number, b: number): string =>
  `name = "v"\ntype = "hvm"\nmemory = 2048\nmaxvcpus = 2\nvnuma = [["pnode=${a}", "size=1024", "vcpus=0", "vdistances=10,21"],\n         ["pnode=${b}", "size=1024", "vcpus=1", "vdistances=21,10"]]\n`;

/** Line and column of each XM0420 finding. */
const at = (r: ReturnType<typeof check>) => r.diagnostics.filter((d) => d.code === 'XM0420').map((d) => [d.severity, d.line, d.column, d.endColumn]);

describe('check --host: vnuma pnodes', () => {
  it('a pnode the two-node host lacks is XM0420 at its value', () => {
    // "pnode=2" sits at line 6, column 12 ("pnode=" starts at 12; the value 2 at 18).
    expect(at(check(vnuma(0, 2), { dialect: 'xl', host: fixtureHost('two-node.json') }))).toEqual([['error', 6, 18, 19]]);
    expect(at(check(vnuma(1, 0), { dialect: 'xl', host: fixtureHost('two-node.json') }))).toEqual([]);
  });

  it('on sparse ids (nodes 0,2,5,9): pnode 5 is a node but not below the count; pnode 1 is below it but no node', () => {
    const host = fixtureHost('sparse.json');
    expect(at(check(vnuma(5, 1), { dialect: 'xl', host }))).toEqual([
      ['error', 5, 18, 19],
      ['error', 6, 18, 19],
    ]);
    expect(at(check(vnuma(0, 2), { dialect: 'xl', host }))).toEqual([]);
  });

  it('without a host nothing is said (the node count is the host\'s)', () => {
    expect(at(check(vnuma(0, 70), { dialect: 'xl' }))).toEqual([]);
  });
});

describe('plan: a config whose own vnuma names a node the host cannot take', () => {
  it('is refused with XM0420, as check --host refuses it', () => {
    const c = check(vnuma(0, 2), { dialect: 'xl' }).config!;
    const r = plan(c, fixtureHost('two-node.json'));
    expect([r.plan, r.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0420']]);
    expect(plan(check(vnuma(0, 1), { dialect: 'xl' }).config!, fixtureHost('two-node.json')).plan).not.toBeNull();
  });

  it('the CLI reports it at the pnode (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmcfg-pnode-'));
    writeFileSync(join(dir, 'v.cfg'), vnuma(2, 0));
    const io = captureIo(dir);
    const code = await run(['plan', 'v.cfg', '--host', join(FIXTURES, 'two-node.json'), '--ledger', join(dir, 'l.db')], io);
    expect([code, io.out]).toEqual([1, '']);
    expect([...io.err.matchAll(/^v\.cfg:(\d+):(\d+): error (XM\d{4})/gm)].map((m) => [m[1], m[2], m[3]])).toEqual([['5', '18', 'XM0420']]);
  });
});
