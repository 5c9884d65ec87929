/**
 * A misspelt value of a fixed set (XM0104) gets a "did you mean" hint naming the allowed word, as
 * an unknown key does: `_` for `-` and case are forgiven, then the key suggester's edit distance
 * decides; a value near no allowed word gets no hint.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';

/** The XM0104 finding of a one-option HVM config, as [line:column, hint]. */
function enumFinding(line: string): [string, string | undefined] | undefined {
  const d = check(`name = "g"\n${line}\n`, { dialect: 'xl' }).diagnostics.find((x) => x.code === 'XM0104');
  return d === undefined ? undefined : [`${d.line}:${d.column}`, d.hint];
}

describe('XM0104 hints the allowed value meant', () => {
  it.each([
    ['on_crash = "coredump_destroy"', 'coredump-destroy'],
    ['on_reboot = "Restart"', 'restart'],
    ['on_poweroff = "destory"', 'destroy'],
    ['type = "hmv"', 'hvm'],
  ])('%s', (line, word) => {
    const f = enumFinding(line);
    expect(f?.[0]).toBe(`2:${line.indexOf('"') + 1}`);
    expect(f?.[1]).toContain(`"${word}"`);
  });
  it('no hint for a value near no allowed word', () => {
    const f = enumFinding('on_crash = "reboot"');
    expect(f?.[0]).toBe('2:12');
    expect(f?.[1]).toBeUndefined();
  });
});
