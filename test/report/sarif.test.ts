import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifLog, formatSarif, artifactLocation, ruleName, category, fnv1a64, FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { allCodes } from '../../src/diagnostics/codes/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { fileReport, webReport, CLEAN } from './fixtures.js';
import { codeUrl } from '../../src/diagnostics/registry.js';
import { PROJECT_LINKS } from '../../src/diagnostics/project.js';
import { join } from 'node:path';
import { SARIF_SCHEMA_PATH, sarifValidator } from './sarif-schema.js';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { run as runCli } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

/** Every result must validate; the schema's draft-04 reading (sarif-schema.ts) relies on it having no boolean exclusiveMinimum. */
it('the normative schema has no draft-04 exclusive bounds', () => {
  expect(readFileSync(SARIF_SCHEMA_PATH, 'utf8')).not.toContain('exclusiveM');
});

const cwd = '/repo';
let validate: ReturnType<typeof sarifValidator>;
beforeAll(() => {
  validate = sarifValidator();
});

describe('sarif report', () => {
  it('validates against the normative SARIF 2.1.0 schema', () => {
    const fixed = webReport();
    fixed.diagnostics[0]!.fixes = [{ title: 'rename to memory', edits: [{ span: fixed.diagnostics[0]!.span, text: 'memory' }] }];
    const log = JSON.parse(formatSarif([fixed, fileReport('db.cfg', CLEAN, []), fileReport('/elsewhere/x y.cfg', 'a\n', [{ code: 'XM0040', severity: 'error', message: 'too large', span: { start: 0, end: 0 } }])], { cwd, toolVersion: '1.2.3' }));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a broken log fails the same validator (the test can fail)', () => {
    const log = sarifLog([webReport()], { cwd }) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('has rules from the registry, results pointing at them, utf16 columns and %SRCROOT% URIs', () => {
    const log = sarifLog([webReport(), fileReport('big.cfg', '', [{ code: 'XM0040', severity: 'error', message: 'too large', span: { start: 0, end: 0 } }], null)], { cwd, toolVersion: '1.2.3' });
    const run = log.runs[0]!;
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.tool.driver).toMatchObject({ name: 'xmcfg', version: '1.2.3', semanticVersion: '1.2.3' });
    const ids = run.tool.driver.rules!.map((r) => r.id);
    expect(ids).toEqual(['XM0040', 'XM0101', 'XM0201']);
    const big = run.tool.driver.rules![0]!;
    expect(big).toMatchObject({ name: 'FileTooLarge', shortDescription: { text: 'file too large' }, defaultConfiguration: { level: 'error' }, properties: { tags: ['input'] } });
    // Links come only from package.json (homepage, repository), which names none yet: none made up.
    expect(big.helpUri).toBe(codeUrl('XM0040'));
    expect(run.tool.driver.informationUri).toBe(PROJECT_LINKS.home ?? undefined);
    if (PROJECT_LINKS.codesPage === null) expect(JSON.stringify(log)).not.toContain('github.com');
    expect(big.help!.text).toContain('Wrong:');
    for (const res of run.results!) expect(ids[res.ruleIndex!]).toBe(res.ruleId);
    const first = run.results![0]!;
    expect(first).toMatchObject({
      ruleId: 'XM0101',
      level: 'warning',
      message: { text: 'unknown key "memroy"\nhelp: did you mean "memory"?' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'guests/web.cfg', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 7 } } }],
    });
    expect(run.results![1]!.relatedLocations).toEqual([
      { id: 0, message: { text: 'first set here' }, physicalLocation: { artifactLocation: { uri: 'guests/web.cfg', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 7 } } },
    ]);
  });

  it('makes repo-relative forward-slash URIs, encoded, and absolute ones outside the root', () => {
    expect(artifactLocation('./a/b c.cfg', '/repo', '/repo')).toEqual({ uri: 'a/b%20c.cfg', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('sub/x.cfg', '/repo/sub2', '/repo')).toEqual({ uri: 'sub2/sub/x.cfg', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('../out.cfg', '/repo', '/repo')).toEqual({ uri: 'file:///out.cfg' });
    expect(artifactLocation('#x.cfg', '/repo', '/repo')).toEqual({ uri: '%23x.cfg', uriBaseId: '%SRCROOT%' });
  });

  it('names rules and tags them by code range', () => {
    expect(ruleName('unknown key')).toBe('UnknownKey');
    expect(ruleName('vcpus > maxvcpus')).toBe('VcpusMaxvcpus');
    expect(category('XM0001')).toBe('syntax');
    expect(category('XM0041')).toBe('input');
    expect(category('XM0312')).toBe('numa');
    expect(category('XM0501')).toBe('portability');
  });
});

