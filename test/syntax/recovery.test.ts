/** Error recovery: every error at its own line, later statements still parsed, trees still built. */
import { describe, expect, it } from 'vitest';
import { S, positions, rebuild } from './load.js';

const keys = (stmts: readonly { kind: string }[]) => stmts.filter((s): s is import('../../src/syntax/tree.js').AssignStmt => s.kind === 'assign').map((s) => s.key.name);

describe('recovery', () => {
  it('reports several errors in one file and keeps the good statements', () => {
    const text = ['memory 512', 'vcpus = 2', 'name = "a" c', 'disk = [ 1 2 ]', 'kernel = "/boot', 'cpus = $', 'x = [1,', 'maxmem = 1024', 'vif = [ ]', ''].join('\n');
    const { tree, diagnostics } = S.parseTree(text);
    expect(positions(text, diagnostics)).toEqual(['XM0011@1:8', 'XM0014@3:12', 'XM0010@4:12', 'XM0002@5:10', 'XM0001@6:8', 'XM0013@8:1']);
    expect(keys(tree.statements)).toEqual(['vcpus', 'maxmem', 'vif']);
    expect(tree.statements.map((s) => s.kind)).toEqual(['error', 'assign', 'error', 'error', 'error', 'error', 'error', 'assign', 'assign']);
    expect(rebuild(tree)).toBe(text);
  });
  it('gives every error its own line and a plain-words message', () => {
    const text = 'memory 4096\ndisk = [\nname = "x"\n';
    const { diagnostics } = S.parseTree(text);
    expect(diagnostics.map((d) => d.message)).toEqual([`expected '=' after the key "memory" but found the number 4096`, `unclosed '[': expected ']' before the name "name"`]);
    expect(diagnostics[1]!.related?.[0]?.span).toEqual({ start: 19, end: 20 });
  });
  it('error statements cover the whole broken statement', () => {
    const text = 'a = 1 +\nb = 2\n';
    const { tree, diagnostics } = S.parseTree(text);
    expect(tree.statements[0]).toEqual({ kind: 'error', span: { start: 0, end: 7 } });
    expect(positions(text, diagnostics)).toEqual(['XM0010@1:8']);
  });
  it('a `;`-separated statement after an error is still read', () => {
    const text = 'a = = 1; b = 2\n';
    const { tree } = S.parseTree(text);
    expect(keys(tree.statements)).toEqual(['b']);
  });
  it('refuses 10,000 nested brackets with one diagnostic, no stack overflow', () => {
    const text = 'x = ' + '['.repeat(10000) + ']'.repeat(10000) + '\ny = 1\n';
    const { tree, diagnostics } = S.parseTree(text);
    expect(positions(text, diagnostics)).toEqual(['XM0003@1:105']);
    expect(keys(tree.statements)).toEqual(['y']);
    const unary = 'x = ' + '-'.repeat(20000) + '1\n';
    expect(S.parseTree(unary).diagnostics.map((d) => d.code)).toEqual(['XM0003']);
    const chain = 'x = ' + '1+'.repeat(5000) + '1\n';
    expect(S.parseTree(chain).diagnostics.map((d) => d.code)).toEqual(['XM0003']);
    expect(S.parseTree('x = ' + '['.repeat(100) + ']'.repeat(100)).diagnostics).toEqual([]);
  });
  it('parses a 1 MB line', () => {
    const text = 'extra = "' + 'a'.repeat(1 << 20) + '"\nvif = [' + '"x",'.repeat(50000) + ']\n';
    const { tree, diagnostics } = S.parseTree(text);
    expect(diagnostics).toEqual([]);
    expect(keys(tree.statements)).toEqual(['extra', 'vif']);
  });
  it('refuses binary input with one error and does not parse it', () => {
    const text = 'name = "x"\n\u0000\u0001\u0002memory = 1\n';
    const { tree, diagnostics } = S.parseTree(text);
    expect(positions(text, diagnostics)).toEqual(['XM0031@2:1']);
    expect(tree.statements).toEqual([]);
    expect(rebuild(tree)).toBe(text);
  });
  it('skips a BOM with an info note and keeps it in the stream', () => {
    const text = '\uFEFFname = "x"\n';
    const r = S.parse(text);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0030', 'info']]);
    expect(r.settings.map((s) => s.key)).toEqual(['name']);
    expect(rebuild(r.tree)).toBe(text);
  });
  it('reports decoding errors where the caller says, instead of invalid characters', () => {
    const text = 'name = "caf\uFFFD"\nx = \uFFFD\uFFFD\n';
    const r = S.parse(text, { decodeErrors: [11, 18, 19] });
    expect(positions(text, r.diagnostics)).toEqual(['XM0032@1:12', 'XM0032@2:5']);
  });
  it('nests the indented block of a compound statement as its body', () => {
    const text = 'if x:\n    a = 1\n\n    # c\n    if y:\n        b = 2\n    c = 3\nd = 4\n';
    const { tree } = S.parseTree(text);
    expect(tree.statements.map((s) => s.kind)).toEqual(['unsupported', 'assign']);
    const ifx = tree.statements[0] as import('../../src/syntax/tree.js').UnsupportedStmt;
    expect(ifx.keyword).toBe('if');
    expect(ifx.body.map((s) => s.kind)).toEqual(['assign', 'unsupported', 'assign']);
    expect((ifx.body[1] as import('../../src/syntax/tree.js').UnsupportedStmt).body.map((s) => s.kind)).toEqual(['assign']);
  });
});

