/** @fileoverview Library surface of the NUMA allocator: host readers, plans, findings, ledger, migration. */
export type { Host, HostNode, NumaRequest, PlacementConfig, Plan, PlanOptions, PlanVcpu, PolicyName, ReservationLoad } from './types.js';
export { readHost, formatHostJson, type HostFormat, type ReadHostOptions } from './host.js';
export { validateHost } from './host-check.js';
export { plan, type PlanResult } from './plan.js';
export { formatPlanJson, formatPlanText, formatPlanXl } from './format.js';
export { createFlags, guestType, CDF_BITS } from './flags.js';
export { maskOf, idsOfMask, rangesOf } from './bitmap.js';
export { placementFindings, type SpanMap } from './findings.js';
export { Ledger, defaultLedgerPath, LEDGER_SCHEMA_VERSION, type LedgerEntry } from './ledger.js';
export { migratePlan, loadOfPlan, type MigrationPlan } from './migrate.js';
export { rebalancePlan, type RebalanceMove, type RebalanceOutcome, type RebalanceResult, type RebalanceWork } from './rebalance.js';
