/** @fileoverview xl values: libxlu dequoting, NUMBER text read by strtol base 0, nested lists, `+=`. */
import { describe, expect, test } from 'vitest';
import type { Expr, StringPart, SyntaxTree } from '../../src/syntax/tree.js';
import { evaluate } from '../../src/syntax/evaluate.js';
import { codesAndSpans, run, spanOf } from './helpers.js';

/** A hand-built one-statement xl tree `key = <expr>` (the expression built from `src`). */
function tree(text: string, statements: SyntaxTree['statements']): SyntaxTree {
  return { text, tokens: { count: 0, kinds: new Uint8Array(0), starts: new Int32Array(0), ends: new Int32Array(0) }, statements };
}

describe('xl numbers keep their text; value = strtol base 0', () => {
  test.each([
    ['512', 512],
    ['0x1f', 31],
    ['010', 8],
    ['0', 0],
    ['08', null],
    ['12abc', null],
    ['0x', null],
    ['1e5', null],
    ['0b101', null],
    ['9007199254740991', 9007199254740991],
  ])('%s', (text, value) => {
    const src = `memory = ${text}\n`;
    const expr: Expr = { kind: 'number', span: spanOf(src, text), text };
    const r = evaluate(tree(src, [{ kind: 'assign', span: { start: 0, end: src.length - 1 }, key: { name: 'memory', span: spanOf(src, 'memory') }, op: '=', opSpan: spanOf(src, '='), value: expr }]), { dialect: 'xl' });
    expect(r.diagnostics).toEqual([]);
    expect(r.settings).toEqual([
      { key: 'memory', keySpan: spanOf(src, 'memory'), op: '=', value: { kind: 'number', text, value, span: spanOf(src, text) }, valueSpan: spanOf(src, text), span: { start: 0, end: src.length - 1 } },
    ]);
  });
  test('beyond 2^53 is no finding yet (libxlu keeps the text; a numeric reader refuses it, XM0108), value null, setting kept', () => {
    const src = 'maxmem = 99999999999999999\n';
    const r = run(src, 'xl');
    expect(codesAndSpans(r.diagnostics)).toEqual([]);
    expect(r.settings[0]!.value).toMatchObject({ kind: 'number', value: null });
  });
});

describe('xl string escapes (libxlu)', () => {
  test.each([
    ['"a\\"b"', 'a"b'],
    ["'a\\'b'", "a'b"],
    ['"a\\\\b"', 'a\\b'],
    ['"\\a\\b\\f\\n\\r\\t\\v"', '\x07\b\f\n\r\t\v'],
    ['"A\\101B"', 'AB'],
    // The backslash-digit escape: what strtoul base 10 reads of the 3 characters after the digit is
    // skipped (blanks, a sign, digits), nothing is emitted (libxlu's xlu__cfgl_dequote).
    ['"\\1 12"', ''],
    ['"\\1234"', ''],
    ['"\\189x"', 'x'],
    ['"\\1+1x"', 'x'],
    ['"\\1 5y"', 'y'],
    ['"\\1-5\\n"', '\n'],
    ['"it\'s"', "it's"],
    ['"tab\there é"', 'tab\there é'],
    ['"a#b"', 'a#b'],
    ["''", ''],
  ])('%s', (lit, want) => {
    const src = `extra = ${lit}\n`;
    const part: StringPart = { span: spanOf(src, lit), quote: lit[0]!, prefix: '' };
    const r = evaluate(tree(src, [{ kind: 'assign', span: { start: 0, end: src.length - 1 }, key: { name: 'extra', span: spanOf(src, 'extra') }, op: '=', opSpan: spanOf(src, '='), value: { kind: 'string', span: part.span, parts: [part] } }]), { dialect: 'xl' });
    expect(r.settings[0]!.value).toEqual({ kind: 'string', value: want, span: part.span });
  });
});

describe('xl value model', () => {
  test('nested heterogeneous lists', () => {
    const src = 'x = [[], [[]], [1, ["a"]]]\n';
    const v = run(src, 'xl').settings[0]!.value;
    expect(v).toMatchObject({ kind: 'list', tuple: false, items: [{ kind: 'list', items: [] }, { kind: 'list', items: [{ kind: 'list', items: [] }] }, { kind: 'list', items: [{ kind: 'number', value: 1 }, { kind: 'list', items: [{ kind: 'string', value: 'a' }] }] }] });
  });
  test('expressions, tuples, names and unsupported values produce no setting and no diagnostic', () => {
    for (const src of ['m = 256 * 2\n', 'n = 0, 1\n', 'acpi = True\n', 'x = -1\n', 'a = f(1)\n', 'x = [1, (2)]\n', 'on_crash = restart\n']) {
      const r = run(src, 'xl');
      expect(r.settings, src).toEqual([]);
      expect(r.diagnostics, src).toEqual([]);
    }
  });
  test('numa = on is a word value', () => {
    const src = 'numa = on\n';
    expect(run(src, 'xl').settings[0]!.value).toEqual({ kind: 'word', value: 'on', span: spanOf(src, 'on') });
  });
  test('duplicates are all returned, in order', () => {
    const r = run('memory = 128\nmemory = 256\n', 'xl');
    expect(r.settings.map((s) => (s.value.kind === 'number' ? s.value.value : null))).toEqual([128, 256]);
  });
});

describe('xl +=', () => {
  test('string + string concatenates; appended is set', () => {
    const src = 'extra = "console=hvc0"\nextra += " debug"\n';
    const r = run(src, 'xl');
    expect(r.diagnostics).toEqual([]);
    expect(r.settings[1]).toMatchObject({ key: 'extra', op: '+=', appended: true, value: { kind: 'string', value: 'console=hvc0 debug' }, valueSpan: spanOf(src, '" debug"') });
    expect(r.settings[0]!.appended).toBeUndefined();
  });
  test('list + list appends', () => {
    const r = run('vif = ["a"]\nvif += ["b", "c"]\n', 'xl');
    const v = r.settings[1]!.value;
    expect(v.kind === 'list' && v.items.map((i) => (i.kind === 'string' ? i.value : ''))).toEqual(['a', 'b', 'c']);
  });
  test('numbers concatenate their text and are marked appended', () => {
    const r = run('memory = 512\nmemory += 256\n', 'xl');
    expect(r.settings[1]).toMatchObject({ appended: true, value: { kind: 'number', text: '512256' } });
  });
  test('on an undefined key just the value', () => {
    const r = run('extra += "x"\n', 'xl');
    expect(r.settings).toMatchObject([{ op: '+=', appended: true, value: { kind: 'string', value: 'x' } }]);
  });
  test('mixing a list and a string is XM0060 at the added value', () => {
    const src = 'extra = "a"\nextra += ["b"]\nvif = ["x"]\nvif += "y"\n';
    const r = run(src, 'xl');
    expect(codesAndSpans(r.diagnostics)).toEqual([
      { code: 'XM0060', ...spanOf(src, '["b"]') },
      { code: 'XM0060', ...spanOf(src, '"y"') },
    ]);
    expect(r.settings.map((s) => s.key)).toEqual(['extra', 'vif']);
  });
  test('xl ignores defines', () => {
    expect(run('x = 1\n', 'xl', { vmid: 3 }).settings.length).toBe(1);
  });
});
