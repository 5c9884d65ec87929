/**
 * `xl info -n` tables read by their header's column names: a column another xl prints between the
 * ones xmcfg reads is skipped, not read as the next field; a header without a needed column is
 * XM0401 at its line.
 */
import { describe, expect, it } from 'vitest';
import { readHost } from '../../src/placement/host.js';
import { fixtureText } from './helpers.js';

const full = fixtureText('xl-info-two-node.txt');
const expected = readHost(full, { format: 'xl-info' }).host!;

/** The fixture with `extra` (value `value`) inserted before the last column of one table. */
function withColumn(table: 'cpu' | 'numa', extra: string, value: string): string {
  const lines = full.split('\n');
  const header = table === 'cpu' ? 'cpu:    core    socket     node' : 'node:    memsize    memfree    distances';
  const at = lines.indexOf(header);
  const last = table === 'cpu' ? 'node' : 'distances';
  lines[at] = header.replace(last, `${extra}    ${last}`);
  for (let i = at + 1; i < lines.length && /^ *\d+:/.test(lines[i]!); i++) lines[i] = lines[i]!.replace(/(\s+\S+)$/, `    ${value}$1`);
  return lines.join('\n');
}

describe('xl info -n: columns by header name', () => {
  it('skips a cpu_topology column between socket and node (its 0 was read as the node of every CPU)', () => {
    // Socket 0 holds CPUs 0-3 on node 0, socket 1 CPUs 4-7 on node 1; a die column of 0 everywhere.
    const r = readHost(withColumn('cpu', 'die', '0'), { format: 'xl-info' });
    expect(r.diagnostics).toEqual([]);
    expect(r.host).toEqual(expected);
  });

  it('skips a numa_info column between memfree and distances (it was read as a one-entry distance row)', () => {
    const r = readHost(withColumn('numa', 'claimed', '10'), { format: 'xl-info' });
    expect(r.diagnostics).toEqual([]);
    expect(r.host).toEqual(expected);
  });

  it('a header without a column xmcfg reads is XM0401 at the header line', () => {
    const text = full.replace('node:    memsize    memfree    distances', 'node:    memsize    distances');
    const r = readHost(text, { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(r.diagnostics[0]!.message).toMatch(/^xl info line 33, column 6: .*memfree/);
  });
});
