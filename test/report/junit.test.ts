import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import { fileReport, webReport, CLEAN } from './fixtures.js';
import { xmlProblems } from './xml-check.js';
import { junitSchemaProblems } from './junit-schema.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runCli } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

describe('junit report', () => {
  it('has one suite per file, one case per finding, a passing case for a clean file (golden head)', () => {
    const out = formatJunit([webReport(), fileReport('db.cfg', CLEAN, [])]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(lines[1]).toBe('<testsuites name="xmcfg" tests="3" failures="1" errors="0">');
    expect(lines[2]).toBe('  <testsuite name="guests/web.cfg" tests="2" failures="1" errors="0" skipped="0" file="guests/web.cfg">');
    expect(lines[3]).toBe('    <testcase classname="guests/web.cfg" name="XM0101: unknown key &quot;memroy&quot;">');
    expect(lines[4]).toBe('      <system-out>warning[XM0101]: unknown key &quot;memroy&quot;');
    expect(out).toContain('<failure message="duplicate key &quot;memory&quot;" type="XM0201">error[XM0201]: duplicate key &quot;memory&quot;\n --&gt; guests/web.cfg:4:1');
    expect(out).toContain('  <testsuite name="db.cfg" tests="1" failures="0" errors="0" skipped="0" file="db.cfg">\n    <testcase classname="db.cfg" name="no findings"/>\n  </testsuite>\n');
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

describe('junit report: well-formed XML 1.0 whatever the input', () => {
  it('the strict check catches what it should (it can fail)', () => {
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 & 2"/>')).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a>\u0001</a>')).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a>\ud800</a>')).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a>]]></a>')).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a b="&#10;">x &amp; y 😀</a>')).toEqual([]);
  });

  it('holds every C0 control, lone surrogates, U+FFFE, markup and `]]>` in paths, messages and text', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    const text = `a = "${controls}\ud800\udc00x\udfff]]><&\ufffe"\n`;
    const d = [
      { code: 'XM0011', severity: 'error' as const, message: `bad ${controls} \ud800 ]]> <x a="'"> & \uffff`, span: { start: 0, end: text.length - 1 }, hint: 'h\u0000]]>' },
      { code: 'XM0101', severity: 'warning' as const, message: 'w\r\nx', span: { start: 4, end: 6 }, related: [{ message: 'r\u001b[31m', span: { start: 0, end: 1 } }] },
    ];
    const out = formatJunit([fileReport(`p${controls}\udc00]]>.cfg`, text, d)]);
    expect(xmlProblems(out)).toEqual([]);
  });

  it('keeps line breaks and tabs of attribute values as character references (a parser would turn them into spaces)', () => {
    const out = formatJunit([fileReport('a.cfg', 'k = 1\n', [{ code: 'XM0011', severity: 'error', message: 'one\ntwo\r\tthree', span: { start: 0, end: 1 } }])]);
    expect(out).toContain('message="one&#10;two&#13;&#9;three"');
    expect(xmlProblems(out)).toEqual([]);
  });
});

describe('junit report on inputs that were not checked', () => {
  it('writes each as an errored test case named by its reason, counted in tests and errors (Jenkins and GitLab show it)', () => {
    const notChecked = [
      { path: 'gone.cfg', message: "cannot read 'gone.cfg': no such file or directory" },
      { path: null, message: "no files match '*.xl'" },
    ];
    const out = formatJunit([fileReport('db.cfg', CLEAN, [])], { notChecked });
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('<testsuites name="xmcfg" tests="3" failures="0" errors="2">');
    const suite = out.slice(out.indexOf('<testsuite name="(not checked)"'));
    expect(suite.startsWith('<testsuite name="(not checked)" tests="2" failures="0" errors="2" skipped="0">\n')).toBe(true);
    const cases = [...suite.matchAll(/^ {4}<testcase classname="([^"]*)" name="([^"]*)">\n {6}<error message="([^"]*)" type="not-checked"\/>\n {4}<\/testcase>$/gm)];
    expect(cases.map((c) => c[1])).toEqual(['gone.cfg', 'xmcfg']);
    expect(cases.map((c) => c[3])).toEqual(["cannot read &apos;gone.cfg&apos;: no such file or directory", "no files match &apos;*.xl&apos;"]);
  });

  it('adds nothing when every input was checked', () => {
    expect(formatJunit([fileReport('db.cfg', CLEAN, [])], { notChecked: [] })).toBe(formatJunit([fileReport('db.cfg', CLEAN, [])]));
    expect(formatJunit([fileReport('db.cfg', CLEAN, [])])).not.toContain('not checked');
  });
});

describe('junit report of a run over --max-warnings', () => {
  const warned = (): ReturnType<typeof webReport> =>
    fileReport('w.cfg', 'a = 1\nb = 2\n', [
      { code: 'XM0101', severity: 'warning', message: 'unknown key "a"', span: { start: 0, end: 1 } },
      { code: 'XM0101', severity: 'warning', message: 'unknown key "b"', span: { start: 6, end: 7 } },
    ]);

  it('adds a failed test case max-warnings in a suite (max-warnings), counted in tests and failures', () => {
    const out = formatJunit([warned()], { maxWarnings: 1 });
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('<testsuites name="xmcfg" tests="3" failures="1" errors="0">');
    const suite = out.slice(out.indexOf('  <testsuite name="(max-warnings)"'));
    expect(suite).toMatch(/^ {2}<testsuite name="\(max-warnings\)" tests="1" failures="1" errors="0" skipped="0">\n {4}<testcase classname="xmcfg" name="max-warnings">\n {6}<failure message="2 [^"]* 1" type="max-warnings"\/>\n {4}<\/testcase>\n {2}<\/testsuite>\n<\/testsuites>\n$/);
  });

  it('adds nothing at or under the limit, or without one', () => {
    const plain = formatJunit([warned()]);
    expect(formatJunit([warned()], { maxWarnings: 2 })).toBe(plain);
    expect(formatJunit([warned()], { maxWarnings: null })).toBe(plain);
  });

  it('puts it before the (not checked) suite, which stays last', () => {
    const out = formatJunit([warned()], { maxWarnings: 0, notChecked: [{ path: null, message: 'cannot read standard input: x' }] });
    expect([...out.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1])).toEqual(['w.cfg', '(max-warnings)', '(not checked)']);
    expect(out).toContain('<testsuites name="xmcfg" tests="4" failures="1" errors="1">');
  });

  it('in a real run that exits 1 through --max-warnings alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-junit-'));
    try {
      writeFileSync(join(root, 'a.cfg'), 'name = "a"\nkernel = "/k"\nmemroy = 1\n');
      const { io, out } = fakeIo({ cwd: root });
      expect(await runCli(['check', 'a.cfg', '--max-warnings', '0', '-f', 'junit'], io)).toBe(1);
      expect(out.stdout).toContain('<testsuites name="xmcfg" tests="2" failures="1" errors="0">');
      expect(out.stdout).toMatch(/<testcase classname="xmcfg" name="max-warnings">\n {6}<failure message="1 [^"]* 0" type="max-warnings"\/>/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('junit and github reports of a real run with a missing path', () => {
  it('carry the not-checked input, and still report the file that was checked', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-junit-'));
    try {
      writeFileSync(join(root, 'a.cfg'), 'name = "a"\nkernel = "/k"\nmemroy = 1\n');
      const junit = fakeIo({ cwd: root });
      expect(await runCli(['check', 'a.cfg', 'missing.cfg', '-f', 'junit'], junit.io)).toBe(2);
      expect(xmlProblems(junit.out.stdout)).toEqual([]);
      expect(junit.out.stdout).toContain('<testsuites name="xmcfg" tests="2" failures="0" errors="1">');
      expect(junit.out.stdout).toContain('<testsuite name="a.cfg" tests="1" failures="0" errors="0" skipped="0" file="a.cfg">');
      expect(junit.out.stdout).toMatch(/<testcase classname="missing.cfg" name="[^"]*">\n {6}<error message="[^"]*" type="not-checked"\/>/);
      const github = fakeIo({ cwd: root });
      expect(await runCli(['check', 'a.cfg', 'missing.cfg', '-f', 'github'], github.io)).toBe(2);
      const lines = github.out.stdout.trimEnd().split('\n');
      expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::error', '::warning']);
      expect(lines[0]).toMatch(/^::error title=xmcfg::1 input not checked/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('junit report as CI consumers read it (GitLab, Jenkins, GitHub test reporters)', () => {
  const text = 'a = 1\nb = 2\nmemroy = 1\nmemroy = 2\n';
  const unknown = (start: number, key = 'memroy'): Diagnostic => ({ code: 'XM0101', severity: 'warning', message: `unknown key "${key}"`, span: { start, end: start + key.length } });
  const dup = (start: number): Diagnostic => ({ code: 'XM0201', severity: 'error', message: 'duplicate key "memroy"', span: { start, end: start + 6 } });
  const file = (t: string, shift = 0): ReturnType<typeof fileReport> =>
    fileReport('guests/web.cfg', t, [unknown(12 + shift), unknown(23 + shift), dup(23 + shift), unknown(0, 'a')]);
  const caseNamesOf = (xml: string): string[] => [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"/g)].map((m) => m[1]!);

  it('validates against the Jenkins xUnit JUnit schema (junit-10.xsd) with consistent counts, for every kind of run', () => {
    const notChecked = [{ path: 'gone.cfg', message: "cannot read 'gone.cfg': no such file or directory" }];
    for (const out of [
      formatJunit([]),
      formatJunit([file(text), fileReport('db.cfg', CLEAN, []), webReport('x "y" <z>.cfg')]),
      formatJunit([file(text)], { maxWarnings: 0, notChecked }),
      formatJunit([], { notChecked }),
    ]) {
      expect(xmlProblems(out)).toEqual([]);
      expect(junitSchemaProblems(out)).toEqual([]);
    }
  });

  it('the schema check catches what it should (it can fail)', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(junitSchemaProblems(`${head}<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="x" file="a"/></testsuite></testsuites>`)).not.toEqual([]);
    expect(junitSchemaProblems(`${head}<testsuites><testsuite name="a" tests="2" failures="0" errors="0"><testcase name="x"/></testsuite></testsuites>`)).not.toEqual([]);
    expect(junitSchemaProblems(`${head}<testsuites><testsuite tests="1" failures="0" errors="0"><testcase name="x"/></testsuite></testsuites>`)).not.toEqual([]);
    expect(junitSchemaProblems(`${head}<testsuites><testsuite name="a" tests="2" failures="0" errors="0"><testcase name="x"/><testcase name="x"/></testsuite></testsuites>`)).not.toEqual([]);
  });

  it('names a case CODE: message, numbering repeats, so no two cases share a name (GitLab keeps only the first)', () => {
    expect(caseNamesOf(formatJunit([file(text)]))).toEqual(['XM0101: unknown key "a"', 'XM0101: unknown key "memroy"', 'XM0101: unknown key "memroy" (2)', 'XM0201: duplicate key "memroy"'].map((n) => n.replace(/"/g, '&quot;')));
  });

  it('keeps case names when lines are added above the findings (a moved finding is not a fixed test plus a new failure)', () => {
    const before = formatJunit([file(text)]);
    const after = formatJunit([file('# added\n' + text, 8)]);
    expect(caseNamesOf(after)).toEqual(caseNamesOf(before));
    // The line is still in the body, where Jenkins and GitLab show it.
    expect(after).toContain('--&gt; guests/web.cfg:5:1');
  });

  it('gives each file suite the file path as `file`, the one place the schema has for it', () => {
    expect(formatJunit([file(text)])).toContain('<testsuite name="guests/web.cfg" tests="4" failures="1" errors="0" skipped="0" file="guests/web.cfg">');
  });
});
