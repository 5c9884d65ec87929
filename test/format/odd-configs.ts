/**
 * fast-check generators of config texts with the odd corners of both dialects: comments after `=`,
 * inside lists across lines and at the end without newline, `\` continuations, triple-quoted and
 * raw strings, adjacent strings, `+` and `%` expressions, tuples, trailing commas, `;`, `+=`,
 * dotted keys, `\x` escapes, `12abc`, CR inside strings, CRLF line ends, a BOM, tabs, Python
 * statements. Many of the texts have syntax errors on purpose: fmt must then leave them as they are.
 */
import fc from 'fast-check';

const blank = fc.constantFrom('', ' ', '  ', '\t');
/** Trivia inside brackets: blanks, newlines, comments, a continuation. */
const inBrackets = fc.oneof({ weight: 4, arbitrary: blank }, { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', ' # c\n', '\n# own\n', '\\\n', ' # k \\\n') });
/** Trivia between the tokens of a statement (outside brackets a newline ends it). */
const inLine = fc.oneof({ weight: 5, arbitrary: blank }, { weight: 1, arbitrary: fc.constantFrom('\\\n', ' \\\n  ', ' # c\n') });
const scalar = fc.constantFrom(
  '"s"', "'t'", '"a b"', '"""tq\nx"""', "'''a'''", "r'\\d'", 'R"x"', 'u"x"', '"\\x41"', '"q\'"', "'d\"'", '5', '0x1f', '0', '010', '12abc',
  '1.5', '-3', 'True', 'None', 'vmid', '"vm%d"', '""', '"a\\\\b"', '"\\t"', '"a\rb"', '"#not"', '"[x]"', '"' + 'long-'.repeat(30) + '"',
);
const { value } = fc.letrec((tie) => {
  const v = tie('value') as fc.Arbitrary<string>;
  const seq = (open: string, close: string) =>
    fc.tuple(inBrackets, fc.array(fc.tuple(v, inBrackets, fc.boolean(), inBrackets), { maxLength: 4 })).map(([lead, items]) =>
      open + lead + items.map(([x, a, comma, b], i) => x + a + (comma || i < items.length - 1 ? ',' : '') + b).join('') + close,
    );
  return {
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: scalar },
      { weight: 2, arbitrary: seq('[', ']') },
      { weight: 1, arbitrary: seq('(', ')') },
      { weight: 1, arbitrary: fc.tuple(v, inLine, fc.constantFrom('+', '*', '%', '-'), inLine, v).map((p) => p.join('')) },
      { weight: 1, arbitrary: fc.tuple(v, inLine, v).map(([a, w, b]) => `${a},${w}${b}`) },
      { weight: 1, arbitrary: fc.tuple(scalar, fc.constantFrom(' ', '', ' \\\n '), fc.constantFrom('"j"', "'k'")).map((p) => p.join('')) },
    ),
  };
});
const key = fc.constantFrom('memory', 'name', 'disk', 'extra', 'vif', 'cpus', 'a.b', 'vmid', 'x', 'vnuma');
const statement = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(key, inLine, fc.constantFrom('=', '=', '+='), inLine, value).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('import os', 'if x:\n    memory = 1', 'def f(): pass', 'x = y = 5', ';') },
);
const end = fc.constantFrom('\n', '\n', '; ', '\n\n', ' # end\n', '\r\n', ';\n', '\t\n');

/** A whole file: statements, perhaps a BOM, a name and kernel (so xl finds nothing to report), a final comment without newline. */
export const oddConfig = fc
  .tuple(fc.boolean(), fc.boolean(), fc.array(fc.tuple(fc.constantFrom('', '', '  ', '# lead\n'), statement, end), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '', '', '# eof', '# eof\r'))
  .map(([bom, named, stmts, tail]) => (bom ? '\ufeff' : '') + (named ? 'name = "n"\nkernel = "/k"\n' : '') + stmts.map((p) => p.join('')).join('') + tail);
