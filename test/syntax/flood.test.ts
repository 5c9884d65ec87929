/**
 * Files of syntax errors cost work in proportion to what is different in them, not to their
 * length: the grammar's answer for a statement is reused for every later statement of the same
 * token types. Asserted by counting grammar runs and by comparing with fresh answers, never by time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Grammar, S } from './load.js';

const PS = await import('../../src/syntax/parse-statement.js');

/** How many statements the grammar parses while `run` runs (entries: `assignment` and `statement`). */
function grammarRuns(run: () => void): number {
  const parser = Grammar.getParser();
  const a = vi.spyOn(parser, 'assignment');
  const s = vi.spyOn(parser, 'statement');
  try {
    run();
    return a.mock.calls.length + s.mock.calls.length;
  } finally {
    a.mockRestore();
    s.mockRestore();
  }
}

afterEach(() => PS.forgetGrammarFailures());

/** Broken statements, each shape twice with other names, numbers and strings. */
const BROKEN = [
  ['a = =', 'long_name = ='],
  ['a = 1 2', 'b = 33 44'],
  ['k = 1 x', 'kk = 22 yy'],
  ['d = [1 2]', 'disk = [3 44]'],
  ['d = [1 "y"]', 'e = [2 "zz"]'],
  [')', ')'],
  ['a = 1 +', 'vcpus = 4 +'],
  ['x = f(1 2)', 'y = g(3 4)'],
  ['if = =', 'if = ='],
  ['a = "s" 1', "b = 'tt' 22"],
  ['a = (1 2)', 'b = (3 4)'],
];

describe('a file of syntax errors', () => {
  it('20,000 `)` lines and 20,000 `kN = =` lines: the grammar runs once per shape, every finding made', () => {
    const text = ')\n'.repeat(20_000) + Array.from({ length: 20_000 }, (_, i) => `k${i} = =\n`).join('');
    let r!: ReturnType<typeof S.parse>;
    expect(grammarRuns(() => (r = S.parse(text, { dialect: 'xl' })))).toBe(2);
    const codes = r.diagnostics.filter((d) => d.code === 'XM0010');
    expect(codes).toHaveLength(40_000);
    expect(codes[20_000]).toMatchObject({ span: { start: 40_000 + 5, end: 40_000 + 6 }, message: "expected a value but found '='" });
    expect(codes[39_999]!.span.start).toBe(text.length - 2);
  });
  it('a reused answer is the one the grammar gives: codes, spans and messages naming this statement\'s tokens', () => {
    const lines = BROKEN.flat();
    const text = lines.join('\n') + '\n';
    let together!: ReturnType<typeof S.parseTree>;
    expect(grammarRuns(() => (together = S.parseTree(text)))).toBe(BROKEN.length);
    // Each line alone, with nothing remembered: the grammar's own answer.
    let offset = 0;
    const alone = [];
    for (const line of lines) {
      PS.forgetGrammarFailures();
      for (const d of S.parseTree(line + '\n').diagnostics) alone.push({ ...d, span: { start: d.span.start + offset, end: d.span.end + offset } });
      offset += line.length + 1;
    }
    expect(together.diagnostics).toEqual(alone);
    expect(together.diagnostics.map((d) => d.message)).toContain(`unexpected the name "yy" after the value of "kk": put a newline or ';' between statements`);
  });
  it('statements of other types are not answered from memory', () => {
    const runs = grammarRuns(() => S.parseTree('a = =\na = +\na = *\na = )\n'));
    expect(runs).toBe(4);
  });
});

describe('findings inside skipped blocks', () => {
  // A block's statements are covered by its header's XM0020; their findings were looked for among
  // all the findings so far, once for each chunk (~4 KiB) with a block: quadratic in the findings.
  it('are looked for among the chunk\'s own findings only: 100 blocks, each followed by 400 stand-alone values', () => {
    const text = 'if x:\n  1\n  import os\n'.concat('1\n'.repeat(400)).repeat(100);
    const has = vi.spyOn(Set.prototype, 'has');
    let r!: ReturnType<typeof S.parseTree>;
    try {
      r = S.parseTree(text);
      // One look-up per finding of a chunk with a block (about every finding here), not one per finding so far.
      expect(has.mock.calls.length).toBeLessThan(2 * 100 * 402);
    } finally {
      has.mockRestore();
    }
    const counts: Record<string, number> = {};
    for (const d of r.diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
    expect(counts).toEqual({ XM0020: 100, XM0021: 40_000 });
    // The block's own `1` is not reported; the first `1` after it is (line 4, offset 22).
    expect(r.diagnostics.slice(0, 2).map((d) => [d.code, d.span.start])).toEqual([
      ['XM0020', 0],
      ['XM0021', 22],
    ]);
  });
});

describe('a statement open at the end of a chunk', () => {
  // The chunk (~4 KiB) grew to take the open statement in whole, and in a file of `a=[` lines the
  // last statement of every chunk is open: the whole file became one chunk, all its tokens at once.
  it('starts the next chunk: 3,000 `a=[` lines are handed on a chunk at a time, every XM0013 at its place', () => {
    const text = 'a=[\n'.repeat(3000);
    const sizes: number[] = [];
    const r = S.parseTree(text, (stmts) => sizes.push(stmts.length));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1025);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(r.diagnostics).toHaveLength(3000);
    expect(r.diagnostics[0]).toMatchObject({ code: 'XM0013', span: { start: 4, end: 5 }, related: [{ span: { start: 2, end: 3 } }] });
    expect(r.diagnostics[2999]).toMatchObject({ code: 'XM0013', span: { start: 11998, end: 11999 }, message: "unclosed '[': expected ']' before the end of the file" });
    for (let i = 0; i < 2999; i++) expect(r.diagnostics[i]!.span.start).toBe(4 * i + 4);
  });
  it('the findings and statements do not depend on where the chunks end', () => {
    const pieces = ['a=[', 'b = [1,\n  2]', 'x = (1,', 'if x:\n  y = [\n  z = 1', 'c = 1', ')', 'd = """x\ny"""', 'e = [1,\n# c\n  2', 'f = 1; g = [', '  h = 2'];
    const body = Array.from({ length: 1500 }, (_, i) => pieces[(i * 7) % pieces.length]).join('\n') + '\n';
    const shifted = (d: { code: string; span: { start: number; end: number } }, by: number) => `${d.code}@${d.span.start - by}-${d.span.end - by}`;
    const reference = S.parseTree(body);
    const refStmts = reference.tree.statements.map((st) => `${st.kind}@${st.span.start}`);
    for (const pad of [1, 700, 2047, 3001]) {
      const text = '#'.repeat(pad - 1) + '\n' + body;
      const r = S.parseTree(text);
      expect(r.diagnostics.map((d) => shifted(d, pad))).toEqual(reference.diagnostics.map((d) => shifted(d, 0)));
      expect(r.tree.statements.map((st) => `${st.kind}@${st.span.start - pad}`)).toEqual(refStmts);
    }
  });
});
