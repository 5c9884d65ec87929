/**
 * Reports written file by file (createReportStream) are byte for byte the reports rendered at once
 * (formatReport), for every format: `check` streams stylish and json so a big tree is never held
 * in memory, and its output must not change for it.
 */
import { describe, expect, it } from 'vitest';
import { createReportStream, formatReport, REPORT_FORMATS, STREAMED_FORMATS, type FileReport, type NotCheckedInput } from '../../src/report/index.js';
import { CLEAN, fileReport, webReport } from './fixtures.js';

const runs: { name: string; files: FileReport[]; notChecked: NotCheckedInput[] }[] = [
  { name: 'no files', files: [], notChecked: [] },
  { name: 'no files, one input not checked', files: [], notChecked: [{ path: 'gone.cfg', message: "cannot read 'gone.cfg': no such file or directory" }] },
  { name: 'one clean file', files: [fileReport('db.cfg', CLEAN, [])], notChecked: [] },
  {
    name: 'findings, a clean file, an xm file with its reason, a file not checked',
    files: [webReport(), fileReport('db.cfg', CLEAN, []), { ...webReport('old.xm'), dialect: 'xm', dialectReason: 'uses an expression (line 2)' }, webReport('a "quoted"\nname.cfg')],
    notChecked: [{ path: null, message: "no files match '*.xl'" }],
  },
];

describe('reports written file by file', () => {
  for (const format of REPORT_FORMATS) {
    for (const run of runs) {
      for (const color of [false, true]) {
        it(`${format}, ${run.name}${color ? ', in colour' : ''}: the same text as the whole report`, () => {
          const options = { color, cwd: '/repo', srcRoot: '/repo', toolVersion: '1.2.3', maxWarnings: 0 };
          const chunks: string[] = [];
          const stream = createReportStream(format, options, (t) => chunks.push(t));
          for (const f of run.files) stream.add(f);
          const totals = stream.end(run.notChecked);
          expect(chunks.join('')).toBe(formatReport(format, run.files, { ...options, notChecked: run.notChecked }));
          expect(totals.files).toBe(run.files.length);
        });
      }
    }
  }

  it('writes stylish and json text for a file when it is added, before the run ends', () => {
    for (const format of STREAMED_FORMATS) {
      const chunks: string[] = [];
      const stream = createReportStream(format, {}, (t) => chunks.push(t));
      stream.add(webReport());
      expect(chunks.join('')).toContain('XM0201');
    }
  });
});
