import { describe, expect, it } from 'vitest';
import { formatGithub, escapeData, escapeProperty, NOT_CHECKED_TEXT_MAX } from '../../src/report/github.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { codeInfo } from '../../src/diagnostics/codes/index.js';
import { fileReport, webReport } from './fixtures.js';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runCli } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

/** The title property: the code plus its registry title (escaped), as annotations show it. */
const title = (code: string): string => escapeProperty(codeInfo(code) ? `${code} ${codeInfo(code)!.title}` : code);

describe('github report', () => {
  it('prints workflow commands with positions and titles (golden)', () => {
    expect(formatGithub([webReport()])).toBe(
      `::error file=guests/web.cfg,line=4,endLine=4,col=1,endColumn=7,title=${title('XM0201')}::duplicate key "memory"\n` +
        `::warning file=guests/web.cfg,line=2,endLine=2,col=1,endColumn=7,title=${title('XM0101')}::unknown key "memroy"%0Ahelp: did you mean "memory"?\n`,
    );
  });

  it('names files relative to the repository root (GITHUB_WORKSPACE), as GitHub matches annotations', () => {
    const d: Diagnostic[] = [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: 0, end: 1 } }];
    const fileOf = (path: string) => /file=([^,]*),/.exec(formatGithub([fileReport(path, 'k = 1\n', d)], { cwd: '/ws/guests', srcRoot: '/ws' }))![1];
    // Run from a subfolder (a step's working-directory), given with ./ or absolute.
    expect(fileOf('./web.cfg')).toBe('guests/web.cfg');
    expect(fileOf('sub/../db.cfg')).toBe('guests/db.cfg');
    expect(fileOf('/ws/guests/a.cfg')).toBe('guests/a.cfg');
    // Outside the repository: as given.
    expect(fileOf('/etc/xen/vm.cfg')).toBe('/etc/xen/vm.cfg');
    // A name starting with `..` is inside.
    expect(fileOf('./..x.cfg')).toBe('guests/..x.cfg');
  });

  it('escapes data and property values', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const out = formatGithub([fileReport('dir,x/a:b.cfg', 'k = 1\n', [{ code: 'XM0008', severity: 'error', message: 'line1\nline2 50%', span: { start: 0, end: 1 } }])]);
    expect(out).toBe(`::error file=dir%2Cx/a%3Ab.cfg,line=1,endLine=1,col=1,endColumn=2,title=${title('XM0008')}::line1%0Aline2 50%25\n`);
  });

  it('annotates at most 10 errors and 10 warnings, then one summary notice and plain log lines', () => {
    const text = 'k = 1\n'.repeat(40);
    const diags: Diagnostic[] = [];
    for (let i = 0; i < 15; i++) diags.push({ code: 'XM0009', severity: 'warning', message: `w${i}`, span: { start: i * 6, end: i * 6 + 1 } });
    for (let i = 15; i < 27; i++) diags.push({ code: 'XM0010', severity: 'error', message: `e${i}`, span: { start: i * 6, end: i * 6 + 1 } });
    const lines = formatGithub([fileReport('many.cfg', text, diags)]).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    const notices = lines.filter((l) => l.startsWith('::notice '));
    expect(notices.length).toBe(1);
    expect(notices[0]).toContain('7 more findings');
    const plain = lines.filter((l) => !l.startsWith('::'));
    expect(plain.length).toBe(7);
    // Errors are annotated first; the leftovers are the last 2 errors and the last 5 warnings.
    expect(plain).toEqual(['many.cfg:26:1: error XM0010: e25', 'many.cfg:27:1: error XM0010: e26', ...[10, 11, 12, 13, 14].map((i) => `many.cfg:${i + 1}:1: warning XM0009: w${i}`)]);
  });

  it('prints nothing for a clean run', () => {
    expect(formatGithub([fileReport('a.cfg', 'a = 1\n', [])])).toBe('');
  });
});

