/** Dialect detection and dialect rules: exact codes and positions. */
import { describe, expect, it } from 'vitest';
import { S, isSyntaxCode, positions } from './load.js';

const detect = (t: string) => S.detectDialect(S.parseTree(t).tree);
const rules = (t: string, d: 'xl' | 'xm') => positions(t, S.dialectDiagnostics(S.parseTree(t).tree, d));

describe('detectDialect', () => {
  it('picks xl for plain files and says why', () => {
    expect(detect('memory = 512\nvif = [ "bridge=xenbr0" ]\n')).toEqual({ dialect: 'xl', reason: 'no construct that only xm accepts' });
    // xl-only constructs do not make a file xm.
    expect(detect('vif.default.script = "x";;\n  memory = 12abc\n').dialect).toBe('xl');
  });
  it.each([
    ['numanode = 0,1', 'a tuple', 11],
    ['acpi = True', 'True', 7],
    ['x = """a"""', 'a triple-quoted string', 4],
    ['x = "\\x41"', 'the escape \\x', 5],
    ['x = 1 \\\n', 'a backslash line continuation', 6],
    ['x = -1', 'a negative number', 4],
    ['x = 1.5', 'the number 1.5', 4],
    ['x = 256*2', 'an expression', 4],
    ['import os', 'a Python statement', 0],
    ['Memory = 1', 'the key Memory', 0],
    ['a = b = 1', 'a chained assignment', 0],
    ['a = 1\r\n', 'a CR line ending', 5],
    // Python skips a form feed as a blank (a page break), libxlu stops there ("lexical error").
    ['a = 1\n\f\nb =\f2\n', 'a form feed', 6],
  ])('picks xm for %j (%s)', (text, what, at) => {
    const d = detect(text);
    expect(d.dialect).toBe('xm');
    expect(d.reason).toContain(what);
    expect(d.span?.start).toBe(at);
  });
  it('reports the FIRST xm-only construct', () => {
    const d = detect('a = 1\nb = True\nc = -1\n');
    expect(d.reason).toBe('uses True (line 2), which only xm accepts');
  });
  it('a form feed is xm-only for detection; read as xl, libxlu\'s reader reports it (XM0549) once, where it stops', () => {
    const text = 'a = 1\nb =\f2\nc =\f3\n';
    expect(S.parse(text).dialect).toBe('xm');
    expect(positions(text, S.parse(text).diagnostics)).toEqual([]);
    expect(positions(text, S.parse(text, { dialect: 'xl' }).diagnostics)).toEqual(['XM0549@2:4']);
    // Inside a comment or a string libxlu reads it as a character: not xm-only there.
    expect(detect('# page\f\na = "x\fy"\n').dialect).toBe('xl');
  });
  it('does not count the RFC spelling numa = on as xm', () => {
    expect(detect('numa = on\n').dialect).toBe('xl');
  });
});

