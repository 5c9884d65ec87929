/**
 * The conversion's per-statement questions about its edits and comments are answered from an index,
 * not by a scan of them all: a file of 50,000 statements with a stray continuation before every
 * other one (each rewritten) took 7.6 s of CPU, twice as many statements four times as long; one
 * of 25,000 name assignments and 25,000 commented-out statements before a Python block, 4.5 s.
 * Counted by the items each function reads, not timed.
 */
import { describe, expect, it } from 'vitest';
import type { TextEdit } from '../../src/diagnostics/diagnostic.js';
import type { Span } from '../../src/diagnostics/span.js';
import { convertToXl } from '../../src/convert/index.js';
import { strayContinuations } from '../../src/convert/rewrite.js';
import { editedText } from '../../src/convert/span-map.js';
import { FirstHolder, SpanReach } from '../../src/convert/span-reach.js';
import { xlRefusedInOutput } from '../../src/convert/xl-refused.js';
import type { CheckResult } from '../../src/check/check.js';
import type { Setting } from '../../src/syntax/value.js';
import { parse } from '../../src/syntax/index.js';

/** A set whose iteration counts the items it hands out. */
class CountingSet extends Set<number> {
  read = 0;
  override *[Symbol.iterator](): SetIterator<number> {
    for (const v of super.values()) {
      this.read++;
      yield v;
    }
  }
  override values(): SetIterator<number> {
    return this[Symbol.iterator]();
  }
}

/** An array whose element reads are counted (`reads.n`). */
function countingArray<T>(items: T[]): { array: T[]; reads: { n: number } } {
  const reads = { n: 0 };
  const array = new Proxy(items, {
    get(target, p, receiver) {
      if (typeof p === 'string' && /^\d+$/.test(p)) reads.n++;
      return Reflect.get(target, p, receiver);
    },
  });
  return { array, reads };
}

