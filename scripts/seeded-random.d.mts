/** mulberry32: a small fast PRNG; the same seed gives the same stream in [0, 1) on every machine. */
export function mulberry32(seed: number): () => number;
