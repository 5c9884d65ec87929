/**
 * @fileoverview Reports written file by file, as files are checked: a tree of 100,000 files is
 * never held in memory at once. stylish and json print each file as soon as it is added (their
 * shape allows it; the text is byte for byte what formatReport gives); sarif, junit and github need
 * the whole run first (rule indexes, counts in the opening tag, errors before warnings), so they
 * keep what each file adds to the report (not its text) and write it at the end.
 */
import { palette } from './ansi.js';
import { githubBuilder } from './github.js';
import { junitBuilder } from './junit.js';
import { sarifBuilder } from './sarif.js';
import { jsonFile } from './json.js';
import { fileBlocks, stylishSummary } from './stylish.js';
import { addToTotals, emptyTotals, type Totals } from './summary.js';
import type { FileReport, NotCheckedInput, ReportFormat, ReportOptions } from './types.js';

/** A report being written: files in order, then `end` with what only the end of the run knows. */
export interface ReportStream {
  /** Report one more file (in input order). */
  add(file: FileReport): void;
  /** Finish the report; `notChecked` are the inputs that could not be checked. Returns the run's totals. */
  end(notChecked: readonly NotCheckedInput[]): Totals;
}

/** Formats {@link createReportStream} prints file by file; the others are rendered at the end. */
export const STREAMED_FORMATS: readonly ReportFormat[] = ['stylish', 'json'];

/**
 * A report in `format` written through `write`; `options.notChecked` is ignored (pass those to
 * `end`). The text written is exactly `formatReport(format, files, { ...options, notChecked })`.
 */
export function createReportStream(format: ReportFormat, options: ReportOptions, write: (text: string) => void): ReportStream {
  const t = emptyTotals();
  if (format === 'stylish') {
    const p = palette(options.color ?? false);
    const width = options.frameWidth ?? 120;
    return {
      add(file) {
        addToTotals(t, file);
        // formatStylish joins the blocks with empty lines, the summary being the last block.
        for (const b of fileBlocks(file, p, width)) write(b + '\n');
      },
      end(notChecked) {
        write(stylishSummary(t, { ...options, notChecked }, p));
        return t;
      },
    };
  }
  if (format === 'json') {
    return {
      add(file) {
        addToTotals(t, file);
        // JSON.stringify(report, null, 2) indents a file of `files` by four spaces; its strings
        // hold no raw line break, so indenting each line of the file's own text is the same.
        const text = JSON.stringify(jsonFile(file), null, 2).replace(/\n/g, '\n    ');
        write(t.files === 1 ? `{\n  "version": 1,\n  "files": [\n    ${text}` : `,\n    ${text}`);
      },
      end() {
        write(t.files === 0 ? '{\n  "version": 1,\n  "files": []\n}\n' : '\n  ]\n}\n');
        return t;
      },
    };
  }
  // The others are built file by file too, keeping only what each file adds to the report (its
  // rendered suite, results or annotations), not its text, and written when the run ends.
  const built =
    format === 'sarif'
      ? (() => {
          const b = sarifBuilder(options);
          return { add: b.add, finish: (n: readonly NotCheckedInput[]) => JSON.stringify(b.finish(t, n), null, 2) + '\n' };
        })()
      : (() => {
          const b = format === 'junit' ? junitBuilder(options) : githubBuilder(options);
          return { add: b.add, finish: (n: readonly NotCheckedInput[]) => b.finish(t, n) };
        })();
  return {
    add(file) {
      addToTotals(t, file);
      built.add(file);
    },
    end(notChecked) {
      write(built.finish(notChecked));
      return t;
    },
  };
}
