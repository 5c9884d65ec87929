import { describe, expect, it } from 'vitest';
import { chooseJobs, AUTO_JOBS_MIN_FILES } from '../../src/cli/check/run-check.js';
import { parseCheckOptions, parseDefines } from '../../src/cli/check/options.js';
import { createProgress } from '../../src/cli/check/progress.js';
import { useColor } from '../../src/cli/color.js';
import { canonicalCode, explainText, wrap } from '../../src/cli/explain-run.js';
import { allCodes } from '../../src/diagnostics/codes/index.js';
import { fakeIo } from './fake-io.js';
import { checkText } from '../../src/check/check.js';

describe('check options', () => {
  it('parses --define values: integers (decimal, hex) become numbers', () => {
    expect(parseDefines(['vmid=3', 'h=0x1f', 'nom=web', 'neg=-2', 'oct=010', 'empty='])).toEqual({ ok: true, value: { vmid: 3, h: 31, nom: 'web', neg: -2, oct: '010', empty: '' } });
    // xm options stay as typed: the evaluator converts them as xm create did (int() refuses 0x400).
    expect(parseDefines(['memory=0x400', 'vcpus=2', 'name=web'])).toEqual({ ok: true, value: { memory: '0x400', vcpus: '2', name: 'web' } });
    // Past 2^53 the text is kept (a JS number is a float there): "%s" gives the digits xm's int() kept.
    expect(parseDefines(['big=99999999999999999999999', 'bighex=0x1fffffffffffffffff', 'safe=9007199254740991'])).toEqual({ ok: true, value: { big: '99999999999999999999999', bighex: '0x1fffffffffffffffff', safe: 9007199254740991 } });
    const defines = parseDefines(['big=99999999999999999999999']);
    expect(defines.ok && checkText('name = "vm%s" % big\n', { dialect: 'xm', defines: defines.value }).config.name).toBe('vm99999999999999999999999');
    expect(parseDefines(['1x=2']).ok).toBe(false);
    expect(parseDefines(['novalue']).ok).toBe(false);
  });

  it('defaults to the current folder and validates numbers', () => {
    const r = parseCheckOptions({});
    expect(r.ok && r.value).toMatchObject({ paths: ['.'], dialect: 'auto', format: 'stylish', maxWarnings: null, jobs: null, quiet: false, color: null });
    // -1 is ESLint's "no limit"; below that is refused.
    expect(parseCheckOptions({ 'max-warnings': -1 })).toMatchObject({ ok: true, value: { maxWarnings: null } });
    expect(parseCheckOptions({ 'max-warnings': -2 }).ok).toBe(false);
    expect(parseCheckOptions({ 'max-warnings': 0 }).ok).toBe(true);
    expect(parseCheckOptions({ jobs: 1.5 }).ok).toBe(false);
    // yargs reads `--jobs abc` as NaN: the message must not name a value nobody typed.
    for (const bad of [{ jobs: Number.NaN }, { 'max-warnings': Number.NaN }]) {
      const r = parseCheckOptions(bad);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.message).not.toContain('NaN');
    }
    expect(parseCheckOptions({ paths: ['-', '-'] }).ok).toBe(false);
  });
});

describe('jobs', () => {
  it('lowers a --jobs far above the core count (each thread loads its own checker: 120 threads took 720 MB)', () => {
    expect(chooseJobs(1000, 5000, 2)).toBe(4);
    expect(chooseJobs(1000, 5000, 16)).toBe(32);
    expect(chooseJobs(1000, 3, 16)).toBe(3);
  });

  it('stays on one thread for small trees or few cores, and honours --jobs', () => {
    expect(chooseJobs(null, 10, 8)).toBe(1);
    expect(chooseJobs(null, AUTO_JOBS_MIN_FILES - 1, 8)).toBe(1);
    expect(chooseJobs(null, 10_000, 2)).toBe(1);
    expect(chooseJobs(null, 10_000, 8)).toBe(4);
    expect(chooseJobs(null, AUTO_JOBS_MIN_FILES, 8)).toBe(2);
    expect(chooseJobs(3, 10, 2)).toBe(3);
    expect(chooseJobs(8, 2, 2)).toBe(2);
  });
});

