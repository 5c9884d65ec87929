/**
 * Whether a placed guest has its own vnuma (a vNUMA guest, which xl cannot migrate: XM0414) is
 * stored with its request (`own_vnuma`, decision 054); before, it was read from the plan's reason
 * text only. Rows booked before the flag was stored are still read by that text.
 */
import { describe, expect, it } from 'vitest';
import { isVnumaGuest, migratePlan, loadOfPlan } from '../../src/placement/migrate.js';
import { OWN_VNUMA_REASON } from '../../src/placement/vnuma-lines.js';
import type { Host, Plan } from '../../src/placement/types.js';
import { cfg, storeRow, useTempLedger } from './helpers.js';

const flat: Host = { nodes: [0, 1, 2].map((id) => ({ id, cpus: [2 * id, 2 * id + 1], memory_mib: 10000, free_mib: 10000, distances: {} })) } as Host;
const t = useTempLedger('xmcfg-own-vnuma-flag-');

/** Reserve `name` (with its own one-vnode vnuma when `vnuma`), and read its stored plan back. */
function reserved(name: string, vnuma: boolean): Plan {
  const c = vnuma ? cfg({ name, type: 'hvm', memory: undefined, vcpus: undefined, vnuma: [{ pnode: 0, size: 2048, vcpus: [0, 1], vdistances: [10] }] } as never) : cfg({ name, type: 'hvm', memory: 2048, vcpus: 2 });
  expect(t.ledger.reserve(c, flat).plan).not.toBeNull();
  return t.ledger.list().entries.find((e) => e.domain === name)!.plan;
}

/** The row's plan after `edit`, as the ledger reads it back. */
function rewritten(p: Plan, edit: (p: Plan) => Plan): Plan {
  storeRow(t.ledger, p.domain, edit(p));
  const r = t.ledger.list();
  expect(r.diagnostics).toEqual([]);
  return r.entries.find((e) => e.domain === p.domain)!.plan;
}

describe('own_vnuma in the stored request', () => {
  it('is stored with every request, true or false', () => {
    expect(reserved('v', true).config_request?.own_vnuma).toBe(true);
    expect(reserved('w', false).config_request?.own_vnuma).toBe(false);
  });

  it('decides for a row that has it, whatever its reasons say', () => {
    const v = reserved('v', true);
    const w = reserved('w', false);
    // Reasons reworded (or dropped): the flag still says v is a vNUMA guest and w is not.
    const v2 = rewritten(v, (p) => ({ ...p, reasons: [] }));
    const w2 = rewritten(w, (p) => ({ ...p, reasons: [...p.reasons, `${OWN_VNUMA_REASON} (it decides the virtual topology)`] }));
    expect([isVnumaGuest(v2), isVnumaGuest(w2)]).toEqual([true, false]);
    const loads = [loadOfPlan(v2), loadOfPlan(w2)];
    expect(migratePlan(v2, flat, loads, [2]).diagnostics.map((d) => d.code)).toEqual(['XM0414']);
    const elsewhere = [0, 1, 2].find((id) => !w2.nodes.includes(id))!;
    const moved = migratePlan(w2, flat, loads, [elsewhere]);
    expect([moved.diagnostics.map((d) => d.code), moved.migration?.plan?.nodes]).toEqual([[], [elsewhere]]);
  });

  it('a row booked before the flag was stored is read by its reason text', () => {
    const v = reserved('v', true);
    const w = reserved('w', false);
    const drop = (p: Plan): Plan => {
      const { own_vnuma: _, ...request } = p.config_request!;
      return { ...p, config_request: request };
    };
    const v2 = rewritten(v, drop);
    const w2 = rewritten(w, drop);
    expect([v2.config_request?.own_vnuma, w2.config_request?.own_vnuma]).toEqual([undefined, undefined]);
    expect([isVnumaGuest(v2), isVnumaGuest(w2)]).toEqual([true, false]);
    // And one booked before any request was stored.
    const { config_request: _, ...older } = v;
    expect(isVnumaGuest(rewritten(v, () => older as Plan))).toBe(true);
  });

  it('a flag that is not a boolean makes the ledger corrupt (XM0408)', () => {
    const v = reserved('v', true);
    storeRow(t.ledger, 'v', { ...v, config_request: { ...v.config_request, own_vnuma: 'yes' } });
    expect(t.ledger.list().diagnostics.map((d) => d.code)).toEqual(['XM0408']);
  });
});
