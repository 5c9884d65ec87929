/**
 * The keys whose value is unknown (written, but refused, not evaluated or not read): which keys,
 * why, and at which span; the rules' view of the config without stale values; and the placement
 * findings that would rest on a default. Asserted by code and span, not by message text.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../src/check/check.js';
import { knownView, unknownValues } from '../../src/check/unknown-values.js';
import { check } from '../../src/index.js';
import { parse } from '../../src/syntax/index.js';
import type { Dialect, Setting } from '../../src/syntax/value.js';

/** `[key, why, span]` of every unknown key, sorted by key. */
function unknownOf(text: string, dialect: Dialect, keepTree = true) {
  const r = checkText(text, { dialect, keepTree });
  return [...r.unknown.values()].map((u) => [u.key, u.why, u.span] as const).sort((a, b) => a[0].localeCompare(b[0]));
}

/** The span of the `n`th (0-based) occurrence of `word` in `text`. */
function at(text: string, word: string, n = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(word, i + 1);
  return { start: i, end: i + word.length };
}

const codes = (text: string, dialect: Dialect) => checkText(text, { dialect }).diagnostics.map((d) => `${d.code}@${d.span.start}`);

describe('unknown values', () => {
  it('xl: a value normalisation refuses, and one the schema refuses, at the key', () => {
    const text = 'name = "g"\ntype = "hvn"\nvcpus = "x"\nmemory = 1024\n';
    expect(unknownOf(text, 'xl')).toEqual([
      ['type', 'rejected', at(text, 'type')],
      ['vcpus', 'rejected', at(text, 'vcpus')],
    ]);
  });

  it('xl: a numeric option set with += is refused (XM0109), so unknown', () => {
    const text = 'name = "g"\nvcpus += 2\n';
    expect(codes(text, 'xl')).toContain(`XM0109@${text.indexOf('vcpus')}`);
    expect(unknownOf(text, 'xl')).toEqual([['vcpus', 'rejected', at(text, 'vcpus')]]);
  });

  it('xm: a value that is not evaluated (a call), at the target', () => {
    const text = 'name = "g"\nmemory = f()\nvcpus = maxvcpus = g()\n';
    expect(unknownOf(text, 'xm')).toEqual([
      ['maxvcpus', 'not-evaluated', at(text, 'maxvcpus')],
      ['memory', 'not-evaluated', at(text, 'memory')],
      ['vcpus', 'not-evaluated', at(text, 'vcpus')],
    ]);
  });

  it('xm: assignments in an unread block at their keys; a tuple assignment at its line', () => {
    const text = 'name = "g"\nif x:\n    type = "hvm"\n    if y:\n        vcpus = 4\nmemory, maxmem = 512, 1024\n';
    const line = text.indexOf('memory, maxmem');
    const header = { start: line, end: text.indexOf('\n', line) };
    expect(unknownOf(text, 'xm')).toEqual([
      ['maxmem', 'not-read', header],
      ['memory', 'not-read', header],
      ['type', 'not-read', at(text, 'type')],
      ['vcpus', 'not-read', at(text, 'vcpus')],
    ]);
  });

  it('xm: an evaluated setting after the unread one is in effect; one before it is stale', () => {
    const after = 'name = "g"\nif x:\n    vcpus = 4\nvcpus = 2\n';
    expect(unknownOf(after, 'xm')).toEqual([]);
    const before = 'name = "g"\nvcpus = 2\nif x:\n    vcpus = 4\n';
    expect(unknownOf(before, 'xm')).toEqual([['vcpus', 'not-read', at(before, 'vcpus', 1)]]);
    const r = checkText(before, { dialect: 'xm' });
    // The stale value is in neither the rules' view nor the config check returns (decision 029).
    expect(r.config.vcpus).toBeUndefined();
    expect(knownView(r.config, r.unknown).vcpus).toBeUndefined();
  });

  // Python stops at the first error and xl refuses a file it cannot parse: the earlier value of a key
  // a later statement rebinds is not the file's (decision 029).
  it.each([
    ['xm', 'a syntax error', 'memory = 1024 +\n', 'not-evaluated'],
    ['xl', 'a syntax error', 'memory = 1024 +\n', 'not-evaluated'],
    ['xm', 'an augmented assignment xmcfg does not run', 'memory -= 1\n', 'not-read'],
    ['xm', 'a call', 'memory = int("1024")\n', 'not-evaluated'],
    ['xm', 'an undefined name', 'memory = size\n', 'not-evaluated'],
    ['xm', 'a tuple assignment', 'memory, vcpus = 1024, 2\n', 'not-read'],
  ] as const)('%s: memory = 512 then %s: memory is unknown and left out of the config', (dialect, _what, line, why) => {
    const text = `name = "g"\nkernel = "/k"\nmemory = 512\n${line}`;
    const r = checkText(text, { dialect });
    expect(r.unknown.get('memory')?.why).toBe(why);
    expect(r.unknown.get('memory')?.span.start).toBe(text.lastIndexOf('memory'));
    expect(r.config.memory).toBeUndefined();
    expect(check(text, { dialect }).config.memory).toBeUndefined();
  });

  it('a syntax error in a statement that assigns nothing leaves the value known', () => {
    const r = checkText('name = "g"\nkernel = "/k"\nmemory = 512\n1 +\n', { dialect: 'xm' });
    expect(r.config.memory).toBe(512);
  });

  it('a value the schema refused stays in the rules’ view (it is what the file says)', () => {
    const r = checkText('name = "g"\ntype = "hvn"\n', { dialect: 'xl' });
    expect(knownView(r.config, r.unknown).type).toBe('hvn');
  });

  it('xm: helper variables and misspelt keys are not option keys, so not listed', () => {
    expect(unknownOf('base = f()\nmemroy = g()\nname = "g"\n', 'xm')).toEqual([]);
  });

  it('NUMA keys: an unreadable part is unknown, and the rules see no numa request', () => {
    const text = 'name = "g"\nnuma = "on"\nnumanodes = "x"\n';
    expect(unknownOf(text, 'xm')).toEqual([['numanodes', 'rejected', at(text, 'numanodes')]]);
    const r = checkText(text, { dialect: 'xm' });
    expect(r.config.numa).toEqual({ mode: 'auto', node_count: 1 });
    expect(knownView(r.config, r.unknown).numa).toBeUndefined();
  });

  it('the lean check (the CLI) and the full one (editor, library) find the same keys', () => {
    const text = 'name = "g"\nmemory = f()\nif x:\n    type = "hvm"\nvcpus = "x"\nzeta = 1\n';
    expect(unknownOf(text, 'xm', false)).toEqual(unknownOf(text, 'xm', true));
    const xl = 'name = "g"\ntype = "hvn"\nvcpus = "x"\nzeta = 1\n';
    expect(unknownOf(xl, 'xl', false)).toEqual(unknownOf(xl, 'xl', true));
  });

  it('a name that is written but not evaluated is not "required" (XM0105, XM0106)', () => {
    const xm = 'name = "vm%d" % vmid\nmemory = 512\n';
    expect(codes(xm, 'xm').filter((c) => c.startsWith('XM0106') || c.startsWith('XM0105'))).toEqual([]);
    expect(codes('memory = 512\n', 'xm')).toContain('XM0106@0');
    expect(codes('memory = 512\n', 'xl')).toContain('XM0105@0');
  });

  it('parse lists the assignments that yielded no setting, in source order', () => {
    const text = 'a = f()\nif x:\n    b = 1\nc = 2\n';
    expect(parse(text, { dialect: 'xm' }).unread.map((u) => [u.key, u.why, u.at])).toEqual([
      ['a', 'not-evaluated', 0],
      ['b', 'not-read', text.indexOf('b = 1')],
    ]);
  });

  it('unknownValues: the last unread assignment of a key decides its span', () => {
    const s = (key: string, start: number): Setting => ({ key, keySpan: { start, end: start + key.length }, op: '=', value: { kind: 'number', text: '1', value: 1, span: { start, end: start } }, valueSpan: { start, end: start }, span: { start, end: start + 9 } });
    const effective = new Map([['vcpus', s('vcpus', 0)]]);
    const unread = [
      { key: 'vcpus', keySpan: { start: 20, end: 25 }, at: 20, why: 'not-read' as const },
      { key: 'vcpus', keySpan: { start: 40, end: 45 }, at: 40, why: 'not-evaluated' as const },
    ];
    expect([...unknownValues({ unread, rejected: [], effective }).values()]).toEqual([{ key: 'vcpus', span: { start: 40, end: 45 }, why: 'not-evaluated' }]);
    // A setting after every unread assignment: known.
    expect(unknownValues({ unread, rejected: [], effective: new Map([['vcpus', s('vcpus', 50)]]) }).size).toBe(0);
  });
});

