/**
 * xm's vcpus as xend met it: create.py's vcpu_conf sends vcpus only when it is true in Python, so
 * vcpus = 0 is dropped (xend's default 1 vCPU, or maxvcpus in its place), a negative vcpus is sent
 * and fails (`1 << vcpus`), and maxvcpus = 0 means "not set". Findings as CODE@line:col-line:col.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';

function run(lines: string): { found: string[]; vcpus: unknown } {
  const text = `name = "t"\nkernel = "/boot/vmlinuz"\n${lines}\n`;
  const r = checkText(text, { dialect: 'xm' });
  const li = new LineIndex(text);
  const at = (o: number) => `${li.position(o).line}:${li.position(o).column}`;
  const found = r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}@${at(d.span.start)}-${at(d.span.end)}`);
  return { found, vcpus: (r.config as Record<string, unknown>).vcpus };
}

describe('xm vcpus (create.py vcpu_conf, XendConfig)', () => {
  it('vcpus = 0 is left out: 1 vCPU (XM0260, a warning, not XM0103)', () => {
    expect(run('vcpus = 0')).toEqual({ found: ['XM0260@3:9-3:10'], vcpus: 1 });
  });
  it('vcpus = 0 with maxvcpus = 4: all 4 vCPUs online', () => {
    expect(run('vcpus = 0\nmaxvcpus = 4')).toEqual({ found: ['XM0260@3:9-3:10'], vcpus: 4 });
  });
  it('vcpus = 0 with maxvcpus = 0: 1 vCPU', () => {
    expect(run('vcpus = 0\nmaxvcpus = 0')).toEqual({ found: ['XM0260@3:9-3:10'], vcpus: 1 });
  });
  it('a negative vcpus is refused (XM0103)', () => {
    expect(run('vcpus = -1').found).toEqual(['XM0103@3:9-3:11']);
  });
  it('maxvcpus = 0 is not set', () => {
    expect(run('vcpus = 2\nmaxvcpus = 0')).toEqual({ found: [], vcpus: 2 });
  });
  it('vcpus above maxvcpus: xend starts maxvcpus vCPUs (XM0203 as a warning, not xl\'s exit)', () => {
    const text = 'name = "t"\nkernel = "/boot/vmlinuz"\nvcpus = 4\nmaxvcpus = 2\n';
    expect(checkText(text, { dialect: 'xm' }).diagnostics.filter((d) => d.code === 'XM0203').map((d) => d.severity)).toEqual(['warning']);
    expect(run('vcpus = 4\nmaxvcpus = 2').found).toEqual(['XM0203@3:9-3:10']);
  });
  it('a negative maxvcpus is XM0103 alone', () => {
    expect(run('vcpus = 2\nmaxvcpus = -1').found).toEqual(['XM0103@4:12-4:14']);
  });
  it('vcpus = 2 is read as written', () => {
    expect(run('vcpus = 2')).toEqual({ found: [], vcpus: 2 });
  });
});
