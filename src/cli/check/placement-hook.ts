/**
 * @fileoverview `check --host`: placement findings (XM04xx) of a checked config against a host
 * topology. Kept in one small module so the wiring to src/placement lives in one place.
 */
import type { CheckResult } from '../../check/check.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { placementFindings } from '../../placement/findings.js';
import type { Host, PlacementConfig } from '../../placement/types.js';

/** Placement diagnostics of one checked config against a host. */
export function placementDiagnostics(result: CheckResult, host: Host): Diagnostic[] {
  return placementFindings(result.config as PlacementConfig, result.spans, host);
}
