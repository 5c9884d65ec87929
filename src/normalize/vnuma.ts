/**
 * @fileoverview `vnuma`: a list of vnodes, each a list of "key=value" strings (pnode, size, vcpus,
 * vdistances), split at the first `=` with blanks trimmed (xl.cfg(5); reference §c). In xl, read as
 * parse_vnuma_config (tools/xl/xl_parse.c) does: numbers by their leading digits, non-strings skipped.
 */
import type { Span } from '../diagnostics/span.js';
import type { Setting, Value } from '../syntax/value.js';
import type { VnumaNode } from './catalogue/spec-types.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, subSpan, describeValue } from './values.js';
import { keyValue, trimItem, decimal, numberRanges, splitItems, xlNumber } from './spec-items.js';
import { xlReadsNote } from './spec-result.js';
import { unknownKeyFinding } from './catalogue/unknown-spec-keys.js';

/** XM0216 for a malformed item of vnode `i` (a module function: the build names every closure it makes, per item). */
function badItem(ctx: NormalizeContext, span: Span, i: number, msg: string): void {
  ctx.report('XM0216', span, `vnode ${i}: ${msg}`);
}

/**
 * xl reads pnode, size and each distance with parse_ulong (xl_parse.c: `strtoul(str, &endptr, 10)`,
 * exit only without a digit or at ULONG_MAX): the leading digits, whatever follows. In xl, the
 * number read when text follows it (XM0231, reported here); else null (the caller's XM0216).
 */
function xlLeading(ctx: NormalizeContext, key: string, value: string, span: Span): number | null {
  if (ctx.dialect !== 'xl') return null;
  const n = xlNumber('parse_ulong', value);
  if (n === null) return null;
  // "+5": strtoul takes the sign, and nothing follows the number.
  if (/^\+\d+$/.test(value)) return n;
  const note = xlReadsNote(key, value, 'parse_ulong', n, false);
  ctx.report('XM0231', span, `vnuma: ${note.message}`, { hint: note.hint });
  return n;
}

const ULONG_MAX = (1n << 64n) - 1n;

/** strtoul(text + pos, &endptr, 10): C blanks, a sign, decimal digits (saturating at ULONG_MAX, `-N` is 2^64 - N); null without a digit. */
function strtoul10(text: string, pos: number): { n: bigint; end: number } | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(text.slice(pos));
  if (m === null) return null;
  const v = BigInt(m[2]!);
  const n = v >= ULONG_MAX ? ULONG_MAX : m[1] === '-' && v !== 0n ? ULONG_MAX + 1n - v : v;
  return { n, end: pos + m[0].length };
}

/**
 * What parse_vnuma_config's `parse_range(cpu_spec_list[j], &s, &e); for (; s <= e; s++) {…}` does
 * with an item whose verdict it ignores, where that differs from the leading numbers: an end read as
 * ULONG_MAX ("-1", "0--1", 20 digits) keeps `s <= e` true for ever, so xl hangs (`hang`); "5-x" has
 * its end set to 0 by the failed strtoul before parse_range returns, so the range is 5..0 (`end0`).
 * null when neither applies.
 */
function xlVcpuRange(text: string): { hang: string } | { end0: bigint } | null {
  const a = strtoul10(text, 0);
  if (a === null) return null;
  if (a.n === ULONG_MAX) return { hang: `starts at ${text.slice(0, a.end).trim()}, which strtoul reads as ULONG_MAX: parse_range leaves both ends there, and \`for (; s <= e; s++)\` never ends (xl hangs)` };
  if (text[a.end] !== '-') return null;
  const b = strtoul10(text, a.end + 1);
  if (b === null) return { end0: a.n };
  if (b.n === ULONG_MAX) return { hang: `ends at ${text.slice(a.end + 1, b.end).trim()}, which strtoul reads as ULONG_MAX: \`for (; s <= e; s++)\` never ends (xl hangs)` };
  return null;
}

/**
 * vnode vcpus= as xl reads it: split_string_into_string_list(value, ",") (no empty item), then
 * parse_range on each, whose result is ignored (`parse_range(cpu_spec_list[j], &s, &e);`): a number
 * or range followed by other text still counts (XM0231, what xl takes). An item without a leading
 * number, or a backwards range, stays XM0216, as does one whose end reads as ULONG_MAX (xl hangs).
 */
function xlVcpus(ctx: NormalizeContext, value: string, item: Value, at: number): { values: number[] } | { error: string; span?: Span } {
  const kept: string[] = [];
  for (const it of splitItems(value)) {
    if (it.text === '') continue;
    const span = subSpan(item, at + it.start, at + it.end);
    const x = xlVcpuRange(it.text);
    if (x !== null && 'hang' in x) return { error: `item "${it.text}" ${x.hang}`, span };
    if (x !== null) {
      // "5-x": `*b = strtoul(nstr, …)` is 0 before parse_range gives up, so s..e is 5..0.
      const takes = x.end0 === 0n ? 'vCPU 0' : 'no vCPU';
      ctx.report('XM0231', span, `vnuma: vcpus item "${it.text}" is not N or N-M: parse_range reads the end after "-" as 0 (strtoul finds no digit), and xl, which ignores its verdict, takes ${x.end0}-0: ${takes}`, { hint: x.end0 === 0n ? 'write 0' : `write the range's end, or ${x.end0} alone` });
      if (x.end0 === 0n) kept.push('0');
      continue;
    }
    const m = /^\+?(\d+)(?:-\+?(\d+))?/.exec(it.text);
    const read = m === null ? null : m[2] === undefined ? m[1]! : `${m[1]}-${m[2]}`;
    if (m !== null && m[0].length < it.text.length && read !== null) {
      ctx.report('XM0231', span, `vnuma: vcpus item "${it.text}" is not N or N-M: parse_range stops at "${it.text.slice(m[0].length)}" and xl, which ignores its verdict, takes ${read}`, { hint: `write ${read}` });
      kept.push(read);
    } else kept.push(m === null ? it.text : m[0].replace(/\+/g, ''));
  }
  // Only "5-x" items: xl counts no vCPU (numberRanges would call the empty text no number).
  return kept.length === 0 ? { values: [] } : numberRanges(kept.join(','));
}