describe('xl rules (what libxlu rejects)', () => {
  it('identifiers: capitals and leading underscore in keys', () => {
    expect(rules('Memory = 1\n_x = 2\nok.key_2 = 3\n', 'xl')).toEqual(['XM0500@1:1', 'XM0500@2:1']);
  });
  it('numbers: 0xFF and 1.5 rejected, 12abc and 010 fine', () => {
    expect(rules('a = 0xFF\nb = 1.5\nc = 12abc\nd = 010\ne = 0x1f\nf = 1e5\n', 'xl')).toEqual(['XM0501@1:5', 'XM0501@2:5']);
  });
  it('string escapes', () => {
    // libxlu reads the up to 3 characters AFTER a backslash-digit with strtoul base 10 and needs 2
    // of them: "\\12" (one digit after the 1) is refused, "\\101" is not.
    expect(rules('a = "\\x41"\nb = "\\101"\nc = "\\12"\nd = "\\1"\ne = "\\8"\nf = "\\t\\"\\\'"\n', 'xl')).toEqual(['XM0508@1:6', 'XM0508@3:6', 'XM0508@4:6', 'XM0508@5:6']);
  });
  it('an escaped backslash before a CR in a string is no line continuation (libxlu accepts it: the CR is a character of the string)', () => {
    const text = 'a = "\\\\\r,"\nb = "\\\r"\n';
    expect(positions(text, S.parse(text, { dialect: 'xl' }).diagnostics, (d) => d.severity === 'error')).toEqual(['XM0516@3:6']); // line 3 as editors count the CR; libxlu's line 2 ("invalid character after backlash")
  });
  it('backslash-digit escapes as libxlu\'s strtoul reads them (blanks and a sign count, 2 characters needed; the differential test against libxlu found these)', () => {
    const text = 'a = "\\1 12"\nb = "\\1+1"\nc = "\\1-5x"\nd = "\\1\t3"\ne = "\\189"\nf = "\\18"\ng = "\\1  "\nh = "\\1 x"\ni = "\\1+"\nj = "x\\7"\n';
    expect(rules(text, 'xl')).toEqual(['XM0508@6:6', 'XM0508@7:6', 'XM0508@8:6', 'XM0508@9:6', 'XM0508@10:7']);
  });
  it('a final comment needs its newline; a final assignment does not', () => {
    expect(rules('a = 1\n# c', 'xl')).toEqual(['XM0512@2:1']);
    expect(rules('a = 1', 'xl')).toEqual([]);
    expect(rules('a = 1 # c\n', 'xl')).toEqual([]);
  });
  it('CR outside comments', () => {
    expect(rules('a = 1\r\n', 'xl')).toEqual(['XM0511@1:6']);
    expect(rules('# c\r\na = 1\n', 'xl')).toEqual([]);
  });
  it('a lone CR inside a string or comment is text for xl (XM0521 warning), a line end for xm', () => {
    const at = (t: string, d: 'xl' | 'xm' | 'auto') => {
      const r = S.parse(t, { dialect: d });
      return { dialect: r.dialect, found: positions(t, r.diagnostics, (x) => isSyntaxCode(x.code) || x.code === 'XM0521'), keys: r.settings.map((x) => x.key) };
    };
    // libxlu's comment runs to LF: `memory = 5` is hidden from xl; Python 2's universal newlines end the comment at the CR.
    const comment = '# note\rmemory = 5\nname = "x"\n';
    expect(at(comment, 'xl')).toEqual({ dialect: 'xl', found: ['XM0521@1:7'], keys: ['name'] });
    expect(at(comment, 'auto')).toEqual({ dialect: 'xl', found: ['XM0521@1:7'], keys: ['name'] });
    expect(at(comment, 'xm')).toEqual({ dialect: 'xm', found: [], keys: ['memory', 'name'] });
    const string = 'extra = "a\rb"\n';
    expect(at(string, 'xl')).toEqual({ dialect: 'xl', found: ['XM0521@1:11'], keys: ['extra'] });
    expect(S.parse(string, { dialect: 'xl' }).settings[0]!.value).toMatchObject({ kind: 'string', value: 'a\rb' });
    expect(at(string, 'auto').dialect).toBe('xl');
    expect(at(string, 'xm')).toEqual({ dialect: 'xm', found: ['XM0002@1:9', 'XM0002@2:1'], keys: [] });
    // A CR ending a comment (CRLF) is no warning; a CR outside strings and comments stays XM0511.
    expect(at('a = 1 # c\r\nb = "x\r"\n', 'xl').found).toEqual(['XM0521@2:7']);
    expect(at('a = 1 # c\r\nb = "x"\rc = 2\n', 'xl').found).toEqual(['XM0511@2:8']);
    expect(at('a = 1 # c\r\nb = 2\n', 'xl').found).toEqual([]);
    // An xm-only construct read as xl keeps `auto` on xm, which reads the CR as a line end.
    expect(at('x = (1, 2) # c\rd = 1\n', 'auto')).toEqual({ dialect: 'xm', found: [], keys: ['x', 'd'] });
  });
  it('values are never names; numa = on is an info note in both dialects', () => {
    expect(rules('on_crash = restart\n', 'xl')).toEqual(['XM0505@1:12']);
    for (const d of ['xl', 'xm'] as const) {
      const diags = S.dialectDiagnostics(S.parseTree('numa = on\n').tree, d);
      expect(diags.map((x) => [x.code, x.severity])).toEqual([['XM0520', 'info']]);
    }
  });
  it('two assignments on one line without ; is a syntax error in both dialects', () => {
    for (const d of ['xl', 'xm'] as const) expect(positions('a = 1 b = 2\n', S.parse('a = 1 b = 2\n', { dialect: d }).diagnostics)).toEqual(['XM0014@1:7']);
  });
  it('nested lists and [,]', () => {
    expect(rules('x = [[], [[]], [1,[2]]]\n', 'xl')).toEqual([]);
    expect(positions('x = [,]\n', S.parse('x = [,]\n', { dialect: 'xl' }).diagnostics)).toEqual(['XM0010@1:6']);
  });
  it('falls back to libxlu\'s own verdict when no rule covers the line', () => {
    // `[` first: libxlu fails on line 1 while the superset parser only fails on line 2.
    const text = '[\n)';
    const r = S.parse(text, { dialect: 'xl' });
    expect(positions(text, r.diagnostics)[0]).toBe('XM0549@1:1');
  });
  it('a list left open to the end of the file: XM0013 at its bracket, and XM0549 where libxlu stops inside it (not for its "unexpected $end")', () => {
    // libxlu stops at the name on line 4, where its list needs a comma or `]` ("unexpected IDENT,
    // expecting ']'"); the superset parser reads `"b" x[0]` on and finds only the bracket never closed.
    const text = 'vif = [ "a",\n  "b"\n# c\nx[0] = 1\n';
    expect(positions(text, S.parse(text, { dialect: 'xl' }).diagnostics)).toEqual(['XM0013@1:7', 'XM0549@4:1']);
    const open = 'vif = [ "a",\n  "b"\n\n';
    expect(positions(open, S.parse(open, { dialect: 'xl' }).diagnostics)).toEqual(['XM0013@1:7']);
  });
});

