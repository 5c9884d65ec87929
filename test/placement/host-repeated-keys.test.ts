/**
 * A key written twice in one object of host JSON is XM0401 with both places: JSON.parse kept the
 * last value silently, so a node with two "free_mib" was planned with whichever came last.
 */
import { describe, expect, it } from 'vitest';
import { readHost } from '../../src/placement/host.js';
import { repeatedJsonKeys } from '../../src/placement/json-keys.js';

const node = (id: number, extra = ''): string => `{ "id": ${id}, "cpus": [${id}], "memory_mib": 4096, "free_mib": 4096${extra} }`;

describe('host JSON: repeated keys', () => {
  it('refuses a node with two free_mib, naming the line and column of the second and of the first', () => {
    const text = `{ "nodes": [\n  ${node(0)},\n  ${node(1, ', "free_mib": 1024')}\n] }\n`;
    const r = readHost(text);
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0401', 'error']]);
    // line 3: `  { "id": 1, "cpus": [1], "memory_mib": 4096, "free_mib": 4096, "free_mib": 1024 }`
    expect(repeatedJsonKeys(text)).toEqual([{ key: 'free_mib', where: 'nodes[1]', line: 3, column: 65, firstLine: 3, firstColumn: 47 }]);
    expect(r.diagnostics[0]!.message).toContain('line 3, column 65');
    expect(r.diagnostics[0]!.message).toContain('line 3, column 47');
  });

  it('finds repeats in distances, at the top level, through escapes and after CRLF lines', () => {
    const text = '{ "nodes": [\r\n  { "id": 0, "cpus": [0], "memory_mib": 1, "free_mib": 1, "distances": { "0": 10, "0": 20 } }\r\n],\r\n"node\\u0073": [] }';
    expect(repeatedJsonKeys(text).map((k) => [k.key, k.where, k.line, k.column])).toEqual([
      ['0', 'nodes[0].distances', 2, 83],
      ['nodes', 'host', 4, 1],
    ]);
    expect(readHost(text).diagnostics.filter((d) => d.code === 'XM0401').length).toBeGreaterThanOrEqual(2);
  });

  it('does not take equal keys of different objects, or braces and quotes inside strings, for repeats', () => {
    expect(repeatedJsonKeys(`{ "nodes": [ ${node(0)}, ${node(1)} ] }`)).toEqual([]);
    expect(repeatedJsonKeys('{ "a": "}{\\"a\\": 1, ", "b": { "a": 1 }, "c": [ { "a": 1 }, { "a": 2 } ] }')).toEqual([]);
    expect(readHost(`{ "nodes": [ ${node(0)}, ${node(1)} ] }`).diagnostics).toEqual([]);
  });

  it('lists at most 20 repeats, then counts the rest', () => {
    const text = `{ "nodes": [ ${Array.from({ length: 30 }, (_, i) => node(i, `, "free_mib": ${i}`)).join(', ')} ] }`;
    const r = readHost(text);
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(Array.from({ length: 21 }, () => 'XM0401'));
    expect(r.diagnostics[20]!.message).toContain('10 more');
  });
});
