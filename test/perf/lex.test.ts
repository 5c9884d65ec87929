import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokKindByTypeIdx, xmLexer } from '../../grammar/tokens.js';
import { lexChunk, lexTokens } from '../../src/syntax/lex.js';
import { Tok } from '../../src/syntax/tree.js';
import { CORPUS_DIR } from '../shared-dir.js';

const view = (toks: object[]) => toks.map((t) => JSON.stringify(Object.entries(t).map(([k, v]) => [k, k === 'tokenType' ? (v as { name: string }).name : v])));

function expectSame(text: string): void {
  const tokens = lexTokens(text);
  expect(view(tokens as never)).toEqual(view(xmLexer.tokenize(text).tokens as never));
  // lexChunk: the same tokens as kinds and bounds, the very objects for significant ones only.
  for (const reuse of [false, true]) {
    const c = lexChunk(text, reuse);
    expect(c.count).toBe(tokens.length);
    expect(c.bounds[c.count]).toBe(text.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const kind = tokKindByTypeIdx[t.tokenTypeIdx]!;
      expect([c.kinds[i], c.bounds[i], c.bounds[i + 1]]).toEqual([kind, t.startOffset, t.startOffset + t.image.length]);
      if (kind <= Tok.Continuation) expect(c.toks[i]).toBeNull();
      else expect(view([c.toks[i]!])).toEqual(view([t]));
    }
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// Pieces chosen to hit every rule boundary: prefixes, keywords as words and prefixes, operators
// and their longer forms, CR/LF/continuations, unterminated strings, odd characters.
const piece = fc.constantFrom(
  ' ', '\t', '\f', '\v', '\n', '\r', '\r\n', '\\\n', '\\\r\n', '\\', '#c', '# x\r', '"', "'", '"""', "'''", 'r"', 'b\'', 'ur"x"', 'rb', 'R', 'u', 'B',
  '"s\\"q"', "'a\\\nb'", '0', '12', '0x1F', '1e-5', '1E+', '.5', '.', '..', '3.x', '12abc', '0b1', '0o7-1',
  'a', 'key_1', 'a.b', '_x', 'if', 'iffy', 'else', 'elif', 'for', 'format', 'in', 'import', 'is', 'is_x', 'not', 'and', 'or', 'lambda', 'as', 'assert', 'print', 'printf', 'from', 'exec', 'nonlocal', 'pass', 'True',
  '=', '==', '+=', '+', '-', '-=', '*', '**', '**=', '*=', '/', '//', '//=', '/=', '%', '%=', '<', '<<', '<<=', '<=', '<>', '>', '>>', '>>=', '>=', '!', '!=',
  '&', '&=', '|', '|=', '^', '^=', '~', ',', ';', '[', ']', '(', ')', '{', '}', ':', '@', '`', '$', '?', '\u00e9', '\u00a0', '\ufeff', '\ud83d\ude00', '\u0000',
);

describe('hand-written lexer', () => {
  it('tokenizes generated text exactly as the Chevrotain lexer', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        expectSame(parts.join(''));
      }),
      { numRuns: 4000 },
    );
  });
  it('tokenizes the sample corpus exactly as the Chevrotain lexer', () => {
    for (const f of files(CORPUS_DIR)) expectSame(readFileSync(f, 'utf8'));
  });
  it('covers the empty text and lone characters', () => {
    for (let c = 0; c < 128; c++) expectSame(String.fromCharCode(c));
    expectSame('');
  });
});
