/**
 * @fileoverview Ledger reservations that book nodes the host does not have: a ledger kept for
 * another host, a `--host` file of another machine, or a node gone offline since the booking. Such
 * a part cannot be subtracted from any node, so it is not counted, and XM0418 says so instead of
 * dropping it in silence: the free memory a plan sees may be memory another guest holds.
 */
import { plural, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag } from './host-check.js';
import { oneLine } from './shell.js';
import type { Host, ReservationLoad } from './types.js';

/** The domains of `reservations` that book something (memory or vCPUs) on a node `host` lacks. */
export function offHostDomains(host: Host, reservations: ReadonlyArray<ReservationLoad>): Set<string> {
  return new Set(offHostReservations(host, reservations).map((r) => r.domain));
}

/** XM0418 (warning) for each reservation that books memory or vCPUs on nodes the host does not have. */
export function offHostWarnings(host: Host, reservations: ReadonlyArray<ReservationLoad>): Diagnostic[] {
  const ids = host.nodes.map((n) => n.id).join(',');
  return offHostReservations(host, reservations).map(({ domain, parts }) => {
    const mem = parts.reduce((a, p) => a + p.memory_mib, 0);
    const vcpus = parts.reduce((a, p) => a + p.vcpus, 0);
    const nodes = parts.map((p) => p.node).join(',');
    return hostDiag(
      'XM0418',
      'warning',
      // One line whatever the name holds: a newline in it would forge a line of the report.
      `reservation of ${oneLine(domain)} books ${mem} MiB and ${plural(vcpus, 'vCPU')} on node ${nodes}, which the host does not have (its nodes: ${ids}); that part is not counted`,
      'the ledger may belong to another host, or the host lost a node: compare xmcfg ledger list with the host, and release the reservation if the guest is gone',
    );
  });
}

function offHostReservations(host: Host, reservations: ReadonlyArray<ReservationLoad>): Array<{ domain: string; parts: ReservationLoad['nodes'] }> {
  const ids = new Set(host.nodes.map((n) => n.id));
  const out: Array<{ domain: string; parts: ReservationLoad['nodes'] }> = [];
  for (const r of reservations) {
    // A part that books nothing (a numa = "off" share of 0 MiB) loses nothing by not being counted.
    const parts = r.nodes.filter((p) => !ids.has(p.node) && (p.memory_mib > 0 || p.vcpus > 0));
    if (parts.length > 0) out.push({ domain: r.domain, parts });
  }
  return out;
}
