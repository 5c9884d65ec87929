/**
 * @fileoverview Conflicts between the NUMA keys (spec §3): numa=off with numanode(s), numanodes vs
 * the numanode list, numanodes < 1, a node listed twice, more nodes than vCPUs. The keys are read
 * from the settings (the normalised config folds them into one `numa` field).
 */
import { plural, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { readNumaParts } from '../../normalize/index.js';
import type { NumaParts } from '../../normalize/index.js';
import { makeDiag, maxVcpusOf, maxVcpusRelated, valueAt, type Rule } from './context.js';
import type { UnknownValues } from '../unknown-values.js';

/**
 * The parts with no value for a key whose value is unknown: a refused value reads as none already,
 * and a setting an unread assignment came after (xm `numanodes = f()`) is stale. The setting stays:
 * that the key is written is still known.
 */
function knownParts(parts: NumaParts, unknown: UnknownValues): NumaParts {
  if (unknown.size === 0) return parts;
  const out: NumaParts = { ...parts };
  if (out.numa && unknown.has('numa')) out.numa = { ...out.numa, state: null };
  if (out.numanodes && unknown.has('numanodes')) out.numanodes = { ...out.numanodes, value: null };
  if (out.numanode && unknown.has('numanode')) out.numanode = { setting: out.numanode.setting, nodes: null };
  return out;
}

/** Every NUMA-key conflict (XM0302–XM0306). */
export const numaConflicts: Rule = ({ config, spans, effective, dialect, unknown }) => {
  const { numa, numanodes, numanode } = knownParts(readNumaParts(effective, dialect), unknown);
  const out: Diagnostic[] = [];
  if (numa?.state === 'off') {
    for (const p of [numanodes, numanode]) {
      if (!p) continue;
      out.push(
        makeDiag('XM0302', p.setting.valueSpan, `numa = "off" contradicts ${p.setting.key}`, {
          related: [{ message: 'numa is turned off here', span: numa.setting.valueSpan }],
          hint: `remove numa = "off" or ${p.setting.key}`,
        }),
      );
    }
  }
  if (numanodes?.value != null && numanodes.value < 1) out.push(makeDiag('XM0304', numanodes.setting.valueSpan, `numanodes must be at least 1; got ${numanodes.value}`, { hint: 'use numa = "off" to turn placement off' }));
  const nodes = numanode?.nodes;
  if (nodes) {
    const seen = new Map<number, (typeof nodes)[number]>();
    for (const n of nodes) {
      const first = seen.get(n.id);
      if (first) out.push(makeDiag('XM0305', n.span, `node ${n.id} is listed twice in numanode`, { related: [{ message: 'first listed here', span: first.span }] }));
      else seen.set(n.id, n);
    }
    if (numanodes?.value != null && numanodes.value >= 1 && numanodes.value !== nodes.length) {
      out.push(
        makeDiag('XM0303', numanodes.setting.valueSpan, `numanodes = ${numanodes.value} but numanode lists ${plural(nodes.length, 'node')}`, {
          related: [{ message: 'the nodes are listed here', span: numanode.setting.valueSpan }],
          hint: 'drop numanodes; the list implies the count',
        }),
      );
    }
  }
  // config.numa is left out when one of its keys is unknown (the request is then unknown too).
  const req = config.numa;
  if (req && req.mode !== 'off') {
    const max = maxVcpusOf(config, unknown);
    if (max !== null && req.node_count > max.value) {
      // At numanodes when it gives the count (spec §3: "numanodes greater than maxvcpus"), else at the list.
      const byCount = numanodes?.value === req.node_count;
      const at = req.mode === 'nodes' && !byCount ? numanode!.setting.valueSpan : byCount ? numanodes!.setting.valueSpan : valueAt(spans, '/numa/node_count');
      const d = makeDiag('XM0306', at, `${req.node_count} NUMA nodes for ${plural(max.value, 'vCPU')}: some nodes get memory but no vCPU (xmcfg plan lets the nearest vCPUs also run on their CPUs, so that Xen allocates there)`);
      const related = maxVcpusRelated(spans, max);
      if (related) d.related = related;
      out.push(d);
    }
  }
  return out;
};
