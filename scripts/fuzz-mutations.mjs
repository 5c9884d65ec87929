// Mutations of real config files for scripts/fuzz.mjs: byte-level (random bytes, NUL, CR, lone
// surrogates in UTF-8 form, invalid UTF-8, BOMs), line-level (delete, duplicate, swap, splice with
// another file) and token-level (long lines, numbers and strings, deep nesting, unterminated
// strings and triple quotes, `\` at EOF, tabs against spaces in xm blocks). Every choice comes from
// the seeded generator, so one (seed, index) pair always makes the same input.

import { mulberry32 } from './seeded-random.mjs';

/** A small fast PRNG (mulberry32) with helpers: the same seed gives the same stream on every machine. */
export function rng(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (arr) => arr[int(arr.length)], chance: (p) => next() < p };
}

/** The seed of input `index` of run `seed` (each input is reproducible on its own; no two runs share inputs). */
export function inputSeed(seed, index) {
  // Each number is mixed on its own before they meet: `seed ^ index` made seed 1's input 92 seed 2's input 95.
  return mix((mix(seed >>> 0) + Math.imul(index >>> 0, 0x9e3779b1)) >>> 0);
}

/** murmur3's 32-bit finaliser: every input bit changes about half the output bits. */
function mix(h) {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const enc = (s) => Buffer.from(s, 'utf8');
const B = (...bytes) => Buffer.from(bytes);

/** Byte sequences that trouble decoders and lexers. */
const SPECIAL_BYTES = [
  B(0), B(13), B(13, 10), B(10, 13), B(9), B(12), B(11), B(0x1a), B(0x7f),
  B(0xed, 0xa0, 0x80), B(0xed, 0xb0, 0x80), B(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80), // lone and paired surrogates, UTF-8 form
  B(0xc3), B(0xff), B(0x80), B(0xf0, 0x9f, 0x98), B(0xc0, 0xaf), B(0xf4, 0x90, 0x80, 0x80), B(0xfe, 0xff),
  B(0xef, 0xbb, 0xbf), B(0xff, 0xfe), B(0xfe, 0xff, 0, 0x6d),
  enc('\u00e9'), enc('\u2028'), enc('\u0085'), enc('\ud83d\ude00'), enc('\u00a0'), enc('\ufeff'), enc('\u200b'),
];

/** Tokens of both dialects, and of Python that xm read. */
const TOKENS = [
  '=', '+=', '-=', ',', '[', ']', '(', ')', '{', '}', ':', ';', ';;', '.', '%', '*', '**', '+', '-', '/', '//', '<>', '==', '`',
  '"', "'", '"""', "'''", 'u"', 'r"', 'b"', 'ur"', '\\', '\\\n', '#', '# -*- coding: latin-1 -*-\n', '\n', '\r\n', '\r', ' ', '\t', '\f',
  'def', 'if', 'else:', 'elif', 'for', 'in', 'import', 'lambda', 'print', 'exec', 'True', 'False', 'None', 'and', 'or', 'not',
  '0', '1', '-1', '0x', '0x1F', '010', '0o7', '0b1', '1L', '1e3', '1.5', '.5', '1j', '08', '1_000', '9999999999999999999999',
  'memory', 'vcpus', 'name', 'vif', 'disk', 'numa', 'cpus', 'maxmem', 'builder', 'kernel', 'type', 'vnuma', 'pci', 'extra',
  'mac=00:16:3e:00:00:01', 'bridge=xenbr0', 'phy:/dev/sda,xvda,w', 'vmid', 'xm_vars', 'os.path', 'sys.argv',
];

/** Statement-level snippets, some xm-only (blocks), some broken on purpose. */
const SNIPPETS = [
  'if vmid == 1:\n\tmemory = 512\n        vcpus = 2\n',
  'if 1:\n    memory = 256\n\telse:\n',
  'def f(x):\n  return x\nmemory = f(1)\n',
  'for i in range(3):\n    pass\n',
  'vif = [ "mac=00:16:3e:00:00:01,bridge=xenbr0",\n',
  'disk = [ "phy:/dev/sda,xvda,w" ]\\\n',
  'extra = """\n',
  "extra = '''unterminated\n",
  'name = "unterminated\n',
  'memory = 0x' + 'f'.repeat(40) + '\n',
  'cpus = "0-3,^1"\n',
  'vnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10" ] ]\n',
  'memory += 256\n',
  'x = "%s" % (1,)\n',
  'name = "a" * 100000\n',
  'import os\n',
  'print memory\n',
  'memory = -\n',
  '[ ] = 1\n',
  'a.b = 1\n',
];

/**
 * Values for the readers added in session 23 (docs/fuzzing.md, seeds 401 on): pci addresses as xl's
 * sscanf reads them (blanks, signs, 0x, bare "0x", 32-bit overflow, '*', '@' slots, key=value forms),
 * xm comparison chains over mixed types (`is`, `in`, orderings, builtin names), xm viridian and
 * gfx_passthru, and values with non-BMP and multi-byte characters for hover in UTF-8/UTF-32 sessions.
 */
const PCI_PARTS = {
  head: ['', '0000:', '1:', 'ffff:', '10000:', '100000000:', '0:'],
  bus: ['01', '1', 'ff', '100', '0', '', '+1', ' 1', 'ffffffff'],
  dev: ['1f', '0x1f', ' 1f', '+1f', '-0', '-1', '0x', '0X', '20', 'ffffffffffffffffffff', '1 ', '\t1f', '0x0x1', '00000000000000000001f'],
  dot: ['.', '.', '', '. ', ':', '..'],
  fn: ['0', '7', '8', '*', '', '0x7', '-0', ' 7', '+7', '0x', 'x', '0xg', 'ffffffff00000001', '-ffffffff'],
  tail: ['', '', '@1', '@ 1f', '@0x', '@20', '@-0', ',vslot=3zz', ',msitranslate=-1', ',permissive=1', ',rdm_policy=relaxed', ',seize=+1', ',name=x', '@', ',', ',,'],
};
const COMPARE_OPERANDS = ['1', '0', '-1', '256', '257', '1.5', '1e400', '1L', 'True', 'False', 'None', '"a"', '"é"', 'u"a"', 'u"\\xe9"', '"\\xe9"', '[]', '[1]', '(1,)', '()', '[1, "a"]', '{}', 'len', 'int', 'ValueError', 'vmid', '"1"', "u''", "''"];
const COMPARE_OPS = ['==', '!=', '<>', '<', '>', '<=', '>=', 'is', 'is not', 'in', 'not in'];
const VALUE_LINES = [
  'viridian = 1', 'viridian = 2', 'viridian = "1"', 'viridian = ""', 'viridian = "x"', 'viridian = ["base", "freq"]', 'viridian = 1.9', 'viridian = True', 'viridian = -1', 'viridian = "0x1"', 'viridian = 99999999999999999999',
  'gfx_passthru = "igd"', 'gfx_passthru = "IGD"', 'gfx_passthru = "default"', 'gfx_passthru = 1', 'gfx_passthru = ""', 'gfx_passthru = [1]', 'gfx_passthru = "é"',
  'timer_mode = "no_delay_for_missed_ticks"', 'timer_mode = 2', 'memory = "2g"', 'name = "\u00e9\ud83d\ude00x"', 'disk = ["phy:/dev/\u00e9\ud83d\ude00,xvda,w"]',
  'vif = ["mac=00:16:3e:\u00e9:00:01,bridge=br\ud83d\ude00"]', 'cpus = "0-3,^\ud83d\ude00"', 'cpus = ["0", "\u00e9", "1-2"]', 'type = "hvm"', 'builder = "hvm"',
];

/** One mutation: (buf, r, other) → buf. `other` is the bytes of another corpus file. */
const MUTATIONS = {
  deleteLine: (b, r) => editLines(b, (ls) => ls.length > 1 && ls.splice(r.int(ls.length), 1)),
  duplicateLine: (b, r) => editLines(b, (ls) => { const i = r.int(ls.length); ls.splice(i, 0, ls[i]); }),
  swapLines: (b, r) => editLines(b, (ls) => { const i = r.int(ls.length); const j = r.int(ls.length); [ls[i], ls[j]] = [ls[j], ls[i]]; }),
  spliceHalves: (b, r, other) => {
    const a = lines(b);
    const o = lines(other);
    const cutA = r.int(a.length + 1);
    const cutO = r.int(o.length + 1);
    return r.chance(0.5) ? Buffer.concat([...a.slice(0, cutA), ...o.slice(cutO)]) : Buffer.concat([...o.slice(0, cutO), ...a.slice(cutA)]);
  },
  lineFromOther: (b, r, other) => editLines(b, (ls) => { const o = lines(other); ls.splice(r.int(ls.length + 1), 0, o[r.int(o.length)]); }),
  randomBytes: (b, r) => insertAt(b, r, Buffer.from(Array.from({ length: 1 + r.int(8) }, () => r.int(256)))),
  specialBytes: (b, r) => insertAt(b, r, r.pick(SPECIAL_BYTES)),
  bomAtStart: (b, r) => Buffer.concat([r.pick([B(0xef, 0xbb, 0xbf), B(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), B(0xff, 0xfe), B(0xfe, 0xff)]), b]),
  flipByte: (b, r) => { if (!b.length) return b; const c = Buffer.from(b); c[r.int(c.length)] ^= 1 << r.int(8); return c; },
  deleteBytes: (b, r) => { const i = r.int(b.length + 1); return Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + r.int(16))]); },
  duplicateBytes: (b, r) => { const i = r.int(b.length + 1); const j = Math.min(b.length, i + 1 + r.int(40)); return Buffer.concat([b.subarray(0, j), b.subarray(i, j), b.subarray(j)]); },
  truncate: (b, r) => b.subarray(0, r.int(b.length + 1)),
  token: (b, r) => insertAt(b, r, enc(r.pick(TOKENS))),
  tokens: (b, r) => insertAt(b, r, enc(Array.from({ length: 2 + r.int(6) }, () => r.pick(TOKENS)).join(r.pick(['', ' '])))),
  snippet: (b, r) => editLines(b, (ls) => ls.splice(r.int(ls.length + 1), 0, enc(r.pick(SNIPPETS)))),
  longLine: (b, r) => editLines(b, (ls) => ls.splice(r.int(ls.length + 1), 0, enc(`${r.pick(['x', 'memory', 'extra'])} = ${r.pick(['"', '', '['])}${r.pick(['a', '9', ' ', 'é', '\\\\'])}`.concat('a'.repeat(r.pick([1000, 20000, 200000])), '\n')))),
  longNumber: (b, r) => insertAt(b, r, enc(r.pick(['', '-', '0x', '0', '1.', '1e']) + '9'.repeat(r.pick([20, 400, 5000, 100000])))),
  longString: (b, r) => insertAt(b, r, enc(`"${r.pick(['a', '\\x41', '\\u00e9', '\\', ','])}`.repeat(r.pick([50, 2000, 40000])) + '"')),
  deepNesting: (b, r) => {
    // The grammar's budget (40 levels, decision 048) and the 100-level limit, at and past them; the
    // last six are what the fast parser declines, so the grammar sees them.
    const open = r.pick(['[', '(', '{', '[ ', '-', 'not ', '(1+', 'f(', '(1 < ', 'lambda: ', '1 if 1 else ', '[{1: ', 'a[']);
    const n = r.pick([40, 41, 50, 98, 101, 500, 3000, 20000]);
    const close = { '[': ']', '(': ')', '{': '}', '[ ': ' ]', '-': '', 'not ': '', '(1+': ')', 'f(': ')', '(1 < ': ')', 'lambda: ': '', '1 if 1 else ': '', '[{1: ': '}]', 'a[': ']' }[open];
    return insertAt(b, r, enc(`x = ${open.repeat(n)}1${r.chance(0.5) ? close.repeat(n) : ''}\n`));
  },
  unterminated: (b, r) => insertAt(b, r, enc(r.pick(['"', "'", '"""', "'''", 'u"""', 'r"\\', '"\\']))),
  backslashAtEof: (b, r) => Buffer.concat([b, enc(r.pick(['\\', '\\\n', '\\\r\n', 'x = \\', 'x = [1,\\', '"\\']))]),
  indentation: (b, r) => editLines(b, (ls) => {
    const i = r.int(ls.length);
    const body = ls[i].toString('latin1').replace(/^[ \t\f]*/, '');
    ls[i] = Buffer.from(r.pick(['\t', '    ', ' \t', '\t ', '\f', '        ', '   ']) + body, 'latin1');
  }),
  crlf: (b, r) => Buffer.from(b.toString('latin1').replace(/\n/g, r.pick(['\r\n', '\r', '\n\r'])), 'latin1'),
  // A short statement repeated past the 125,000 arguments a spread (`push(...findings)`) can pass;
  // short, so the input stays near 1 MB (a long line 150,000 times made 16 MB inputs that took the
  // place front ends past --hang-ms together).
  pciSpec: (b, r) => editLines(b, (ls) => {
    const p = PCI_PARTS;
    const one = () => (r.chance(0.2) ? 'bdf=' : '') + r.pick(p.head) + r.pick(p.bus) + ':' + r.pick(p.dev) + r.pick(p.dot) + r.pick(p.fn) + r.pick(p.tail);
    const specs = Array.from({ length: 1 + r.int(3) }, () => JSON.stringify(one()));
    ls.splice(r.int(ls.length + 1), 0, enc(`${r.chance(0.8) ? 'pci' : 'pci_permissive'} = [${specs.join(', ')}]\n`));
  }),
  compareChain: (b, r) => editLines(b, (ls) => {
    const n = 1 + r.int(4);
    let e = r.pick(COMPARE_OPERANDS);
    for (let k = 0; k < n; k++) e += ` ${r.pick(COMPARE_OPS)} ${r.pick(COMPARE_OPERANDS)}`;
    const key = r.pick(['x', 'memory', 'acpi', 'viridian', 'pae']);
    ls.splice(r.int(ls.length + 1), 0, enc(r.chance(0.3) ? `if ${e}:\n    ${key} = 1\n` : `${key} = ${r.chance(0.3) ? `not (${e})` : e}\n`));
  }),
  valueLine: (b, r) => editLines(b, (ls) => ls.splice(r.int(ls.length + 1), 0, enc(`${r.pick(VALUE_LINES)}\n`))),
  manyLines: (b, r) => {
    const ls = lines(b);
    const i = r.int(ls.length + 1);
    // Cheap statements only: 150,000 `vif = ["mac=1"]` (a spec read and refused each) took every
    // front end together past --hang-ms (seed 304, input 17; each call linear, 1.5 s per 100,000).
    const line = enc(r.pick(['x=1\n', 'memory = 1\n', '#\n', '\n', 'x = y\n']));
    return Buffer.concat(ls.slice(0, i).concat(new Array(r.pick([1000, 130000])).fill(line), ls.slice(i)).filter(Boolean));
  },
};

