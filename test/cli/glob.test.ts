import { describe, expect, it } from 'vitest';
import { compileGlob, hasMagic, matchGlob, splitGlobBase } from '../../src/cli/check/glob.js';

const m = (pattern: string, path: string): boolean => matchGlob(compileGlob(pattern), path.split('/'));

describe('glob matcher', () => {
  it('matches * and ? within one segment', () => {
    expect(m('*.cfg', 'web.cfg')).toBe(true);
    expect(m('*.cfg', 'web.xl')).toBe(false);
    expect(m('*.cfg', 'a/web.cfg')).toBe(false);
    expect(m('w?b.cfg', 'web.cfg')).toBe(true);
    expect(m('w?b.cfg', 'weeb.cfg')).toBe(false);
    expect(m('*', '')).toBe(true);
    expect(m('a*b*c', 'abxbxc')).toBe(true);
    expect(m('a*b*c', 'abxbx')).toBe(false);
  });

  it('matches ** across zero or more segments', () => {
    expect(m('**/*.cfg', 'web.cfg')).toBe(true);
    expect(m('**/*.cfg', 'a/b/c/web.cfg')).toBe(true);
    expect(m('a/**/z.cfg', 'a/z.cfg')).toBe(true);
    expect(m('a/**/z.cfg', 'a/b/c/z.cfg')).toBe(true);
    expect(m('a/**/z.cfg', 'b/z.cfg')).toBe(false);
    expect(m('a/**', 'a/b/c')).toBe(true);
    expect(m('**/b/**/d', 'x/b/y/b/z/d')).toBe(true);
  });

  it('supports classes, ranges, negation and escapes', () => {
    expect(m('vm[0-9].cfg', 'vm7.cfg')).toBe(true);
    expect(m('vm[0-9].cfg', 'vmx.cfg')).toBe(false);
    expect(m('vm[!0-9].cfg', 'vmx.cfg')).toBe(true);
    expect(m('vm[^0-9].cfg', 'vm1.cfg')).toBe(false);
    expect(m('[]].cfg', '].cfg')).toBe(true);
    expect(m('a\\*b', 'a*b')).toBe(true);
    expect(m('a\\*b', 'axb')).toBe(false);
    expect(m('vm[0-9.cfg', 'vm[0-9.cfg')).toBe(true); // an unclosed [ is literal
  });

  it('does not match hidden files or folders unless the pattern names the dot', () => {
    expect(m('*.cfg', '.hidden.cfg')).toBe(false);
    expect(m('.*.cfg', '.hidden.cfg')).toBe(true);
    expect(m('**/*.cfg', '.git/x.cfg')).toBe(false);
    expect(m('**/*.cfg', 'a/.b/x.cfg')).toBe(false);
  });

  it('stays fast on patterns that make backtracking regexes explode', () => {
    const pattern = 'a*'.repeat(30) + 'b';
    const path = 'a'.repeat(5000);
    const t0 = performance.now();
    expect(m(pattern, path)).toBe(false);
    const deep = '**/'.repeat(40) + 'x';
    expect(m(deep, Array.from({ length: 200 }, () => 'd').join('/'))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('detects magic and splits off the literal base folder', () => {
    expect(hasMagic('guests/*.cfg')).toBe(true);
    expect(hasMagic('guests/web.cfg')).toBe(false);
    expect(hasMagic('a\\*b')).toBe(false);
    expect(splitGlobBase('guests/**/*.cfg')).toEqual({ base: 'guests', rest: '**/*.cfg' });
    expect(splitGlobBase('*.cfg')).toEqual({ base: '.', rest: '*.cfg' });
    expect(splitGlobBase('/etc/xen/*.cfg')).toEqual({ base: '/etc/xen', rest: '*.cfg' });
    expect(splitGlobBase('/*.cfg')).toEqual({ base: '/', rest: '*.cfg' });
    expect(splitGlobBase('a/b*/c/*.cfg')).toEqual({ base: 'a', rest: 'b*/c/*.cfg' });
  });

  it('gives the base folder without the backslashes that quote its magic characters (was `dir\\[1\\]`: no such folder)', () => {
    expect(splitGlobBase('dir\\[1\\]/*.cfg')).toEqual({ base: 'dir[1]', rest: '*.cfg' });
    expect(splitGlobBase('/srv/a\\*b/x/*.cfg')).toEqual({ base: '/srv/a*b/x', rest: '*.cfg' });
  });
});
