/**
 * @fileoverview The NUMA keys of the xm RFC, exactly as spec §3: `numa` on/off, `numanodes = N`,
 * `numanode = 0,1` (tuple, list, number, "0,1", "0-1"), folded into one `numa` request.
 * Conflicts between the keys are reported by the rules (src/check/rules/numa.ts), which read the
 * same parts through {@link readNumaParts}.
 */
import type { Setting, Value, Dialect } from '../syntax/value.js';
import type { Span } from '../diagnostics/span.js';
import type { NumaRequest } from './catalogue/spec-types.js';
import type { NormalizeContext } from './context.js';
import { readInt, describeValue, subSpan } from './values.js';
import { splitItems, decimal } from './spec-items.js';

/** One node id of `numanode` and where it is written. */
export interface NodeRef {
  id: number;
  span: Span;
}

/** The three NUMA settings, read but not yet combined. */
export interface NumaParts {
  numa?: { setting: Setting; state: 'on' | 'off' | null; bareWord: boolean };
  numanodes?: { setting: Setting; value: number | null };
  numanode?: { setting: Setting; nodes: NodeRef[] | null; error?: { span: Span; message: string } };
}

/** numa's on/off: a string in any case, a bare word only as the RFC spelt it (on, off: decision 069). */
function readNumaState(v: Value, dialect: Dialect): 'on' | 'off' | null {
  if (v.kind === 'word') return v.value === 'on' || v.value === 'off' ? v.value : null;
  if (v.kind === 'string') {
    const t = v.value.trim().toLowerCase();
    if (t === 'on') return 'on';
    if (t === 'off') return 'off';
  }
  if (v.kind === 'bool') return v.value ? 'on' : 'off';
  const n = readInt(v, dialect);
  if (n.ok && (n.value === 0 || n.value === 1)) return n.value === 1 ? 'on' : 'off';
  return null;
}

/** Node ids from a `numanode` string ("0,1", "0-1", "0-1,3"), with the span of each. */
function nodesFromString(v: Value, text: string): { nodes: NodeRef[] } | { error: { span: Span; message: string } } {
  const nodes: NodeRef[] = [];
  for (const it of splitItems(text)) {
    const dash = it.text.indexOf('-');
    const a = decimal(dash === -1 ? it.text : it.text.slice(0, dash));
    const b = dash === -1 ? a : decimal(it.text.slice(dash + 1));
    const span = subSpan(v, it.start, it.end);
    if (a === null || b === null) return { error: { span, message: `"${it.text}" is not a node id or N-M range` } };
    if (b < a) return { error: { span, message: `node range "${it.text}" runs backwards` } };
    if (b - a > 4096) return { error: { span, message: `node range "${it.text}" is too large` } };
    for (let n = a; n <= b; n++) nodes.push({ id: n, span });
  }
  return { nodes };
}

function readNodes(v: Value, dialect: Dialect): { nodes: NodeRef[] } | { error: { span: Span; message: string } } {
  if (v.kind === 'string') return nodesFromString(v, v.value);
  if (v.kind === 'list') {
    const nodes: NodeRef[] = [];
    for (const item of v.items) {
      if (item.kind === 'string') {
        const r = nodesFromString(item, item.value);
        if ('error' in r) return r;
        nodes.push(...r.nodes);
        continue;
      }
      const n = item.kind === 'bool' ? null : readInt(item, dialect);
      if (n === null || !n.ok || n.value < 0) return { error: { span: item.span, message: `node ids are non-negative integers; got ${describeValue(item)}` } };
      nodes.push({ id: n.value, span: item.span });
    }
    if (nodes.length === 0) return { error: { span: v.span, message: 'the node list is empty' } };
    return { nodes };
  }
  const n = v.kind === 'bool' ? null : readInt(v, dialect);
  if (n === null || !n.ok || n.value < 0) return { error: { span: v.span, message: `numanode must be a node id, a list of them, or "0,1" / "0-1"; got ${describeValue(v)}` } };
  return { nodes: [{ id: n.value, span: v.span }] };
}

/** Read the effective numa, numanodes and numanode settings (pure; no diagnostics). */
export function readNumaParts(effective: ReadonlyMap<string, Setting>, dialect: Dialect): NumaParts {
  const parts: NumaParts = {};
  const numa = effective.get('numa');
  if (numa) parts.numa = { setting: numa, state: readNumaState(numa.value, dialect), bareWord: numa.value.kind === 'word' };
  const count = effective.get('numanodes');
  if (count) {
    const n = count.value.kind === 'bool' ? null : readInt(count.value, dialect);
    parts.numanodes = { setting: count, value: n !== null && n.ok ? n.value : null };
  }
  const list = effective.get('numanode');
  if (list) {
    const r = readNodes(list.value, dialect);
    parts.numanode = 'error' in r ? { setting: list, nodes: null, error: r.error } : { setting: list, nodes: r.nodes };
  }
  return parts;
}

/**
 * Combine the parts into the normalised request (spec §3) and record its spans. Reports malformed
 * values (XM0301, XM0307); conflicts are left to the rules. (The note on the bare word `numa = on`
 * is the syntax layer's, XM0520.)
 */
export function normalizeNuma(parts: NumaParts, ctx: NormalizeContext): NumaRequest | undefined {
  const { numa, numanodes, numanode } = parts;
  if (numa?.state === null) ctx.report('XM0301', numa.setting.value.span, `numa must be "on", "off", 1, 0, True or False; got ${describeValue(numa.setting.value)}`);
  if (numanodes && numanodes.value === null) ctx.report('XM0307', numanodes.setting.value.span, `numanodes must be a positive integer; got ${describeValue(numanodes.setting.value)}`);
  if (numanode?.error) ctx.report('XM0307', numanode.error.span, `bad numanode: ${numanode.error.message}`);

  const off = numa?.state === 'off';
  const mark = (ptr: string, s: Setting, span: Span = s.value.span) => ctx.mark(ptr, s, span);
  let req: NumaRequest | undefined;
  if (off) {
    req = { mode: 'off' };
    mark('/numa', numa!.setting);
    mark('/numa/mode', numa!.setting);
  } else if (numanode?.nodes) {
    const seen = new Set<number>();
    const nodes: number[] = [];
    for (const n of numanode.nodes) {
      if (seen.has(n.id)) continue; // a repeat is an error (rules, XM0305); the node counts once
      seen.add(n.id);
      mark(`/numa/nodes/${nodes.length}`, numanode.setting, n.span);
      nodes.push(n.id);
    }
    req = { mode: 'nodes', nodes, node_count: nodes.length };
    mark('/numa', numanode.setting);
    mark('/numa/mode', numa?.setting ?? numanode.setting);
    mark('/numa/node_count', numanodes?.setting ?? numanode.setting);
    mark('/numa/nodes', numanode.setting);
  } else if (numanodes?.value != null && numanodes.value >= 1) {
    req = { mode: 'auto', node_count: numanodes.value };
    mark('/numa', numanodes.setting);
    mark('/numa/mode', numa?.setting ?? numanodes.setting);
    mark('/numa/node_count', numanodes.setting);
  } else if (numa?.state === 'on') {
    req = { mode: 'auto', node_count: 1 };
    mark('/numa', numa.setting);
    mark('/numa/mode', numa.setting);
    mark('/numa/node_count', numa.setting);
  }
  return req;
}
