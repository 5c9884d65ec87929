/**
 * xm never read cpus_soft (XM0553): only xl does, after `convert --to xl`, so the xm reading parses
 * its CPU list by xl's rules. xl's parse_cpurange splits it with strtok_r, which yields no empty
 * token: `"4,,5"` and `"4,5,"` are CPUs 4 and 5 to xl (`check --dialect xl` accepts them), where
 * xm's own rule for cpus refuses an empty item. convert commented such a line out as "xl refuses
 * its value"; a blank xl's parse_range refuses (`"4-7 "`) is still commented out.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { convertToXl } from '../../src/convert/index.js';

const file = (soft: string) => `name = "web"\nmemory = 1024\nvcpus = 2\ncpus_soft = ${soft}\nkernel = "/boot/vmlinuz"\n`;
const softLines = (text: string) => text.split('\n').filter((l) => l.includes('cpus_soft'));

describe('cpus_soft of an xm file is read by xl rules', () => {
  it.each(['"4,,5"', '"4,5,"', '["4,,5", "5"]'])('convert keeps cpus_soft = %s, which xl accepts', (soft) => {
    expect(checkText(file(soft), { dialect: 'xl' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = convertToXl(file(soft));
    expect(softLines(r.text)).toEqual([`cpus_soft = ${soft}`]);
  });

  it('the xm reading holds CPUs 4 and 5 for "4,,5", as xl does', () => {
    const xm = checkText(file('"4,,5"'), { dialect: 'xm' });
    const xl = checkText(file('"4,,5"'), { dialect: 'xl' });
    const cpus = (c: unknown) => (c as { cpus_soft?: { items: { from: number; to: number }[] } }).cpus_soft?.items.map((i) => [i.from, i.to]);
    expect(cpus(xm.config)).toEqual([[4, 4], [5, 5]]);
    expect(cpus(xm.config)).toEqual(cpus(xl.config));
    expect(xm.diagnostics.map((d) => d.code)).toEqual(['XM0553']);
  });

  it('"4-7 " (a blank xl refuses) is still commented out', () => {
    const r = convertToXl(file('"4-7 "'));
    expect(softLines(r.text)).toHaveLength(1);
    expect(softLines(r.text)[0]).toMatch(/^# .*cpus_soft = "4-7 "$/);
    const src = file('"4-7 "');
    expect(checkText(src, { dialect: 'xl' }).diagnostics.map((d) => [d.code, src.slice(d.span.start, d.span.end)])).toEqual([['XM0205', '4-7 ']]);
  });
});
