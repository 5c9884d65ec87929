/**
 * @fileoverview Decision 102: a list with more items than its option allows (XM0103, "disk must have
 * at most 1024 items; it has 100000") is one finding. Normalisation still reads every item (the
 * normalised list is what the schema measures), and each bad one had its own finding: 100,000 XM0213
 * after the XM0103, which the --max-findings cap then cut to a thousand of the same kind. The list is
 * refused whole (validateKnown lists it as rejected, so the rules never read it), and its items are
 * judged once it is short enough; until then their findings are left out.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';

/** `diagnostics` without those inside the value of a too-long list (`lists`: their source spans). */
export function withoutItemFindings(diagnostics: readonly Diagnostic[], lists: readonly Span[]): readonly Diagnostic[] {
  if (lists.length === 0) return diagnostics;
  return diagnostics.filter((d) => !lists.some((l) => l.start <= d.span.start && d.span.end <= l.end));
}
