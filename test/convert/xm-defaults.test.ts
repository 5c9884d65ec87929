/**
 * `convert --to xl` (and `--to json`, which reads its output) keeps the defaults of xm's that xl does
 * not share, for the keys an xm file leaves unset (decision 033): memory 128 MiB (xl: 32 MiB, or
 * maxmem) and on_crash "restart" (xl: destroy).
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { convertToJson, convertToXl } from '../../src/convert/index.js';
import { xmReading } from '../../src/convert/xm-reading.js';
import { MEMORY_LINE, MEMORY_NOTE, ON_CRASH_LINE, ON_CRASH_NOTE, XM_DEFAULTS, XM_HVM_DEFAULTS } from './xm-defaults.js';

const PV = 'name = "g"\nkernel = "/boot/vmlinuz"\n';

/** The xl reading of the converted text. */
function xlConfig(text: string): Record<string, unknown> {
  const r = checkText(text, { dialect: 'xl' });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([]);
  return r.config as Record<string, unknown>;
}

describe('convert --to xl of an xm file without memory or on_crash', () => {
  it('appends memory = 128 and on_crash = "restart", each with its comment and a note; xl reads them', () => {
    const r = convertToXl(PV, { fileName: 'g.xm' });
    expect([r.ok, r.text, r.notes]).toEqual([true, PV + XM_DEFAULTS, [MEMORY_NOTE, ON_CRASH_NOTE]]);
    const c = xlConfig(r.text);
    expect([c.memory, c.on_crash]).toEqual([128, 'restart']);
  });

  it('an HVM guest gets the same two (create.py and XendConfig have one default for both), then its HVM ones (decision 030)', () => {
    const src = 'name = "h"\nbuilder = "hvm"\n';
    expect(convertToXl(src, { fileName: 'h.xm' }).text).toBe('name = "h"\ntype = "hvm"\n' + XM_DEFAULTS + XM_HVM_DEFAULTS);
  });

  it('adds neither for a file that sets both, and only the missing one otherwise', () => {
    const both = PV + 'memory = 512\non_crash = "destroy"\n';
    expect(convertToXl(both, { fileName: 'g.xm' })).toMatchObject({ text: both, notes: [] });
    expect(convertToXl(PV + 'memory = 512\n', { fileName: 'g.xm' }).text).toBe(PV + 'memory = 512\n' + ON_CRASH_LINE);
    expect(convertToXl(PV + 'on_crash = "preserve"\n', { fileName: 'g.xm' }).text).toBe(PV + 'on_crash = "preserve"\n' + MEMORY_LINE);
  });

  it('--define of the key: its line stands, no default (the other key still gets its own)', () => {
    const r = convertToXl(PV, { fileName: 'g.xm', defines: { memory: '256', on_crash: 'destroy' } });
    expect(r.text).toBe(PV + 'memory = 256  # xmcfg convert: from --define\non_crash = "destroy"  # xmcfg convert: from --define\n');
    expect(r.notes.filter((n) => n === MEMORY_NOTE || n === ON_CRASH_NOTE)).toEqual([]);
    expect(convertToXl(PV, { fileName: 'g.xm', defines: { memory: '256' } }).text).toBe(PV + 'memory = 256  # xmcfg convert: from --define\n' + ON_CRASH_LINE);
    expect(convertToXl(PV, { fileName: 'g.xm', defines: { on_crash: 'destroy' } }).text).toBe(PV + 'on_crash = "destroy"  # xmcfg convert: from --define\n' + MEMORY_LINE);
  });

  it('a maxmem below 128 gets no memory line (xl takes maxmem); a larger one gets 128 as the target, as xend did', () => {
    const low = convertToXl(PV + 'maxmem = 64\n', { fileName: 'g.xm' });
    expect([low.text, low.notes]).toEqual([PV + 'maxmem = 64\n' + ON_CRASH_LINE, [ON_CRASH_NOTE]]);
    const high = convertToXl(PV + 'maxmem = 1024\n', { fileName: 'g.xm' });
    expect(high.text).toBe(PV + 'maxmem = 1024\n' + XM_DEFAULTS);
    expect(high.notes[0]).toMatch(/^memory = 128 added .*1024 MiB\)$/);
    const c = xlConfig(high.text);
    expect([c.memory, c.maxmem]).toEqual([128, 1024]);
  });

  it('a key (or maxmem) whose value a Python block decides gets no default', () => {
    for (const key of ['memory', 'maxmem', 'on_crash']) {
      const src = `${PV}if big:\n    ${key} = ${key === 'on_crash' ? '"destroy"' : 1024}\n`;
      const r = convertToXl(src, { fileName: 'g.xm' });
      expect(r.ok).toBe(true);
      expect(r.text.includes(MEMORY_LINE), key).toBe(key === 'on_crash');
      expect(r.text.includes(ON_CRASH_LINE), key).toBe(key !== 'on_crash');
    }
  });

  it('a last None leaves the key unset, as for xm: the default is written', () => {
    expect(convertToXl(PV + 'memory = None\n', { fileName: 'g.xm' }).text.endsWith(XM_DEFAULTS)).toBe(true);
  });

  it('an xl file (read as xl by detection, or with --dialect xl) gets neither', () => {
    const auto = PV + 'vcpus = 1;;\n';
    expect(xmReading(auto, undefined).dialect).toBe('xl');
    expect(convertToXl(auto, { fileName: 'g.cfg' })).toMatchObject({ text: auto, notes: [] });
    expect(convertToXl(PV, { fileName: 'g.cfg', dialect: 'xl' })).toMatchObject({ text: PV, notes: [] });
    // The same text read as xm gets both.
    expect(convertToXl(PV, { fileName: 'g.cfg', dialect: 'xm' }).text).toBe(PV + XM_DEFAULTS);
  });
});

describe('convert --to json of an xm file without memory or on_crash', () => {
  it('has 128 MiB and on_crash restart, where xl alone would give 32 MiB and destroy', () => {
    const r = convertToJson(PV, { fileName: 'g.xm' });
    expect(r.ok).toBe(true);
    const j = r.json as { b_info: Record<string, unknown>; on_crash?: unknown };
    expect([j.b_info.max_memkb, j.b_info.target_memkb, j.on_crash]).toEqual([131072, 131072, 'restart']);
    const xl = convertToJson(PV, { fileName: 'g.cfg', dialect: 'xl' }).json as { b_info: Record<string, unknown>; on_crash?: unknown };
    expect([xl.b_info.max_memkb, xl.on_crash]).toEqual([undefined, undefined]);
  });
});
