import { describe, expect, it } from 'vitest';
import { formatJson, jsonReport } from '../../src/report/json.js';
import { fileReport, webReport, CLEAN } from './fixtures.js';

describe('json report', () => {
  it('has exactly the spec §4 shape (golden)', () => {
    const report = jsonReport([webReport(), fileReport('./db.cfg', CLEAN, [], 'xm')]);
    expect(report).toEqual({
      version: 1,
      files: [
        {
          path: 'guests/web.cfg',
          dialect: 'xl',
          errorCount: 1,
          warningCount: 1,
          diagnostics: [
            { code: 'XM0101', severity: 'warning', message: 'unknown key "memroy"', line: 2, column: 1, endLine: 2, endColumn: 7, hint: 'did you mean "memory"?' },
            {
              code: 'XM0201',
              severity: 'error',
              message: 'duplicate key "memory"',
              line: 4,
              column: 1,
              endLine: 4,
              endColumn: 7,
              related: [{ message: 'first set here', line: 3, column: 1, endLine: 3, endColumn: 7 }],
            },
          ],
        },
        { path: './db.cfg', dialect: 'xm', errorCount: 0, warningCount: 0, diagnostics: [] },
      ],
    });
    // Key order is part of the contract people diff against.
    expect(Object.keys(report.files[0]!)).toEqual(['path', 'dialect', 'errorCount', 'warningCount', 'diagnostics']);
    expect(Object.keys(report.files[0]!.diagnostics[0]!)).toEqual(['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'hint']);
  });

  it('counts columns in UTF-16 code units with an exclusive end', () => {
    const text = 'name = "😀x"\n';
    const x = text.indexOf('x');
    const out = jsonReport([fileReport('u.cfg', text, [{ code: 'XM0007', severity: 'error', message: 'm', span: { start: x, end: x + 1 } }])]);
    // 'name = "' is 8 units, the emoji 2: x is the 11th unit, column 11, end 12.
    expect(out.files[0]!.diagnostics[0]).toMatchObject({ line: 1, column: 11, endLine: 1, endColumn: 12 });
  });

  it('renders parseable JSON ending in a newline, diagnostics sorted by position', () => {
    const r = webReport();
    r.diagnostics.reverse();
    const text = formatJson([r]);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text) as { files: { diagnostics: { code: string }[] }[] };
    expect(parsed.files[0]!.diagnostics.map((d) => d.code)).toEqual(['XM0101', 'XM0201']);
  });

  it('gives the fixes of a finding, positioned in UTF-16 columns like its span, after its other fields', () => {
    const text = 'name = "😀"; memroy = 1\n';
    const at = text.indexOf('memroy');
    const span = { start: at, end: at + 6 };
    const out = jsonReport([
      fileReport('f.cfg', text, [
        { code: 'XM0101', severity: 'warning', message: 'm', span, hint: 'h', fixes: [{ title: 'Rename to memory', edits: [{ span, text: 'memory' }] }] },
        { code: 'XM0201', severity: 'error', message: 'n', span: { start: 0, end: 4 }, fixes: [] },
      ]),
    ]);
    const [dup, typo] = out.files[0]!.diagnostics;
    // 'name = "' is 8 units, the emoji 2, then '"; ': memroy starts at unit 13, column 14.
    expect(typo!.fixes).toEqual([{ title: 'Rename to memory', edits: [{ line: 1, column: 14, endLine: 1, endColumn: 20, text: 'memory' }] }]);
    expect(Object.keys(typo!)).toEqual(['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'hint', 'fixes']);
    // No fix, no field: the version-1 shape of findings without fixes is unchanged.
    expect(dup).not.toHaveProperty('fixes');
  });

  it('reports files that could not be read as configs with dialect null', () => {
    const out = jsonReport([fileReport('big.cfg', '', [{ code: 'XM0040', severity: 'error', message: 'too large', span: { start: 0, end: 0 } }], null)]);
    expect(out.files[0]).toMatchObject({ dialect: null, errorCount: 1, diagnostics: [{ code: 'XM0040', line: 1, column: 1, endLine: 1, endColumn: 1 }] });
  });
});
