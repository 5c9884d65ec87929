/**
 * @fileoverview Keys the chosen dialect's tool ignores (XM0550–XM0553): in xl, the RFC NUMA keys
 * (silently ignored) and xm-only options (unknown to xl, or read only to warn); in xm, xl-only options.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { optionSchema, FOLDED_KEYS } from '../../normalize/index.js';
import { makeDiag, type Rule } from './context.js';

const NUMA_KEYS = new Set(['numa', ...Object.keys(FOLDED_KEYS)]);
/** xm options xl recognises only to warn that it ignores them. */
const XL_WARNS = new Set(['device_model', 'vif2', 'vncviewer']);

/** Dialect-specific key findings. */
export const dialectKeys: Rule = ({ effective, dialect }) => {
  const out: Diagnostic[] = [];
  for (const [key, s] of effective) {
    if (dialect === 'xl' && NUMA_KEYS.has(key)) {
      out.push(makeDiag('XM0550', s.keySpan, `xl ignores ${key}; use \`xmcfg plan\` / \`convert --host\` to turn it into cpus / cpus_soft settings`));
      continue;
    }
    const meta = optionSchema(key)?.['x-xmcfg'];
    if (!meta || meta.dialects.includes(dialect)) continue;
    if (dialect === 'xl') {
      const repl = meta.deprecatedBy && optionSchema(meta.deprecatedBy)?.['x-xmcfg'].dialects.includes('xl') ? `; use ${meta.deprecatedBy}` : '';
      if (XL_WARNS.has(key)) out.push(makeDiag('XM0552', s.keySpan, `xl reads ${key} only to warn that it is ignored${repl}`));
      else out.push(makeDiag('XM0551', s.keySpan, `${key} is an xm option that xl does not know; xl ignores it${repl}`));
    } else if (!NUMA_KEYS.has(key)) {
      out.push(makeDiag('XM0553', s.keySpan, `${key} is an xl option that xm did not have (xm ignored it)`));
    }
  }
  return out;
};
