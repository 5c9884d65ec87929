/**
 * @fileoverview The shape check of a plan read back from the ledger. The ledger is a file: another
 * program, a hand edit or a damaged row can leave a `plan` column that is JSON but not a plan, and
 * migrate-plan and rebalance would then fail on a missing field instead of reporting XM0408.
 */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isIds = (v: unknown): v is number[] => Array.isArray(v) && v.every(isId);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * A stored CPU list: its text and items as the normaliser parsed them (resolveCpuList reads them).
 * Deeper than pinning.ts's isCpuList, which tells a parsed list from other config values: a ledger
 * row is read back from a file anyone may have edited.
 */
function isStoredCpuList(v: unknown): boolean {
  if (!isObj(v) || typeof v.text !== 'string' || !Array.isArray(v.items)) return false;
  return v.items.every(
    (it) => isObj(it) && typeof it.negate === 'boolean' && ['all', 'cpu', 'node'].includes(it.kind as string) && Number.isSafeInteger(it.from) && Number.isSafeInteger(it.to) && (it.from as number) >= -1,
  );
}

/** A stored affinity: a CPU list, or one per vCPU (null: the default). */
const isStoredCpus = (v: unknown): boolean => isStoredCpuList(v) || (Array.isArray(v) && v.every((l) => l === null || isStoredCpuList(l)));

/** A stored request (types.ts StoredRequest): its NUMA mode, with the nodes or count it names, vnuma pnodes, own vnuma, cpus. */
function isStoredRequest(v: unknown): boolean {
  if (!isObj(v) || !['auto', 'numanodes', 'numanode', 'off'].includes(v.numa as string)) return false;
  if (v.numa === 'numanode' && !isIds(v.nodes)) return false;
  if (v.node_count !== undefined && !isId(v.node_count)) return false;
  if (v.vnuma_pnodes !== undefined && !isIds(v.vnuma_pnodes)) return false;
  if (v.own_vnuma !== undefined && typeof v.own_vnuma !== 'boolean') return false;
  return v.cpus === undefined || isStoredCpus(v.cpus);
}

/** The field of `value` that keeps it from being the stored plan of `domain`, or null when it is one. */
export function storedPlanProblem(value: unknown, domain: string): string | null {
  if (!isObj(value)) return 'not an object';
  if (value.version !== 1) return 'version';
  if (value.domain !== domain) return 'domain';
  if (!['best', 'round-robin', 'most-free'].includes(value.policy as string)) return 'policy';
  if (value.affinity !== 'hard' && value.affinity !== 'soft') return 'affinity';
  if (!isIds(value.nodes)) return 'nodes';
  const na = value.node_affinity;
  if (!isObj(na) || !isIds(na.nodes) || typeof na.mask !== 'string') return 'node_affinity';
  if (!isObj(value.memory_per_node_mib) || !Object.values(value.memory_per_node_mib).every(isId)) return 'memory_per_node_mib';
  if (!Array.isArray(value.vcpus) || !value.vcpus.every((v) => isObj(v) && isId(v.vcpu) && isId(v.node) && isIds(v.cpus))) return 'vcpus';
  const cf = value.create_flags;
  if (!isObj(cf) || !isId(cf.value) || !isStrings(cf.names)) return 'create_flags';
  const xl = value.xl;
  if (!isObj(xl) || !(xl.cpus === null || isStrings(xl.cpus)) || !(xl.vnuma === null || (Array.isArray(xl.vnuma) && xl.vnuma.every(isStrings)))) return 'xl';
  if (!isStrings(value.commands)) return 'commands';
  if (!isStrings(value.reasons)) return 'reasons';
  // The config's own cpus_soft (decision 046): a CPU list, or one per vCPU (null: the default).
  const soft = value.config_cpus_soft;
  if (soft !== undefined && !isStoredCpus(soft)) return 'config_cpus_soft';
  // What the config asked for (decision 050).
  const req = value.config_request;
  if (req !== undefined && !isStoredRequest(req)) return 'config_request';
  return null;
}

