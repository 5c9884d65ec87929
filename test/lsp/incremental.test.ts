import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkText, type CheckResult } from '../../src/check/check.js';
import { IncrementalChecker } from '../../src/lsp/service/incremental.js';
import { resplit, splitChunks } from '../../src/lsp/service/chunks.js';
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

/** A statement line before which splitChunks cuts (its hash picks it as a boundary). */
const CUT_LINE = Array.from({ length: 1000 }, (_, i) => `k${i} = 1`).find((l) => splitChunks(`a = 1\n${l}\n`).length === 2)!;

describe('splitChunks of a text with a CR', () => {
  it('cuts after a CR inside a comment or string only for the xm reading (xl reads the CR as text)', () => {
    for (const text of [`a = 1\n# note\r${CUT_LINE}\n`, `a = "x\r${CUT_LINE}\n`]) {
      expect(splitChunks(text).length, JSON.stringify(text)).toBe(2);
      expect(splitChunks(text, true), JSON.stringify(text)).toEqual([[0, text.length]]);
    }
  });
  it('cuts after a CR in code, and after CRLF, in both readings', () => {
    for (const eol of ['\r', '\r\n']) {
      const text = `a = 1${eol}${CUT_LINE}${eol}`;
      expect(splitChunks(text, true)).toEqual(splitChunks(text));
      expect(splitChunks(text, true).length).toBe(2);
    }
  });
});

