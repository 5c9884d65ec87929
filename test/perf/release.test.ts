import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseTree, evaluate } from '../../src/syntax/index.js';
import { STREAM_MIN_CHARS } from '../../src/syntax/parse.js';
import type { Setting } from '../../src/syntax/value.js';
import { checkText } from '../../src/check/check.js';
import { validateConfig } from '../../src/schema/index.js';
import { normalize, normalizeWithEffective, effectiveSettings, isUnknownKey } from '../../src/normalize/index.js';
import { CORPUS_DIR } from '../shared-dir.js';

const XL = 'name = "vm"\nmemory = 512\nmemroy = 1\nvif = [ "bridge=br0" ]\nextra += "x"\nextra += "y"\nkey_1 = [ 1, 2 ]\nmaxmem = 256\n';
const XM = 'import os\nname = "vm-%d" % 3\nvcpus = 2 * 2\nif True:\n  memory = 1\ndisk = [ "phy:/dev/vg/a,xvda,w" ]\n';

describe('releasing the tree', () => {
  it('parse with keepTree: false returns no statements and no tokens, and the same settings and findings', () => {
    for (const text of [XL, XM, '', '\ufeffa = 1\n', 'a = (1,\nb = 2\n']) {
      const kept = parse(text, {});
      const released = parse(text, { keepTree: false });
      expect(released.tree.statements).toEqual([]);
      expect(released.tree.tokens.count).toBe(0);
      expect(released.tree.text).toBe(text);
      expect(released.settings).toEqual(kept.settings);
      expect(released.diagnostics).toEqual(kept.diagnostics);
      expect([released.dialect, released.dialectReason]).toEqual([kept.dialect, kept.dialectReason]);
    }
  });

  it('evaluate with consume empties the statements and drops each one as it goes', () => {
    const { tree } = parseTree(XL);
    const statements = tree.statements;
    const n = statements.length;
    const reference = evaluate(parseTree(XL).tree, { dialect: 'xl' });
    const consumed = evaluate(tree, { dialect: 'xl', consume: true });
    expect(tree.statements).toEqual([]);
    // The original array no longer holds the statements: only placeholders are left.
    expect(statements).toHaveLength(n);
    expect(statements.every((s) => s.kind === 'error' && s.span.start === 0 && s.span.end === 0)).toBe(true);
    expect(consumed).toEqual(reference);
  });

  it('checkText with keepTree: false gives the same result but the tree and unknown keys’ spans', () => {
    for (const text of [XL, XM, big((i) => `key_${i} = [ ${i}, "s" ]\nmemroy_${i % 3} = 1\nname = "a"\n`)]) {
      const kept = checkText(text);
      const released = checkText(text, { keepTree: false });
      expect(released.tree.statements).toEqual([]);
      expect(kept.tree.statements.length).toBeGreaterThan(0);
      const { tree: _a, spans: spansKept, settings: settingsKept, ...restKept } = kept;
      const { tree: _b, spans: spansReleased, settings: settingsReleased, ...restReleased } = released;
      expect(restReleased).toEqual(restKept);
      // In xl the lean result keeps no settings of unknown keys (they are reported as they come).
      const expected = kept.dialect === 'xl' ? settingsKept.filter((s) => !isUnknownKey(s.key)) : settingsKept;
      expect(settingsReleased).toEqual(expected);
      expect(settingsReleased.length < settingsKept.length).toBe(text !== XM);
      // The lean result has the spans of every known field, none of the unknown keys'.
      const unknown = new Set(kept.diagnostics.filter((d) => d.code === 'XM0101').map((d) => '/' + text.slice(d.span.start, d.span.end)));
      expect(unknown.size > 0).toBe(text !== XM);
      expect(spansReleased).toEqual(new Map([...spansKept].filter(([p]) => !unknown.has(p))));
    }
  });
});

/** Repeat `unit` (numbering its keys) until the text is big enough to be parsed streaming. */
function big(unit: (i: number) => string, tail = ''): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < STREAM_MIN_CHARS + 1000; i++) {
    const u = unit(i);
    parts.push(u);
    n += u.length;
  }
  return parts.join('') + tail;
}

function corpusText(): string {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
  const all = files(CORPUS_DIR).map((f) => readFileSync(f, 'utf8'));
  return big((i) => all[i % all.length]! + '\n');
}

