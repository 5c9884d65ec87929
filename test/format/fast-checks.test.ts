/**
 * The fast printer's own checks (src/format/fast-print.ts) against the full read-back check
 * (src/format/fast-verify.ts: lex the output again, compare every significant token) and against
 * the parser's settings: on real and generated inputs both pass; on printers broken on purpose the
 * checks refuse every output the read-back check refuses (they may refuse more: they hold the
 * canonical layout, the read-back only the subset).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tok, type TokenStream } from '../../src/syntax/tree.js';
import { parse } from '../../src/syntax/index.js';
import { asciiBytes, asciiText } from '../../src/format/fast-bytes.js';
import { lexBytes } from '../../src/format/fast-lex.js';
import { FastPrinter } from '../../src/format/fast-print.js';
import { verifyBytes } from '../../src/format/fast-verify.js';
import { formatFast } from '../../src/format/fast.js';
import { formatText, sameSettings } from '../../src/format/index.js';
import { resolveLayout, type ResolvedLayout } from '../../src/format/options.js';
import { corpusFiles } from './corpus.js';
import { config } from './arbitraries.js';

const LAYOUTS = [resolveLayout({}), resolveLayout({ quote: 'double', lineWidth: 40 }), resolveLayout({ quote: 'single', lineWidth: 20, indent: 1 })];

type PrinterClass = new (src: Uint8Array, t: TokenStream, layout: ResolvedLayout) => FastPrinter;

/** The inputs: fast-path corpus files and their formatted forms, generated configs, random plain texts. */
function inputs(): string[] {
  const corpus = corpusFiles().flatMap((f) => [f.text, formatText(f.text).text]);
  const generated = fc.sample(config, { numRuns: 300, seed: 11 });
  const piece = fc.constantFrom('a', 'memory', ' ', '=', '"x"', "'y'", '"it\'s"', '1', '0x1f', '[', ']', ',', '\n', '# c\n', ';', 'z');
  const random = fc.sample(fc.array(piece, { maxLength: 30 }).map((ps) => ps.join('')), { numRuns: 3000, seed: 3 });
  return [...corpus, ...generated, ...random].filter((t) => asciiBytes(t) !== null && lexBytes(asciiBytes(t)!, false, true) !== null);
}
const texts = inputs();

/** Print with `P`: the printer's verdict and the full read-back check's. */
function both(text: string, layout: ResolvedLayout, P: PrinterClass = FastPrinter): { ok: boolean; full: boolean; out: string } {
  const src = asciiBytes(text)!;
  const t = lexBytes(src, false, true)!;
  const r = new P(src.bytes, t, layout).run();
  return { ok: r.ok, full: verifyBytes(r.out, src, t), out: asciiText(r.out.bytes, r.out.length) };
}

describe('the fast printer\'s checks', () => {
  it('have enough inputs', () => {
    expect(texts.length).toBeGreaterThan(500);
  });

  it('pass, as the full read-back check does, on every input and layout; the parser reads the same settings', () => {
    for (const text of texts) {
      for (const layout of LAYOUTS) {
        const r = both(text, layout);
        expect({ text, ok: r.ok, full: r.full }).toEqual({ text, ok: true, full: true });
        for (const dialect of ['xl', 'xm'] as const) {
          const before = parse(text, { dialect });
          const after = parse(r.out, { dialect });
          expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(sameSettings(before.settings, after.settings)).toBe(true);
        }
      }
    }
  });

  it('let formatFast take every text the fast lexer reads', () => {
    for (const text of texts) expect(formatFast(text, { quote: 'double' }), JSON.stringify(text)).not.toBeNull();
  });

  // Printers broken on purpose, each in one step the checks must watch.
  class DropsComma extends FastPrinter {
    protected override put(c: number): void {
      if (c !== 44) super.put(c);
    }
  }
  class ExtraComma extends FastPrinter {
    protected override put(c: number): void {
      super.put(c);
      if (c === 44) super.put(c);
    }
  }
  class GluesStatements extends FastPrinter {
    protected override lineBreak(): void {
      this.lines = 1;
    }
  }
  class IndentsStatements extends FastPrinter {
    protected override lineBreak(newlines: number): void {
      super.lineBreak(newlines);
      if (this.len > 0) super.put(32);
    }
  }
  class NoNewlineInLists extends FastPrinter {
    protected override newlineIndent(): void {
      super.put(32);
    }
  }
  class DropsNumber extends FastPrinter {
    protected override tok(i: number): void {
      if (this.t.kinds[i] !== Tok.Number || this.written % 7 !== 3) super.tok(i);
    }
  }
  class RepeatsString extends FastPrinter {
    protected override tok(i: number): void {
      super.tok(i);
      if (this.t.kinds[i] === Tok.String) super.tok(i);
    }
  }
  class BreaksAfterEquals extends FastPrinter {
    protected override tok(i: number): void {
      super.tok(i);
      if (this.t.kinds[i] === Tok.Equals) {
        this.room(1);
        this.out[this.len++] = 10;
      }
    }
  }
  class NoSpaces extends FastPrinter {
    protected override put(c: number): void {
      if (c !== 32) super.put(c);
    }
  }

  for (const P of [DropsComma, ExtraComma, GluesStatements, IndentsStatements, NoNewlineInLists, DropsNumber, RepeatsString, BreaksAfterEquals, NoSpaces]) {
    it(`refuse every output the read-back check refuses: ${P.name}`, () => {
      let refused = 0;
      for (const text of texts) {
        for (const layout of LAYOUTS) {
          const r = both(text, layout, P);
          // Sound: what the checks let through, the full check accepts.
          if (r.ok) expect({ text, out: r.out, full: r.full }).toEqual({ text, out: r.out, full: true });
          if (!r.ok) refused++;
        }
      }
      expect(refused).toBeGreaterThan(0);
    });
  }
});
