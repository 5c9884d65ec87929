/**
 * migrate-plan and the config's own cpus (decision 050). The ledger stores them with the plan, and
 * the move's plan keeps the pins that fall on the target nodes, as plan does for numanode; when
 * they name no CPU of the target, the move is still planned (the user asked for it) and XM0417 says
 * that its cpus lines replace the config's. Before, the move pinned whole target nodes and its cpus
 * lines replaced the user's pinning silently.
 */
import { describe, expect, it } from 'vitest';
import { migratePlan } from '../../src/placement/migrate.js';
import { cfg, cpus, fixtureHost, useTempLedger } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, node 1 CPUs 4-7.
const two = () => fixtureHost('two-node.json');
const t = useTempLedger('xmcfg-own-cpus-');

/** Reserve `name` with `text` as its cpus, then move it to node `to`. */
function moved(text: string, to: number) {
  expect(t.ledger.reserve(cfg({ name: 'p', memory: 2048, vcpus: 2, cpus: cpus(text) }), two()).plan).not.toBeNull();
  const entries = t.ledger.list().entries;
  const p = entries.find((e) => e.domain === 'p')!.plan;
  return { from: p.nodes, ...migratePlan(p, two(), entries.map((e) => ({ domain: e.domain, nodes: e.nodes })), [to]) };
}

describe('migrate-plan keeps the config\'s own cpus', () => {
  it('pins that fall on the target are kept: cpus = "0,1,4,5" to node 0 pins 0-1, not 0-3', () => {
    const r = moved('0,1,4,5', 0);
    expect(r.from).toEqual([1]);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.migration!.plan!.vcpus.map((v) => v.cpus)).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(r.migration!.plan!.xl.cpus).toEqual(['0-1', '0-1']);
  });

  it('pins that name no CPU of the target: the move is planned, XM0417 says its cpus lines replace the config\'s', () => {
    const r = moved('0-3', 1);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0417', 'warning']]);
    expect(r.migration!.plan!.xl.cpus).toEqual(['4-7', '4-7']);
    expect(r.migration!.steps.filter((l) => l.includes("replace the file's cpus"))).toHaveLength(1);
  });
});