describe('tree shapes', () => {
  const value = (text: string) => (S.parseTree(text).tree.statements[0] as import('../../src/syntax/tree.js').AssignStmt).value;
  it('bare tuples, parenthesised tuples, parens', () => {
    expect(value('numanode = 0,1')).toMatchObject({ kind: 'tuple', parens: false, items: [{ kind: 'number', text: '0' }, { kind: 'number', text: '1' }], span: { start: 11, end: 14 } });
    expect(value('x = (1,)')).toMatchObject({ kind: 'tuple', parens: true, items: [{ text: '1' }] });
    expect(value('x = (1)')).toMatchObject({ kind: 'paren', inner: { text: '1' } });
  });
  it('Python precedence', () => {
    const v = value('x = 1 + 2 * -3 ** 2');
    expect(v).toMatchObject({ kind: 'binary', op: '+', right: { kind: 'binary', op: '*', right: { kind: 'unary', op: '-', operand: { kind: 'binary', op: '**' } } } });
    expect(value('x = "vm%d" % 3')).toMatchObject({ kind: 'binary', op: '%', left: { kind: 'string' } });
    expect(value('x = 2 ** 3 ** 2')).toMatchObject({ kind: 'binary', op: '**', right: { kind: 'binary', op: '**' } });
    expect(value('x = 7 // 2 - 1')).toMatchObject({ kind: 'binary', op: '-', left: { kind: 'binary', op: '//' } });
  });
  it('adjacent strings form one string expression', () => {
    expect(value('x = "a" \'b\' r"c"')).toMatchObject({ kind: 'string', parts: [{ quote: '"', prefix: '' }, { quote: "'" }, { prefix: 'r' }], span: { start: 4, end: 16 } });
    expect(value('x = """a"""')).toMatchObject({ kind: 'string', parts: [{ quote: '"""' }] });
  });
  it('lists with newlines, comments and trailing commas', () => {
    const v = value('x = [\n  1, # one\n  [2,],\n]');
    expect(v).toMatchObject({ kind: 'list', items: [{ kind: 'number' }, { kind: 'list', items: [{ kind: 'number' }], commas: [{ start: 21, end: 22 }] }] });
    expect((v as { commas: unknown[] }).commas).toHaveLength(2);
  });
  it('calls, attributes, subscripts, dicts, comprehensions are unsupported exprs', () => {
    expect(value('x = os.uname()')).toMatchObject({ kind: 'unsupported', what: 'call', span: { start: 4, end: 14 } });
    expect(value('x = os.path')).toMatchObject({ kind: 'unsupported', what: 'attribute' });
    expect(value('x = y[0]')).toMatchObject({ kind: 'unsupported', what: 'subscript' });
    expect(value('x = {"a": 1}')).toMatchObject({ kind: 'unsupported', what: 'dict' });
    expect(value('x = [i for i in y]')).toMatchObject({ kind: 'unsupported', what: 'other' });
    expect(value('x = a if b else c')).toMatchObject({ kind: 'unsupported', what: 'other' });
    expect(value('x = lambda y: y')).toMatchObject({ kind: 'unsupported', what: 'other' });
  });
  it('names, chained assignment and +=', () => {
    expect(value('acpi = True')).toMatchObject({ kind: 'name', name: 'True' });
    const s = S.parseTree('a = b = 1').tree.statements[0];
    expect(s).toMatchObject({ kind: 'assign', key: { name: 'a' }, chained: [{ name: 'b', span: { start: 4, end: 5 } }], value: { text: '1' } });
    expect(S.parseTree('extra += "x"').tree.statements[0]).toMatchObject({ op: '+=', opSpan: { start: 6, end: 8 } });
  });
  it('python statements are UnsupportedStmt with their keyword', () => {
    const kinds = (t: string) => S.parseTree(t).tree.statements.map((s) => (s.kind === 'unsupported' ? s.keyword : s.kind));
    expect(kinds('import os; a = 1\nfoo(1)\nx[0] = 1\nfrom a import b\nif x: a = 1; b = 2\nprint "x"\n')).toEqual(['import', 'assign', 'call', 'assignment', 'from', 'if', 'print']);
  });
});
