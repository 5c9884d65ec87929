/**
 * Property: print a random valid tree (with random spacing and comments), parse it back, and get the
 * same tree — same statements, keys, operators and expression structure, in both dialects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { S } from './load.js';
import type { Expr, Stmt } from '../../src/syntax/tree.js';

/** The span-free shape of an expression, as the generator builds it and as the parser must return it. */
type Shape =
  | { k: 'string'; text: string }
  | { k: 'number'; text: string }
  | { k: 'name'; name: string }
  | { k: 'list'; items: Shape[] }
  | { k: 'tuple'; items: Shape[] }
  | { k: 'unary'; op: '-'; operand: Shape }
  | { k: 'binary'; op: '+' | '*' | '%'; left: Shape; right: Shape };

function shapeOf(e: Expr, text: string): Shape {
  switch (e.kind) {
    case 'string':
      return { k: 'string', text: text.slice(e.span.start, e.span.end) };
    case 'number':
      return { k: 'number', text: e.text };
    case 'name':
      return { k: 'name', name: e.name };
    case 'list':
      return { k: 'list', items: e.items.map((i) => shapeOf(i, text)) };
    case 'tuple':
      return { k: 'tuple', items: e.items.map((i) => shapeOf(i, text)) };
    case 'paren':
      return shapeOf(e.inner, text);
    case 'unary':
      return { k: 'unary', op: e.op as '-', operand: shapeOf(e.operand, text) };
    case 'binary':
      return { k: 'binary', op: e.op as '+', left: shapeOf(e.left, text), right: shapeOf(e.right, text) };
    default:
      return { k: 'name', name: `<${e.kind}>` };
  }
}

const gap = fc.constantFrom('', ' ', '  ', '\t');
const listGap = fc.constantFrom('', ' ', '\n    ', ' # note\n  ');
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).filter((k) => !['if', 'in', 'is', 'or', 'and', 'not', 'def', 'for', 'del', 'try'].includes(k));
const str = fc.tuple(fc.constantFrom('"', "'"), fc.stringMatching(/^[a-zA-Z0-9 ,:=\/._-]{0,12}$/)).map(([q, s]): Shape => ({ k: 'string', text: `${q}${s}${q}` }));
const num = fc.oneof(fc.integer({ min: 0, max: 1 << 30 }).map(String), fc.integer({ min: 0, max: 4095 }).map((n) => `0x${n.toString(16)}`)).map((t): Shape => ({ k: 'number', text: t }));

function arbitraries(dialect: 'xl' | 'xm') {
  return fc.letrec<{ v: Shape; atom: Shape }>((tie) => ({
    atom:
      dialect === 'xl'
        ? fc.oneof(str, num)
        : fc.oneof(str, num, fc.constantFrom<Shape>({ k: 'name', name: 'True' }, { k: 'name', name: 'False' }, { k: 'name', name: 'None' })),
    v: fc.oneof(
      { depthSize: 'small' },
      tie('atom'),
      fc.array(tie('v'), { maxLength: 4 }).map((items): Shape => ({ k: 'list', items })),
      ...(dialect === 'xm'
        ? [
            fc.array(tie('v'), { minLength: 2, maxLength: 3 }).map((items): Shape => ({ k: 'tuple', items })),
            num.map((operand): Shape => ({ k: 'unary', op: '-', operand })),
            fc.tuple(num, fc.constantFrom<'+' | '*'>('+', '*'), num).map(([left, op, right]): Shape => ({ k: 'binary', op, left, right })),
          ]
        : []),
    ),
  }));
}

/** Print a shape with random layout; tuples are parenthesised (bare tuples only at the top). */
function print(s: Shape, g: () => string, lg: () => string): string {
  switch (s.k) {
    case 'string':
    case 'number':
      return s.text;
    case 'name':
      return s.name;
    case 'list':
      return `[${lg()}${s.items.map((i) => print(i, g, lg)).join(`,${lg()}`)}${lg()}]`;
    case 'tuple':
      return `(${s.items.map((i) => print(i, g, lg)).join(`,${g()}`)})`;
    case 'unary':
      return `-${print(s.operand, g, lg)}`;
    case 'binary':
      return `${print(s.left, g, lg)}${g()}${s.op}${g()}${print(s.right, g, lg)}`;
  }
}

for (const dialect of ['xl', 'xm'] as const) {
  describe(`${dialect}: print a random tree, parse it back`, () => {
    it('gives the same statements and expressions', () => {
      const stmt = fc.tuple(key, fc.constantFrom('=', '+='), arbitraries(dialect).v, fc.array(gap, { minLength: 4, maxLength: 4 }), fc.array(listGap, { minLength: 8, maxLength: 8 }), fc.boolean());
      fc.assert(
        fc.property(fc.array(stmt, { maxLength: 10 }), (stmts) => {
          let text = '';
          for (const [k, op, v, gaps, lgaps, comment] of stmts) {
            let gi = 0;
            let li = 0;
            const g = () => gaps[gi++ % gaps.length]!;
            const lg = () => lgaps[li++ % lgaps.length]!;
            text += `${k}${g() || ' '}${op}${g()}${print(v, g, lg)}${comment ? '  # trailing' : ''}\n`;
          }
          const r = S.parseTree(text);
          const errors = r.diagnostics.filter((d) => d.severity === 'error');
          expect(errors, text).toEqual([]);
          const got = r.tree.statements.map((s: Stmt) => (s.kind === 'assign' ? { key: s.key.name, op: s.op, value: shapeOf(s.value, text) } : { kind: s.kind }));
          expect(got, text).toEqual(stmts.map(([k, op, v]) => ({ key: k, op, value: v })));
        }),
        { numRuns: 400 },
      );
    });
  });
}
