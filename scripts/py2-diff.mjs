#!/usr/bin/env node
/**
 * Differential audit of xm evaluation against the real Python 2.7 (xm's reader: create.py's
 * execfile). For each input (xm-looking files of the corpus and fixtures/, plus generated cases of
 * scripts/py2-cases.mjs) it runs Python 2 (scripts/py2-exec.py) and `parse(text, {dialect: 'xm'})`
 * of dist/index.mjs, and prints every value that differs and every input one side accepts and the
 * other refuses. A dev tool, not part of `npm test` (CI machines may lack Python 2).
 *
 *   npm run build && node scripts/py2-diff.mjs [--python CMD] [--only files|cases] [--verbose]
 *
 * Python 2 is `python` with PYENV_VERSION=2.7.18 unless --python names another interpreter.
 * Exit status: 0 when nothing differs, 1 when something does, 2 when Python 2 cannot be run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from './py2-cases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parse, check } = await import(join(root, 'dist/index.mjs'));
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const python = opt('--python') ?? 'python';
const only = opt('--only');
const verbose = args.includes('--verbose');
const corpus = process.env.XMCFG_CORPUS ?? '/work/shared/corpus';

/**
 * Codes by which xmcfg refuses, on purpose, what Python 2 would run (docs/xm-python2.md); XM0003:
 * xmcfg's own nesting limit, 40 levels of what only the grammar reads (decision 048); XM0115: `is`
 * of equal values whose identity CPython decides as it builds them, XM0116: a builtin function or
 * class read as a value (decision 089).
 */
const DELIBERATE = new Set(['XM0003', 'XM0020', 'XM0051', 'XM0052', 'XM0055', 'XM0056', 'XM0057', 'XM0058', 'XM0063', 'XM0115', 'XM0116']);
/** Python exception → the xmcfg codes that stand for it. */
const RUNTIME = {
  // `vif.default = 1`: Python looks `vif` up first; xmcfg refuses the dotted key itself (XM0531).
  NameError: ['XM0050', 'XM0531'],
  TypeError: ['XM0053', 'XM0059'],
  // A malformed `\x` escape is a ValueError Python 2 raises while compiling.
  ValueError: ['XM0053', 'XM0059', 'XM0062'],
  ZeroDivisionError: ['XM0054'],
  // `'abc'[5]`; an index of 2^53 or more is xmcfg's own limit first (XM0055).
  IndexError: ['XM0112', 'XM0055'],
  // A non-ASCII byte string joined to a unicode one.
  UnicodeDecodeError: ['XM0053', 'XM0059'],
  // `"%c" % 256` is an OverflowError, a formatting failure to xmcfg.
  OverflowError: ['XM0055', 'XM0059'],
};
/**
 * Python 2's parser stack overflowing ("s_push: parser stack overflow", a MemoryError with no line
 * of the file): XM0022, or xmcfg's own nesting limit where it comes first (XM0003, decision 048).
 */
const STACK_OVERFLOW = ['XM0022', 'XM0003'];
const SYNTAX = new Set(['SyntaxError', 'IndentationError', 'TabError']);
/** xmcfg codes of a text Python 2 cannot compile (syntax and dialect rules, escapes). */
const isSyntaxCode = (c) => (Number(c.slice(2)) < 50 && c !== 'XM0020' && c !== 'XM0021') || c.startsWith('XM05') || c === 'XM0062' || c === 'XM0064' || c === 'XM0065' || c === 'XM0066';

// ------------------------------------------------------------------ inputs

const SKIP = /\.(md|tsv|xml|json|out|txt|html)$/;
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (!SKIP.test(name)) out.push(p);
  }
  return out;
}

/** xm-looking: in an xm folder, named xm, or read as xm by `--dialect auto`. */
function xmLooking(path, text) {
  if (/xm/i.test(relative(corpus, path)) || /xm/i.test(relative(root, path))) return true;
  return parse(text).dialect === 'xm';
}

