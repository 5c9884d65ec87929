/** Lexer unit tests: token kinds, labels, strings, numbers, trivia, never throwing. */
import { describe, expect, it } from 'vitest';
import { Tokens, S } from './load.js';

const lex = (text: string) => {
  const toks = Tokens.xmLexer.tokenize(text).tokens;
  return toks.map((t) => [t.tokenType.name, t.image] as const);
};
const sig = (text: string) => lex(text).filter(([n]) => n !== 'Whitespace');

describe('lexer', () => {
  it('lexes an assignment with trivia', () => {
    expect(lex('memory = 512 # c\n')).toEqual([
      ['Identifier', 'memory'],
      ['Whitespace', ' '],
      ['Equals', '='],
      ['Whitespace', ' '],
      ['Number', '512'],
      ['Whitespace', ' '],
      ['Comment', '# c'],
      ['Newline', '\n'],
    ]);
  });
  it('keeps superset identifiers with dots and capitals', () => {
    expect(sig('vif.default.script Key _x')).toEqual([
      ['Identifier', 'vif.default.script'],
      ['Identifier', 'Key'],
      ['Identifier', '_x'],
    ]);
  });
  it('keeps number text as written', () => {
    for (const n of ['12abc', '0x1F', '010', '1.5', '1e-5', '.5', '1L', '0b101', '1_000']) expect(sig(n)).toEqual([['Number', n]]);
    // A sign after e belongs to the exponent only in decimal numbers.
    expect(sig('0x1e+5')).toEqual([
      ['Number', '0x1e'],
      ['Plus', '+'],
      ['Number', '5'],
    ]);
  });
  it('lexes strings: quotes, escapes, prefixes, triple quotes', () => {
    expect(sig(`"a\\"b" 'c' r"x\\y" u'z' """t\n"u""" '''`)).toEqual([
      ['String', '"a\\"b"'],
      ['String', "'c'"],
      ['String', 'r"x\\y"'],
      ['String', "u'z'"],
      ['String', '"""t\n"u"""'],
      ['String', "'''"],
    ]);
    expect(Tokens.stringTerminated('"abc"')).toBe(true);
    expect(Tokens.stringTerminated('"abc')).toBe(false);
    expect(Tokens.stringTerminated('"ab\\"')).toBe(false);
    expect(Tokens.stringTerminated("'''a'''")).toBe(true);
    expect(Tokens.stringTerminated("'''a''")).toBe(false);
  });
  it('ends an unterminated single-quoted string before the newline', () => {
    expect(lex('"abc\nx')).toEqual([
      ['String', '"abc'],
      ['Newline', '\n'],
      ['Identifier', 'x'],
    ]);
  });
  it('lexes every line ending and the continuation', () => {
    expect(lex('a\r\nb\rc\\\nd')).toEqual([
      ['Identifier', 'a'],
      ['Newline', '\r\n'],
      ['Identifier', 'b'],
      ['Newline', '\r'],
      ['Identifier', 'c'],
      ['Continuation', '\\\n'],
      ['Identifier', 'd'],
    ]);
  });
  it('as xl reads it, a CR inside a string or comment is text; elsewhere it is a newline', async () => {
    const { lexTokens } = await import('../../src/syntax/lex.js');
    const xl = (text: string) => lexTokens(text, true).map((t) => [t.tokenType.name, t.image] as const);
    expect(xl('a="x\ry"# c\rd\r\ne\rf')).toEqual([
      ['Identifier', 'a'],
      ['Equals', '='],
      ['String', '"x\ry"'],
      ['Comment', '# c\rd\r'],
      ['Newline', '\n'],
      ['Identifier', 'e'],
      ['Newline', '\r'],
      ['Identifier', 'f'],
    ]);
    // An unterminated string runs to the LF; the default (xm) reading ends both at the CR.
    expect(xl('"ab\rc\nd')[0]).toEqual(['String', '"ab\rc']);
    expect(lex('"x\ry# c\rd')).toEqual([
      ['String', '"x'],
      ['Newline', '\r'],
      ['Identifier', 'y'],
      ['Comment', '# c'],
      ['Newline', '\r'],
      ['Identifier', 'd'],
    ]);
  });
  it('lexes operators, longest first', () => {
    expect(sig('+= + = ** * // / % -= == < ( ) [ ] { } : ; , .').map(([n]) => n)).toEqual([
      'PlusEquals', 'Plus', 'Equals', 'DoubleStar', 'Star', 'DoubleSlash', 'Slash', 'Percent', 'AugAssign', 'CompareOp', 'CompareOp',
      'LParen', 'RParen', 'LBracket', 'RBracket', 'LBrace', 'RBrace', 'Colon', 'Semicolon', 'Comma', 'Dot',
    ]);
  });
  it('lexes keywords but not identifiers that start like them', () => {
    expect(sig('import imports if iffy not in is lambda print')).toEqual([
      ['StmtKeyword', 'import'],
      ['Identifier', 'imports'],
      ['If', 'if'],
      ['Identifier', 'iffy'],
      ['Not', 'not'],
      ['In', 'in'],
      ['Is', 'is'],
      ['Lambda', 'lambda'],
      ['StmtKeyword', 'print'],
    ]);
  });
  it('turns any other character into an Invalid token, never an error', () => {
    const r = Tokens.xmLexer.tokenize('a $ é \u0000 😀');
    expect(r.errors).toEqual([]);
    expect(r.tokens.filter((t) => t.tokenType === Tokens.Invalid).map((t) => t.image).join('')).toBe('$é\u0000😀');
  });
  it('labels tokens for messages', () => {
    expect(Tokens.Equals.LABEL).toBe("'='");
    expect(Tokens.LBracket.LABEL).toBe("'['");
  });
  it('maps tokens to the compact stream kinds', () => {
    const { tree } = S.parseTree('a = [1] # c\n');
    expect(Array.from(tree.tokens.kinds.subarray(0, tree.tokens.count))).toEqual([
      S.Tok.Identifier, S.Tok.Whitespace, S.Tok.Equals, S.Tok.Whitespace, S.Tok.LBracket, S.Tok.Number, S.Tok.RBracket, S.Tok.Whitespace, S.Tok.Comment, S.Tok.Newline,
    ]);
  });
});