/** RFC 3986 URI-reference: only unreserved, reserved and well-formed percent-escapes (stricter than the schema's format check). */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

describe('sarif report on hostile paths and inputs', () => {
  it('keeps a file named with a lone surrogate (Windows allows one) instead of throwing', () => {
    const d = [{ code: 'XM0101', severity: 'warning' as const, message: 'm\udc00', span: { start: 0, end: 1 } }];
    const log = JSON.parse(formatSarif([fileReport('a\ud800b.cfg', 'k = 1\n', d), fileReport('/abs/\udc00.cfg', 'k = 1\n', d)], { cwd }));
    expect(validate(log)).toBe(true);
    const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['a%EF%BF%BDb.cfg', 'file:///abs/%EF%BF%BD.cfg']);
  });

  it('treats `..x.cfg` as inside the root (only `..` and `../` leave it)', () => {
    expect(artifactLocation('..x.cfg', '/repo', '/repo')).toEqual({ uri: '..x.cfg', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('..', '/repo/sub', '/repo/sub')).toEqual({ uri: 'file:///repo' });
  });

  it('validates for a real run over nasty names, an absolute path outside the root, stdin and a capped file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sarif-'));
    try {
      const repo = join(root, 'repo');
      mkdirSync(join(repo, 'gäste dir'), { recursive: true });
      const body = 'name = "x"\nbootloader = "p"\nmemroy = 1\nmemory = "x"\n';
      const names = ['sp ace.cfg', 'pct%41.cfg', '#h?.cfg', 'co:lon.cfg', 'com,ma.cfg', 'new\nline.cfg', 'ünï€😀.cfg', '[b].cfg', '..dots.cfg'];
      for (const n of names) writeFileSync(join(repo, 'gäste dir', n), body);
      writeFileSync(join(root, 'outside.cfg'), body);
      writeFileSync(join(repo, 'flood.cfg'), 'a=[\n'.repeat(30));
      const args = ['check', 'gäste dir', 'gäste dir/..dots.cfg', join(root, 'outside.cfg'), '-', 'flood.cfg', '--max-findings', '5', '-f', 'sarif'];
      for (const extra of [[], ['--stdin-filepath', 'stdin name.cfg']]) {
        const { io, out } = fakeIo({ cwd: repo, stdin: body });
        expect(await runCli([...args, ...extra], io)).toBe(1);
        const log = JSON.parse(out.stdout);
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        const uris: string[] = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
        for (const u of uris) expect(u, u).toMatch(URI_REFERENCE);
        expect(uris).toContain('g%C3%A4ste%20dir/co%3Alon.cfg');
        expect(uris).toContain('g%C3%A4ste%20dir/..dots.cfg');
        expect(uris).toContain('g%C3%A4ste%20dir/new%0Aline.cfg');
        expect(uris).toContain(`file://${root.split('/').map(encodeURIComponent).join('/')}/outside.cfg`);
        expect(uris).toContain(extra.length ? 'stdin%20name.cfg' : '%3Cstdin%3E');
        // Unnamed standard input says it is no file (a file named `<stdin>` has the same URI); a named one is that file.
        type Loc = { uri: string; description?: { text: string } };
        const locs: Loc[] = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: Loc } }[] }) => r.locations[0]!.physicalLocation.artifactLocation);
        const described = locs.filter((l) => l.description !== undefined);
        expect(new Set(described.map((l) => l.uri))).toEqual(new Set(extra.length ? [] : ['%3Cstdin%3E']));
        expect(described.every((l) => l.description!.text.includes('--stdin-filepath'))).toBe(true);
        expect(log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'XM0043')).toHaveLength(1);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('sarif report on inputs that were not checked', () => {
  it('says the run is incomplete (SARIF appendix I: executionSuccessful false, one error notification per input, located)', () => {
    const notChecked = [
      { path: 'guests/gone.cfg', message: "cannot read 'guests/gone.cfg': no such file or directory" },
      { path: null, message: "no files match '*.xl'" },
    ];
    const log = sarifLog([webReport()], { cwd, notChecked });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const inv = log.runs[0]!.invocations!;
    expect(inv).toHaveLength(1);
    expect(inv[0]!.executionSuccessful).toBe(false);
    const notes = inv[0]!.toolExecutionNotifications!;
    expect(notes.map((n) => n.level)).toEqual(['error', 'error']);
    expect(notes.map((n) => n.message.text)).toEqual(notChecked.map((n) => n.message));
    expect(notes[0]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'guests/gone.cfg', uriBaseId: '%SRCROOT%' } } }]);
    expect(notes[1]!.locations).toBeUndefined();
    expect(inv[0]!.exitCode).toBeUndefined();
  });

  it('says a run over --max-warnings is complete but exits 1, in exitCode and exitCodeDescription', () => {
    const log = sarifLog([webReport()], { cwd, maxWarnings: 0 });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const inv = log.runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.exitCode).toBe(1);
    expect(inv.exitCodeDescription).toMatch(/^1 .* 0$/);
    expect(inv.toolExecutionNotifications).toBeUndefined();
    expect(sarifLog([webReport()], { cwd, maxWarnings: 1 }).runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('says a run that checked every input is complete', () => {
    const log = sarifLog([webReport()], { cwd });
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('marks a real run with a missing path as incomplete, and the other file still reported', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sarif-'));
    try {
      writeFileSync(join(root, 'a.cfg'), 'name = "a"\nkernel = "/k"\nmemroy = 1\n');
      const { io, out } = fakeIo({ cwd: root });
      expect(await runCli(['check', 'a.cfg', 'missing.cfg', '-f', 'sarif'], io)).toBe(2);
      const log = JSON.parse(out.stdout);
      expect(validate(log)).toBe(true);
      expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
      const notes = log.runs[0].invocations[0].toolExecutionNotifications;
      expect(notes).toHaveLength(1);
      expect(notes[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'missing.cfg', uriBaseId: '%SRCROOT%' });
      expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['XM0101']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('sarif lines', () => {
  it('declares a lone CR a line break, as the line numbers count it (SARIF defaults to CRLF and LF only)', () => {
    const text = 'name = "a"\rmemroy = 1\r';
    const s = text.indexOf('memroy');
    const log = sarifLog([fileReport('cr.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: s, end: s + 6 } }], 'xm')], { cwd });
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine).toBe(2);
    expect(log.runs[0]!.newlineSequences).toEqual(['\r\n', '\n', '\r']);
  });
});

describe('sarif for GitHub code scanning', () => {
  const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

  it('validates with every registered code, each result at its rule (ruleIndex), level and default level matching the severity, related locations too', () => {
    const text = allCodes().map((c) => `k${c.code} = 1\n`).join('');
    const diags: Diagnostic[] = allCodes().map((c, i) => {
      const start = text.indexOf(`k${c.code}`);
      const d: Diagnostic = { code: c.code, severity: c.severity, message: `m ${c.code}`, span: { start, end: start + 7 } };
      if (i % 2 === 0) d.related = [{ message: 'there', span: { start: 0, end: 1 } }];
      return d;
    });
    const log = sarifLog([fileReport('all codes.cfg', text, diags)], { cwd, toolVersion: '1.2.3' });
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(allCodes().map((c) => c.code));
    expect(run.results).toHaveLength(allCodes().length);
    for (const r of run.results!) {
      const info = allCodes().find((c) => c.code === r.ruleId)!;
      const rule = rules[r.ruleIndex!]!;
      expect(rule.id).toBe(r.ruleId);
      expect(r.level).toBe(LEVEL[info.severity]);
      expect(rule.defaultConfiguration!.level).toBe(r.level);
      expect(rule.helpUri).toBe(codeUrl(r.ruleId!));
      expect(rule.shortDescription!.text).toBe(info.title);
      expect(Object.keys(r.partialFingerprints!)).toEqual([FINGERPRINT_KEY]);
    }
    expect(run.results!.filter((r) => r.relatedLocations).length).toBe(Math.ceil(allCodes().length / 2));
  });

  it('fingerprints with FNV-1a 64 (checked against a BigInt reference)', () => {
    const ref = (s: string): string => {
      let h = 0xcbf29ce484222325n;
      for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    for (const s of ['', 'a', 'XM0101\u0000memroy = 1', '\uffff'.repeat(40), 'ü😀'.repeat(50)]) expect(fnv1a64(s)).toBe(ref(s));
  });

  it('keeps the fingerprint of a finding when lines are added above it or its line is re-indented, and tells repeats apart', () => {
    const unknown = (text: string, n = 0): Diagnostic => {
      let at = -1;
      for (let k = 0; k <= n; k++) at = text.indexOf('memroy', at + 1);
      return { code: 'XM0101', severity: 'warning', message: `unknown key at ${at}`, span: { start: at, end: at + 6 } };
    };
    const prints = (text: string, count: number): string[] => {
      const diags = Array.from({ length: count }, (_, i) => unknown(text, i));
      return sarifLog([fileReport('a.cfg', text, diags)], { cwd }).runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!);
    };
    const before = prints('name = "a"\nmemroy = 1\nmemroy = 1\n', 2);
    expect(before[0]).not.toBe(before[1]);
    expect(before.map((p) => p.split(':')[1])).toEqual(['1', '2']);
    expect(prints('# new\n\nname = "a"\r\n  memroy  =  1\r\nmemroy = 1\r\n', 2)).toEqual(before);
    expect(prints('name = "a"\nmemroy = 2\n', 1)[0]).not.toBe(before[0]);
  });

  it('gives UTF-16 columns after non-ASCII text and CRLF line ends, for a file and for standard input, in a real run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sarif-'));
    try {
      const text = 'name = "ü😀"; memroy = 1\r\nbootloader = "pygrub"\r\nmaxmem = 512\r\nmemory = 1024\r\n';
      writeFileSync(join(root, 'crlf ü😀.cfg'), text);
      const { io, out } = fakeIo({ cwd: root, stdin: text });
      expect(await runCli(['check', 'crlf ü😀.cfg', '-', '--stdin-filepath', 'sub dir/stdin ü.cfg', '-f', 'sarif'], io)).toBe(1);
      const log = JSON.parse(out.stdout);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const where = (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }): string => {
        const { artifactLocation: a, region: g } = r.locations[0]!.physicalLocation;
        return `${r.ruleId} ${a.uri} ${g.startLine}:${g.startColumn}-${g.endLine}:${g.endColumn}`;
      };
      const found = log.runs[0].results.map(where);
      // `name = "ü😀"; ` is 14 UTF-16 code units (😀 is two): memroy starts in column 15.
      for (const uri of ['crlf%20%C3%BC%F0%9F%98%80.cfg', 'sub%20dir/stdin%20%C3%BC.cfg']) {
        expect(found).toContain(`XM0101 ${uri} 1:15-1:21`);
        expect(found).toContain(`XM0202 ${uri} 3:10-3:13`);
      }
      const related = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'XM0202').relatedLocations;
      expect(related.map((l: { physicalLocation: { region: Record<string, number> } }) => l.physicalLocation.region)).toEqual([{ startLine: 4, startColumn: 10, endLine: 4, endColumn: 14 }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
