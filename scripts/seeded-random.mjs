// The one seeded generator of the dev tools and tests (scripts/fuzz-mutations.mjs, bench/rebalance.mjs,
// test/syntax/libxlu-skip.test.ts): plain JavaScript so node runs it as it is, with its types in
// seeded-random.d.mts for the TypeScript tests. Changing it changes every fuzz input, bench case and
// mutated test text made from a seed, so it stays exactly mulberry32.

/** mulberry32: a small fast PRNG; the same seed gives the same stream in [0, 1) on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
