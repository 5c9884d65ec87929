/**
 * The grammar stops at a statement's first syntax error (the only one the syntax layer reads):
 * the same first error as Chevrotain's full recovery gives, one error saved, no re-sync work, and
 * the input array handed back as it came.
 */
import { describe, expect, it } from 'vitest';
import type { IToken } from 'chevrotain';
import { Grammar, Tokens } from './load.js';
import { lexTokens } from '../../src/syntax/lex.js';
import { Tok } from '../../src/syntax/tree.js';

/** The tokens the grammar is given: no trivia (lexChunk and splitStatements drop them). */
function significant(text: string): IToken[] {
  return lexTokens(text).filter((t) => Tokens.tokKindByTypeIdx[t.tokenTypeIdx]! > Tok.Continuation);
}

/** Parse one statement as src/syntax/parse-statement.ts does; the first error as data. */
function firstError(text: string, stop: boolean) {
  const parser = Grammar.getParser();
  parser.stopAtFirstError = stop;
  const toks = significant(text);
  parser.input = toks;
  parser.targetErrors = [];
  // Recovery work (re-sync) and saved errors, in the order they happen.
  const log: string[] = [];
  const spied = parser as unknown as Record<'findReSyncTokenType' | 'SAVE_ERROR', (...a: unknown[]) => unknown>;
  const proto = Object.getPrototypeOf(parser) as typeof spied;
  spied.findReSyncTokenType = function (this: unknown) {
    log.push('resync');
    return proto.findReSyncTokenType.call(this);
  };
  spied.SAVE_ERROR = function (this: unknown, e: unknown) {
    log.push('save');
    return proto.SAVE_ERROR.call(this, e);
  };
  try {
    const t1 = toks[1]?.tokenType;
    if (t1 === Tokens.Equals || t1 === Tokens.PlusEquals) parser.assignment();
    else parser.statement();
  } catch (e) {
    if (e !== Grammar.STOP_PARSE) throw e;
  } finally {
    parser.stopAtFirstError = true;
    delete (spied as Partial<typeof spied>).findReSyncTokenType;
    delete (spied as Partial<typeof spied>).SAVE_ERROR;
  }
  const errors = parser.errors;
  const e = errors[0];
  return { first: e && { name: e.name, message: e.message, at: e.token.startOffset }, count: errors.length, log, inputLength: toks.length, tokens: significant(text).length };
}

const BROKEN = [
  ')',
  'a = =',
  'a = 1 2',
  'a = [1 2]',
  'a = [1, 2 3]',
  'a = f(1,',
  'a = 1 +',
  'a = 1 if 2',
  'a = not',
  'a = ,',
  'a = 1,,',
  'a += += 1',
  'a = {1: }',
  'a = x[1:2:3:4]',
  'a = lambda: ',
  'a = "x" 1',
  'a = (1 for)',
  'a = (1',
  'a = b .',
  'x y z',
  '1 = a',
  ']',
  'a = 1 ) 2',
];

describe('the grammar stops at the first error', () => {
  it.each(BROKEN)('%j: the first error of full recovery, alone, and no recovery after it', (text) => {
    const full = firstError(text, false);
    const stopped = firstError(text, true);
    expect(full.first).toBeDefined();
    expect(stopped.first).toEqual(full.first);
    expect(stopped.count).toBe(1);
    // What happens up to the first saved error happens, nothing after it.
    expect(stopped.log).toEqual(full.log.slice(0, full.log.indexOf('save') + 1));
    // Chevrotain pads the input with EOF tokens and takes them off at the end of the parse.
    expect(stopped.inputLength).toBe(stopped.tokens);
  });
  it('a statement without errors parses the same either way', () => {
    for (const text of ['a = 1 + 2', 'import os', 'f(x)', 'a = b or c', 'a = b = 1', 'a == 1', 'if', 'def']) {
      expect(firstError(text, true)).toEqual(firstError(text, false));
      expect(firstError(text, true).count).toBe(0);
    }
  });
});