const NAMES = Object.keys(MUTATIONS);

/** Split bytes into lines, each keeping its `\n`. */
function lines(b) {
  const out = [];
  let start = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) {
    out.push(b.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < b.length || out.length === 0) out.push(b.subarray(start));
  return out;
}

/** Apply `edit` to the line list of `b` (in place) and join the lines again. */
function editLines(b, edit) {
  const ls = lines(b);
  edit(ls);
  return Buffer.concat(ls.filter(Boolean));
}

/** Insert `piece` at a random offset, most often at a line start or end or next to a token boundary. */
function insertAt(b, r, piece) {
  let at = r.int(b.length + 1);
  const mode = r.int(4);
  if (mode === 0) at = b.indexOf(10, at) < 0 ? b.length : b.indexOf(10, at); // end of a line
  else if (mode === 1) at = b.lastIndexOf(10, at - 1) + 1; // start of a line
  else if (mode === 2) while (at < b.length && /[A-Za-z0-9_]/.test(String.fromCharCode(b[at]))) at++;
  return Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]);
}

/** One mutated input: 1–4 mutations of `base` (`other` for splices); returns the bytes and the mutation names. */
export function mutate(base, other, r) {
  let b = base;
  const applied = [];
  const n = 1 + r.int(r.chance(0.7) ? 2 : 4);
  for (let k = 0; k < n; k++) {
    const name = r.pick(NAMES);
    b = MUTATIONS[name](b, r, other);
    applied.push(name);
  }
  return { bytes: b, applied };
}
