/**
 * Table-driven: top-level options as libxlu's getters read them for xl's parse_config_data
 * (xlu_cfg_get_long, xlu_cfg_get_bounded_long, xlu_cfg_get_defbool of libxlu_cfg.c), values
 * recorded from the real getters compiled with gcc (docs/fuzzing.md, "Differential checks").
 * Each row: one line (line 3 of the file), the key, the checked config's value, and the findings
 * as `CODE@line:col-line:col` (1-based UTF-16 columns, end exclusive).
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';

type Row = [line: string, key: string, value: unknown, findings: string[]];

function table(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const [line, key, value, findings] of rows) {
      it(line, () => {
        const r = check(`name = "t"\nkernel = "/k"\n${line}\n`, { dialect: 'xl' });
        expect((r.config as Record<string, unknown>)[key]).toEqual(value);
        expect(r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)).toEqual(findings);
      });
    }
  });
}

table('defbool is !!l of any long: one from 2^53 up is true, one past a long is refused', [
  ['hap = 9223372036854775807', 'hap', true, []],
  ['hap = "9007199254740993"', 'hap', true, []],
  ['localtime = "-9223372036854775808"', 'localtime', true, []],
  ['nestedhvm = "077777777777777777777"', 'nestedhvm', true, []],
  ['hap = "0x7fffffffffffffff"', 'hap', true, []],
  // 2^63 - 1 in octal is the last long. Past LONG_MAX: strtol sets ERANGE, "could not be parsed as a number", xl ignores the option.
  ['hap = "9223372036854775808"', 'hap', undefined, ['XM0108@3:7-3:28']],
  ['hap = "0777777777777777777777"', 'hap', true, []],
  ['hap = "01000000000000000000000"', 'hap', undefined, ['XM0108@3:7-3:32']],
  ['hap = "9007199254740993x"', 'hap', undefined, ['XM0108@3:7-3:26']],
]);

table('+= with a list: libxlu says "is a list" before it looks at the operator', [
  ['hap += [1]', 'hap', [1], ['XM0102@3:8-3:11']],
  ['memory += []', 'memory', [], ['XM0102@3:11-3:13']],
  // A single value with += is still "can't use += with numbers".
  ['memory += "5"', 'memory', undefined, ['XM0109@3:1-3:7']],
]);

table('max_grant_frames, max_maptrack_frames: xlu_cfg_get_bounded_long(…, 0, INT_MAX, …), else exit(1)', [
  ['max_grant_frames = 2147483647', 'max_grant_frames', 2147483647, []],
  ['max_grant_frames = 2147483648', 'max_grant_frames', 2147483648, ['XM0103@3:20-3:30']],
  ['max_maptrack_frames = "4294967296"', 'max_maptrack_frames', 4294967296, ['XM0103@3:23-3:35']],
  ['max_maptrack_frames = 0x7fffffff', 'max_maptrack_frames', 2147483647, []],
]);
