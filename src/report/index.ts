/** @fileoverview Report formats of `xmcfg check`: pure functions from file results to text. */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FileReport, ReportFormat, ReportOptions } from './types.js';

export type { FileReport, NotCheckedInput, ReportFormat, ReportOptions } from './types.js';
export { REPORT_FORMATS } from './types.js';
export { formatGithub, formatJson, formatJunit, formatSarif, formatStylish };
export { jsonReport, type JsonReport, type JsonFile } from './json.js';
export { sarifLog } from './sarif.js';
export { createReportStream, STREAMED_FORMATS, type ReportStream } from './stream.js';
export { totals, fileCounts, summaryLine, type Totals } from './summary.js';

/** Render results in the named format. */
export function formatReport(format: ReportFormat, results: readonly FileReport[], options: ReportOptions = {}): string {
  switch (format) {
    case 'stylish':
      return formatStylish(results, options);
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options);
    case 'github':
      return formatGithub(results, options);
    case 'junit':
      return formatJunit(results, options);
  }
}
