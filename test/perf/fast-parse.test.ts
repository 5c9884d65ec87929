import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getParser } from '../../grammar/parser.js';
import { splitStatements } from '../../src/syntax/split.js';
import { lexChunk } from '../../src/syntax/lex.js';
import { fastAssignment, fastExpression } from '../../src/syntax/fast-parse.js';
import { parseTree } from '../../src/syntax/index.js';
import { CORPUS_DIR } from '../shared-dir.js';

/** Every statement of `text`: the grammar's tree (when it parses cleanly) and the fast path's. */
function both(text: string): { grammar: unknown; fast: unknown }[] {
  const out: { grammar: unknown; fast: unknown }[] = [];
  // lexChunk's tokens are the Chevrotain lexer's (test/perf/lex.test.ts).
  for (const raw of splitStatements(lexChunk(text)).stmts) {
    if (raw.lexError || raw.unclosed || raw.tooDeep) continue;
    const parser = getParser();
    parser.base = 7;
    parser.input = raw.toks;
    parser.targetErrors = [];
    let grammar: unknown;
    try {
      grammar = parser.statement();
    } catch {
      continue;
    }
    const clean = parser.errors.length === 0 && parser.targetErrors.length === 0;
    out.push({ grammar: clean ? grammar : undefined, fast: fastAssignment(raw.toks, 7) ?? fastExpression(raw.toks, 7) });
  }
  return out;
}

/** The fast path may decline a statement, but what it builds must be exactly the grammar's tree. */
function expectAgreement(text: string): number {
  let taken = 0;
  for (const { grammar, fast } of both(text)) {
    if (fast === undefined) continue;
    taken++;
    expect(fast).toStrictEqual(grammar);
  }
  return taken;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const atom = fc.oneof(
  fc.constantFrom('1', '0x1f', '010', '1.5', '1e-3', '12abc', '"s"', "'t'", 'r"raw"', '"a" "b"', "'''tri'''", 'True', 'None', 'on', 'vmid', 'a.b', '[]', '()', '{}', '`x`'),
  fc.constantFrom('f(1)', 'x[0]', 'x.y', 'lambda: 1', '1 if x else 2', 'not x', 'a or b', 'a == b', 'a | b', '~1', '[x for x in y]', '(x for x in y)'),
);
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '//', '%', '**', ',', ' ', '=', '+='), tie('e')).map(([a, o, b]) => `${a} ${o} ${b}`),
    fc.tuple(fc.constantFrom('-', '+', '- -'), tie('e')).map(([o, a]) => `${o}${a}`),
    fc.tuple(fc.array(tie('e'), { maxLength: 4 }), fc.boolean(), fc.boolean()).map(([xs, trail, nl]) => `[${nl ? '\n  ' : ''}${xs.join(nl ? ',\n  ' : ', ')}${trail ? ',' : ''}]`),
    fc.tuple(fc.array(tie('e'), { maxLength: 3 }), fc.boolean()).map(([xs, trail]) => `(${xs.join(', ')}${trail ? ',' : ''})`),
    // Dicts (and `{a, b}`): items with or without `: value`, a stray `:` or `::`, trailing commas.
    fc
      .tuple(fc.array(fc.tuple(tie('e'), fc.constantFrom('', ': ', ':: ', ' : ')), { maxLength: 3 }), tie('e'), fc.boolean())
      .map(([xs, v, trail]) => `{${xs.map(([k, c]) => (c === '' ? k : `${k}${c}${v}`)).join(', ')}${trail ? ',' : ''}}`),
  ),
})).e;

describe('fast assignment path', () => {
  it('builds the grammar tree for every statement of the sample corpus it takes', () => {
    let taken = 0;
    for (const f of files(CORPUS_DIR)) taken += expectAgreement(readFileSync(f, 'utf8'));
    expect(taken).toBeGreaterThan(100);
  });

  it('builds the grammar tree for generated values', () => {
    fc.assert(
      fc.property(fc.constantFrom('key', 'memory', 'if', 'a.b', ''), fc.constantFrom('=', '+=', ' = ', ''), expr, fc.boolean(), (k, op, v, tail) => {
        // An empty key and operator: a bare value statement (fastExpression).
        expectAgreement(`${k}${op}${v}${tail ? ',' : ''}\n`);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes plain assignments and declines the rest', () => {
    const took = (s: string) => both(s).map((r) => r.fast !== undefined);
    expect(took('a = 1\nb = "x"\nc = [1, (2, 3), -4 ** 2 // 5]\nd = 1,\ne += [ "x" ]\n')).toEqual([true, true, true, true, true]);
    expect(took('a = f(1)\nb = x[0]\nc = 1 if x else 2\nd = e = 1\nif = 1\nprint(x)\n{k: v for k in x}\nx + 1\n')).toEqual([false, false, false, false, false, false, false, false]);
    // Dicts and bare values (a JSON host file checked as a config) no longer need the grammar.
    expect(took('a = {}\nb = {"k": [1, {"n": -2}], 3: (4,),}\n{"nodes": [{"id": 0}]}\n[1, 2]\n"s"\n-1\n')).toEqual([true, true, true, true, true, true]);
  });

  it('parses dicts nested to the splitter limit (100) like lists, not into the grammar\'s stack overflow', () => {
    // Through the grammar, 100 nested dicts overflowed Chevrotain's recursion: XM0003 on the whole
    // statement, where 100 nested lists (already on this path) parse. 101 levels stay XM0003 (split.ts).
    for (const open of ['{"a": ', '[']) {
      const close = open === '[' ? ']' : '}';
      const text = `x = ${open.repeat(100)}1${close.repeat(100)}\n`;
      const { tree, diagnostics } = parseTree(text);
      expect(diagnostics).toEqual([]);
      expect(tree.statements[0]).toMatchObject({ kind: 'assign', value: { span: { start: 4, end: text.length - 1 } } });
      const deeper = `x = ${open.repeat(101)}1${close.repeat(101)}\n`;
      expect(parseTree(deeper).diagnostics.map((d) => d.code)).toEqual(['XM0003']);
    }
  });

  it('keeps parseTree results (spans, diagnostics) on mixed input', () => {
    const text = 'name = "vm"\nmemory = 512 * 2\nimport os\nvif = [ "bridge=br0", ]\nx = f(1)\nbad = (1,\nok = 1\n';
    const { tree, diagnostics } = parseTree(text);
    // `x = f(1)` goes to the grammar: an assignment whose value is an unsupported call.
    expect(tree.statements[4]).toMatchObject({ kind: 'assign', value: { kind: 'unsupported', what: 'call' } });
    expect(tree.statements.map((s) => s.kind)).toEqual(['assign', 'assign', 'unsupported', 'assign', 'assign', 'error', 'assign']);
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([
      ['XM0020', 'import os'],
      ['XM0013', 'ok'],
    ]);
  });
});
