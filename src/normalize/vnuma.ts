/**
 * @fileoverview `vnuma`: a list of vnodes, each a list of "key=value" strings (pnode, size, vcpus,
 * vdistances), split at the first `=` with blanks trimmed (xl.cfg(5); reference §c). In xl, read as
 * parse_vnuma_config (tools/xl/xl_parse.c) does: numbers by their leading digits, non-strings skipped.
 */
import type { Span } from '../diagnostics/span.js';
import type { Setting } from '../syntax/value.js';
import type { VnumaNode } from './catalogue/spec-types.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, subSpan, describeValue } from './values.js';
import { keyValue, trimItem, decimal, numberRanges, splitItems, xlNumber } from './spec-items.js';
import { xlVcpus, type XlVcpus } from './vnuma-vcpus-xl.js';
import { misspeltExtra, xlReadsNote } from './spec-result.js';
import { crashMessage, noStrtokItem } from './split-list-xl.js';
import { unknownKeyFinding } from './catalogue/unknown-spec-keys.js';

/** The largest uint32_t: libxl's vnode distances and xl's count of host nodes are 32-bit. */
const UINT32_MAX = 4294967295;

/** The keys of a vnode item (xl.cfg(5)), all four mandatory; one list, as the key suggester indexes it. */
const VNODE_KEYS: readonly string[] = ['pnode', 'size', 'vcpus', 'vdistances'];

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
    let vcpusRefused = false;
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
      if (ctx.dialect === 'xl' && t.value.endsWith('=') && t.value.indexOf('=') === t.value.length - 1) {
        // split_string_into_pair: `p++; if (!*p) { rc = ERROR_INVAL; … }`, whatever the key.
        badItem(ctx, item.span, i, `"${t.value}" has nothing after "=": split_string_into_pair refuses it, and xl exits "failed to split \"${t.value}\" into pair"`);
        if (kv.key === 'vcpus') vcpusRefused = true;
        continue;
      }
      if (ctx.dialect === 'xl' && (kv.key === 'vcpus' || kv.key === 'vdistances') && noStrtokItem(value, ',')) {
        badItem(ctx, item.span, i, crashMessage(`${kv.key}=`, value, ','));
        if (kv.key === 'vcpus') vcpusRefused = true;
        delete node[kv.key];
        continue;
      }
      switch (kv.key) {
        case 'pnode':
        case 'size': {
          const n = decimal(value) ?? xlLeading(ctx, kv.key, value, vspan);
          if (n === null) badItem(ctx, vspan, i, `${kv.key} must be a decimal number, got "${value}"`);
          else if (kv.key === 'size' && n < 1) badItem(ctx, vspan, i, 'size must be at least 1 MiB');
          // `if (val >= nr_nodes)` with an unsigned long val and a uint32_t nr_nodes: no host has this node.
          else if (kv.key === 'pnode' && ctx.dialect === 'xl' && n >= UINT32_MAX) {
            ctx.report('XM0216', vspan, `vnode ${i}: pnode ${n} is past any host's nodes (xl counts them in 32 bits): xl exits "invalid pnode number"`, { hint: 'write the number of a node of the host' });
          } else {
            // parse_vnuma_config: `p->memkb = val << 10; max_memkb += p->memkb;` for every size=: the
            // vnode keeps the last, maxmem counts them all, so they never agree (decision 107).
            if (kv.key === 'size' && (node.size ?? 0) > 0) {
              ctx.report('XM0216', item.span, `vnode ${i}: size= again: xl keeps the last size for the vnode but adds every size= to maxmem, so the two differ: xl exits "maxmem and vnuma memory size mismatch" or libxl refuses "Amount of memory mismatch"`, { hint: 'keep one size= per vnode' });
            }
            node[kv.key] = n;
            ctx.mark(`${base}/${kv.key}`, s, vspan);
          }
          break;
        }
        case 'vcpus': {
          const r: XlVcpus = ctx.dialect === 'xl' ? xlVcpus(ctx, value, item, kv.valueStart) : numberRanges(value);
          if ('error' in r) badItem(ctx, r.span ?? vspan, i, `vcpus: ${r.error}`);
          // A vCPU xl counts but sets no bit for: the vnodes cannot cover the count (libxl_vnuma.c).
          // vcpus stays unset, so the count and coverage rules say nothing the item has not said.
          else if ('unset' in r) ctx.report('XM0209', r.span, `vnode ${i}: ${r.unset}`, { hint: 'write vCPU numbers from 0 to maxvcpus - 1' });
          if (!('values' in r) || vcpusRefused) {
            vcpusRefused = true;
            delete node.vcpus;
          } else {
            // Each vcpus= adds to the vnode's bitmap and to xl's count (decision 107): a second one
            // lists more vCPUs, and one it repeats counts twice (XM0209).
            node.vcpus = [...(node.vcpus ?? []), ...r.values];
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
            } else if (ctx.dialect === 'xl' && n > UINT32_MAX) {
              // `p->distances[j] = val`: distances are uint32_t, so xl keeps the low 32 bits.
              const kept = n % (UINT32_MAX + 1);
              ctx.report('XM0231', subSpan(item, kv.valueStart + d.start, kv.valueStart + d.end), `vnuma: distance ${n} does not fit libxl's 32-bit distance: xl keeps its low 32 bits, ${kept}`, { hint: `write ${kept}, or the distance meant (below 4294967296)` });
              ds.push(kept);
            } else ds.push(n);
          }
          if (ok) {
            // `p->distances[j] = val` for j of this item only: a later vdistances= overwrites the
            // distances it gives and leaves the others of an earlier one (decision 107).
            node.vdistances = [...ds, ...(node.vdistances ?? []).slice(ds.length)];
            ctx.mark(`${base}/vdistances`, s, vspan);
          }
          break;
        }
        default: {
          // xl's parse_vnuma_config has no else branch: catalogue/unknown-spec-keys.ts, `vnuma`.
          const f = unknownKeyFinding('vnuma', { key: kv.key, item: t.value, spec: t.value }, ctx.dialect);
          const kspan = subSpan(item, kv.start, kv.start + kv.key.length);
          // `pnod=`, `vdistance=`: the "did you mean" and rename a misspelt disk or vif key gets.
          if (f !== null) ctx.report(f.code, kspan, `vnuma: unknown vnode key "${kv.key}" (${f.note})`, misspeltExtra(kv.key, VNODE_KEYS, item, kspan) ?? undefined);
        }
      }
    }
    const missing = VNODE_KEYS.filter((k) => !seen.has(k));
    if (missing.length > 0 && vnode.items.length > 0) {
      ctx.report('XM0216', vnode.span, `vnode ${i} lacks ${missing.join(', ')} (all four are documented as mandatory)`, { severity: 'warning' });
    }
  });
  return nodes;
}
