/**
 * A guest without a name (none, or ""): plan places it under no invented name and prints no
 * `xl vcpu-pin` commands (xl reads an empty domain argument as Domain-0); plan --reserve books
 * nothing (XM0105), since a reservation is released, migrated and rebalanced by name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import { formatPlanText, formatPlanXl } from '../../src/placement/format.js';
import { Ledger } from '../../src/placement/ledger.js';
import type { PlacementConfig } from '../../src/placement/types.js';
import { cfg, fixtureHost } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'xmcfg-nameless-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const host = fixtureHost('two-node.json');
const nameless: [string, PlacementConfig][] = [
  ['no name', (({ name: _n, ...rest }) => rest)(cfg()) as PlacementConfig],
  ['name = ""', cfg({ name: '' })],
];

describe('a guest without a name', () => {
  for (const [title, config] of nameless) {
    it(`${title}: planned under no name, without vcpu-pin commands`, () => {
      const r = plan(config, host);
      expect(r.plan?.domain).toBe('');
      expect(r.plan?.commands).toEqual([]);
      expect(r.plan?.xl.cpus?.length).toBe(2);
      expect(r.plan?.reasons.some((x) => x.startsWith('no xl vcpu-pin commands'))).toBe(true);
      expect(formatPlanXl(r.plan!)).toMatch(/^# xmcfg plan for the guest without a name:/);
      expect(formatPlanText(r.plan!, host)).toMatch(/^Plan for the guest without a name /m);
    });

    it(`${title}: plan --reserve books nothing (XM0105)`, () => {
      const { ledger } = Ledger.open(join(dir, `${title.replace(/\W/g, '')}.db`));
      try {
        const r = ledger!.reserve(config, host);
        expect(r.plan).toBeNull();
        expect(r.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['XM0105 error']);
        expect(ledger!.list().entries).toEqual([]);
      } finally {
        ledger!.close();
      }
    });
  }

  it('a named guest keeps its commands', () => {
    const r = plan(cfg({ name: 'web' }), host);
    expect(r.plan?.domain).toBe('web');
    expect(r.plan?.commands).toHaveLength(2);
    expect(r.plan?.commands[0]).toMatch(/^xl vcpu-pin web 0 /);
  });
});
