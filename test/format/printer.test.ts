import { describe, expect, it } from 'vitest';
import { printTree } from '../../src/format/printer.js';
import { miniTree } from './mini-tree.js';

const fmt = (t: string, o = {}) => printTree(miniTree(t), o);

describe('printTree (hand-built trees)', () => {
  it('spaces around = and one statement per line', () => {
    expect(fmt('a=1;b  +=  "x";;c=[1,2]\n')).toBe('a = 1\nb += "x"\nc = [1, 2]\n');
  });
  it('keeps comments, folds blank lines, trailing comments after two spaces', () => {
    expect(fmt('# head\n\n\n\na = 1 # tail   \n   # own\nb = 2\n\n')).toBe('# head\n\na = 1  # tail\n# own\nb = 2\n');
  });
  it('lays out multi-line lists one item per line with a trailing comma', () => {
    expect(fmt("disk = [ 'a',\n   'b' ]\n")).toBe("disk = [\n    'a',\n    'b',\n]\n");
  });
  it('keeps comments inside lists in place', () => {
    const src = "vif = [ # open\n  'a', # on a\n  # before b\n  'b'\n  # end\n]\n";
    expect(fmt(src)).toBe("vif = [  # open\n    'a',  # on a\n    # before b\n    'b',\n    # end\n]\n");
  });
  it('nested lists keep their own layout', () => {
    expect(fmt('vnuma = [ [ "pnode=0", "size=512" ],\n [ "pnode=1", "size=512" ] ]\n')).toBe(
      'vnuma = [\n    ["pnode=0", "size=512"],\n    ["pnode=1", "size=512"],\n]\n',
    );
  });
  it('xm expressions and tuples', () => {
    expect(fmt('memory=256*2\nname="vm%d"%vmid\nt=(1,)\nn = 0,1\n')).toBe('memory = 256 * 2\nname = "vm%d" % vmid\nt = (1,)\nn = 0, 1\n');
  });
  it('wraps one-line lists longer than the line width', () => {
    const items = Array.from({ length: 12 }, (_, i) => `"item-number-${i}"`).join(',');
    const out = fmt(`x = [${items}]\n`);
    expect(out.split('\n')[0]).toBe('x = [');
    expect(out.split('\n')).toHaveLength(15);
  });
  it('changes quotes only when asked and when safe', () => {
    expect(fmt(`a = 'x'\nb = 'it"s'\n`, { quote: 'double' })).toBe(`a = "x"\nb = 'it"s'\n`);
    expect(fmt(`a = 'x'\n`)).toBe(`a = 'x'\n`);
  });
  it('a multi-line statement is printed as one piece: a comment after it joins its last line, blank lines before it stay one', () => {
    expect(fmt("a = 1\n\n\ndisk = [ 'a',\n 'b' ] # after\nb = [[1],\n[2]]\n# own\n")).toBe(
      "a = 1\n\ndisk = [\n    'a',\n    'b',\n]  # after\nb = [\n    [1],\n    [2],\n]\n# own\n",
    );
  });
  it('is idempotent on its own output', () => {
    const src = "# c\nname='a' ; memory=512 # m\n\n\ndisk=[ 'x', # d\n 'y']\nvnuma=[[1,2],\n[3]]\n";
    const once = fmt(src);
    expect(fmt(once)).toBe(once);
  });
});
