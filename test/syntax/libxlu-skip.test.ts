/**
 * The first pass's shortcuts must not change a finding (decision 037): libxlu's reader is skipped
 * only when libxluMayReject says it cannot reject the text (then libxluCheck must accept it), and
 * the dialect's token findings skip the checks the lexer's facts rule out (then the findings must be
 * the ones made without facts). Checked on the corpus, the fixtures and many mutated texts.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { S } from './load.js';
import { CORPUS_DIR } from '../shared-dir.js';
import { collectFindings } from '../../src/syntax/dialect-findings.js';
import { libxluMayReject } from '../../src/syntax/dialect.js';
import type { SyntaxTree } from '../../src/syntax/tree.js';

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

/** A small deterministic PRNG (mulberry32), so a failure names a reproducible case. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  const next = rng(37);
  const out = [...base];
  for (let i = 0; i < 6000; i++) out.push(base.length && i % 2 === 0 ? mutate(base[Math.floor(next() * base.length)]!, next) : assemble(next));
  return out;
}

describe('first-pass shortcuts (decision 037)', () => {
  const all = inputs();

  it('skips libxlu only where libxluCheck accepts the text', () => {
    let skipped = 0;
    let ran = 0;
    for (const text of all) {
      // As parse reads a text for xl: lexed as xl, the syntax findings of that parse.
      const { tree, diagnostics } = S.parseTree(text, undefined, false, true);
      if (libxluMayReject(collectFindings(tree), text, diagnostics)) {
        ran++;
        continue;
      }
      skipped++;
      expect({ text, xlu: S.libxluCheck(text) }).toEqual({ text, xlu: null });
    }
    // Both answers must be common, or the check above says little.
    expect(skipped).toBeGreaterThan(500);
    expect(ran).toBeGreaterThan(500);
  });

  it('finds the same token findings with the lexer facts as without', () => {
    for (const text of all) {
      for (const xl of [false, true]) {
        const { tree } = S.parseTree(text, undefined, false, xl);
        expect(tree.tokens.facts).toBeTypeOf('number');
        const unknown: SyntaxTree = { ...tree, tokens: { ...tree.tokens, facts: undefined } };
        expect({ text, xl, findings: collectFindings(tree) }).toEqual({ text, xl, findings: collectFindings(unknown) });
      }
    }
  });

  it('runs libxlu for a form feed, which only libxlu does not skip as a blank', () => {
    const text = 'memory = 512\f\n';
    const { tree, diagnostics } = S.parseTree(text, undefined, false, true);
    expect(diagnostics).toEqual([]);
    expect(libxluMayReject(collectFindings(tree), text, diagnostics)).toBe(true);
    expect(S.libxluCheck(text)).toMatchObject({ offset: 12, kind: 'lexical' });
  });
});
