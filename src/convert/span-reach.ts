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

/**
 * The first item (in the given order) whose span holds an offset, as `items.find` answers it, by a
 * binary search: the xl-only options `convert` may comment out are looked up once per error of the
 * converted text, and a file of 30,000 `videoram` lines and as many errors spent 19 s in that scan.
 * Settings' spans are their statements': apart or the same. Spans that overlap otherwise (never
 * seen) are answered by the scan, so the answer is always the scan's.
 */
export class FirstHolder<T> {
  /** Distinct non-empty spans sorted by start, each with the first item of that span; null when two overlap. */
  private readonly sorted: { start: number; end: number; item: T }[] | null;

  /** Index `items` by their spans (`spanOf`, read once each here). */
  constructor(
    private readonly items: readonly T[],
    private readonly spanOf: (item: T) => Span,
  ) {
    const first = new Map<string, { start: number; end: number; item: T }>();
    for (const item of items) {
      const { start, end } = spanOf(item);
      const k = `${start}:${end}`;
      // An empty span holds no offset.
      if (end > start && !first.has(k)) first.set(k, { start, end, item });
    }
    const sorted = [...first.values()].sort((a, b) => a.start - b.start);
    this.sorted = sorted.every((s, i) => i === 0 || s.start >= sorted[i - 1]!.end) ? sorted : null;
  }

  /** The first item whose span holds `at` (start <= at < end), or undefined. */
  at(at: number): T | undefined {
    const sorted = this.sorted;
    if (sorted === null) {
      return this.items.find((x) => {
        const s = this.spanOf(x);
        return at >= s.start && at < s.end;
      });
    }
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.start <= at) lo = mid + 1;
      else hi = mid;
    }
    const s = lo === 0 ? undefined : sorted[lo - 1]!;
    return s !== undefined && at < s.end ? s.item : undefined;
  }
}
