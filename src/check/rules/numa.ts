/**
 * @fileoverview Conflicts between the NUMA keys (spec §3): numa=off with numanode(s), numanodes vs
 * the numanode list, numanodes < 1, a node listed twice, more nodes than vCPUs. The keys are read
 * from the settings (the normalised config folds them into one `numa` field).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readNumaParts } from '../../normalize/index.js';
import { makeDiag, maxVcpusOf, valueAt, type Rule } from './context.js';

/** Every NUMA-key conflict (XM0302–XM0306). */
export const numaConflicts: Rule = ({ config, spans, effective, dialect }) => {
  const { numa, numanodes, numanode } = readNumaParts(effective, dialect);
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
        makeDiag('XM0303', numanodes.setting.valueSpan, `numanodes = ${numanodes.value} but numanode lists ${nodes.length} node(s)`, {
          related: [{ message: 'the nodes are listed here', span: numanode.setting.valueSpan }],
          hint: 'drop numanodes; the list implies the count',
        }),
      );
    }
  }
  const req = config.numa;
  if (req && req.mode !== 'off') {
    const max = maxVcpusOf(config);
    if (req.node_count > max.value) {
      const at = req.mode === 'nodes' ? numanode!.setting.valueSpan : valueAt(spans, '/numa/node_count');
      const d = makeDiag('XM0306', at, `${req.node_count} NUMA nodes for ${max.value} vCPU(s): some nodes get no vCPU and no memory`);
      if (max.ptr) d.related = [{ message: `${max.ptr.slice(1)} is set here`, span: valueAt(spans, max.ptr) }];
      out.push(d);
    }
  }
  return out;
};
