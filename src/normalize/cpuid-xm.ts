/**
 * @fileoverview xm's `cpuid` and `cpuid_check` as create.py's preprocess_cpuid and xend read them
 * (decision 119; docs/fuzzing.md, "Differential checks"). create.py matches each string of the list
 * against `LEAF[,SUBLEAF]:` (hex digits, each with an optional lower-case `0x`) and drops a string
 * that does not match without a word; of one that does, it splits the rest (up to a newline) at `,`
 * and refuses a register that is not `eax|ebx|ecx|edx=` or whose value is neither `0x…` nor 32
 * characters long. xend then reads a `0x…` value with `int(val, 16)` and a leaf written without
 * `0x` with `long()`, in decimal, and fails on what they refuse. What create.py leaves as it was
 * (a single string, read by character; a list of which no string matched; `cpuid_check` when
 * `cpuid` is not set, since preprocess_cpuid tests `vals.cpuid` for both) xend cannot turn into a
 * dict and drops: XM0228, and the option is left out.
 */
import type { Setting, Value } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { readString, subSpan } from './values.js';

/** create.py's input_re and the `:` after it, anchored at the start as re.match is. */
const LEAF_RE = /^((?:0x)?[0-9A-Fa-f]+)(?:,((?:0x)?[0-9A-Fa-f]+))?:/;
/** A register item as create.py's re.match reads it. */
const REG_RE = /^(eax|ebx|ecx|edx)=/;
/** What Python 2's `int(val, 16)` reads of a value create.py let through because it starts with `0x`. */
const HEX_VALUE_RE = /^0x[0-9A-Fa-f]+[ \t\r\v\f]*$/;

/** Python's truth of a value: create.py skips a `cpuid` that is false ("", [], 0). */
export function pyTruthy(v: Value | undefined): boolean {
  if (v === undefined) return false;
  switch (v.kind) {
    case 'string':
      return v.value !== '';
    case 'list':
      return v.items.length > 0;
    case 'number':
      return v.value !== 0;
    case 'bool':
      return v.value;
    default:
      return false;
  }
}

/**
 * Read `cpuid` or `cpuid_check` as xm does, given the generic reading `out` (strings, and the items
 * it already reported as not strings, XM0102): the strings xend receives, or undefined when it
 * receives nothing.
 */
export function readCpuidXm(s: Setting, ctx: NormalizeContext, out: unknown): unknown {
  const v = s.value;
  if (!pyTruthy(v) || v.kind !== 'list') {
    // "" and [] are nothing to create.py (no item, as []); a number fails its loop (TypeError; XM0102 from the reader).
    if (v.kind === 'string' && v.value === '') return [];
    if (v.kind !== 'string') return out;
    ctx.report('XM0228', v.span, `${s.key}: a single string, which create.py reads character by character and passes on; xend cannot read it and ignores ${s.key}`, {
      hint: `${s.key} = ["LEAF:eXx=<32 characters>"], a list`,
    });
    return undefined;
  }
  if (s.key === 'cpuid_check' && !ctx.xmCpuidSet) {
    if (pairsOnly(s, v.items, ctx)) return undefined;
    ctx.report('XM0228', v.span, 'cpuid_check: create.py reads it only when cpuid is set (preprocess_cpuid tests vals.cpuid); xend cannot read the list as it is and ignores cpuid_check', {
      hint: 'set cpuid too, or remove cpuid_check',
    });
    return undefined;
  }
  const kept: unknown[] = [];
  let matched = 0;
  // create.py's `cpuid[input] = {}`: a later string of the same LEAF[,SUBLEAF] replaces an earlier one.
  const lastOf = new Map<string, number>();
  v.items.forEach((item, i) => {
    const text = readString(item, 'xm');
    const m = text.ok ? LEAF_RE.exec(text.value) : null;
    if (m !== null) lastOf.set(m[0], i);
  });
  v.items.forEach((item, i) => {
    const text = readString(item, 'xm');
    // Not a string: re.match raises TypeError (the generic reader's XM0102).
    if (!text.ok) {
      kept.push((out as unknown[])[i]);
      return;
    }
    const m = LEAF_RE.exec(text.value);
    if (judgeItem(s.key, text.value, item, ctx, m !== null && lastOf.get(m[0]) === i)) {
      matched++;
      kept.push(text.value);
    }
  });
  // No string matched: the list goes to xend as it is, which cannot make a dict of it.
  if (matched === 0 && kept.length === 0) {
    pairsOnly(s, v.items, ctx);
    return undefined;
  }
  return kept;
}

