/**
 * @fileoverview The findings of one check, collected in stage order, with the later stages' side of
 * decision 011's cap: with `CheckOptions.maxFindings`, only the first N of each severity (in
 * sortDiagnostics' order) are kept and the rest counted, as the parser does (src/syntax/finding-cap.ts),
 * so `check`'s list, cut by limitFindings, is the one an uncapped run gives. Every filter applies to
 * each finding before the cap sees it (a finding filtered out must not take a slot). An unknown key's
 * XM0101 and any key's XM0201 (normalisation hands these over, NormalizeOptions.onDuplicate) are built
 * only when kept: the "did you mean" search is most of XM0101's cost, and a generated file has
 * 250,000 of them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { SeverityCounts } from '../diagnostics/limit.js';
import type { Dialect } from '../syntax/value.js';
import { atAnchor, isFileSpan } from '../diagnostics/file-anchor.js';
import { FindingCap } from '../syntax/finding-cap.js';
import { makeDiag } from '../normalize/index.js';
import { unknownKeyAt } from '../schema/index.js';

/** The findings of one check: every one (no cap) or the first N of each severity and counts. */
export class CheckFindings {
  private readonly all: Diagnostic[] = [];
  private readonly cap: FindingCap | undefined;
  /** Stand-ins offered to the cap, with what builds the real finding when kept; weak: the ones the cap drops go. */
  private readonly pending = new WeakMap<Diagnostic, () => Diagnostic>();
  private anyPending = false;

  /**
   * `keep`: the per-finding filter applied before anything is kept or counted. `anchor`: where a
   * finding about the whole file (at {0,0}) goes, before the cap ranks it (decision 051).
   */
  constructor(
    maxFindings: number | undefined,
    private readonly dialect: Dialect,
    private readonly keep: (d: Diagnostic) => boolean,
    private readonly anchor: Span = { start: 0, end: 0 },
  ) {
    this.cap = maxFindings !== undefined && maxFindings > 0 ? new FindingCap(maxFindings) : undefined;
  }

  /** Add findings, in stage order (ties in position keep it). */
  push(items: readonly Diagnostic[]): void {
    for (let i = 0; i < items.length; i++) this.add(items[i]!);
  }

  /** Add one finding. */
  add(found: Diagnostic): void {
    if (!this.keep(found)) return;
    const d = atAnchor(found, this.anchor);
    if (this.cap) this.cap.add(d);
    else this.all.push(d);
  }

  /** Add the XM0101 of an unknown key at `span`; with a cap, built only if it is kept. */
  unknownKey(key: string, span: Span): void {
    this.lazy('XM0101', span, () => unknownKeyAt(key, span, this.dialect));
  }

  /**
   * Add the finding `build` makes, whose code and span are `code` and `span` (and severity the
   * code's): with a cap, a stand-in of that code, severity and span is ranked instead (the cap ranks
   * it the same) and the finding is built only if kept.
   */
  lazy(code: string, span: Span, build: () => Diagnostic): void {
    if (!this.cap) return this.add(build());
    const d = makeDiag(code, isFileSpan(span) ? this.anchor : span, '');
    if (!this.keep(d)) return;
    // Most stand-ins of a long file arrive after the list is full and are only counted: asked first,
    // they never enter the WeakMap, whose entries the garbage collector pays for one by one.
    if (this.cap.dropsNow(d)) return;
    this.pending.set(d, build);
    this.anyPending = true;
    this.cap.add(d);
  }

  /** The findings kept (unsorted), and the counts of the ones left out (null when none were). */
  result(): { diagnostics: Diagnostic[]; omitted: SeverityCounts | null } {
    if (!this.cap) return { diagnostics: this.all, omitted: null };
    const kept = this.cap.diagnostics();
    if (this.anyPending) {
      for (let i = 0; i < kept.length; i++) {
        const build = this.pending.get(kept[i]!);
        if (build !== undefined) kept[i] = atAnchor(build(), this.anchor);
      }
    }
    const o = this.cap.omitted;
    return { diagnostics: kept, omitted: o.errors + o.warnings + o.infos > 0 ? o : null };
  }
}
