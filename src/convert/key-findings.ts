/**
 * @fileoverview The findings `convert --to xl` makes about keys the converted file keeps: keys xl
 * does not know (XM0101, XM0551), and the NUMA keys written as they were for want of a host (XM0550).
 */
import type { CheckResult } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { KeyConversion } from './key-conversion.js';
import { xlIgnoredKey, xlKnowsKey } from './xl-keys.js';

/** The RFC's NUMA keys, which a host's placement plan replaces. */
export const NUMA_KEYS: ReadonlySet<string> = new Set(['numa', 'numanodes', 'numanode']);

/** Keys xl does not know (other than those the conversion rewrote or kept as comments), and NUMA keys kept for lack of a host: reported at the key. */
export function keyDiagnostics(res: CheckResult, planned: boolean, keys: KeyConversion): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of res.settings) {
    if (NUMA_KEYS.has(s.key)) {
      if (!planned) {
        out.push({
          code: 'XM0550',
          severity: 'warning',
          message: `xl ignores "${s.key}"; the key is kept as written`,
          span: s.keySpan,
          hint: 'give --host HOST to turn the NUMA request into cpus/vnuma settings',
        });
      }
    } else if (!xlKnowsKey(s.key) && !keys.handles(s.key)) {
      out.push(xlIgnoredKey(s.key, s.keySpan));
    }
  }
  return out;
}
