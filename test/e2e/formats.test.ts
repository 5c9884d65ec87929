import { readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT, hasStackTrace, xmcfg } from './cli-helpers.js';

describe.skipIf(!BUILT)('built xmcfg: formats and exit codes', () => {
  it('starts with a shebang and is executable', () => {
    const head = readFileSync('dist/cli.mjs', 'utf8').slice(0, 20);
    expect(head.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync('dist/cli.mjs').mode & 0o111).toBe(0o111);
  });

  it('stylish: clean file exits 0 with the summary only', () => {
    expect(xmcfg(['check', 'clean.cfg'])).toEqual({ code: 0, stdout: 'checked 1 file: no problems found\n', stderr: '' });
  });

  it('stylish: findings exit 1 with code frames on stdout, nothing on stderr', () => {
    const r = xmcfg(['check', 'error.cfg', 'clean.cfg']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^error\[XM00\d\d\]: .+\n --> error\.cfg:\d+:\d+\n/m);
    expect(r.stdout).toMatch(/\nfound \d+ errors? .*in 1 of 2 files\n$/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('stylish: colour with FORCE_COLOR, none with NO_COLOR', () => {
    expect(xmcfg(['check', 'error.cfg'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain('\u001b[1;31merror[');
    expect(xmcfg(['check', 'error.cfg'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('json: the spec shape, paths as given', () => {
    const r = xmcfg(['check', './clean.cfg', 'warn.cfg', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { version: number; files: { path: string; dialect: string; errorCount: number; warningCount: number; diagnostics: { code: string; line: number; column: number; endLine: number; endColumn: number }[] }[] };
    expect(out.version).toBe(1);
    expect(out.files.map((f) => f.path)).toEqual(['./clean.cfg', 'warn.cfg']);
    expect(out.files[0]).toEqual({ path: './clean.cfg', dialect: 'xl', errorCount: 0, warningCount: 0, diagnostics: [] });
    const w = out.files[1]!;
    expect(w.warningCount).toBeGreaterThan(0);
    // warn.cfg sets memory on lines 5 and 7: the duplicate finding points at one of them.
    expect(w.diagnostics.some((d) => d.line === 7 || d.line === 5)).toBe(true);
  });

  it('sarif: valid JSON with rules and repo-relative URIs', () => {
    const r = xmcfg(['check', 'error.cfg', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.results.length).toBeGreaterThan(0);
    for (const res of run.results) {
      expect(run.tool.driver.rules.map((x) => x.id)).toContain(res.ruleId);
      expect(res.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'error.cfg', uriBaseId: '%SRCROOT%' });
    }
  });

  it('sarif: relative to GITHUB_WORKSPACE when running inside it', () => {
    const r = xmcfg(['check', 'error.cfg', '--format', 'sarif'], { env: { GITHUB_WORKSPACE: join(process.cwd()) } });
    const log = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('fixtures/cli/error.cfg');
  });

  it('github: workflow commands only', () => {
    const r = xmcfg(['check', 'error.cfg', 'warn.cfg', '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=(error|warn)\.cfg,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=XM\d{4}[^:]*::/);
  });

  it('junit: XML with one suite per file', () => {
    const r = xmcfg(['check', 'error.cfg', 'clean.cfg', '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="xmcfg"')).toBe(true);
    expect(r.stdout.match(/<testsuite /g)!.length).toBe(2);
    expect(r.stdout).toContain('<testsuite name="clean.cfg" tests="1" failures="0"');
    expect(r.stdout).toMatch(/<failure message="[^"]+" type="XM00\d\d">/);
  });

  it('--output-file writes the report and keeps stdout empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmcfg-e2e-'));
    try {
      const r = xmcfg(['check', 'error.cfg', '-f', 'sarif', '-o', join(dir, 'out.sarif')]);
      expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
      expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'))).toHaveProperty('version', '2.1.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage errors exit 2 with a message and no stack trace', () => {
    for (const args of [['check', '--format', 'xml', 'clean.cfg'], ['nope'], [], ['check', '--jobs', 'x']]) {
      const r = xmcfg(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^xmcfg/);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('stdin with --stdin-filepath', () => {
    const r = xmcfg(['check', '-', '--stdin-filepath', 'guests/piped.cfg', '-f', 'json'], { input: readFileSync('fixtures/cli/error.cfg') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].path).toBe('guests/piped.cfg');
  });

  it('--jobs 2 gives the same report as one thread', () => {
    const one = xmcfg(['check', '.', '-f', 'json', '--jobs', '1']);
    const two = xmcfg(['check', '.', '-f', 'json', '--jobs', '2']);
    expect(two).toEqual(one);
    expect(one.code).toBe(1);
  });

  it('--help, --version, explain, normalize, schema', () => {
    const v = xmcfg(['--version']);
    expect(v).toEqual({ code: 0, stdout: JSON.parse(readFileSync('package.json', 'utf8')).version + '\n', stderr: '' });
    expect(xmcfg(['check', '--help']).stdout).toContain('--max-warnings');
    expect(xmcfg(['explain', 'XM0040']).stdout).toMatch(/^XM0040: file too large/);
    expect(xmcfg(['explain', 'XM0999']).code).toBe(2);
    const n = xmcfg(['normalize', 'clean.cfg']);
    expect(n.code).toBe(0);
    expect(JSON.parse(n.stdout)).toMatchObject({ name: 'clean' });
    const s = xmcfg(['schema']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toHaveProperty('properties');
  });
});
