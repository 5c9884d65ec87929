/**
 * @fileoverview Questions about a set of spans ("does one of them hold this span", "does one of
 * them overlap this stretch") answered by a binary search instead of a scan of all of them: the
 * conversion asks them once per statement, finding or continuation, and a file of 50,000
 * statements with as many commented out or edited made each scan a quadratic loop.
 */
import type { Span } from '../diagnostics/span.js';

/** Spans sorted once by start, with the furthest end reached by those starting up to each one. */
export class SpanReach {
  private readonly starts: number[] = [];
  /** reach[i]: the largest end among the spans sorted before and at i. */
  private readonly reach: number[] = [];

  /** Index `spans` (read once each; any order, overlapping or not). */
  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
    let far = -1;
    for (const s of sorted) {
      far = Math.max(far, s.end);
      this.starts.push(s.start);
      this.reach.push(far);
    }
  }

  /** The furthest end of the spans starting before `x` (-1 when none does). */
  reachBefore(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : this.reach[lo - 1]!;
  }

  /** Whether one of the spans holds `span` whole (starts at or before it, ends at or after it). */
  holds(span: Span): boolean {
    return this.reachBefore(span.start + 1) >= span.end;
  }

  /** Whether one of the spans shares a character with `start`..`end` (start < end): starts before its end, ends after its start. */
  overlaps(start: number, end: number): boolean {
    return this.reachBefore(end) > start;
  }
}
