import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/report/stylish.js';
import { displayWidth } from '../../src/format/width.js';
import { fileReport, webReport, CLEAN } from './fixtures.js';

describe('stylish report', () => {
  it('prints rustc-style frames with help, notes and a summary (golden)', () => {
    const out = formatStylish([webReport(), fileReport('guests/db.cfg', CLEAN, [])]);
    expect(out).toBe(
      [
        'warning[XM0101]: unknown key "memroy"',
        ' --> guests/web.cfg:2:1',
        '  |',
        '2 | memroy = 512',
        '  | ^^^^^^',
        '  = help: did you mean "memory"?',
        '',
        'error[XM0201]: duplicate key "memory"',
        ' --> guests/web.cfg:4:1',
        '  |',
        '4 | memory = 1024',
        '  | ^^^^^^',
        '  |',
        'note: first set here',
        ' --> guests/web.cfg:3:1',
        '  |',
        '3 | memory = 256',
        '  | ------',
        '',
        'found 1 error and 1 warning in 1 of 2 files',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(formatStylish([fileReport('a.cfg', CLEAN, [])])).toBe('checked 1 file: no problems found\n');
  });

  it('colours only when asked', () => {
    expect(formatStylish([webReport()])).not.toContain('\u001b[');
    expect(formatStylish([webReport()], { color: true })).toContain('\u001b[1;31merror[XM0201]');
  });

  it('places the caret by display width: tabs and wide characters', () => {
    const text = '\tname = "日本" x\n';
    const x = text.indexOf('x');
    const out = formatStylish([fileReport('t.cfg', text, [{ code: 'XM0001', severity: 'error', message: 'm', span: { start: x, end: x + 1 } }])]);
    const lines = out.split('\n');
    const src = lines.findIndex((l) => l.startsWith('1 |'));
    expect(lines[src]).toBe('1 |     name = "日本" x');
    // 4 (tab) + 'name = "' (8) + 2×2 (wide) + '" ' (2) = column 18 (0-based) after the gutter.
    expect(lines[src + 1]).toBe('  | ' + ' '.repeat(18) + '^');
  });

  it('underlines at least one column for empty spans, also at the end of the file', () => {
    const text = 'memory = ';
    const out = formatStylish([fileReport('e.cfg', text, [{ code: 'XM0002', severity: 'error', message: 'value expected', span: { start: 9, end: 9 } }])]);
    expect(out).toContain('1 | memory = \n  |          ^\n');
  });

  it('prints no frame for a file without text (not read: too large)', () => {
    const out = formatStylish([fileReport('big.cfg', '', [{ code: 'XM0040', severity: 'error', message: 'too large', span: { start: 0, end: 0 }, hint: 'raise --max-file-size' }], null)]);
    expect(out).toBe('error[XM0040]: too large\n --> big.cfg:1:1\n  = help: raise --max-file-size\n\nfound 1 error in 1 of 1 file\n');
  });

  it('cuts very long lines around the span', () => {
    const text = 'x = "' + 'a'.repeat(1_000_000) + 'BAD' + 'b'.repeat(1000) + '"\n';
    const s = text.indexOf('BAD');
    const out = formatStylish([fileReport('long.cfg', text, [{ code: 'XM0003', severity: 'error', message: 'm', span: { start: s, end: s + 3 } }])], { frameWidth: 60 });
    const lines = out.split('\n');
    const src = lines.find((l) => l.startsWith('1 |'))!;
    expect(src.length).toBeLessThan(80);
    expect(src).toContain('…aaaa');
    expect(src).toContain('BADbbb');
    expect(src.endsWith('…')).toBe(true);
    const caret = lines[lines.indexOf(src) + 1]!;
    expect(caret.indexOf('^^^')).toBe(src.indexOf('BAD'));
  });

  it('never prints control characters from the file or the message', () => {
    const text = 'a = "\u001b[31mred"\0\n';
    const out = formatStylish([fileReport('c.cfg', text, [{ code: 'XM0004', severity: 'warning', message: 'bad \u001b]0;title\u0007', span: { start: 0, end: 1 } }])]);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('shows invisible format characters (byte-order mark, bidi overrides, zero-width) as one visible column', () => {
    // A BOM file's first line, and a value hiding a right-to-left override: neither may shift the caret or reorder the line.
    for (const text of ['\uFEFFmemroy = 1\n', 'x = "a\u202Eb\u200B" memroy\n']) {
      const at = text.indexOf('memroy');
      const out = formatStylish([fileReport('f.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'unknown "\u202Ememroy"', span: { start: at, end: at + 6 } }])]);
      expect(out).not.toMatch(/[\uFEFF\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
      const lines = out.split('\n');
      const src = lines.findIndex((l) => l.startsWith('1 |'));
      expect(lines[src + 1]!.indexOf('^')).toBe(lines[src]!.indexOf('memroy'));
    }
  });

  it('draws a span that continues on the next line up to the end of its first line', () => {
    const text = 'disk = [ "a",\n  "b" ]\n';
    const out = formatStylish([fileReport('m.cfg', text, [{ code: 'XM0005', severity: 'info', message: 'm', span: { start: 7, end: text.length - 1 } }])]);
    expect(out).toContain('note[XM0005]: m\n');
    expect(out).toContain('1 | disk = [ "a",\n  |        ^^^^^^\n');
    expect(out).toContain('found 1 note in 1 of 1 file');
  });

  it('shows CRLF files without the carriage return', () => {
    const text = 'a = 1\r\nbad = 2\r\n';
    const out = formatStylish([fileReport('crlf.cfg', text, [{ code: 'XM0006', severity: 'error', message: 'm', span: { start: 7, end: 10 } }])]);
    expect(out).toContain(' --> crlf.cfg:2:1\n  |\n2 | bad = 2\n  | ^^^\n');
  });
});

describe('stylish code frames are bounded in display columns', () => {
  /** Terminal columns of a frame line: code points, the wide ones (CJK here) counted twice. */
  const columns = (s: string): number => [...s].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);

  it('cuts a line of tabs or wide characters at the frame width, not at as many code units', () => {
    // 100 tabs are 100 code units (under the width) but 400 columns; 300 CJK ideographs are 600.
    const cases = ['\t'.repeat(100) + 'memroy = 1\n', 'x = "' + '漢'.repeat(300) + '" ; memroy = 1\n', 'x = "' + '\t'.repeat(1000) + '" ; memroy = 1\n'];
    for (const text of cases) {
      const s = text.indexOf('memroy');
      const out = formatStylish([fileReport('w.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: s, end: s + 6 } }])], { frameWidth: 60 });
      const lines = out.split('\n');
      const src = lines.findIndex((l) => l.startsWith('1 |'));
      // The excerpt (after '1 | ') is at most 60 columns plus the two '…' marks.
      expect(columns(lines[src]!.slice(4)), JSON.stringify(text.slice(0, 8))).toBeLessThanOrEqual(62);
      expect(lines[src]).toContain('memroy');
      const caret = lines[src + 1]!;
      expect(columns(lines[src]!.slice(0, lines[src]!.indexOf('memroy')))).toBe(caret.indexOf('^'));
    }
  });

  it('keeps a short line of wide characters whole', () => {
    const text = 'x = "' + '漢'.repeat(20) + '" memroy\n';
    const s = text.indexOf('memroy');
    const out = formatStylish([fileReport('w.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: s, end: s + 6 } }])], { frameWidth: 60 });
    expect(out).toContain(`1 | ${text.slice(0, -1)}\n`);
  });
});

describe('stylish carets after emoji', () => {
  it('counts the emoji East Asian Width calls wide (W) as two columns: transport, symbols, pictographs', () => {
    // U+1F680 rocket, U+2705 check mark, U+26A1 high voltage, U+1FAE0 melting face, U+1F7E2 green circle: all W.
    const text = 'x = "\u{1F680}\u2705\u26A1\u{1FAE0}\u{1F7E2}" memroy\n';
    const s = text.indexOf('memroy');
    const out = formatStylish([fileReport('e.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: s, end: s + 6 } }])]);
    const lines = out.split('\n');
    const src = lines.findIndex((l) => l.startsWith('1 |'));
    // 'x = "' is 5 columns, five wide characters 10, '" ' 2: the caret starts 17 columns in.
    expect(lines[src + 1]).toBe('  | ' + ' '.repeat(17) + '^^^^^^');
  });

  it('counts wide what fmt counts wide, from one table (Unicode 16): U+2630 trigram, U+4DC0 hexagram, U+1D300 Tai Xuan Jing', () => {
    // The frames kept a Unicode 15.1 table of their own, where these were narrow: the caret was 3 columns short.
    const wide = '\u2630\u4DC0\u{1D300}';
    const text = `x = "${wide}" memroy\n`;
    const s = text.indexOf('memroy');
    const out = formatStylish([fileReport('e.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: s, end: s + 6 } }])]);
    expect(displayWidth(wide)).toBe(6);
    // 'x = "' 5 columns, three wide characters 6, '" ' 2: the caret starts 13 columns in.
    expect(out).toContain('\n  | ' + ' '.repeat(13) + '^^^^^^\n');
  });

  it('keeps narrow symbols narrow (U+2713 check mark, U+2600 sun: East Asian Width N)', () => {
    const text = 'x = "\u2713\u2600" memroy\n';
    const s = text.indexOf('memroy');
    const out = formatStylish([fileReport('e.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: s, end: s + 6 } }])]);
    expect(out).toContain('\n  | ' + ' '.repeat(9) + '^^^^^^\n');
  });
});

describe('stylish carets after combining marks', () => {
  it('counts a combining mark (U+0301, and U+20E3 after a digit) as no column', () => {
    const text = 'x = "e\u0301e\u03011\u20E3" memroy\n';
    const s = text.indexOf('memroy');
    const out = formatStylish([fileReport('e.cfg', text, [{ code: 'XM0101', severity: 'warning', message: 'm', span: { start: s, end: s + 6 } }])]);
    // 'x = "' 5 columns, 'é', 'é', '1⃣' one each, '" ' 2: the caret starts 10 columns in.
    expect(out).toContain(`1 | ${text.slice(0, -1)}\n  | ${' '.repeat(10)}^^^^^^\n`);
  });
});

describe('stylish frames of a line of combining marks', () => {
  it('stay bounded in code units too (marks take no column, so columns alone never cut the line)', () => {
    const text = 'name = "a' + '\u0301'.repeat(500_000) + '" ; memroy = 1\n';
    const s = text.indexOf('memroy');
    const d = (start: number) => ({ code: 'XM0101', severity: 'warning' as const, message: 'm', span: { start, end: start + 6 } });
    const out = formatStylish([fileReport('z.cfg', text, [d(s), d(7)])], { frameWidth: 60 });
    expect(out.length).toBeLessThan(3000);
    expect(out).toContain('memroy = 1');
  });
});
