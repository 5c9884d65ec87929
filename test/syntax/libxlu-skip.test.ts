/**
 * The first pass's shortcuts must not change a finding (decision 037): libxlu's reader is skipped
 * only when libxluMayReject says it cannot reject the text (then libxluCheck must accept it), and
 * the dialect's token findings skip the checks the lexer's facts rule out (then the findings must be
 * the ones made without facts). Checked on the corpus, the fixtures and many mutated texts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { S } from './load.js';
import { CORPUS_DIR } from '../shared-dir.js';
import { mulberry32 } from '../../scripts/seeded-random.mjs';
import { collectFindings, type Finding } from '../../src/syntax/dialect-findings.js';
import { libxluMayReject } from '../../src/syntax/dialect.js';
import type { SyntaxTree } from '../../src/syntax/tree.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Every file under `dir` (recursively), as text. */
function texts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...texts(p));
    else if (statSync(p).size < 200_000) out.push(readFileSync(p, 'latin1'));
  }
  return out;
}

/** Characters and snippets where the two readers could differ: blanks, quotes, escapes, number and key spellings. */
const PIECES = ['\f', '\v', '\r', '\r\n', '\n', '\\', '\\\n', '"', "'", '"""', '#', '# c', '[', ']', ',', ';', '=', '+=', '+', '-', '.', 'x', 'X', 'L', 'e', '0', '08', '0x1f', '0X1F', '1.5', 'A', '_', ' ', '\t', '(', ')', '{', 'é', '\0', '\ufeff', '\\x', '\\0', '\\12', 'r', 'u', 'on', 'if', 'None', 'numa = on\n', 'a = 1\n', 'b = "s"\n', "c = [ 'x', 2,\n 3 ]\n", 'd += "t"\n', 'k.e_y = 0\n'];

/** `text` with a few random insertions, deletions and repeats. */
function mutate(text: string, next: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (t.length + 1));
    const r = next();
    if (r < 0.6) t = t.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + t.slice(at);
    else if (r < 0.85) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 3));
    else t = t.slice(0, at) + t.slice(at, at + 8) + t.slice(at);
  }
  return t;
}

/** Texts built from the snippets alone: mostly what libxlu accepts, with a stray piece now and then. */
function assemble(next: () => number): string {
  let t = '';
  const n = 1 + Math.floor(next() * 8);
  for (let i = 0; i < n; i++) t += PIECES[PIECES.length - 6 + Math.floor(next() * 6)]!;
  return next() < 0.5 ? mutate(t, next) : t;
}

const base = [...texts(CORPUS_DIR), ...texts(join(import.meta.dirname, '..', '..', 'fixtures'))];

/** The inputs: the files, then mutated and assembled texts. */
function inputs(): string[] {
  // Seeded, so a failure names a reproducible case.
  const next = mulberry32(37);
  const out = [...base];
  for (let i = 0; i < 6000; i++) out.push(base.length && i % 2 === 0 ? mutate(base[Math.floor(next() * base.length)]!, next) : assemble(next));
  return out;
}

/** What the token findings of one reading are: with the lexer's facts, the facts, and without them. */
interface TokenFindings {
  findings: Finding[];
  facts: number | undefined;
  without: Finding[];
}

/** One input read as parse reads it, once per dialect. */
interface Reading {
  text: string;
  /** Read for xl: the syntax findings of that parse, and the token findings. */
  xl: TokenFindings & { diagnostics: readonly Diagnostic[] };
  /** Read for xm: the token findings. */
  xm: TokenFindings;
}

/** The token findings of `tree` with the facts its lexer recorded and as a stream without facts. */
function tokenFindings(tree: SyntaxTree): TokenFindings {
  return { findings: collectFindings(tree), facts: tree.tokens.facts, without: collectFindings({ ...tree, tokens: { ...tree.tokens, facts: undefined } }) };
}

/** Every input parsed once for each dialect; only what the tests compare is kept, not the trees. */
function readAll(): Reading[] {
  return inputs().map((text) => {
    // As parse reads a text for xl: lexed as xl, the syntax findings of that parse.
    const xl = S.parseTree(text, undefined, false, true);
    const xm = S.parseTree(text, undefined, false, false);
    return { text, xl: { ...tokenFindings(xl.tree), diagnostics: xl.diagnostics }, xm: tokenFindings(xm.tree) };
  });
}

/** At most this many failing inputs are shown (all are counted): one names a reproducible case. */
const SHOWN = 3;

describe('first-pass shortcuts (decision 037)', () => {
  describe('on the corpus, the fixtures and 6,000 mutated texts', () => {
    // Parsing is nearly all of this file's time: each input is read once per dialect, for both tests,
    // in a hook (its time limit is the hooks', not one test's).
    let readings: Reading[] = [];
    beforeAll(() => {
      readings = readAll();
    });

    // One assertion per test over all inputs rather than one per input: the checks are the same, and
    // tens of thousands of expect() calls cost more than the comparisons themselves.
    it('skips libxlu only where libxluCheck accepts the text', () => {
      let skipped = 0;
      let ran = 0;
      const accepted: { text: string; xlu: unknown }[] = [];
      for (const { text, xl } of readings) {
        if (libxluMayReject(xl.findings, text, xl.diagnostics)) {
          ran++;
          continue;
        }
        skipped++;
        const xlu = S.libxluCheck(text);
        if (xlu !== null) accepted.push({ text, xlu });
      }
      expect({ rejected: accepted.length, first: accepted.slice(0, SHOWN) }).toEqual({ rejected: 0, first: [] });
      // Both answers must be common, or the check above says little.
      expect(skipped).toBeGreaterThan(500);
      expect(ran).toBeGreaterThan(500);
    });

    it('finds the same token findings with the lexer facts as without', () => {
      const differ: { text: string; xl: boolean; facts: unknown; findings: Finding[]; without: Finding[] }[] = [];
      for (const r of readings) {
        for (const xl of [false, true]) {
          const { facts, findings, without } = xl ? r.xl : r.xm;
          if (typeof facts !== 'number' || !isDeepStrictEqual(findings, without)) differ.push({ text: r.text, xl, facts, findings, without });
        }
      }
      expect({ differ: differ.length, first: differ.slice(0, SHOWN) }).toEqual({ differ: 0, first: [] });
    });
  });

  it('runs libxlu for a form feed, which only libxlu does not skip as a blank', () => {
    const text = 'memory = 512\f\n';
    const { tree, diagnostics } = S.parseTree(text, undefined, false, true);
    expect(diagnostics).toEqual([]);
    expect(libxluMayReject(collectFindings(tree), text, diagnostics)).toBe(true);
    expect(S.libxluCheck(text)).toMatchObject({ offset: 12, kind: 'lexical' });
  });
});
