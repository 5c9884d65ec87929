/** @fileoverview xm evaluation findings: exact codes and spans, and which settings survive. */
import { describe, expect, test } from 'vitest';
import { codesAndSpans, run, spanOf } from './helpers.js';
import { parse } from '../../src/syntax/index.js';

/** [source, [code, text of the span (nth occurrence)]...] */
const table: [string, [string, string, number?][]][] = [
  ['name = "vm%d" % vmid\n', [['XM0050', 'vmid']]],
  ['a = b + c\n', [['XM0050', 'b'], ['XM0050', 'c']]],
  ['x = [1, nope, 3]\n', [['XM0050', 'nope']]],
  ['arch = os.uname()[4]\n', [['XM0052', 'os.uname()[4]']]],
  ['x = {"a": 1}\n', [['XM0052', '{"a": 1}']]],
  ['x = [f(1), g.h]\n', [['XM0052', 'f(1)'], ['XM0052', 'g.h']]],
  ['x = "a" + 1\n', [['XM0053', '"a" + 1']]],
  ['x = 1 + (2 - "b")\n', [['XM0053', '2 - "b"']]],
  ['x = -"a"\n', [['XM0053', '-"a"']]],
  ['m = 1024 / (2 - 2)\n', [['XM0054', '(2 - 2)']]],
  ['m = 5 % 0\n', [['XM0054', '0']]],
  ['m = 2 ** 64\n', [['XM0055', '2 ** 64']]],
  ['m = 2**10**8\n', [['XM0055', '2**10**8']]],
  ['m = 9007199254740993\n', [['XM0055', '9007199254740993']]],
  ['m = 4503599627370496 * 2\n', [['XM0055', '4503599627370496 * 2']]],
  ['m = 1e308 * 10\n', [['XM0055', '1e308 * 10']]],
  ['s = "x" * 10**9\n', [['XM0056', '"x" * 10**9']]],
  ['s = "%2000000d" % 1\n', [['XM0056', '"%2000000d" % 1']]],
  ['l = [0] * 10**9\n', [['XM0057', '[0] * 10**9']]],
  ['l = [[0] * 1000] * 1000\n', [['XM0057', '[[0] * 1000] * 1000']]],
  ['s = "%d-%d" % 3\n', [['XM0059', '"%d-%d" % 3']]],
  ['s = "%(a)s" % 3\n', [['XM0059', '"%(a)s" % 3']]],
  ['s = "\\x4" + "ok"\n', [['XM0062', '\\x4']]],
  ['s = u"\\u12"\n', [['XM0062', '\\u12']]],
  ['z = 1j\n', [['XM0052', '1j']]],
  // Failures do not cascade: a name bound to a failed expression is silent afterwards.
  ['a = 1 / 0\nb = a + 1\nc = [a]\n', [['XM0054', '0']]],
  ['x += 1\n', [['XM0050', 'x']]],
  ['x = "a"\nx += 1\n', [['XM0053', '1']]],
];

describe('codes and spans', () => {
  test.each(table)('%s', (src, want) => {
    const { diagnostics } = run(src);
    const exp = want.map(([code, text, nth]) => ({ code, ...spanOf(src, text, nth ?? 0) }));
    expect(codesAndSpans(diagnostics)).toEqual(exp);
    for (const d of diagnostics) expect(d.severity).toBe('error');
  });

  test('what cannot be evaluated says what to write instead (a hint on XM0050, XM0051, XM0052)', () => {
    const { diagnostics } = run('if x:\n    arch = "x86_64"\nkernel = "/boot/" + arch\nm = f(1)\nn = undefined_name\n');
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['XM0051', 'XM0052', 'XM0050']);
    for (const d of errors) expect(d.hint, d.code).toBeTruthy();
  });

  test('a Python statement (XM0020) has a hint too', () => {
    const { diagnostics } = parse('import os\nname = "a"\n', { dialect: 'xm' });
    const d = diagnostics.find((x) => x.code === 'XM0020');
    expect(d?.span).toEqual({ start: 0, end: 9 });
    expect(d?.hint).toBeTruthy();
  });

  test('a failed assignment produces no setting but later ones still do', () => {
    const src = 'a = 1 / 0\nb = 2\n';
    const { settings } = run(src);
    expect(settings.map((s) => s.key)).toEqual(['b']);
  });

  test('the % error spans the whole format expression', () => {
    const src = 'x = 1\nname = "vm%d %d" % (x,)\n';
    const { diagnostics } = run(src);
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0059', ...spanOf(src, '"vm%d %d" % (x,)') }]);
  });

  test('nesting deeper than 100 levels is one XM0058, not a stack overflow', () => {
    const deep = `${'('.repeat(150)}1${')'.repeat(150)}`;
    const { diagnostics, settings } = run(`x = ${deep}\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(['XM0058']);
    expect(settings).toEqual([]);
    const lists = `${'['.repeat(150)}${']'.repeat(150)}`;
    expect(run(`x = ${lists}\n`).diagnostics.map((d) => d.code)).toEqual(['XM0058']);
  });

  test('values nested deeper than 100 by repeated assignment are refused', () => {
    const src = `a = []\n${'a = [a]\n'.repeat(105)}`;
    const { diagnostics } = run(src);
    expect(diagnostics.map((d) => d.code)).toEqual(['XM0058']);
  });

  test('a long left-assoc chain is evaluated without recursion', () => {
    const src = `x = ${Array.from({ length: 5000 }, (_, i) => i).join(' + ')}\n`;
    const { settings, diagnostics } = run(src);
    expect(diagnostics).toEqual([]);
    expect(settings[0]!.value).toMatchObject({ kind: 'number', value: (4999 * 5000) / 2 });
  });
});

describe('unsupported blocks', () => {
  const src = 'memory = 128\nif arch == "x86_64":\n    memory = 256\n    dm = "/usr/lib/qemu"\ndevice_model = dm\nmaxmem = memory\n';
  test('one info per block, assignments inside are not read, conditional names are errors', () => {
    const { settings, diagnostics } = run(src);
    expect(settings.map((s) => [s.key, s.value.kind === 'number' ? s.value.value : null])).toEqual([
      ['memory', 128],
      ['maxmem', 128],
    ]);
    expect(codesAndSpans(diagnostics)).toEqual([
      { code: 'XM0061', ...spanOf(src, 'if arch == "x86_64":') },
      { code: 'XM0051', ...spanOf(src, 'dm', 1) },
    ]);
    expect(diagnostics[0]!.severity).toBe('info');
    expect(diagnostics[0]!.related!.map((r) => r.span)).toEqual([spanOf(src, 'memory', 1), spanOf(src, 'dm')]);
  });
  test('a block without assignments gets no info', () => {
    expect(run('if x:\n    import os\n').diagnostics).toEqual([]);
  });
});

describe('the same table through the real parser', () => {
  test('codes and spans are identical', async () => {
    const { parseTree } = await import('../../src/syntax/parse.js');
    const { evaluate } = await import('../../src/syntax/evaluate.js');
    for (const [src] of table) {
      const real = evaluate(parseTree(src).tree, { dialect: 'xm' });
      expect(codesAndSpans(real.diagnostics), src).toEqual(codesAndSpans(run(src).diagnostics));
    }
  });
});
