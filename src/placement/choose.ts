/**
 * @fileoverview One entry point for every policy: explicit node lists are placed as listed (no
 * policy chooses them), everything else goes to the named policy.
 */
import type { Capacity } from './capacity.js';
import { choice, shortage, type Choice, type Demand, type Refusal } from './demand.js';
import { chooseBest } from './policy-best.js';
import { chooseMostFree, chooseRoundRobin } from './policy-simple.js';
import { splitMemory, vcpusPerSlot } from './split.js';
import type { PolicyName } from './types.js';

/** Choose nodes and memory for a demand under a policy. */
export function choose(d: Demand, cap: Capacity, policy: PolicyName, cursor = 0): Choice | Refusal {
  if (d.kind === 'list') {
    const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, d.list.length), d.list.map((p) => cap.free[p]!));
    if (!split) return shortage(d, cap);
    return choice([...d.list], split.mem, split.proportional, 'listed', []);
  }
  if (policy === 'round-robin') return chooseRoundRobin(d, cap, cursor);
  if (policy === 'most-free') return chooseMostFree(d, cap);
  return chooseBest(d, cap);
}