describe('streaming parse (keepTree: false on big texts)', () => {
  const xlUnit = (i: number) =>
    `key_${i} = ${i}; key_${i}b = 's${i}'\n# c ${i}\nlist_${i} = [ ${i}, 0x1f,\n  "x\\ty", ]\nextra += "${i}"\nname = "vm${i % 7}"\nmemory = ${i % 3 === 0 ? '"bad"' : 512}\nbad_${i} = [ 1,\nnext_${i} = 2\n`;
  // [what, text, the dialect 'auto' picks]: xl ones stream all the way, xm ones fall back midway.
  const cases: [string, string, string][] = [
    ['xl', big(xlUnit), 'xl'],
    ['xl with a final comment', big(xlUnit, '# no newline'), 'xm'],
    ['xl, then an xm statement midway', big((i) => (i === 300 ? 'import os\nif x:\n  a = 1\n' : xlUnit(i))), 'xm'],
    ['xl, then an xm token at the end', big(xlUnit, 'z = 1 + \\\n 2\n'), 'xm'],
    ['xm from the start', big((i) => (i === 0 ? 'import os\n' : '') + `v_${i} = ${i} * 2\nw_${i} = "a" "b"\nt_${i} = 1, 2\n`), 'xm'],
    ['the sample corpus, repeated', corpusText(), 'xm'],
  ];
  for (const [what, text, auto] of cases) {
    it(`${what}: same settings, findings and dialect as the whole-tree parse`, () => {
      expect(text.length).toBeGreaterThanOrEqual(STREAM_MIN_CHARS);
      for (const dialect of ['auto', 'xl', 'xm'] as const) {
        const kept = parse(text, { dialect, defines: { x: 1 } });
        const streamed = parse(text, { dialect, defines: { x: 1 }, keepTree: false });
        expect(streamed.tree.statements).toEqual([]);
        expect(streamed.dialect).toBe(kept.dialect);
        expect(streamed.dialectReason).toBe(kept.dialectReason);
        expect(streamed.diagnostics).toEqual(kept.diagnostics);
        expect(streamed.settings).toEqual(kept.settings);
        if (dialect === 'auto') expect(streamed.dialect).toBe(auto);
      }
    });
  }
  for (const [what, text] of cases.slice(0, 4)) {
    it(`${what}: the lean check (unknown keys' settings diverted) has the same findings as the full one`, () => {
      const kept = checkText(text);
      const lean = checkText(text, { keepTree: false });
      expect(lean.dialect).toBe(kept.dialect);
      expect(lean.diagnostics).toEqual(kept.diagnostics);
      expect(lean.diagnostics.some((d) => d.code === 'XM0201')).toBe(true);
      expect(lean.config).toEqual(kept.config);
    });
  }
});

describe('unknown keys in the lean check', () => {
  it('Object.prototype names, folded NUMA keys and repeated unknown keys get the same findings as the full check', () => {
    const text = 'name = "a"\ntoString = 1\nconstructor = [ 1 ]\nnumanodes = 2\nzz = 1\nzz = 2\nzz += 3\nmemroy = 1\nnuma = on\n';
    // xl (chosen: `toString` alone makes auto pick xm, which diverts nothing) and auto.
    for (const dialect of ['xl', 'auto'] as const) {
      const kept = checkText(text, { dialect });
      const lean = checkText(text, { dialect, keepTree: false });
      expect(lean.dialect).toBe(dialect === 'xl' ? 'xl' : 'xm');
      expect(lean.diagnostics).toEqual(kept.diagnostics);
      expect(lean.diagnostics.some((d) => d.code === 'XM0201' && text.slice(d.span.start, d.span.end) === 'zz')).toBe(true);
      const keys = kept.settings.map((s) => s.key);
      expect(lean.settings.map((s) => s.key)).toEqual(lean.dialect === 'xl' ? keys.filter((k) => !isUnknownKey(k)) : keys);
    }
    expect(['toString', 'constructor', 'numanodes', 'numa', 'name'].some(isUnknownKey)).toBe(false);
    expect(['zz', 'memroy'].every(isUnknownKey)).toBe(true);
  });
});

describe('diverting settings (ParseOptions.divert)', () => {
  /** A sink taking the settings of keys starting with `k`, counting resets. */
  const sink = () => {
    const taken: Setting[] = [];
    let resets = 0;
    return {
      taken,
      resets: () => resets,
      take: (s: Setting) => s.key.startsWith('k') && taken.push(s) > 0,
      reset: () => {
        taken.length = 0;
        resets++;
      },
    };
  };
  it('xl: taken settings are left out of `settings`, in order, the others kept as they were', () => {
    const text = 'k1 = [ 1 ]\nname = "a"\nk2 = [ 1 ]\nk1 += [ 2 ]\n';
    const all = parse(text, {}).settings;
    const s = sink();
    const r = parse(text, { divert: s });
    expect(r.settings).toEqual(all.filter((x) => !x.key.startsWith('k')));
    expect(s.taken).toEqual(all.filter((x) => x.key.startsWith('k')));
    // `+=` still joins the earlier value of a diverted key.
    expect(s.taken).toHaveLength(3);
    expect(s.taken[2]!.value).toMatchObject({ kind: 'list', items: [{ text: '1' }, { text: '2' }] });
    expect(r.diagnostics).toEqual(parse(text, {}).diagnostics);
  });
  it('xm: nothing is diverted', () => {
    const s = sink();
    const r = parse('k = 1\nimport os\n', { divert: s });
    expect(r.dialect).toBe('xm');
    expect(r.settings.map((x) => x.key)).toEqual(['k']);
    expect(s.taken).toEqual([]);
  });
  it('a streamed auto parse that turns out xm resets the sink before parsing again', () => {
    const text = big((i) => (i === 300 ? 'import os\n' : `k_${i} = ${i}\n`));
    const s = sink();
    const r = parse(text, { keepTree: false, divert: s });
    expect(r.dialect).toBe('xm');
    expect(s.resets()).toBe(1);
    expect(s.taken).toEqual([]);
    expect(r.settings).toEqual(parse(text, {}).settings);
  });
});

