/**
 * Counting runs of the host schema validator (each validateHost runs it once), for the tests that
 * a host is validated once (decisions 087 and 094), and the big hosts they count on. Used from a
 * vi.mock factory: `vi.mock('…/generated/host-validator.mjs', countedHostValidator)`.
 */
import type { Host } from '../../src/placement/types.js';

/** Validator runs since the last reset (shared by the mock and the test: one module instance). */
export const validatorRuns = { n: 0 };

type Validator = typeof import('../../src/placement/generated/host-validator.mjs').default;

/** The generated validator module with its function counting runs (a vi.mock factory). */
export async function countedHostValidator(importOriginal: () => Promise<unknown>): Promise<{ default: Validator; validate: Validator }> {
  const orig = ((await importOriginal()) as { default: Validator }).default;
  const counted = Object.assign(
    (data: unknown): boolean => {
      validatorRuns.n++;
      const ok = orig(data);
      counted.errors = orig.errors;
      return ok;
    },
    { errors: null as Validator['errors'] },
  ) as Validator;
  return { default: counted, validate: counted };
}

/** Host schema validator runs while `run` runs. */
export async function validationsOf(run: () => unknown): Promise<number> {
  validatorRuns.n = 0;
  await run();
  return validatorRuns.n;
}

/** A host of `n` nodes, 4 CPUs each, a full SLIT matrix (10 local, 16 within a group of 4, 32 beyond). */
export function bigHost(n: number): Host {
  return {
    nodes: Array.from({ length: n }, (_, i) => ({
      id: i,
      cpus: [4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3],
      memory_mib: 65536,
      free_mib: 65536 - (i % 4) * 4096,
      distances: Object.fromEntries(Array.from({ length: n }, (_, j) => [String(j), i === j ? 10 : i >> 2 === j >> 2 ? 16 : 32])),
    })),
  };
}
