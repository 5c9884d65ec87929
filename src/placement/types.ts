/**
 * @fileoverview Shapes of the placement layer: the host topology (SPEC §5), the slice of the
 * normalised config the allocator reads, and the plan (version 1).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CpuList } from '../normalize/cpulist.js';

/** One NUMA node of a host, as `xmcfg host` prints it. */
export interface HostNode {
  id: number;
  cpus: number[];
  memory_mib: number;
  free_mib: number;
  /** SLIT distances to other nodes, keyed by node id (as a string, JSON style). */
  distances: Record<string, number>;
  /** vCPUs already running on the node (load), optional. */
  vcpus_placed?: number;
}

/** A host topology (SPEC §5). Node ids may be sparse. */
export interface Host {
  nodes: HostNode[];
}

/** The NUMA request of a normalised config (SPEC §3). */
export type NumaRequest =
  | { mode: 'auto'; node_count: number }
  | { mode: 'nodes'; nodes: number[]; node_count: number }
  | { mode: 'off' };

/** The keys of a normalised config the allocator consumes; everything else is ignored. */
export interface PlacementConfig {
  name?: string;
  type?: 'pv' | 'pvh' | 'hvm';
  builder?: string;
  memory?: number;
  maxmem?: number;
  shadow_memory?: number;
  vcpus?: number;
  maxvcpus?: number;
  cpus?: CpuList | CpuList[];
  cpus_soft?: CpuList | CpuList[];
  numa?: NumaRequest;
  hap?: boolean;
  oos?: boolean;
  nestedhvm?: boolean;
  vpmu?: boolean;
  s3_integrity?: boolean;
  passthrough?: string;
  pci?: unknown[];
  dtdev?: unknown[];
  vnuma?: unknown;
  [key: string]: unknown;
}

/** Node-choice policies of `plan --policy`. */
export type PolicyName = 'best' | 'round-robin' | 'most-free';

/** Options of `plan()`. */
export interface PlanOptions {
  policy?: PolicyName;
  affinity?: 'hard' | 'soft';
  /** Round-robin cursor (a host node id) read from the ledger; the next placement starts here. */
  cursor?: number;
  /** Live reservations to subtract from the host's free memory and add to its load. */
  reservations?: ReadonlyArray<ReservationLoad>;
  /** Why a listed node set (numa mode "nodes") was chosen, for the first reason; default "listed in the config (numanode)". */
  listedBy?: string;
  /** The plan is a move of a placed guest (migrate-plan): the listed nodes are its --to-node targets, and its findings say so, not numanode. */
  move?: boolean;
  /** Whose defaults size a guest without `memory`: xl's (maxmem, else 32 MiB) or xm's (128 MiB); none: memory ?? maxmem ?? 128. */
  dialect?: 'xl' | 'xm';
}

/** What one live reservation takes from each node. */
export interface ReservationLoad {
  domain: string;
  nodes: ReadonlyArray<{ node: number; memory_mib: number; vcpus: number }>;
}

/** One vCPU's placement in a plan. */
export interface PlanVcpu {
  vcpu: number;
  node: number;
  cpus: number[];
}

/** The placement plan, `plan --format json` version 1 (SPEC §5). */
export interface Plan {
  version: 1;
  domain: string;
  policy: PolicyName;
  affinity: 'hard' | 'soft';
  nodes: number[];
  node_affinity: { nodes: number[]; mask: string };
  memory_per_node_mib: Record<string, number>;
  vcpus: PlanVcpu[];
  create_flags: { value: number; names: string[] };
  xl: { cpus: string[] | null; vnuma: string[][] | null };
  commands: string[];
  reasons: string[];
  /**
   * numa = "off" only: which of the config's own affinities keep the unplaced guest's memory on
   * some nodes (off-plan.ts); format.ts words its headers by it. Not enumerable, so the plan's
   * JSON (SPEC §5) does not carry it.
   */
  readonly keptBy?: 'cpus' | 'cpus_soft' | 'cpus and cpus_soft';
  /**
   * Only in a plan the ledger stores (hard affinity): the config's own cpus_soft, which stays in the
   * guest's file beside the plan's pins, so migrate-plan and rebalance judge a move against it as
   * plan judged the placement (decision 046). plan() never sets it; no JSON output prints it.
   */
  config_cpus_soft?: CpuList | Array<CpuList | null>;
  /**
   * Only in a plan the ledger stores: what the config asked for (its NUMA keys, its own vnuma's
   * pnodes, its own cpus), so rebalance leaves a guest whose admin named its nodes where it is and
   * migrate-plan keeps the config's pins on the target (decision 050). plan() never sets it; no JSON
   * output prints it; a reservation booked before has none and is judged as before.
   */
  config_request?: StoredRequest;
}

/** What a config asked of the placement, as the ledger keeps it beside the plan (decision 050). */
export interface StoredRequest {
  /** No NUMA keys (`auto`), `numanodes = k` or `numa = "on"` (`numanodes`, with `node_count`), `numanode = list` (`numanode`, with `nodes`), or `numa = "off"`. */
  numa: 'auto' | 'numanodes' | 'numanode' | 'off';
  node_count?: number;
  nodes?: number[];
  /** The pnodes the config's own vnuma names, in vnode order (each once), when it names some. */
  vnuma_pnodes?: number[];
  /**
   * Whether the config sets its own vnuma (with or without pnodes): its guest is a vNUMA guest,
   * which xl cannot migrate. Written with every request since decision 054; absent in older rows.
   */
  own_vnuma?: boolean;
  /** The config's own cpus: the normalised CPU list, or one per vCPU (null: that vCPU is not pinned). */
  cpus?: CpuList | Array<CpuList | null>;
}

/** A placement finding about one host node: findings.ts places it by `node`, never by its wording. */
export interface NodeFinding extends Diagnostic {
  node: number;
}

/** XM0406 for overcommitted nodes (overcommit.ts): `nodes` are their ids, ascending, so tests and callers never read its wording. */
export interface OvercommitFinding extends Diagnostic {
  nodes: number[];
}

/** XM0406 for nodes whose vCPUs the config's cpus leaves fewer CPUs than they have: findings.ts places it at cpus. */
export interface NarrowedFinding extends OvercommitFinding {
  byCpus: true;
}

/** XM0405 about per-vCPU `cpus` entries naming no CPU of the host: findings.ts places it at the first of `entries`. */
export interface CpusEntryFinding extends Diagnostic {
  entries: number[];
}