describe('unknown keys without Ajv', () => {
  const spans = new Map([
    ['/zeta', { key: { start: 0, end: 4 }, value: { start: 7, end: 8 } }],
    ['/memroy', { key: { start: 10, end: 16 }, value: { start: 19, end: 20 } }],
    ['/memory', { key: { start: 30, end: 36 }, value: { start: 39, end: 41 } }],
  ]);
  it('reports the missing name first, then unknown keys in key order, then the other findings', () => {
    const diags = validateConfig({ zeta: 1, memroy: 2, memory: 'x' }, spans);
    expect(diags.map((d) => [d.code, d.span])).toEqual([
      ['XM0105', { start: 0, end: 0 }],
      ['XM0101', { start: 0, end: 4 }],
      ['XM0101', { start: 10, end: 16 }],
      ['XM0102', { start: 39, end: 41 }],
    ]);
    expect(diags[2]!.fixes?.[0]?.edits[0]).toEqual({ span: { start: 10, end: 16 }, text: 'memory' });
  });
  it('unknown keys come first when nothing else is wrong, and a valid config has no findings', () => {
    expect(validateConfig({ name: 'a', zeta: 1 }, spans).map((d) => d.code)).toEqual(['XM0101']);
    expect(validateConfig({ name: 'a', memory: 512 }, spans)).toEqual([]);
  });
  it('250,000 unknown keys are all reported, each at its key', () => {
    const config: Record<string, unknown> = { name: 'big' };
    const big = new Map<string, { key: { start: number; end: number }; value: { start: number; end: number } }>();
    for (let i = 0; i < 250_000; i++) {
      config[`key_${i}`] = i;
      big.set(`/key_${i}`, { key: { start: i * 10, end: i * 10 + 5 }, value: { start: i * 10 + 8, end: i * 10 + 9 } });
    }
    const diags = validateConfig(config, big);
    expect(diags).toHaveLength(250_000);
    expect(diags[123_456]).toMatchObject({ code: 'XM0101', span: { start: 1_234_560, end: 1_234_565 } });
  });
});

describe('one map of every key', () => {
  it('normalizeWithEffective returns normalize’s result and the effective settings the rules need', () => {
    const text = XL + 'memory = 1024\nmemory += 1\nkey_1 = 2\n';
    const { settings } = parse(text, {});
    const plain = normalize(settings, { dialect: 'xl' });
    const { effective, unknown, rejected, ...rest } = normalizeWithEffective(settings, { dialect: 'xl' });
    expect(rest).toEqual(plain);
    expect(unknown).toEqual([]);
    // `memory += 1` is refused (XM0109): memory is written, its value unknown.
    expect(rejected).toEqual(['memory']);
    // skipUnknown: the same but for the unknown keys, whose effective settings are listed instead.
    const lean = normalizeWithEffective(settings, { dialect: 'xl', skipUnknown: true });
    expect(lean.unknown.map((s) => s.key)).toEqual(['memroy', 'key_1']);
    expect(lean.unknown.every((s) => effective.get(s.key) === s)).toBe(true);
    expect(Object.keys(lean.config)).toEqual(Object.keys(plain.config).filter((k) => !['memroy', 'key_1'].includes(k)));
    expect(lean.diagnostics).toEqual(plain.diagnostics);
    expect(Object.keys(plain)).toEqual(['config', 'spans', 'diagnostics']);
    expect([...effective]).toEqual([...effectiveSettings(settings)]);
    // XM0201 at each repeated `=` (not `+=`), related to the key's first setting.
    const dup = plain.diagnostics.filter((d) => d.code === 'XM0201').map((d) => [d.span.start, d.related?.[0]?.span.start]);
    expect(dup).toEqual([
      [XL.length, XL.indexOf('memory')],
      [text.lastIndexOf('key_1'), XL.indexOf('key_1')],
    ]);
  });
});
