/**
 * @fileoverview `check --host`: placement findings of a config against a host (XM04xx), each at
 * the span of the key or value that causes it (`/numa`, `/cpus`, `/memory`, ...), or the file's
 * anchor when the span map lacks it (a default the file does not write; decision 051).
 */
import { plural, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { CheckedHost, checkedHost, validateHost } from './host-check.js';
import { guestShape } from './guest.js';
import { isNodeCpusFinding, nodeCpusFindings, type NodeCpusFinding } from './node-cpus.js';
import { cpusOffHost, cpusPartlyOffHost, isCpuList, vcpusReach, type OffHostCpus } from './pinning.js';
import { planChecked } from './plan.js';
import { runCpus } from './plan-build.js';
import type { CpusEntryFinding, Host, NarrowedFinding, NodeFinding, PlacementConfig } from './types.js';
import { badPnodes, pnodeFindings, vnumaVcpuFindings } from './vnuma-pnodes.js';

/** Spans of a config's keys and values, by JSON pointer (`/numa`, `/cpus`): the normaliser's Map, or a record. */
export type SpanMap = ReadonlyMap<string, { key: Span; value: Span }> | Readonly<Record<string, { key: Span; value: Span }>>;

/** Where a finding about the whole file goes when the caller knows no text: the check moves it to the file's anchor (decision 051). */
const FILE: Span = { start: 0, end: 0 };

/** The value span of the first pointer the map has; else `anchor`, the file's (no key of the file causes the finding). */
function spanOf(spans: SpanMap | undefined, anchor: Span, ...pointers: string[]): Span {
  for (const p of pointers) {
    const s = spans instanceof Map ? spans.get(p) : spans && Object.hasOwn(spans, p) ? (spans as Record<string, { key: Span; value: Span }>)[p] : undefined;
    if (s) return { ...s.value };
  }
  return { ...anchor };
}

/**
 * XM0402's span: the first numanode entry that names a node not in `ids` (`[0, 5]`: the `5`), as
 * XM0305 points at the repeated entry; the whole value when the entries' spans or the host are unknown.
 */
function missingNodeSpan(config: PlacementConfig, spans: SpanMap | undefined, ids: ReadonlySet<number> | null, numaSpan: Span): Span {
  const numa = config.numa;
  if (!ids || numa?.mode !== 'nodes') return numaSpan;
  const i = numa.nodes.findIndex((id) => !ids.has(id));
  return i < 0 ? numaSpan : spanOf(spans, numaSpan, `/numa/nodes/${i}`);
}

/**
 * XM0429's span: its node item inside the list's string, when the literal has no escapes (the
 * value span is the text and one or three quotes each side, as the normaliser's subSpan reads it);
 * else the list's whole value.
 */
function nodeItemSpan(config: PlacementConfig, spans: SpanMap | undefined, d: NodeCpusFinding, anchor: Span): Span {
  const value = spanOf(spans, anchor, d.pointer, '/' + d.pointer.split('/')[1]!);
  const [, key, entry] = d.pointer.split('/');
  const v: unknown = config[key!];
  const list: unknown = entry === undefined ? v : Array.isArray(v) ? v[Number(entry)] : undefined;
  if (!isCpuList(list) || value.end === value.start) return value;
  const quotes = value.end - value.start - list.text.length;
  const base = quotes === 2 ? value.start + 1 : quotes === 6 ? value.start + 3 : null;
  return base === null ? value : { start: base + d.start, end: base + d.end };
}

/** The span a plan's own finding belongs at, or null for findings about the host or the ledger. */
function configSpan(config: PlacementConfig, spans: SpanMap | undefined, d: Diagnostic, anchor: Span, host?: Host | null): Span | null {
  const code = d.code;
  const numa = config.numa;
  const numaSpan =
    numa?.mode === 'nodes' ? spanOf(spans, anchor, '/numa/nodes', '/numa') : numa?.mode === 'auto' && numa.node_count > 1 ? spanOf(spans, anchor, '/numa/node_count', '/numa') : spanOf(spans, anchor, '/numa');
  // numa = "off" and a guest without NUMA keys ask for no nodes: only the memory can be too much.
  if (code === 'XM0402') return missingNodeSpan(config, spans, host ? new Set(host.nodes.map((n) => n.id)) : null, numaSpan);
  // Without NUMA keys a vnuma of the config's own fixes the nodes (own-vnuma.ts): a node it overfills is its doing.
  if (code === 'XM0403' && !numa && Array.isArray(config.vnuma)) return spanOf(spans, anchor, '/vnuma');
  if (code === 'XM0403' || code === 'XM0404') return numa && numa.mode !== 'off' ? numaSpan : spanOf(spans, anchor, '/memory', '/maxmem');
  if (code === 'XM0405') {
    // A per-vCPU entry naming no CPU of the host is at that entry (the first, when several are).
    const entries = (d as Partial<CpusEntryFinding>).entries;
    return Array.isArray(entries) && entries.length > 0 ? spanOf(spans, anchor, `/cpus/${entries[0]}`, '/cpus') : spanOf(spans, anchor, '/cpus');
  }
  if (code === 'XM0416' || code === 'XM0417' || code === 'XM0423') return spanOf(spans, anchor, '/cpus');
  if (code === 'XM0406') {
    // A node without CPUs that numanode lists is there by the config's choice, not for its vCPU count.
    const node = (d as Partial<NodeFinding>).node;
    if (typeof node === 'number' && numa?.mode === 'nodes' && numa.nodes.includes(node)) return numaSpan;
    // Overcommitted because cpus lets the vCPUs run on only some of the node's CPUs: cpus is the cause.
    if ((d as Partial<NarrowedFinding>).byCpus === true) return spanOf(spans, anchor, '/cpus', '/maxvcpus', '/vcpus');
    return spanOf(spans, anchor, '/maxvcpus', '/vcpus', '/numa');
  }
  if (code === 'XM0415') return spanOf(spans, anchor, '/maxvcpus', '/vcpus');
  // The nodes the NUMA keys asked for (or the allocator chose for them) cannot take their shares.
  if (code === 'XM0412') return numaSpan;
  // XM0421: the vCPUs the config's own vnuma lists (check --host puts it there too, requestFindings).
  if (code === 'XM0424' || code === 'XM0421') return spanOf(spans, anchor, '/vnuma');
  if (code === 'XM0425' || code === 'XM0426') return spanOf(spans, anchor, '/cpus_soft');
  if (isNodeCpusFinding(d)) return nodeItemSpan(config, spans, d, anchor);
  return null;
}

/**
 * A plan's findings with the config-caused ones (XM0402–XM0406, XM0412, XM0415–XM0417, XM0421, XM0423–XM0426, XM0429) moved to their key's
 * value span; with the host, each XM0420 to its vnode's pnode (the plan lists them in vnode order).
 */
export function atConfigSpans(config: PlacementConfig, spans: SpanMap | undefined, diagnostics: readonly Diagnostic[], host?: Host | null, anchor: Span = FILE): Diagnostic[] {
  const bad = host ? badPnodes(config.vnuma, host) : [];
  let pnodes = 0;
  return diagnostics.map((d) => {
    if (d.code === 'XM0420') {
      const b = bad[pnodes++];
      return { ...d, span: b ? spanOf(spans, anchor, `/vnuma/${b.vnode}/pnode`, `/vnuma/${b.vnode}`, '/vnuma') : spanOf(spans, anchor, '/vnuma') };
    }
    const span = configSpan(config, spans, d, anchor, host);
    return span ? { ...d, span } : d;
  });
}

/**
 * The plan's findings check --host passes on: those about the config (XM0402 and XM0405 are judged
 * below, with the NUMA key related; XM0416 too, so it is said when the plan refuses; XM0420 and
 * XM0421 by the vnuma checks), not those about the host file or a ledger (plan reads none here).
 */
const FROM_PLAN = new Set(['XM0403', 'XM0404', 'XM0406', 'XM0412', 'XM0415', 'XM0417', 'XM0423', 'XM0424', 'XM0425', 'XM0426']);

/**
 * Placement findings of a normalised config against a host, planned with the defaults of `dialect` (as plan does); never throws.
 * A CheckedHost (the CLI's `check --host`, once per process for every file) is not validated again (decision 094).
 */
export function placementFindings(config: PlacementConfig, spans: SpanMap | undefined, host: Host | CheckedHost, dialect?: 'xl' | 'xm', anchor: Span = FILE): Diagnostic[] {
  let valid: CheckedHost;
  if (host instanceof CheckedHost) valid = host;
  else {
    const checked = validateHost(host);
    if (!checked.host) return checked.diagnostics;
    valid = checkedHost(checked.host);
  }
  const out = requestFindings(config, spans, valid, dialect, anchor);
  // Whatever else is found (plan says it before any refusal too).
  const partly = cpusPartlyOffHost(config, valid.host);
  if (partly) out.push({ code: 'XM0416', severity: 'warning', message: partly, span: spanOf(spans, anchor, '/cpus') });
  // Node items xl fills only below CPU 64 (plan says them before any refusal too).
  for (const d of nodeCpusFindings(config, valid.host, dialect)) out.push(...atConfigSpans(config, spans, [d], undefined, anchor));
  return out;
}

/** The findings of the config's NUMA request, memory and pins on a valid host (all but XM0416). */
function requestFindings(config: PlacementConfig, spans: SpanMap | undefined, valid: CheckedHost, dialect: 'xl' | 'xm' | undefined, anchor: Span): Diagnostic[] {
  const h = valid.host;
  const out: Diagnostic[] = [];
  const numa = config.numa;
  const numaSpan =
    numa?.mode === 'nodes' ? spanOf(spans, anchor, '/numa/nodes', '/numa') : numa?.mode === 'auto' && numa.node_count > 1 ? spanOf(spans, anchor, '/numa/node_count', '/numa') : spanOf(spans, anchor, '/numa');
  const ids = new Set(h.nodes.map((n) => n.id));
  if (numa?.mode === 'nodes') {
    const missing = numa.nodes.filter((id) => !ids.has(id));
    if (missing.length > 0) {
      out.push({
        code: 'XM0402',
        severity: 'error',
        message: `numanode names node${missing.length > 1 ? 's' : ''} ${missing.join(',')}, which the host does not have`,
        span: missingNodeSpan(config, spans, ids, numaSpan),
        hint: `host nodes: ${[...ids].join(',')}`,
      });
      return out;
    }
  }
  // The config's own vnuma names the host nodes its memory goes to (plan refuses the same, XM0420).
  out.push(...pnodeFindings(config.vnuma, h, (i) => spanOf(spans, anchor, `/vnuma/${i}/pnode`, `/vnuma/${i}`, '/vnuma')));
  out.push(...vnumaVcpuFindings(config, h, spanOf(spans, anchor, '/vnuma')));
  if (numa?.mode === 'auto' && numa.node_count > h.nodes.length) {
    out.push({ code: 'XM0404', severity: 'error', message: `numanodes = ${numa.node_count} but the host has ${plural(h.nodes.length, 'node')}`, span: numaSpan });
    return out;
  }
  // Capacity: the plan's own refusal says which nodes lack what; and what the plan itself finds
  // about the config, so check --host and plan agree (the codes below are judged here instead).
  // The host was validated once, by placementFindings or its caller: not again (decisions 087, 094).
  const r = planChecked(config, valid, { dialect });
  for (const d of atConfigSpans(config, spans, r.diagnostics, undefined, anchor)) if (FROM_PLAN.has(d.code)) out.push(d);
  // cpus outside the NUMA nodes the config names (or outside every node: an empty affinity); the
  // nodes are judged on the CPUs the vCPUs may run on, every CPU past a short per-vCPU list, as plan does.
  const hard = vcpusReach(config, h, guestShape(config).maxvcpus);
  const offHost = cpusOffHost(config, h);
  if (offHost) {
    out.push(offHostFinding(offHost, spans, anchor));
    return out;
  }
  if (hard && numa?.mode === 'nodes') {
    // The CPUs the plan would run them on: a memory-only node's vCPUs use the nearest CPUs.
    const nodeCpus = new Set([...new Set(numa.nodes)].flatMap((id) => runCpus(h, id)));
    if (![...hard].some((c) => nodeCpus.has(c))) {
      out.push({
        code: 'XM0405',
        severity: 'error',
        message: `cpus shares no CPU with numanode ${numa.nodes.join(',')} (their CPUs: ${[...nodeCpus].sort((a, b) => a - b).join(',') || 'none'})`,
        span: spanOf(spans, anchor, '/cpus'),
        related: [{ message: 'the NUMA nodes are set here', span: numaSpan }],
      });
    }
  }
  return out;
}

/** XM0405 for cpus naming no CPU of the host: at the first per-vCPU entry that names none, the others related (or at cpus, for one string). */
function offHostFinding(o: OffHostCpus, spans: SpanMap | undefined, anchor: Span): Diagnostic {
  const [first, ...rest] = o.entries;
  const d: Diagnostic = { code: 'XM0405', severity: 'error', message: o.message, span: first === undefined ? spanOf(spans, anchor, '/cpus') : spanOf(spans, anchor, `/cpus/${first}`, '/cpus') };
  if (rest.length > 0) d.related = rest.map((i) => ({ message: `the entry of vCPU ${i} names no CPU of the host either`, span: spanOf(spans, anchor, `/cpus/${i}`, '/cpus') }));
  return d;
}
