import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import { fileReport, webReport, CLEAN } from './fixtures.js';

describe('junit report', () => {
  it('has one suite per file, one case per finding, a passing case for a clean file (golden head)', () => {
    const out = formatJunit([webReport(), fileReport('db.cfg', CLEAN, [])]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(lines[1]).toBe('<testsuites name="xmcfg" tests="3" failures="1" errors="0">');
    expect(lines[2]).toBe('  <testsuite name="guests/web.cfg" tests="2" failures="1" errors="0" skipped="0">');
    expect(lines[3]).toBe('    <testcase classname="guests/web.cfg" name="XM0101 at 2:1: unknown key &quot;memroy&quot;">');
    expect(lines[4]).toBe('      <system-out>warning[XM0101]: unknown key &quot;memroy&quot;');
    expect(out).toContain('<failure message="duplicate key &quot;memory&quot;" type="XM0201">error[XM0201]: duplicate key &quot;memory&quot;\n --&gt; guests/web.cfg:4:1');
    expect(out).toContain('  <testsuite name="db.cfg" tests="1" failures="0" errors="0" skipped="0">\n    <testcase classname="db.cfg" name="no findings"/>\n  </testsuite>\n');
    expect(out.endsWith('</testsuites>\n')).toBe(true);
  });

  it('keeps the XML well-formed with hostile text (NUL, lone surrogates, markup)', () => {
    const text = 'a = "<b>&\0\ud800"\n';
    const out = formatJunit([fileReport('x<y>.cfg', text, [{ code: 'XM0011', severity: 'error', message: '</failure><x a="\'">\u0001', span: { start: 0, end: 1 } }])]);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(out).toContain('name="x&lt;y&gt;.cfg"');
    expect(out).toContain('message="&lt;/failure&gt;&lt;x a=&quot;&apos;&quot;&gt;\ufffd"');
    // Every element opened is closed: a crude well-formedness check without an XML parser.
    const opens = (out.match(/<testcase /g) ?? []).length;
    const closes = (out.match(/<\/testcase>|<testcase [^>]*\/>/g) ?? []).length;
    expect(opens).toBe(closes);
  });
});