describe('colour', () => {
  it('explicit flag, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    const io = (env: Record<string, string>, tty: boolean) => fakeIo({ cwd: '/', env, tty }).io;
    expect(useColor(io({}, true), 'stdout')).toBe(true);
    expect(useColor(io({}, false), 'stdout')).toBe(false);
    expect(useColor(io({ NO_COLOR: '1' }, true), 'stdout')).toBe(false);
    expect(useColor(io({ NO_COLOR: '' }, true), 'stdout')).toBe(true);
    expect(useColor(io({ FORCE_COLOR: '1' }, false), 'stdout')).toBe(true);
    expect(useColor(io({ FORCE_COLOR: '0' }, true), 'stdout')).toBe(false);
    expect(useColor(io({ NO_COLOR: '1' }, true), 'stdout', true)).toBe(true);
  });
});

describe('progress line', () => {
  it('appears only on a terminal, only after the delay, and is erased', () => {
    let now = 0;
    const tty = fakeIo({ cwd: '/', tty: true });
    const p = createProgress(tty.io, 100, () => now);
    p.update(1);
    expect(tty.out.stderr).toBe('');
    now = 600;
    p.update(50);
    expect(tty.out.stderr).toBe('\r\u001b[Kchecking 50/100 files…');
    now = 650;
    p.update(51); // throttled
    expect(tty.out.stderr).toBe('\r\u001b[Kchecking 50/100 files…');
    p.finish();
    expect(tty.out.stderr.endsWith('\r\u001b[K')).toBe(true);
    const pipe = fakeIo({ cwd: '/', tty: false });
    const q = createProgress(pipe.io, 100, () => (now += 1000));
    q.update(1);
    q.finish();
    expect(pipe.out.stderr).toBe('');
  });

  it('is erased before report text goes to the same terminal, and redrawn at the next update', () => {
    let now = 600;
    const tty = fakeIo({ cwd: '/', tty: true });
    const p = createProgress(tty.io, 100, () => now, 500);
    now = 1200;
    p.update(10);
    p.clear();
    expect(tty.out.stderr).toBe('\r\u001b[Kchecking 10/100 files…\r\u001b[K');
    p.clear(); // nothing shown: nothing to erase
    now = 1210;
    p.update(11); // not throttled after a clear
    expect(tty.out.stderr.endsWith('\r\u001b[K\r\u001b[Kchecking 11/100 files…')).toBe(true);
  });
});

describe('explain', () => {
  it('accepts code spellings', () => {
    expect(canonicalCode('xm0101')).toBe('XM0101');
    expect(canonicalCode('101')).toBe('XM0101');
    expect(canonicalCode('XM12345')).toBeNull();
    expect(canonicalCode('hello')).toBeNull();
  });

  it('renders every registered code with both examples and a link', () => {
    for (const info of allCodes()) {
      const page = explainText(info);
      expect(page.startsWith(`${info.code}: ${info.title} (${info.severity})\n`)).toBe(true);
      expect(page).toMatch(/\nWrong( \((an xl file|an xm file|host topology JSON|a library call)\))?:\n/);
      expect(page).toMatch(/\nRight( \((an xl file|an xm file|host topology JSON|a library call)\))?:\n/);
      expect(page).toContain(`#${info.code.toLowerCase()}`);
    }
  });

  it('says which dialect the examples are in (the same text reads differently in xl and xm)', () => {
    const page = (code: string) => explainText(allCodes().find((c) => c.code === code)!);
    // An HVM option of an xm PV guest (XM0244) is no finding when the example is read as xl.
    expect(page('XM0244')).toContain('\nWrong (an xm file):\n');
    expect(page('XM0244')).toContain('\nRight (an xm file):\n');
    expect(page('XM0530')).toContain('\nWrong (an xm file):\n');
    expect(page('XM0101')).toContain('\nWrong (an xl file):\n');
    expect(page('XM0401')).toContain('\nWrong (host topology JSON):\n');
    // A command line says what it is itself.
    expect(page('XM0040')).toContain('\nWrong:\n');
  });

  it('wraps at the width without breaking words', () => {
    expect(wrap('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd');
    expect(wrap('averyveryverylongword x', 5)).toBe('averyveryverylongword\nx');
  });
});