const inputs = [];
if (only !== 'cases') {
  for (const dir of [join(corpus, 'xen-examples'), join(corpus, 'libvirt/xmconfigdata'), join(root, 'fixtures')]) {
    for (const path of walk(dir)) {
      const text = readFileSync(path, 'latin1');
      if (text.includes('\0') || !xmLooking(path, text)) continue;
      // Given as bytes, decoded as the CLI does (UTF-8, or the encoding the file declares); Python reads the same bytes.
      inputs.push({ id: relative(root, path).startsWith('..') ? relative(corpus, path) : relative(root, path), path, text: readFileSync(path), defines: { vmid: 1 } });
    }
  }
}
const tmp = mkdtempSync(join(tmpdir(), 'py2-diff-'));
if (only !== 'files') {
  CASES.forEach((c, k) => {
    const path = join(tmp, `case${k}.py`);
    // A case is a text (written as UTF-8), or { latin1 } whose characters are the file's bytes, given to parse as bytes.
    const text = typeof c === 'string' ? c : Buffer.from(c.latin1, 'latin1');
    writeFileSync(path, text);
    inputs.push({ id: `case ${k}: ${JSON.stringify(typeof c === 'string' ? c : c.latin1)}`, path, text, defines: {} });
  });
}

// ------------------------------------------------------------------ Python 2

const py = spawnSync(python, [join(root, 'scripts/py2-exec.py')], {
  input: JSON.stringify(inputs.map((i) => ({ id: i.id, path: i.path, defines: i.defines }))),
  env: { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? '2.7.18' },
  maxBuffer: 1 << 28,
  timeout: 300_000,
});
rmSync(tmp, { recursive: true, force: true });
if (py.status !== 0) {
  process.stderr.write(`py2-diff: cannot run Python 2 (${python}): ${py.error?.message ?? py.stderr.toString()}\n`);
  process.exit(2);
}
const results = new Map(JSON.parse(py.stdout.toString()).map((r) => [r.id, r]));

// ------------------------------------------------------------------ compare

/** A JS string as Python 2 would hold the same text in a byte string (source bytes are UTF-8). */
const asBytes = (s) => Buffer.from(s, 'utf8').toString('latin1');

/** Why an xmcfg value is not the Python value, or null when they agree. */
function differ(p, v) {
  const show = () => `python ${JSON.stringify(p)}, xmcfg ${JSON.stringify(strip(v))}`;
  switch (p.t) {
    case 'int':
    case 'long':
      if (v.kind !== 'number' || v.pyType !== p.t || v.value === null || BigInt(v.value) !== BigInt(p.v)) return show();
      return null;
    case 'float':
      if (v.kind !== 'number' || v.pyType !== 'float' || !Object.is(v.value, Number(p.v))) return show();
      return null;
    case 'str':
    case 'unicode':
      if (v.kind !== 'string' || (v.unicode === true) !== (p.t === 'unicode')) return show();
      // A byte string's non-ASCII source characters are their UTF-8 bytes in Python 2 (`utf8`); other
      // byte strings hold one character per byte (escapes, or a file of a declared single-byte encoding).
      if (v.value !== p.v && (p.t === 'unicode' || v.utf8 !== true || asBytes(v.value) !== p.v)) return show();
      // A wide build's code points: JSON gives u'\U00010000' and u'\ud800\udc00' the same text;
      // xmcfg marks the surrogate pairs that are two code points (StringValue.split).
      if (p.t === 'unicode' && p.n !== undefined && [...v.value].length + (v.split?.length ?? 0) !== p.n) return `${show()}; python ${p.n} code points`;
      return null;
    case 'bool':
      return v.kind === 'bool' && v.value === p.v ? null : show();
    case 'None':
      return v.kind === 'none' ? null : show();
    case 'list':
    case 'tuple': {
      if (v.kind !== 'list' || v.tuple !== (p.t === 'tuple') || v.items.length !== p.v.length) return show();
      for (let k = 0; k < p.v.length; k++) if (differ(p.v[k], v.items[k]) !== null) return show();
      return null;
    }
    default:
      return show();
  }
}

