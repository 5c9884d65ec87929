/**
 * @fileoverview `plan` and `convert --to xl --host` make no plan when a key the plan's demand is
 * made of is written but its value is unknown (decision 009): the allocator would put xl's default
 * (the dialect's memory default, one vCPU, automatic placement) in its place and place, or book in the ledger, a guest
 * the file does not describe. One XM0413 per such key, at the key.
 */
import type { CheckResult } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UnknownValue } from '../check/unknown-values.js';
import { PLAN_INPUTS } from './check-findings.js';

const WHY: Record<UnknownValue['why'], string> = {
  'not-evaluated': 'its expression is not evaluated',
  'not-read': 'it is set only inside a block that is not read',
  rejected: 'its value is rejected',
};

function hint(u: UnknownValue): string {
  if (u.why === 'not-read') return `set ${u.key} outside the block: settings inside it are not read`;
  if (u.why === 'not-evaluated') return `write ${u.key} as a value xmcfg can evaluate: a literal, or an expression of names the file binds, without calls`;
  return `the finding at this setting says why its value is rejected`;
}

/**
 * The XM0413 errors of the plan inputs whose value is unknown, and with them the check's findings
 * at a rejected input's setting: they say why it is rejected (xl's `memory += 256` is only a
 * warning, which `plan` would not print; convert prints no XM01xx finding). Empty when the plan can
 * be made. The findings are the check's own objects, so a caller that also prints the check's
 * errors can drop the repeats by identity.
 */
export function unknownPlanInputs(result: Pick<CheckResult, 'unknown' | 'settings' | 'diagnostics'>): Diagnostic[] {
  const { unknown } = result;
  if (unknown.size === 0) return [];
  const out: Diagnostic[] = [];
  const causes = new Set<Diagnostic>();
  for (const key of PLAN_INPUTS) {
    const u = unknown.get(key);
    if (!u) continue;
    out.push({
      code: 'XM0413',
      severity: 'error',
      message: `the plan needs the value of ${key}, which is not known: ${WHY[u.why]}; no plan is made on xl's default in its place`,
      span: u.span,
      hint: hint(u),
    });
    if (u.why !== 'rejected') continue;
    const setting = result.settings.find((s) => s.key === key && s.keySpan.start === u.span.start);
    if (!setting) continue;
    const { start, end } = setting.span;
    for (const d of result.diagnostics) if (d.span.start >= start && d.span.start < end) causes.add(d);
  }
  return [...out, ...causes];
}
