/**
 * @fileoverview The parser's side of decision 011's cap: with `ParseOptions.maxFindings`, only the
 * first N findings of each severity (in the order sortDiagnostics gives: position, then code) are
 * kept and the rest are counted. A file with a finding on every line then holds N finding objects
 * instead of millions (each 150-240 bytes: 32 MiB of `)` lines peaked at 3.8 GB). Keeping N per
 * severity keeps `check`'s list exact: its cap lists at most N, errors first, so a finding dropped
 * here has N of its own severity ranked before it and would not have been listed.
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { SeverityCounts } from '../diagnostics/limit.js';

/** sortDiagnostics' order; `0` for findings it leaves in input order. */
function compare(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The first `max` findings of each severity, and counts of the ones left out. */
export class FindingCap {
  private readonly kept: Record<Severity, Diagnostic[]> = { error: [], warning: [], info: [] };
  /** Findings kept whatever the cap (see `exempt`), in arrival order. */
  private readonly always: Diagnostic[] = [];
  readonly omitted: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };

  /**
   * `exempt`: findings a later stage may remove (the BOM note in xl): they are neither capped nor
   * counted, so removing one never leaves a slot that a dropped finding should have filled.
   */
  constructor(
    readonly max: number,
    private readonly exempt: (d: Diagnostic) => boolean = () => false,
  ) {}

  /** Offer findings in arrival order (ties in position keep it, as a stable sort would). */
  offer(items: readonly Diagnostic[], from = 0): void {
    for (let i = from; i < items.length; i++) this.add(items[i]!);
  }

  /** Offer one finding. */
  add(d: Diagnostic): void {
    if (this.exempt(d)) {
      this.always.push(d);
      return;
    }
    const list = this.kept[d.severity];
    if (list.length < this.max || compare(d, list[list.length - 1]!) < 0) {
      // Findings come nearly in file order, so this is mostly a push; an earlier one (a later
      // stage's, or a chunk's split problems before its statements') is inserted after its equals.
      let at = list.length;
      while (at > 0 && compare(d, list[at - 1]!) < 0) at--;
      list.splice(at, 0, d);
      if (list.length > this.max) this.count(list.pop()!);
    } else this.count(d);
  }

  /**
   * True when `d` would only be counted if offered now: it is counted here and must not be offered.
   * Nothing offered later keeps it either (the kept list only fills up, and its last finding only
   * moves earlier), so the parser may ask before it spends work on the finding's message.
   */
  dropsNow(d: Diagnostic): boolean {
    if (this.exempt(d)) return false;
    const list = this.kept[d.severity];
    if (list.length < this.max || compare(d, list[list.length - 1]!) < 0) return false;
    this.count(d);
    return true;
  }

  /** Everything kept, exempt findings first (in arrival order; the result is sorted by the caller). */
  diagnostics(): Diagnostic[] {
    return [...this.always, ...this.kept.error, ...this.kept.warning, ...this.kept.info];
  }

  private count(d: Diagnostic): void {
    if (d.severity === 'error') this.omitted.errors++;
    else if (d.severity === 'warning') this.omitted.warnings++;
    else this.omitted.infos++;
  }
}