describe('xm rules (what Python rejects)', () => {
  it('empty statements, dotted keys, indentation, number text, keywords as keys', () => {
    expect(rules('a = 1;\n;b = 2\nc = 3;;\n', 'xm')).toEqual(['XM0530@2:1', 'XM0530@3:7']);
    expect(rules('vif.default.script = "x"\n', 'xm')).toEqual(['XM0531@1:1']);
    expect(rules('  a = 1\n\tb = 2\nc = [\n  1]\n', 'xm')).toEqual(['XM0532@1:1', 'XM0532@2:1']);
    expect(rules('a = 12abc\nb = 0x\nc = 010\nd = 0x1F\ne = 1.5e3\n', 'xm')).toEqual(['XM0533@1:5', 'XM0533@2:5']);
    expect(rules('print = 1\nclass = 2\n', 'xm')).toEqual(['XM0534@1:1', 'XM0534@2:1']);
  });
  it('a form feed sets Python\'s column back to 0 (a page break is no indent); a vertical tab is no blank to either tool', () => {
    expect(rules('a = 1\n\fb = 2\n  \fc = 3\n\f d = 4\n\f\n', 'xm')).toEqual(['XM0532@4:2']); // at the blank after the form feed: that blank is the indent
    expect(rules('\va = 1\nb = \v2\n', 'xm')).toEqual(['XM0001@1:1', 'XM0001@2:5']);
    // xl: the same place libxlu's lexer stops at (its first error line, XM0549 otherwise).
    expect(rules('a = 1\nb = \v2\n', 'xl')).toEqual(['XM0001@2:5']);
  });
  it('accepts what xm accepted', () => {
    expect(rules('x = (1, 2)\ny = """a\nb"""\nz = "a" "b"\nw = -1.5 * 2\nv = "\\x41"\nif x:\n    a = 1\n', 'xm')).toEqual([]);
  });
  it('numbers neither dialect reads are errors in both', () => {
    for (const d of ['xl', 'xm'] as const) expect(rules('a = 1.5.3\n', d)).toEqual(['XM0004@1:5']);
  });
});

describe('dialect rules on large files', () => {
  // Each string's scan for an escaped newline must stop at the string's end. A scan to the end of
  // the file per string (1,000,000 strings × ~3 MB, at memchr speed) takes about a minute here;
  // bounded, the whole test takes a few seconds.
  it('stay linear: 1,000,000 strings without a backslash', () => {
    const text = 'x="a"\n'.repeat(1_000_000);
    expect(S.dialectDiagnostics(S.parseTree(text).tree, 'xl')).toEqual([]);
    // A hang guard, not a speed target: ~4 s alone, over 30 s on a 2-core machine under load.
  }, 90_000);
});