describe('github report: plain log lines are never workflow commands', () => {
  const many = (path: string) => {
    const text = 'k = 1\n'.repeat(20);
    const diags: Diagnostic[] = [];
    for (let i = 0; i < 12; i++) diags.push({ code: 'XM0010', severity: 'error', message: i === 11 ? 'x ##[add-mask]y' : `e${i}`, span: { start: i * 6, end: i * 6 + 1 } });
    return formatGithub([fileReport(path, text, diags)]).trimEnd().split('\n');
  };

  it('escapes a leading `::` of a file name, also after blanks, and `##[` anywhere', () => {
    const lines = many('::error title=pwned::x.cfg');
    const plain = lines.slice(lines.findIndex((l) => l.startsWith('::notice ')) + 1);
    expect(plain).toEqual(['%3A:error title=pwned::x.cfg:11:1: error XM0010: e10', '%3A:error title=pwned::x.cfg:12:1: error XM0010: x ##%5Badd-mask]y']);
    // Exactly 10 error annotations and one notice: the file name injected none.
    expect(lines.filter((l) => /^\s*::/.test(l)).length).toBe(11);
    expect(many('  ::warning::a.cfg').filter((l) => /^\s*::warning/.test(l))).toEqual([]);
    expect(many('##[set-output name=a;]b.cfg').some((l) => !l.startsWith('::') && l.includes('##['))).toBe(false);
  });
});

describe('github annotations over several lines', () => {
  it('give no col/endColumn (GitHub takes columns only when line and endLine are equal)', () => {
    const text = 'disk = [ "a",\n  "b" ]\n';
    const out = formatGithub([fileReport('m.cfg', text, [{ code: 'XM0211', severity: 'error', message: 'm', span: { start: 7, end: text.length - 1 } }])]);
    expect(out).toBe(`::error file=m.cfg,line=1,endLine=2,title=${title('XM0211')}::m\n`);
  });

  it('keep columns for a span on one line, also an empty one', () => {
    const out = formatGithub([fileReport('e.cfg', 'memory = ', [{ code: 'XM0012', severity: 'error', message: 'm', span: { start: 9, end: 9 } }])]);
    expect(out).toBe(`::error file=e.cfg,line=1,endLine=1,col=10,endColumn=10,title=${title('XM0012')}::m\n`);
  });
});

describe('github report on inputs that were not checked', () => {
  it('annotates them with one error first, within the 10 error annotations GitHub shows (9 findings then)', () => {
    const text = 'k = 1\n'.repeat(12);
    const diags: Diagnostic[] = [];
    for (let i = 0; i < 10; i++) diags.push({ code: 'XM0010', severity: 'error', message: `e${i}`, span: { start: i * 6, end: i * 6 + 1 } });
    const notChecked = [
      { path: 'b.cfg', message: "cannot read 'b.cfg': no such file or directory" },
      { path: 'c.cfg', message: "cannot read 'c.cfg': permission denied" },
    ];
    const lines = formatGithub([fileReport('a.cfg', text, diags)], { notChecked }).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error title=xmcfg::2 inputs? not checked/);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(1);
    expect(lines[lines.length - 1]).toBe('a.cfg:10:1: error XM0010: e9');
  });

  it('annotates them in a run without findings too', () => {
    expect(formatGithub([], { notChecked: [{ path: null, message: 'm' }] })).toMatch(/^::error title=xmcfg::1 input not checked[^\n]*\n$/);
  });

  it('lists each reason in that one annotation, one a line (%0A), while they fit the bound; the rest counted', () => {
    const one = [{ path: 'b.cfg', message: "cannot read 'b.cfg': no such file or directory" }];
    expect(formatGithub([], { notChecked: one }).trimEnd().split('%0A').slice(1)).toEqual(["cannot read 'b.cfg': no such file or directory"]);
    const many = Array.from({ length: 200 }, (_, i) => ({ path: `d/${i}.cfg`, message: `cannot read 'd/${i}.cfg': permission denied` }));
    const out = formatGithub([], { notChecked: many });
    expect(out.split('\n').filter((l) => l !== '')).toHaveLength(1);
    const parts = out.trimEnd().split('%0A');
    const listed = parts.slice(1, -1);
    expect(listed).toEqual(many.slice(0, listed.length).map((n) => n.message));
    expect(listed.join('').length).toBeLessThanOrEqual(NOT_CHECKED_TEXT_MAX);
    expect(parts[parts.length - 1]).toMatch(new RegExp(`^\\D*${200 - listed.length}\\D*$`));
    const long = [{ path: null, message: 'x'.repeat(5000) }];
    expect(formatGithub([], { notChecked: long }).length).toBeLessThan(NOT_CHECKED_TEXT_MAX + 100);
  });
});