describe('convert: each edit, comment and CR looked at a bounded number of times', () => {
  it('editedText: the CRs kept as text are walked once, not once per copied stretch', () => {
    const N = 2000;
    // A CR kept as text on every line, and an edit on every line: 2,001 copied stretches.
    const lines = Array.from({ length: N }, (_, i) => `a${i} = 1 # c\rd\n`);
    const text = lines.join('');
    const edits: TextEdit[] = [];
    const crs = new CountingSet();
    let at = 0;
    for (const l of lines) {
      edits.push({ span: { start: at, end: at + 1 }, text: 'b' });
      crs.add(at + l.indexOf('\r'));
      at += l.length;
    }
    const out = editedText(text, edits, crs);
    expect(crs.read).toBeLessThanOrEqual(N);
    // Every CR kept, every edit made.
    expect(out.text.split('\r').length - 1).toBe(N);
    expect(out.text.startsWith('b0 = 1 # c\rd\nb1')).toBe(true);
  });

  it('strayContinuations: the edits are read once each, not once per continuation', () => {
    const N = 2000;
    const text = 'name = "g"\n' + '\\\nbuilder = "linux"\n'.repeat(N);
    const tree = parse(text, { dialect: 'xm' }).tree;
    const statements = tree.statements;
    // One edit per statement (its rewrite), as the conversion makes them.
    const { array: done, reads } = countingArray<TextEdit>(statements.map((st) => ({ span: st.span, text: 'x' })));
    const stray = strayContinuations(text, tree.tokens, statements, done);
    expect(reads.n).toBeLessThanOrEqual(2 * statements.length);
    // Each `\` line between statements goes (the edits are of the statements, not of them).
    expect(stray.length).toBe(N);
    expect(stray[0]!.span).toEqual({ start: 11, end: 13 });
  });

  it('strayContinuations: an edit over a continuation keeps it, an insertion at its start does not', () => {
    const text = 'a = 1\n\\\nb = 2\n\\\nc = 3\n';
    const tree = parse(text, { dialect: 'xm' }).tree;
    const first = text.indexOf('\\');
    const second = text.lastIndexOf('\\');
    const over: TextEdit = { span: { start: first - 1, end: first + 1 }, text: '' };
    const at: TextEdit = { span: { start: second, end: second }, text: 'x' };
    expect(strayContinuations(text, tree.tokens, tree.statements, [over, at]).map((e) => e.span.start)).toEqual([second]);
    const inside: TextEdit = { span: { start: second + 1, end: second + 1 }, text: 'x' };
    expect(strayContinuations(text, tree.tokens, tree.statements, [inside]).map((e) => e.span.start)).toEqual([first]);
  });

  it('SpanReach: each span read once when indexed, none when asked', () => {
    const N = 5000;
    const spans: Span[] = Array.from({ length: N }, (_, i) => ({ start: i * 10, end: i * 10 + 5 }));
    const { array, reads } = countingArray(spans);
    const reach = new SpanReach(array);
    const indexed = reads.n;
    expect(indexed).toBe(N);
    let held = 0;
    for (let i = 0; i < N; i++) if (reach.holds({ start: i * 10 + 1, end: i * 10 + 4 })) held++;
    expect([held, reads.n]).toEqual([N, indexed]);
    expect([reach.holds({ start: 6, end: 7 }), reach.holds({ start: 3, end: 6 }), reach.overlaps(5, 10), reach.overlaps(4, 10)]).toEqual([false, false, false, true]);
  });

  it('a file of 8,000 statements, half commented out, before a Python block that may set the name: converted as before', () => {
    const N = 4000;
    const text = 'kernel = "/k"\nmemory = 256 * 2\n' + Array.from({ length: N }, (_, i) => `name = "a${i}"\nvscsi = ["a${i}"]\n`).join('') + 'if 1:\n    name = "b"\n';
    const r = convertToXl(text, { fileName: 'g.cfg' });
    expect(r.ok).toBe(true);
    const commented = r.text.split('\n').filter((l) => l.startsWith('# xm only, xl ignores it: vscsi'));
    expect(commented.length).toBe(N);
    // The name assignment before the block still stands: no lost name (XM0105), the block's XM0555 at line 2N+3.
    expect(r.diagnostics.filter((d) => d.code === 'XM0105')).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'XM0555').map((d) => d.span.start)).toEqual([text.indexOf('if 1:')]);
  });

  it('xlRefusedInOutput: the candidate settings are indexed once, not scanned once per error of the converted text', () => {
    // Within the schema's 1,024 disks: a longer list is one XM0103 and its items are not read.
    const N = 1000;
    // N videoram settings (candidates, spans apart) whose span reads are counted, and a converted
    // text with N errors (XM0213, a disk string xl refuses) over the same offsets.
    const converted = 'name = "g"\ndisk = [ ' + Array(N).fill("'bogus'").join(', ') + ' ]\n';
    let reads = 0;
    const settings = Array.from({ length: N }, (_, i) => {
      const span = { start: 20 + 9 * i, end: 27 + 9 * i };
      return { key: 'videoram', get span() { reads++; return span; } } as unknown as Setting;
    });
    const res = { dialect: 'xm', settings } as unknown as CheckResult;
    const out = xlRefusedInOutput(res, converted, (s) => s);
    expect(out.check?.diagnostics.filter((d) => d.code === 'XM0213').length).toBe(N);
    // The filter reads each span twice, the index once; a scan per error read them N times each.
    expect(reads).toBeLessThanOrEqual(3 * N);
    // videoram counts only for XM0234: none of these errors makes it refused.
    expect([...out.keys]).toEqual([]);
  });

  it('FirstHolder: the same answer as a scan for the first item holding an offset, spans apart, equal, overlapping or empty', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const apart = round % 2 === 0;
      const items: { id: number; span: Span }[] = [];
      let at = 0;
      for (let i = 0; i < 1 + rand(12); i++) {
        const start = apart ? (at += rand(3)) : rand(30);
        const end = start + rand(6);
        if (apart) at = end;
        items.push({ id: i, span: { start, end } });
        // A repeat of a span (two settings of one statement).
        if (rand(4) === 0) items.push({ id: 100 + i, span: { start, end } });
      }
      const holder = new FirstHolder(items, (x) => x.span);
      for (let q = -1; q < 40; q++) expect(holder.at(q)?.id).toBe(items.find((x) => q >= x.span.start && q < x.span.end)?.id);
    }
  });
});