/**
 * Whether a list xend receives unread is all strings of two characters: `dict()` then makes a dict
 * of them, and parse_cpuid's `dict(regs)` of the one-character value fails (XM0217). Any other
 * list xend cannot make a dict of, and leaves the option out.
 */
function pairsOnly(s: Setting, items: Value[], ctx: NormalizeContext): boolean {
  if (!items.every((i) => i.kind === 'string' && i.value.length === 2)) return false;
  ctx.report('XM0217', s.value.span, `${s.key}: xend makes a dict of these two-character strings and then fails on its one-character values (parse_cpuid's dict(regs))`, {
    hint: 'an item is "LEAF[,SUBLEAF]:eXx=<32 characters of 0, 1, x, k, s>[,eXx=...]"',
  });
  return true;
}

/**
 * Judge one string of the list; false when create.py drops it (reported, XM0228). `last`: no later
 * string has its LEAF[,SUBLEAF], so its registers reach xend (each the last of its name).
 */
function judgeItem(key: string, text: string, item: Value, ctx: NormalizeContext, last: boolean): boolean {
  const m = LEAF_RE.exec(text);
  if (m === null) {
    ctx.report('XM0228', item.span, `${key}: "${text}" does not start with "LEAF[,SUBLEAF]:" as create.py reads it (hex digits, "0x" in lower case); xm drops this item without a word`, {
      hint: 'an item is "LEAF[,SUBLEAF]:eXx=<32 characters of 0, 1, x, k, s>[,eXx=...]", with no blank before it',
    });
    return false;
  }
  // xend reads a leaf without "0x" with long(), in decimal (image.py setCpuid).
  let at = 0;
  for (const leaf of [m[1], m[2]]) {
    if (leaf !== undefined && !leaf.startsWith('0x') && !/^[0-9]+$/.test(leaf)) {
      ctx.report('XM0217', subSpan(item, at, at + leaf.length), `${key}: leaf "${leaf}" has hex digits but no "0x": xend reads it with long(), in decimal, and fails`, { hint: `write 0x${leaf}` });
    }
    if (leaf !== undefined) at += leaf.length + 1;
  }
  // `(?P<regs>.*)`: up to the first newline; then split at every ",".
  const start = m[0].length;
  const nl = text.indexOf('\n', start);
  const regs = text.slice(start, nl === -1 ? text.length : nl);
  let from = start;
  const parts = regs.split(',');
  parts.forEach((reg, i) => {
    // A register given again later in the string replaces this value before xend reads it.
    const name = REG_RE.exec(reg)?.[1];
    const reaches = last && !parts.slice(i + 1).some((r) => REG_RE.exec(r)?.[1] === name);
    const why = registerError(reg, reaches);
    // An empty register is pointed at by the "," or ":" before it.
    const at = reg === '' ? subSpan(item, from - 1, from) : subSpan(item, from, from + reg.length);
    if (why !== null) ctx.report('XM0217', at, `${key}: "${reg}": ${why}`, { hint: 'eax=, ebx=, ecx= or edx= and 32 characters of 0, 1, x, k, s, or 0x and hex digits' });
    from += reg.length + 1;
  });
  return true;
}

/** Why create.py (or, for a value that `reaches` xend, its `int(val, 16)`) refuses one register item, or null. */
function registerError(reg: string, reaches: boolean): string | null {
  const m = REG_RE.exec(reg);
  if (m === null) return 'create.py refuses it ("cpuid\'s syntax is (eax|ebx|ecx|edx)=value")';
  const val = reg.slice(m[0].length);
  if (!val.startsWith('0x')) return val.length === 32 ? null : `create.py refuses a value of ${val.length} characters ("We should specify all the bits of the register")`;
  return !reaches || HEX_VALUE_RE.test(val) ? null : 'xend reads a value starting with 0x with int(val, 16), which refuses it';
}