/** Read `vnuma`; reports XM0216 for malformed entries and XM0102 for wrong shapes. */
export function readVnuma(s: Setting, ctx: NormalizeContext): VnumaNode[] | undefined {
  if (s.value.kind !== 'list') {
    ctx.report('XM0102', s.value.span, `vnuma must be a list of vnode lists; got ${describeValue(s.value)}`);
    return undefined;
  }
  const nodes: VnumaNode[] = [];
  s.value.items.forEach((vnode, i) => {
    const base = pointer('vnuma', i);
    const node: VnumaNode = {};
    const seen = new Set<string>();
    nodes.push(node);
    ctx.mark(base, s, vnode.span);
    if (vnode.kind !== 'list') {
      ctx.report('XM0216', vnode.span, `vnode ${i} must be a list of "key=value" strings; got ${describeValue(vnode)}`);
      return;
    }
    for (const item of vnode.items) {
      const t = readString(item, ctx.dialect);
      if (!t.ok) {
        // parse_vnuma_config reads an item only `if (xlu_cfg_value_type(conf_option) == XLU_STRING)`:
        // xl skips a nested list without a word.
        const xl = ctx.dialect === 'xl';
        ctx.report('XM0216', item.span, `vnode ${i}: items must be "key=value" strings; got ${describeValue(item)}${xl ? ': xl skips it' : ''}`, xl ? { severity: 'warning' } : undefined);
        continue;
      }
      const kv = keyValue(trimItem(t.value, 0, t.value.length));
      const vspan = subSpan(item, kv.valueStart, kv.valueEnd);
      if (kv.value === null) {
        badItem(ctx, item.span, i, `"${t.value}" is not key=value`);
        continue;
      }
      const value = kv.value;
      seen.add(kv.key);
      switch (kv.key) {
        case 'pnode':
        case 'size': {
          const n = decimal(value) ?? xlLeading(ctx, kv.key, value, vspan);
          if (n === null) badItem(ctx, vspan, i, `${kv.key} must be a decimal number, got "${value}"`);
          else if (kv.key === 'size' && n < 1) badItem(ctx, vspan, i, 'size must be at least 1 MiB');
          else {
            node[kv.key] = n;
            ctx.mark(`${base}/${kv.key}`, s, vspan);
          }
          break;
        }
        case 'vcpus': {
          const r: { values: number[] } | { error: string; span?: Span } = ctx.dialect === 'xl' ? xlVcpus(ctx, value, item, kv.valueStart) : numberRanges(value);
          if ('error' in r) badItem(ctx, r.span ?? vspan, i, `vcpus: ${r.error}`);
          else {
            node.vcpus = r.values;
            ctx.mark(`${base}/vcpus`, s, vspan);
          }
          break;
        }
        case 'vdistances': {
          const ds: number[] = [];
          let ok = true;
          for (const d of splitItems(value)) {
            // split_string_into_string_list (strtok): xl has no empty distance.
            if (d.text === '' && ctx.dialect === 'xl') continue;
            const n = decimal(d.text) ?? xlLeading(ctx, 'vdistances', d.text, subSpan(item, kv.valueStart + d.start, kv.valueStart + d.end));
            if (n === null) {
              ctx.report('XM0216', subSpan(item, kv.valueStart + d.start, kv.valueStart + d.end), `vnode ${i}: distance "${d.text}" is not a decimal number`);
              ok = false;
            } else ds.push(n);
          }
          if (ok) {
            node.vdistances = ds;
            ctx.mark(`${base}/vdistances`, s, vspan);
          }
          break;
        }
        default: {
          // xl's parse_vnuma_config has no else branch: catalogue/unknown-spec-keys.ts, `vnuma`.
          const f = unknownKeyFinding('vnuma', { key: kv.key, item: t.value, spec: t.value }, ctx.dialect);
          if (f !== null) ctx.report(f.code, subSpan(item, kv.start, kv.start + kv.key.length), `vnuma: unknown vnode key "${kv.key}" (${f.note})`);
        }
      }
    }
    const missing = ['pnode', 'size', 'vcpus', 'vdistances'].filter((k) => !seen.has(k));
    if (missing.length > 0 && vnode.items.length > 0) {
      ctx.report('XM0216', vnode.span, `vnode ${i} lacks ${missing.join(', ')} (all four are documented as mandatory)`, { severity: 'warning' });
    }
  });
  return nodes;
}
