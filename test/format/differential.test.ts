/**
 * @fileoverview fmt's contract, differentially, over every file of the shared corpus (read in place)
 * in each dialect (xl, xm, auto) and over layout variants of each file made here: CRLF line ends, a
 * byte-order mark, tabs around `=`, a comment after every statement line, a `\` continuation after
 * `=`, and all of them at once. For each text and dialect, fmt either refuses and leaves the text
 * alone, or its output is a fixed point (fmt(fmt(x)) == fmt(x) with the same dialect option), and
 * the output read in the dialect fmt used has the input's normalised config, the same comments,
 * and the same findings on the same statements, but the layout ones (layout-codes.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { corpusFiles } from './corpus.js';
import { comments, findings } from './layout-codes.js';
import { layoutVariants } from './layout-variants.js';
import { xmCases } from '../convert/xm-generator.js';

const files = corpusFiles();
const DIALECTS = ['xl', 'xm', 'auto'] as const;

/** One row's failures as readable strings (empty: the contract holds). */
function contract(text: string, dialect: (typeof DIALECTS)[number]): string[] {
  const once = formatText(text, { dialect });
  if (once.refused) return once.text === text && !once.changed ? [] : ['refused but changed the text'];
  const out: string[] = [];
  const d = once.dialect;
  const twice = formatText(once.text, { dialect });
  if (twice.text !== once.text) out.push(`not idempotent${twice.refused ? ` (second run refused: ${twice.refused})` : ''}`);
  if (JSON.stringify(checkText(once.text, { dialect: d }).config) !== JSON.stringify(checkText(text, { dialect: d }).config)) out.push('normalised config changed');
  const [fa, fb] = [findings(once.text, d), findings(text, d)];
  if (JSON.stringify(fa) !== JSON.stringify(fb)) out.push(`findings changed: ${fb.join(' ')} -> ${fa.join(' ')}`);
  if (JSON.stringify(comments(once.text, d)) !== JSON.stringify(comments(text, d))) out.push('comments changed');
  return out;
}

describe('fmt, differentially, over the corpus in every dialect and its layout variants', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  const inputs = [...files.map((f) => [f.path, f.text] as const), ...xmCases().map((c) => [`generated ${c.name}`, c.text] as const)];
  for (const dialect of DIALECTS) {
    it.each(inputs)(`${dialect}: %s`, (_path, text) => {
      const failures: string[] = [];
      for (const [name, variant] of [['as is', text] as const, ...layoutVariants(text)]) {
        for (const f of contract(variant, dialect)) failures.push(`${name}: ${f}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
