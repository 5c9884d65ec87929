import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkText, type CheckResult } from '../../src/check/check.js';
import { IncrementalChecker } from '../../src/lsp/service/incremental.js';
import { splitChunks } from '../../src/lsp/service/chunks.js';
import { corpusFiles } from '../format/corpus.js';

const files = corpusFiles();

/** A check result with the token arrays cut to their count (the parser's arrays may have spare room). */
function comparable(r: CheckResult) {
  const t = r.tree.tokens;
  const tokens = { count: t.count, kinds: [...t.kinds.subarray(0, t.count)], starts: [...t.starts.subarray(0, t.count)], ends: [...t.ends.subarray(0, t.count)] };
  return { ...r, tree: { ...r.tree, tokens } };
}
/** A long file: every corpus config one after the other (many chunks). */
const long = files
  .filter((f) => f.path.includes('xlconfigdata/'))
  .map((f) => f.text)
  .join('\n');

describe('splitChunks', () => {
  it('covers the text without gaps and cuts only before statements', () => {
    const chunks = splitChunks(long);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks[chunks.length - 1]![1]).toBe(long.length);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]![0]).toBe(chunks[i - 1]![1]);
      expect(long[chunks[i]![0] - 1]).toBe('\n');
      expect(long[chunks[i]![0]]).toMatch(/[A-Za-z_]/);
    }
  });
  it('never cuts inside brackets or triple-quoted strings', () => {
    const body = Array.from({ length: 400 }, (_, i) => `k${i} = 1`).join('\n');
    const text = `x = [\n${body}\n]\ny = """\n${body}\n"""\n`;
    const cuts = splitChunks(text).map((c) => c[0]);
    const inList = (o: number) => o > 0 && o < text.indexOf(']\n');
    const inString = (o: number) => o > text.indexOf('y = """') && o < text.lastIndexOf('"""');
    expect(cuts.filter((o) => inList(o) || inString(o))).toEqual([]);
  });
});

describe('IncrementalChecker', () => {
  it('equals checkText on every corpus file', () => {
    for (const f of files) expect(comparable(new IncrementalChecker().check(f.text)), f.path).toEqual(comparable(checkText(f.text)));
  });
  it('equals checkText after random edits of a long file (reusing chunks)', () => {
    const checker = new IncrementalChecker();
    checker.check(long);
    fc.assert(
      fc.property(fc.nat(long.length), fc.nat(20), fc.constantFrom('', 'x', '\n', '"', '[', ']', '# c\n', 'memory = 1\n', '(', ' = ', ';'), (at, del, ins) => {
        const text = long.slice(0, at) + ins + long.slice(Math.min(long.length, at + del));
        expect(comparable(checker.check(text, { dialect: 'auto' }))).toEqual(comparable(checkText(text, { dialect: 'auto' })));
      }),
      { numRuns: 40, seed: 42 },
    );
  });
  it('re-parses only the chunk a keystroke touched', () => {
    const checker = new IncrementalChecker();
    checker.check(long);
    expect(checker.stats.parsed).toBe(checker.stats.chunks);
    const at = long.indexOf('memory');
    checker.check(long.slice(0, at) + 'x' + long.slice(at));
    expect(checker.stats.chunks).toBeGreaterThan(10);
    expect(checker.stats.parsed).toBe(1);
  });
  it('equals checkText on texts with a CR, which xl and xm split differently', () => {
    const c = new IncrementalChecker();
    const body = Array.from({ length: 300 }, (_, i) => `k${i} = 1`).join('\n');
    for (const text of [`${body}\n# note\rmemory = 5\nextra = "a\rb"\n${body}\n`, `a = 1\r\n${body}\n`, `x = (1, 2) # c\rd = 1\n${body}\n`])
      for (const dialect of ['auto', 'xl', 'xm'] as const) expect(comparable(c.check(text, { dialect })), dialect).toEqual(comparable(checkText(text, { dialect })));
  });
  it('honours the dialect and defines settings', () => {
    const text = 'name = "vm%d" % vmid\nacpi = True\n';
    const c = new IncrementalChecker();
    expect(comparable(c.check(text, { dialect: 'xl' }))).toEqual(comparable(checkText(text, { dialect: 'xl' })));
    expect(comparable(c.check(text, { defines: { vmid: 4 } }))).toEqual(comparable(checkText(text, { defines: { vmid: 4 } })));
  });
});
