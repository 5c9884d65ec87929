/**
 * libxlu's own message for a syntax error, as its bison parser (Xen 3ae0d316f0, yysyntax_error over
 * its LALR tables) prints it: recorded from that parser compiled and run on each text (the
 * differential test of docs/fuzzing.md). XM0549 carries this message. Default reductions decide the
 * expected tokens: inside a list only `]`, after a statement's value only `$end`, at a statement's
 * start `$end or IDENT or NEWLINE or ';'`.
 */
import { describe, expect, it } from 'vitest';
import { libxluCheck } from '../../src/syntax/libxlu.js';

/** [text, libxlu's message, the text of the token it is about ('' for the end of the file)]. */
const CASES: [string, string, string][] = [
  ["'a'\n", "syntax error, unexpected STRING, expecting $end or IDENT or NEWLINE or ';'", "'a'"],
  ['a=1\n=\n', "syntax error, unexpected '=', expecting $end or IDENT or NEWLINE or ';'", '='],
  ['a=1;]\n', "syntax error, unexpected ']', expecting $end or IDENT or NEWLINE or ';'", ']'],
  ['a 1\n', "syntax error, unexpected NUMBER, expecting += or '='", '1'],
  ['a=]\n', "syntax error, unexpected ']', expecting STRING or NUMBER or '['", ']'],
  ['a=[1 2]\n', "syntax error, unexpected NUMBER, expecting ']'", '2'],
  ['a=[1,\n2\n3]\n', "syntax error, unexpected NUMBER, expecting ']'", '3'],
  ["a=['x' b]\n", "syntax error, unexpected IDENT, expecting ']'", 'b'],
  ['a=[,]\n', "syntax error, unexpected ',', expecting ']'", ','],
  ['a=[1,,]\n', "syntax error, unexpected ',', expecting ']'", ',,'],
  ['a=[ = ]\n', "syntax error, unexpected '=', expecting ']'", '='],
  ['a=[1 ;]\n', "syntax error, unexpected ';', expecting ']'", ';'],
  ['a=[[', "syntax error, unexpected $end, expecting ']'", ''],
  ['a=[1,', "syntax error, unexpected $end, expecting ']'", ''],
  ['a=1 2\n', 'syntax error, unexpected NUMBER, expecting $end', '2'],
  ['a=1 b=2\n', 'syntax error, unexpected IDENT, expecting $end', 'b'],
  ["a='x' 'y'\n", 'syntax error, unexpected STRING, expecting $end', "'y'"],
  ['a=[1]]\n', "syntax error, unexpected ']', expecting $end", ']]'],
  ['a=', "syntax error, unexpected $end, expecting STRING or NUMBER or '['", ''],
];

describe("libxlu reader: bison's messages", () => {
  it.each(CASES)('%j', (text, message, at) => {
    const offset = at === '' ? text.length : at === ',,' || at === ']]' ? text.indexOf(at) + 1 : text.lastIndexOf(at);
    expect(libxluCheck(text)).toMatchObject({ message, offset, kind: 'syntax' });
  });
});