describe('github report of a run over --max-warnings', () => {
  const warns = (n: number): Diagnostic[] => Array.from({ length: n }, (_, i) => ({ code: 'XM0101', severity: 'warning' as const, message: `w${i}`, span: { start: i * 6, end: i * 6 + 1 } }));
  const text = 'k = 1\n'.repeat(12);

  it('annotates it with one error first (count and limit), taking an error slot', () => {
    const diags: Diagnostic[] = [...warns(3)];
    for (let i = 3; i < 13; i++) diags.push({ code: 'XM0010', severity: 'error', message: `e${i}`, span: { start: (i - 3) * 6, end: (i - 3) * 6 + 1 } });
    const lines = formatGithub([fileReport('a.cfg', text, diags)], { maxWarnings: 2 }).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error title=xmcfg max-warnings::3 \D* 2$/);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(3);
  });

  it('comes after the not-checked annotation; nothing at or under the limit', () => {
    const lines = formatGithub([fileReport('a.cfg', text, warns(2))], { maxWarnings: 1, notChecked: [{ path: null, message: 'm' }] }).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf('::', 2)))).toEqual(['::error title=xmcfg', '::error title=xmcfg max-warnings', '::warning file=a.cfg,line=1,endLine=1,col=1,endColumn=2,title=XM0101 unknown key', '::warning file=a.cfg,line=2,endLine=2,col=1,endColumn=2,title=XM0101 unknown key']);
    expect(formatGithub([fileReport('a.cfg', text, warns(2))], { maxWarnings: 2 })).toBe(formatGithub([fileReport('a.cfg', text, warns(2))]));
  });
});

describe('github report: no control characters reach the log or a terminal', () => {
  it('shows escape sequences, C1 controls and bidi overrides from a config as U+FFFD, in annotations and log lines', () => {
    const text = 'k = 1\n'.repeat(14);
    const diags: Diagnostic[] = [];
    for (let i = 0; i < 12; i++) diags.push({ code: 'XM0214', severity: 'error', message: `bad "\u001b[2J\u009b31m\u202e${i}"`, span: { start: i * 6, end: i * 6 + 1 }, hint: 'h\u0007' });
    const out = formatGithub([fileReport('e\u001b[1m.cfg', text, diags)]);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(out).toContain('::bad "\ufffd[2J\ufffd31m\ufffd0"%0Ahelp: h\ufffd\n');
    // The two log lines past the 10 annotations too.
    expect(out.trimEnd().split('\n').slice(-2)).toEqual(['e\ufffd[1m.cfg:11:1: error XM0214: bad "\ufffd[2J\ufffd31m\ufffd10"', 'e\ufffd[1m.cfg:12:1: error XM0214: bad "\ufffd[2J\ufffd31m\ufffd11"']);
  });
});

describe('github report of a real run inside GITHUB_WORKSPACE', () => {
  it('names files from the workspace root when the step runs in a subfolder, also when GITHUB_WORKSPACE is reached through a symlink (as on self-hosted runners with a linked work folder)', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'xmcfg-gh-')));
    try {
      mkdirSync(join(root, 'repo', 'guests'), { recursive: true });
      writeFileSync(join(root, 'repo', 'guests', 'web.cfg'), 'name = "w"\nkernel = "/boot/k"\nmemroy = 1\n');
      symlinkSync(join(root, 'repo'), join(root, 'work'));
      // process.cwd() is always the real path; the runner's variable may not be.
      for (const ws of [join(root, 'repo'), join(root, 'repo') + '/', join(root, 'work')]) {
        const { io, out } = fakeIo({ cwd: join(root, 'repo', 'guests'), env: { GITHUB_WORKSPACE: ws } });
        expect(await runCli(['check', 'web.cfg', '-f', 'github'], io)).toBe(0);
        expect(/file=([^,]*),/.exec(out.stdout)?.[1], ws).toBe('guests/web.cfg');
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
