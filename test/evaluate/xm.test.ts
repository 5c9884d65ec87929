/** @fileoverview xm statements: settings per assignment, names, defines, `+=`, chained assignment, words. */
import { describe, expect, test } from 'vitest';
import { defineValue } from '../../src/syntax/evaluate.js';
import { pyRepr } from '../../src/syntax/python-format.js';
import { codesAndSpans, lastSetting, run, spanOf } from './helpers.js';

describe('xm settings', () => {
  test('each setting has key, spans and the value after the statement', () => {
    const src = 'vcpus = 2\nmemory = 256 * vcpus\n';
    const { settings, diagnostics } = run(src);
    expect(diagnostics).toEqual([]);
    expect(settings[1]).toEqual({
      key: 'memory',
      keySpan: spanOf(src, 'memory'),
      op: '=',
      value: { kind: 'number', text: '512', value: 512, pyType: 'int', span: spanOf(src, '256 * vcpus') },
      valueSpan: spanOf(src, '256 * vcpus'),
      span: { start: spanOf(src, 'memory').start, end: src.length - 1 },
    });
  });
  test('a name used as a value is positioned at the use', () => {
    const src = 'a = "x"\nb = a\n';
    expect(run(src).settings[1]!.value.span).toEqual(spanOf(src, 'a', 1));
  });
  test('literal numbers keep their text', () => {
    const src = 'm = 0x1F\nn = 010\nf = 1.50\nl = 2L\n';
    expect(run(src).settings.map((s) => s.value)).toMatchObject([
      { text: '0x1F', value: 31, pyType: 'int' },
      { text: '010', value: 8, pyType: 'int' },
      { text: '1.50', value: 1.5, pyType: 'float' },
      { text: '2L', value: 2, pyType: 'long' },
    ]);
  });
  test('True/False/None', () => {
    const src = 'a = True\nb = False\nc = None\n';
    expect(run(src).settings.map((s) => s.value)).toEqual([
      { kind: 'bool', value: true, span: spanOf(src, 'True') },
      { kind: 'bool', value: false, span: spanOf(src, 'False') },
      { kind: 'none', span: spanOf(src, 'None') },
    ]);
  });
  test('bare tuple numanode = 0,1 is a tuple list', () => {
    const src = 'numanode = 0,1\n';
    expect(run(src).settings[0]!.value).toMatchObject({ kind: 'list', tuple: true, span: spanOf(src, '0,1'), items: [{ value: 0 }, { value: 1 }] });
  });
  test('numa = on is a word value, without an undefined-name error', () => {
    const src = 'numa = on\n';
    const r = run(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.settings[0]!.value).toEqual({ kind: 'word', value: 'on', span: spanOf(src, 'on') });
    // Other keys: a bare unknown name is an error.
    expect(codesAndSpans(run('kernel = on\n').diagnostics)).toEqual([{ code: 'XM0050', start: 9, end: 11 }]);
    // A bound name is still its value.
    expect(run('on = 1\nnuma = on\n').settings[1]!.value.kind).toBe('number');
  });
  test('chained assignment binds and reports every target', () => {
    const src = 'a = b = 1\nc = a + b\n';
    const { settings, diagnostics } = run(src);
    expect(diagnostics).toEqual([]);
    expect(settings.map((s) => [s.key, s.keySpan, pyRepr(s.value)])).toEqual([
      ['a', spanOf(src, 'a'), '1'],
      ['b', spanOf(src, 'b'), '1'],
      ['c', spanOf(src, 'c'), '2'],
    ]);
  });
  test('names bound later are not visible earlier', () => {
    const src = 'x = y\ny = 1\n';
    expect(codesAndSpans(run(src).diagnostics)).toEqual([{ code: 'XM0050', ...spanOf(src, 'y') }]);
  });
});

describe('xm +=', () => {
  test.each([
    ['x = 1\nx += 2\n', '3'],
    ['x = "a"\nx += "b"\n', "'ab'"],
    ['x = [1]\nx += [2]\n', '[1, 2]'],
    ['x = [1]\nx += (2, 3)\n', '[1, 2, 3]'],
    ['x = [1]\nx += "ab"\n', "[1, 'a', 'b']"],
    ['x = (1,)\nx += (2,)\n', '(1, 2)'],
    ['x = 1.5\nx += 1\n', '2.5'],
  ])('%s', (src, want) => {
    const { settings, diagnostics } = run(src);
    expect(diagnostics).toEqual([]);
    expect(settings[1]!.op).toBe('+=');
    expect(settings[1]!.appended).toBeUndefined();
    expect(pyRepr(settings[1]!.value)).toBe(want);
  });
  test('tuple += list is a TypeError', () => {
    const src = 'x = (1,)\nx += [2]\n';
    expect(codesAndSpans(run(src).diagnostics)).toEqual([{ code: 'XM0053', ...spanOf(src, '[2]') }]);
  });
});

describe('defines', () => {
  test('numeric-looking defines are numbers, others strings', () => {
    expect(defineValue('3')).toMatchObject({ kind: 'number', value: 3, pyType: 'int' });
    expect(defineValue('010')).toMatchObject({ kind: 'number', value: 10 });
    expect(defineValue('-2')).toMatchObject({ kind: 'number', value: -2 });
    expect(defineValue('1.5')).toMatchObject({ kind: 'number', value: 1.5, pyType: 'float' });
    expect(defineValue(7)).toMatchObject({ kind: 'number', value: 7, pyType: 'int' });
    expect(defineValue('abc')).toMatchObject({ kind: 'string', value: 'abc' });
    expect(defineValue('0x10')).toMatchObject({ kind: 'string', value: '0x10' });
  });
  test('defines are visible and may be reassigned by the file', () => {
    const src = 'name = "VM%d" % vmid\nvmid = vmid + 1\nn2 = vmid\n';
    const { settings, diagnostics } = run(src, 'xm', { vmid: '3' });
    expect(diagnostics).toEqual([]);
    expect(settings.map((s) => pyRepr(s.value))).toEqual(["'VM3'", '4', '4']);
    expect(lastSetting(settings, 'name')!.value.span).toEqual(spanOf(src, '"VM%d" % vmid'));
  });
});

describe('xm dotted keys', () => {
  test('are not variables: no setting, no binding, no evaluator diagnostic', async () => {
    const { parseTree } = await import('../../src/syntax/parse.js');
    const { evaluate } = await import('../../src/syntax/evaluate.js');
    const tree = parseTree('vif.default.script = "x"\n').tree;
    expect(tree.statements[0]!.kind).toBe('assign');
    const r = evaluate(tree, { dialect: 'xm' });
    expect(r.settings).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });
});
