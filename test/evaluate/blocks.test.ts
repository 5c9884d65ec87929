/** @fileoverview Statements that are not run (real parser): info per block, names they bind are opaque. */
import { describe, expect, test } from 'vitest';
import { parseTree } from '../../src/syntax/parse.js';
import { evaluate } from '../../src/syntax/evaluate.js';
import { boundNames } from '../../src/syntax/evaluate-blocks.js';
import type { UnsupportedStmt } from '../../src/syntax/tree.js';
import { codesAndSpans, spanOf } from './helpers.js';

function xm(src: string, defines?: Record<string, string | number>) {
  return evaluate(parseTree(src).tree, defines ? { dialect: 'xm', defines } : { dialect: 'xm' });
}

describe('names bound by statements that are not run', () => {
  test.each([
    ['import os, re as regex\n', ['os', 'regex']],
    ['import os.path\n', ['os']],
    ['from xen.util import ip, mac as m\n', ['ip', 'm']],
    ['def vmid_check(var, val):\n    return val\n', ['vmid_check']],
    ['class C:\n    pass\n', ['C']],
    ['for i, j in pairs:\n    pass\n', ['i', 'j']],
    ['a, b = 1, 2\n', ['a', 'b']],
    ['memory -= 64\n', ['memory']],
    ['x.y, z = 1, 2\n', ['z']],
    ['d[0] = 1\n', []],
    ['del a, b\n', ['a', 'b']],
  ])('%s', (src, names) => {
    const stmt = parseTree(src).tree.statements[0] as UnsupportedStmt;
    expect(stmt.kind).toBe('unsupported');
    expect(boundNames(src, stmt).names).toEqual(names);
  });

  test.each([
    ['{ "nodes": [{"id": 0, "cpus": [0, 1]}, {"id": 1, "cpus": [2, 3]}] }\n', 'expression'],
    ['if x:\n    y = [1,\n  2]\n', 'if'],
  ])('%s binds nothing and is not read to find that out', (src, keyword) => {
    const stmt = parseTree(src).tree.statements[0] as UnsupportedStmt;
    expect([stmt.kind, stmt.keyword]).toEqual(['unsupported', keyword]);
    // A String object behind a proxy counts every read of the text (characters, slice, length...).
    let reads = 0;
    const text = new Proxy(new String(src), {
      get(target, key) {
        reads++;
        const v = Reflect.get(target, key, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as unknown as string;
    expect(boundNames(text, stmt)).toEqual({ names: [], how: '' });
    expect(reads).toBe(0);
  });

  test('using such a name is XM0051 at the use, not "undefined"', () => {
    const src = 'import os\na, b = 1, 2\nx = os\ny = a + 1\n';
    expect(codesAndSpans(xm(src).diagnostics)).toEqual([
      { code: 'XM0051', ...spanOf(src, 'os', 1) },
      { code: 'XM0051', ...spanOf(src, 'a', 1) },
    ]);
  });

  test('xm presets (os, sys, xm_vars) are opaque too', () => {
    const src = 'x = sys\n';
    expect(codesAndSpans(xm(src).diagnostics)).toEqual([{ code: 'XM0051', ...spanOf(src, 'sys') }]);
  });

  test('a certain rebinding replaces the old value; an if-block keeps it', () => {
    const src = 'memory = 128\nmemory -= 64\nm2 = memory\nvcpus = 2\nif big:\n    vcpus = 8\nv2 = vcpus\n';
    const r = xm(src);
    expect(codesAndSpans(r.diagnostics.filter((d) => d.code === 'XM0051'))).toEqual([{ code: 'XM0051', ...spanOf(src, 'memory', 2) }]);
    expect(r.settings.map((s) => s.key)).toEqual(['memory', 'vcpus', 'v2']);
  });

  test('one XM0061 info per block with assignments, related to each key inside', () => {
    const src = 'if a:\n    memory = 1\n    if b:\n        vcpus = 2\nelse:\n    memory = 3\n';
    const r = xm(src);
    const infos = r.diagnostics.filter((d) => d.code === 'XM0061');
    expect(codesAndSpans(infos)).toEqual([
      { code: 'XM0061', ...spanOf(src, 'if a:') },
      { code: 'XM0061', ...spanOf(src, 'else:') },
    ]);
    expect(infos.every((d) => d.severity === 'info')).toBe(true);
    expect(infos[0]!.related!.map((x) => x.span)).toEqual([spanOf(src, 'memory'), spanOf(src, 'vcpus')]);
    expect(infos[1]!.related!.map((x) => x.span)).toEqual([spanOf(src, 'memory', 1)]);
    expect(r.settings).toEqual([]);
  });
});
