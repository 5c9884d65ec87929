/**
 * @fileoverview `--format junit`: one testsuite per file, one testcase per finding, a clean file as
 * one passing testcase. Errors are failures; warnings and notes are passing testcases that carry the
 * finding in `system-out` (they do not fail the run unless `--max-warnings` says so). Inputs that could
 * not be checked are one errored testcase each in a last suite, `(not checked)`; a run over the
 * `--max-warnings` limit has a failed testcase `max-warnings` in a suite `(max-warnings)` before it.
 *
 * What consumers key on (decision 017): GitLab and Jenkins identify a test by classname + name and
 * compare runs by it (GitLab's merge request widget: "new failures", "fixed"; it keeps only the first
 * of two cases with the same name), so a case's name is `CODE: message` without its line, numbered
 * ` (2)`, ` (3)` when the same finding repeats in a file: an edit above a finding does not turn it
 * into a fixed test and a new failure. Its line is in the body (`--> path:line:col`). Only attributes
 * of the Jenkins xUnit JUnit schema (junit-10.xsd) are written: the path is the suite's `file` too
 * (that schema has no `file` or `line` on a testcase, and its validation refuses them).
 */
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { palette } from './ansi.js';
import { diagnosticBlock, sortedCopy } from './stylish.js';
import { buildReport, overLimitText, warningsOverLimit, type ReportBuilder } from './summary.js';
import { xmlAttr, xmlEscape } from './text-safe.js';
import type { FileReport, ReportOptions } from './types.js';

/** Render the JUnit XML report. */
export function formatJunit(results: readonly FileReport[], options: ReportOptions = {}): string {
  return buildReport(junitBuilder(options), results, options);
}

/** A JUnit report built file by file (each file's suite rendered when added): the document at the end. */
export type JunitBuilder = ReportBuilder<string>;

/** Start a JUnit report; `options.notChecked` is ignored (give those to `finish`). */
export function junitBuilder(options: ReportOptions = {}): JunitBuilder {
  const p = palette(false);
  const width = options.frameWidth ?? 120;
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  return {
    add(file) {
      const diags = sortedCopy(file.diagnostics);
      const { errors } = countBySeverity(diags);
      const n = Math.max(1, diags.length);
      tests += n;
      failures += errors;
      const name = xmlAttr(file.path);
      const names = caseNames(diags);
      const cases =
        diags.length === 0
          ? [`    <testcase classname="${name}" name="no findings"/>`]
          : diags.map((d, i) => testcase(d, name, names[i]!, diagnosticBlock(file, d, p, width)));
      suites.push(`  <testsuite name="${name}" tests="${n}" failures="${errors}" errors="0" skipped="0" file="${name}">\n${cases.join('\n')}\n  </testsuite>`);
    },
    finish(t, notChecked) {
      const tail: string[] = [];
      let allTests = tests;
      let allFailures = failures;
      // Warnings pass as test cases, so a job failed by --max-warnings alone had an all-green report.
      const over = warningsOverLimit(t, options.maxWarnings);
      if (over !== null) {
        const text = xmlAttr(overLimitText(over, options.maxWarnings!));
        tail.push(
          `  <testsuite name="(max-warnings)" tests="1" failures="1" errors="0" skipped="0">\n    <testcase classname="xmcfg" name="max-warnings">\n      <failure message="${text}" type="max-warnings"/>\n    </testcase>\n  </testsuite>`,
        );
        allTests++;
        allFailures++;
      }
      // Inputs that could not be checked (missing, unreadable, no match) are tests that could not run:
      // JUnit errors, one per input so the report names each. Left out, the XML of a run that exits 2
      // looks complete and green.
      if (notChecked.length > 0) {
        const cases = notChecked.map((n) => {
          const text = xmlAttr(n.message);
          return `    <testcase classname="${xmlAttr(n.path ?? 'xmcfg')}" name="${text}">\n      <error message="${text}" type="not-checked"/>\n    </testcase>`;
        });
        tail.push(`  <testsuite name="(not checked)" tests="${notChecked.length}" failures="0" errors="${notChecked.length}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
        allTests += notChecked.length;
      }
      return (
        `<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<testsuites name="xmcfg" tests="${allTests}" failures="${allFailures}" errors="${notChecked.length}">\n` +
        [...suites, ...tail].map((s) => s + '\n').join('') +
        `</testsuites>\n`
      );
    },
  };
}

/**
 * The test case names of a file's findings (in report order): `CODE: message`, the second and later
 * of the same code and message numbered ` (2)`, ` (3)`, so no two cases of a file share a name.
 */
export function caseNames(diags: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diags.map((d) => {
    const base = `${d.code}: ${d.message}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function testcase(d: Diagnostic, classname: string, caseName: string, block: string): string {
  const head = `    <testcase classname="${classname}" name="${xmlAttr(caseName)}">`;
  if (d.severity === 'error') {
    return `${head}\n      <failure message="${xmlAttr(d.message)}" type="${xmlAttr(d.code)}">${xmlEscape(block)}</failure>\n    </testcase>`;
  }
  return `${head}\n      <system-out>${xmlEscape(block)}</system-out>\n    </testcase>`;
}