describe('placement with unknown values', () => {
  const host = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/hosts/two-node.json'), 'utf8'));
  const placement = (text: string) =>
    check(text, { dialect: 'xm', host })
      .diagnostics.filter((d) => d.code.startsWith('XM04'))
      .map((d) => d.code);

  it('no capacity finding from a default standing in for an unreadable memory', () => {
    // memory unknown: the allocator would place maxmem (64 GiB) on one node and refuse (XM0404).
    expect(placement('name = "g"\nmemory = "x"\nmaxmem = 65536\nnuma = "on"\n')).toEqual([]);
    expect(placement('name = "g"\nmemory = 65536\nnuma = "on"\n')).toEqual(['XM0404']);
  });

  it('no overcommit finding when the vCPU count is unknown; a known node count is still judged', () => {
    expect(placement('name = "g"\nmemory = 512\nvcpus = 64\nnuma = "on"\n')).toEqual(['XM0406']);
    expect(placement('name = "g"\nmemory = 512\nvcpus = 64\nmaxvcpus = f()\nnuma = "on"\n')).toEqual([]);
    expect(placement('name = "g"\nmemory = 512\nvcpus = "x"\nnumanodes = 3\n')).toEqual(['XM0404']);
  });

  it('no XM0423 (cpus leave out a node given memory) when the vCPU count it rests on is unknown', () => {
    // numanodes = 2 for 1 vCPU: node 1 gets memory and no vCPU, and cpus leaves out its CPUs 4-7.
    expect(placement('name = "g"\nmemory = 512\nvcpus = 1\nnumanodes = 2\ncpus = "0-3"\n')).toEqual(['XM0423']);
    expect(placement('name = "g"\nmemory = 512\nvcpus = 1\nmaxvcpus = f()\nnumanodes = 2\ncpus = "0-3"\n')).toEqual([]);
  });

  it('a numanode list made stale by an unread block is not checked against the host', () => {
    expect(placement('name = "g"\nmemory = 512\nnumanode = 7\n')).toEqual(['XM0402']);
    expect(placement('name = "g"\nmemory = 512\nnumanode = 7\nif x:\n    numanode = 1\n')).toEqual([]);
  });
});