describe('resplit', () => {
  /** The chunks resplit gives for `text` after `old`, as one list. */
  const chunksAfter = (old: string, text: string, xl: boolean) => {
    const before = splitChunks(old, xl);
    const r = resplit(old, before, text, xl);
    return [...before.slice(0, r.keep), ...r.fresh, ...before.slice(r.resume).map(([s, e]) => [s + r.delta, e + r.delta])];
  };
  // CRs in comments and strings (xl reads them as text, xm as line ends), before a line that cuts.
  const crs = `# note\r${CUT_LINE}\r\nextra = "a\r${CUT_LINE}"\r\nk = 1 # c\r${CUT_LINE}\r\n`;
  const base = long.replace(/\n(?=name)/g, `\n${crs}`);
  for (const xl of [false, true]) {
    it(`cuts an edited text as splitChunks does (${xl ? 'xl' : 'xm'} reading)`, () => {
      const edit = fc.tuple(fc.nat(base.length), fc.nat(40), fc.constantFrom('', 'x', '\n', '\r', '\r\n', '"', "'''", '[', ']', '\\', '# c\r', `\n${CUT_LINE}\n`, 'else:\n', long.slice(0, 3000)));
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
          let old = base;
          for (const [at, del, ins] of edits) {
            const text = old.slice(0, at) + ins + old.slice(Math.min(old.length, at + del));
            expect(chunksAfter(old, text, xl)).toEqual(splitChunks(text, xl));
            old = text;
          }
        }),
        { numRuns: 60, seed: 11 },
      );
    });
  }
  it('scans about one chunk for a keystroke in a long text', () => {
    const at = long.indexOf('memory', long.length >> 1);
    const r = resplit(long, splitChunks(long), long.slice(0, at) + 'x' + long.slice(at), false);
    expect(r.fresh.length).toBeLessThanOrEqual(2);
    expect(r.delta).toBe(1);
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
  it('equals checkText on a text with a NUL byte, which is binary and not parsed (XM0031), also after an edit adds one', () => {
    // Found by scripts/fuzz.mjs (seed 1): chunks without the NUL were read, so a CRLF text was xm
    // (XM0511 in its first chunk) and the settings before the NUL were kept, where checkText reads nothing.
    const crlf = `\r\nx = \u00e9${'a'.repeat(60)}\0`;
    const fresh = checkText(crlf);
    expect(fresh.dialect).toBe('xl');
    expect(fresh.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([['XM0549', 0, 1], ['XM0031', 67, 68]]);
    expect(comparable(new IncrementalChecker().check(crlf))).toEqual(comparable(fresh));
    const checker = new IncrementalChecker();
    checker.check(long);
    const binary = `${long.slice(0, 2000)}\0${long.slice(2000)}`;
    const after = checker.check(binary);
    expect(after.diagnostics.filter((d) => d.code === 'XM0031').map((d) => d.span)).toEqual([{ start: 2000, end: 2001 }]);
    expect(comparable(after)).toEqual(comparable(checkText(binary)));
    // And back: the next version is read from chunks again.
    expect(comparable(checker.check(long))).toEqual(comparable(checkText(long)));
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
  it('re-parses only the touched chunk when the document repeats itself (a chunk text occurs more than once)', () => {
    // Three copies of the same configs: every chunk text occurs three times in one version.
    const repeated = [long, long, long].join('\n');
    const checker = new IncrementalChecker();
    checker.check(repeated);
    const at = repeated.indexOf('memory', long.length + 1);
    const edited = repeated.slice(0, at) + 'x' + repeated.slice(at);
    expect(comparable(checker.check(edited))).toEqual(comparable(checkText(edited)));
    expect(checker.stats.chunks).toBeGreaterThan(30);
    expect(checker.stats.parsed).toBe(1);
    expect(comparable(checker.check(repeated))).toEqual(comparable(checkText(repeated)));
    expect(checker.stats.parsed).toBe(1);
  });
  it('equals checkText on texts with a CR, which xl and xm split differently', () => {
    const c = new IncrementalChecker();
    const body = Array.from({ length: 300 }, (_, i) => `k${i} = 1`).join('\n');
    const texts = [`${body}\n# note\rmemory = 5\nextra = "a\rb"\n${body}\n`, `a = 1\r\n${body}\n`, `x = (1, 2) # c\rd = 1\n${body}\n`];
    // A CR inside a comment or string right before a line xm's reading cuts before.
    texts.push(`${body}\n# note\r${CUT_LINE}\n${body}\n`, `${body}\r\nextra = "a\r${CUT_LINE}"\r\n${body}\r\n`, `a = True\r\n# c\r${CUT_LINE}\r\n${body}\r\n`);
    for (const text of texts)
      for (const dialect of ['auto', 'xl', 'xm'] as const) expect(comparable(c.check(text, { dialect })), dialect).toEqual(comparable(checkText(text, { dialect })));
  });
  it('re-parses one chunk per reading after a keystroke in a CRLF document (auto reads it as xl, then as xm)', () => {
    const crlf = long.replace(/\n/g, '\r\n');
    const checker = new IncrementalChecker();
    checker.check(crlf);
    const at = crlf.indexOf('memory');
    const r = checker.check(crlf.slice(0, at) + 'x' + crlf.slice(at));
    expect(r.dialect).toBe('xm');
    expect(checker.stats.chunks).toBeGreaterThan(10);
    expect(checker.stats.parsed).toBe(2);
    checker.check(crlf.slice(0, at) + 'xy' + crlf.slice(at), { dialect: 'xl' });
    expect(checker.stats.parsed).toBe(1);
  });
  describe('equals checkText after random edits of a CRLF file', () => {
    // Comments and strings with CRs in them, which xl reads as text and xm as line ends.
    // A line xm's reading cuts before follows each of them (the xl reading must not cut there).
    const crs = `# note\r${CUT_LINE}\r\nextra = "a\r${CUT_LINE}"\r\nk = 1 # c\r${CUT_LINE}\r\n`;
    const crlf = long.replace(/\n/g, '\r\n').replace(/\r\n(?=name)/g, `\r\n${crs}`);
    // Inserts and deletes of a lone CR or LF, and edits that split a CRLF pair or join one.
    const edit = fc.oneof(
      fc.tuple(fc.nat(crlf.length), fc.nat(3), fc.constantFrom('', '\r', '\n', '\r\n', 'x', '"', '#', '[', ']', '# c\r', 'a = "\r', 'memory = 1\r\n')),
      fc.tuple(fc.constantFrom(...[...crlf.matchAll(/\r\n/g)].map((m) => m.index! + 1)), fc.constantFrom(0, 1), fc.constantFrom('', 'x', '\r', '\n', '#')),
    );
    for (const dialect of ['auto', 'xl', 'xm'] as const) {
      it(dialect, () => {
        const checker = new IncrementalChecker();
        checker.check(crlf, { dialect });
        fc.assert(
          fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
            let text = crlf;
            for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
            expect(comparable(checker.check(text, { dialect }))).toEqual(comparable(checkText(text, { dialect })));
          }),
          { numRuns: 25, seed: 7 },
        );
      });
    }
  });
  it('honours the dialect and defines settings', () => {
    const text = 'name = "vm%d" % vmid\nacpi = True\n';
    const c = new IncrementalChecker();
    expect(comparable(c.check(text, { dialect: 'xl' }))).toEqual(comparable(checkText(text, { dialect: 'xl' })));
    expect(comparable(c.check(text, { defines: { vmid: 4 } }))).toEqual(comparable(checkText(text, { defines: { vmid: 4 } })));
  });
});

describe('IncrementalChecker keeps findings, libxlu verdicts and evaluations per chunk', () => {
  /** Every xm example of the corpus, one after the other, and the long xl file: names, blocks, `+=`. */
  const xm = files
    .filter((f) => /xmexample|xmdefconfig|xmconfigdata\//.test(f.path))
    .map((f) => f.text)
    .join('\n');
  const mixed = `${long}\n${xm}`;
  // Edits that change what other chunks see: a binding read elsewhere, a read of a key bound
  // elsewhere, `+=`, a block, an xm-only or xl-only construct, an unclosed bracket or string, a
  // final comment without newline, a libxlu error.
  const inserts = ['', 'x', '\n', '"', '[', ']', '(', '# c', 'memory = 1\n', 'vmid = 3\n', 'name = "vm%d" % vmid\n', 'memory += 64\n', 'memory = memory * 2\n', 'kernel = kernel\n', 'if vmid:\n    memory = 2\n', 'numa = on\n', 'acpi = True\n', 'a = 1.5\n', ';;', '\\\n', 'a.b = 1\n', 'x = 1 = 2\n', 'k = -1\n', 'disk = [ "a" ]\n'];
  const edit = fc.tuple(fc.nat(mixed.length), fc.nat(30), fc.constantFrom(...inserts));
  for (const dialect of ['auto', 'xl', 'xm'] as const) {
    it(`equals checkText after every edit of a sequence (${dialect})`, () => {
      const checker = new IncrementalChecker();
      checker.check(mixed, { dialect });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
          let text = mixed;
          for (const [at, del, ins] of edits) {
            const p = Math.min(at, text.length);
            text = text.slice(0, p) + ins + text.slice(Math.min(text.length, p + del));
            expect(comparable(checker.check(text, { dialect }))).toEqual(comparable(checkText(text, { dialect })));
          }
          // Back to the start: every chunk of it was seen before.
          expect(comparable(checker.check(mixed, { dialect }))).toEqual(comparable(checkText(mixed, { dialect })));
        }),
        { numRuns: 8, seed: 5 },
      );
    });
  }
  it('evaluates one chunk alone after a keystroke in a file whose chunks share no names', () => {
    const checker = new IncrementalChecker();
    checker.check(long);
    expect(checker.stats.evaluated).toBe(checker.stats.chunks);
    expect(checker.stats.shared).toBe(0);
    const at = long.indexOf('memory', long.length >> 1);
    const edited = long.slice(0, at) + 'x' + long.slice(at);
    expect(comparable(checker.check(edited))).toEqual(comparable(checkText(edited)));
    expect(checker.stats.evaluated).toBe(1);
    expect(checker.stats.whole).toBe(false);
  });
  it('evaluates in order the chunks that read or bind a shared name', () => {
    const checker = new IncrementalChecker();
    const text = `vmid = 1\n${long}\nname = "vm%d" % vmid\n`;
    expect(comparable(checker.check(text))).toEqual(comparable(checkText(text)));
    expect(checker.stats.shared).toBe(2);
    expect(checker.stats.evaluated).toBe(checker.stats.chunks - 2);
  });
  it('moves the position of a kept chunk evaluation\'s unread assignment with the chunk', () => {
    // `memory = -1` is not evaluated in xl (no negative numbers): its value is unknown unless an
    // evaluated `memory` comes after it, which is decided by comparing positions across chunks.
    const body = Array.from({ length: 300 }, (_, i) => `k${i} = ${i}`).join('\n');
    const text = `name = "a"\nmemory = 512\n${body}\nmemory = -1\n`;
    const checker = new IncrementalChecker();
    checker.check(text, { dialect: 'xl' });
    // A comment longer than the text typed at its start: the kept chunk of `memory = -1` moves past
    // where the first chunk's `memory = 512` then is.
    const edited = `# ${'x'.repeat(text.length)}\n${text}`;
    const r = checker.check(edited, { dialect: 'xl' });
    expect(checker.stats.evaluated).toBe(1);
    expect(comparable(r)).toEqual(comparable(checkText(edited, { dialect: 'xl' })));
    expect([...r.unknown.keys()]).toContain('memory');
  });
  it('evaluates the text whole when the budgets spent together could run out', () => {
    // 20 chunks that build a 1,000,000-character string each: each is within the file's work
    // budget (MAX_FILE_WORK, 16 MiB) alone, not together.
    const big = Array.from({ length: 20 }, (_, i) => `${CUT_LINE}\nv${i} = "x" * 1000000\n`).join('');
    const checker = new IncrementalChecker();
    const r = checker.check(big, { dialect: 'xm' });
    expect(checker.stats.chunks).toBeGreaterThanOrEqual(20);
    expect(checker.stats.whole).toBe(true);
    expect(comparable(r)).toEqual(comparable(checkText(big, { dialect: 'xm' })));
    expect(r.diagnostics.map((d) => d.code)).toContain('XM0063');
  });
});

describe('IncrementalChecker and libxlu', () => {
  it("takes libxlu's first error from the first chunk it rejects, not only from the last", () => {
    const body = (from: number) => Array.from({ length: 300 }, (_, i) => `k${from + i} = ${i}`).join('\n');
    // `[` then `)`: libxlu fails at the `[`, where no other rule reports an error (XM0549).
    const text = `${body(0)}\n[\n)\n${body(300)}\n`;
    const checker = new IncrementalChecker();
    const r = checker.check(text, { dialect: 'xl' });
    expect(checker.stats.chunks).toBeGreaterThan(10);
    expect(comparable(r)).toEqual(comparable(checkText(text, { dialect: 'xl' })));
    const xlu = r.diagnostics.filter((d) => d.code === 'XM0549');
    expect(xlu.map((d) => d.span)).toEqual([{ start: text.indexOf('['), end: text.indexOf('[') + 1 }]);
    // After an edit after it, the rejected chunk is read again from the kept verdicts.
    const edited = text.replace('k500 = 200', 'k500 = 2000');
    expect(comparable(checker.check(edited, { dialect: 'xl' }))).toEqual(comparable(checkText(edited, { dialect: 'xl' })));
  });
});