/** A value without spans, for printing. */
function strip(v) {
  if (v.kind === 'list') return { [v.tuple ? 'tuple' : 'list']: v.items.map(strip) };
  if (v.kind === 'number') return { [v.pyType ?? 'number']: v.text };
  if (v.kind === 'string') return v.split ? { unicode: v.value, split: v.split } : { [v.unicode ? 'unicode' : 'str']: v.value };
  if (v.kind === 'word' || v.kind === 'bool') return { [v.kind]: v.value };
  return { [v.kind]: null };
}

const diffs = [];
const counts = { inputs: inputs.length, files: 0, cases: 0, bothAccept: 0, bothRefuse: 0, deliberate: 0, valuesCompared: 0 };
for (const input of inputs) {
  if (input.id.startsWith('case ')) counts.cases++;
  else counts.files++;
  const p = results.get(input.id);
  const r = parse(input.text, { dialect: 'xm', defines: input.defines });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const say = (kind, detail) => diffs.push({ id: input.id, kind, detail });
  const syntaxErrors = errors.filter((d) => isSyntaxCode(d.code));
  if (!p.ok) {
    // `numa = on`, the NUMA RFC's spelling: read as "on" on purpose (XM0520), a NameError to Python.
    if (errors.length === 0 && p.error === 'NameError' && r.diagnostics.some((d) => d.code === 'XM0520' && d.line === p.line)) {
      counts.deliberate++;
      continue;
    }
    // Another bare word for numa (`numa = On`, decision 069): parse keeps the word, check refuses it
    // (XM0301) on Python's line, so xmcfg refuses the file too, one stage later.
    if (errors.length === 0 && p.error === 'NameError' && check(input.text, { dialect: 'xm', defines: input.defines }).diagnostics.some((d) => d.code === 'XM0301' && d.severity === 'error' && d.line === p.line)) {
      counts.bothRefuse++;
      continue;
    }
    if (errors.length === 0) {
      say('python-refuses', `${p.error} line ${p.line}: ${p.message}`);
      continue;
    }
    counts.bothRefuse++;
    // Python's parser stack overflowed: nothing of the file ran, and xmcfg may first refuse a value
    // before the overflowing token (XM0052, XM0058): what matters is that it finds the overflow.
    if (p.error === 'MemoryError' && p.line === null) {
      if (!errors.some((d) => STACK_OVERFLOW.includes(d.code))) say('error-kind', `python MemoryError, xmcfg ${errors[0].code} line ${errors[0].line}`);
      continue;
    }
    if (SYNTAX.has(p.error)) {
      const first = syntaxErrors[0] ?? errors[0];
      // Joining a non-ASCII byte literal to a u'' literal fails while compiling ("(unicode error)").
      const decode = first.code === 'XM0053' && p.message.includes('unicode error');
      // An unclosed bracket or triple-quoted string: Python notices at the end of the file, xmcfg points at the opening.
      const bracket = first.code === 'XM0013' || (first.code === 'XM0002' && p.message.includes('triple-quoted'));
      // A header with no indented block: Python notices at the next line (or the end), xmcfg points at the colon.
      const header = first.code === 'XM0066' && first.message.includes('expected an indented block');
      if (decode || ((bracket || header) && first.line <= p.line)) continue;
      // An IndentationError is the tokenizer's or the parser's, before anything runs: xmcfg must
      // say so with a syntax code, not only refuse a block on purpose (XM0020).
      if (syntaxErrors.length === 0 && (p.error === 'IndentationError' || !DELIBERATE.has(first.code))) say('error-kind', `python ${p.error} line ${p.line}, xmcfg ${first.code} line ${first.line}`);
      else if (first.line !== p.line && syntaxErrors.length > 0) say('error-line', `python ${p.error} line ${p.line}, xmcfg ${first.code} line ${first.line}`);
    } else {
      const first = errors[0];
      const want = RUNTIME[p.error] ?? [];
      if (want.includes(first.code) && first.line !== p.line && p.line !== null) say('error-line', `python ${p.error} line ${p.line}, xmcfg ${first.code} line ${first.line}`);
      else if (want.includes(first.code)) continue;
      else if (syntaxErrors.length > 0) say('error-kind', `python ${p.error} line ${p.line}, xmcfg ${syntaxErrors[0].code} line ${syntaxErrors[0].line}`);
      else if (!want.includes(first.code) && !DELIBERATE.has(first.code)) say('error-kind', `python ${p.error} line ${p.line}: ${p.message}; xmcfg ${first.code} line ${first.line}`);
      else if (first.line !== p.line && !DELIBERATE.has(first.code)) say('error-line', `python ${p.error} line ${p.line}, xmcfg ${first.code} line ${first.line}`);
    }
    continue;
  }
  const refusal = errors.find((d) => !DELIBERATE.has(d.code));
  if (refusal !== undefined) say('xmcfg-refuses', `${refusal.code} line ${refusal.line}: ${refusal.message}`);
  else if (errors.length > 0) {
    counts.deliberate++;
    if (verbose) console.log(`deliberate      ${input.id}\n                ${errors.map((d) => `${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`).join(', ')}`);
  }
  else counts.bothAccept++;
  // Values: the last setting of each key against the name Python left behind.
  const last = new Map();
  for (const s of r.settings) last.set(s.key, s.value);
  // A name a statement xmcfg refuses binds again (XM0020: `x -= 1`, `a, b = ...`; a failed `+=`):
  // its value is unknown to xmcfg (check treats it so), not a wrong value.
  const lines = (typeof input.text === 'string' ? input.text : input.text.toString('latin1')).split(/\r\n|\r|\n/);
  const blockRefused = errors.some((d) => d.code === 'XM0020' && /:\s*(#.*)?$/.test(lines[d.line - 1] ?? ''));
  const assignedInBlock = (name) => lines.some((l) => new RegExp(`^\\s+${name.replace(/[.$]/g, '\\$&')}\\s*[-+*/%&|^<>]*=(?!=)`).test(l));
  const rebound = (name) =>
    errors.some((d) => new RegExp(`^[^=#]*\\b${name.replace(/[.$]/g, '\\$&')}\\b[^=#]*(?:[-+*/%&|^<>]|\\*\\*|//)?=(?!=)`).test(lines[d.line - 1] ?? ''));
  for (const [name, pv] of Object.entries(p.values)) {
    // Modules, functions; `__doc__` of a docstring (xmcfg: XM0021, no option of xm's).
    if (pv.t === 'other' || name.startsWith('__')) continue;
    const v = last.get(name);
    if (v === undefined) {
      if (errors.length === 0) say('missing', `${name}: python ${JSON.stringify(pv)}, xmcfg has no value`);
      continue;
    }
    if (errors.length > 0 && rebound(name)) continue;
    // A block xmcfg does not run (XM0020 at `if x:`/`for ...:`) may assign the name, or extend a list it holds.
    if (blockRefused && ((pv.t === 'list' && lines.some((l) => /^\s+\S.*\+=/.test(l))) || assignedInBlock(name))) continue;
    counts.valuesCompared++;
    const why = differ(pv, v);
    if (why !== null) say('value', `${name}: ${why}`);
  }
  if (errors.length === 0) for (const name of last.keys()) if (!(name in p.values)) say('extra', `${name}: xmcfg ${JSON.stringify(strip(last.get(name)))}, python has no such name`);
}

for (const d of diffs) console.log(`${d.kind.padEnd(15)} ${d.id}\n                ${d.detail}`);
if (verbose) console.log(JSON.stringify(counts));
const byKind = {};
for (const d of diffs) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
console.log(`py2-diff: ${counts.files} files and ${counts.cases} cases; both accept ${counts.bothAccept}, xmcfg refuses on purpose ${counts.deliberate}, both refuse ${counts.bothRefuse}; ${counts.valuesCompared} values compared; ${diffs.length} differences ${JSON.stringify(byKind)}`);
process.exit(diffs.length === 0 ? 0 : 1);
