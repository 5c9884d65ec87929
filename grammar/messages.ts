/** @fileoverview Parser error messages in plain words, naming tokens by what they are ("the number 4096"). */
import { EOF, type IToken, type IParserErrorMessageProvider } from 'chevrotain';
import * as T from './tokens.js';

/** A plain-words description of a token for error messages. */
export function describeToken(t: IToken | undefined): string {
  if (!t || t.tokenType === EOF) return 'the end of the statement';
  const img = t.image.length > 24 ? `${t.image.slice(0, 21)}...` : t.image;
  switch (t.tokenType) {
    case T.StringLit:
      return `the string ${img}`;
    case T.NumberLit:
      return `the number ${img}`;
    case T.Identifier:
      return `the name "${img}"`;
    default:
      if (T.Keyword.categoryMatchesMap![t.tokenTypeIdx]) return `the keyword "${img}"`;
      return `'${img}'`;
  }
}

const RULE_WORDS: Record<string, string> = {
  statement: 'a statement',
  assignment: 'a key',
  key: 'a key',
  pythonStatement: 'a statement',
  exprStatement: 'a statement',
};

/** Error messages in plain words ("expected '=' but found the number 4096"). */
export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected === EOF) return `unexpected ${describeToken(actual)}`;
    return `expected ${expected.LABEL ?? expected.name} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    return `expected ${RULE_WORDS[ruleName] ?? 'a value'} but found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `expected ${RULE_WORDS[ruleName] ?? 'a value'} but found ${describeToken(actual[0])}`;
  },
};
