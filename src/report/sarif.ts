/**
 * @fileoverview `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 * Rules come from the code registry (title, explanation, examples, docs URL); locations are
 * repository-relative forward-slash URIs under `%SRCROOT%`; columns are UTF-16 code units.
 */
import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { codeInfo } from '../diagnostics/codes/index.js';
import { codeUrl, type CodeInfo } from '../diagnostics/registry.js';
import { exampleKind, exampleLabel } from '../diagnostics/example-kind.js';
import { PROJECT_LINKS } from '../diagnostics/project.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { Span } from '../diagnostics/span.js';
import { sortedCopy } from './stylish.js';
import { underRoot } from './repo-path.js';
export { outside } from './repo-path.js';
import { contentEnd } from './code-frame.js';
import { buildReport, overLimitText, warningsOverLimit, type ReportBuilder } from './summary.js';
import { applyResultLimits } from './sarif-limits.js';
import type { FileReport, NotCheckedInput, ReportOptions } from './types.js';

/** The schema URL SARIF files name in `$schema`. */
export const SARIF_SCHEMA_URL = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Build the SARIF log object: one run, rules for the codes that occur. */
export function sarifLog(results: readonly FileReport[], options: ReportOptions = {}): Sarif.Log {
  return buildReport(sarifBuilder(options), results, options);
}

/** A SARIF log built file by file (each file's results made when added): the log object at the end. */
export type SarifBuilder = ReportBuilder<Sarif.Log>;

/** Start a SARIF log; `options.notChecked` is ignored (give those to `finish`). */
export function sarifBuilder(options: ReportOptions = {}): SarifBuilder {
  const cwd = options.cwd ?? process.cwd();
  const srcRoot = resolve(cwd, options.srcRoot ?? cwd);
  const sarifResults: Sarif.Result[] = [];
  return {
    add(file) {
      const artifact = file.stdin ? STDIN_LOCATION : artifactLocation(file.path, cwd, srcRoot);
      const seen = new Map<string, number>();
      const hashes = new Map<string, string>();
      for (const d of sortedCopy(file.diagnostics)) {
        // ruleIndex is set in finish, once every code of the run is known.
        const r = result(d, file.lineIndex, artifact, -1);
        r.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint(d, file, seen, hashes) };
        sarifResults.push(r);
      }
    },
    finish(t, notChecked) {
      // Code scanning's limits (sarif-limits.ts): past 5,000 results worst first, past 25,000 cut.
      const { results, notifications } = applyResultLimits(sarifResults, options.sarifResultLimit, options.sarifShownLimit);
      const codes = [...new Set(results.map((r) => r.ruleId!))].sort();
      const ruleIndex = new Map(codes.map((code, i) => [code, i]));
      for (const r of results) r.ruleIndex = ruleIndex.get(r.ruleId!)!;
      const inv = invocation(notChecked, warningsOverLimit(t, options.maxWarnings), options.maxWarnings ?? 0, cwd, srcRoot);
      if (notifications.length) inv.toolExecutionNotifications = [...(inv.toolExecutionNotifications ?? []), ...notifications];
      const version = options.toolVersion ?? '0.0.0';
      return {
        $schema: SARIF_SCHEMA_URL,
        version: '2.1.0',
        runs: [
          {
            // Links only from package.json (homepage, repository); left out while it names none.
            tool: { driver: { name: 'xmcfg', version, semanticVersion: version, ...(PROJECT_LINKS.home === null ? {} : { informationUri: PROJECT_LINKS.home }), rules: codes.map(rule) } },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(srcRoot.endsWith(sep) ? srcRoot : srcRoot + sep).href } },
            columnKind: 'utf16CodeUnits',
            // Line numbers count a lone CR as a break (xm reads CR-only files); SARIF's default is CRLF and LF.
            newlineSequences: ['\r\n', '\n', '\r'],
            invocations: [inv],
            results,
          },
        ],
      };
    },
  };
}

/** Render the SARIF log (two-space indent, trailing newline). */
export function formatSarif(results: readonly FileReport[], options: ReportOptions = {}): string {
  return JSON.stringify(sarifLog(results, options), null, 2) + '\n';
}

/**
 * The key of xmcfg's own fingerprint in `partialFingerprints` (SARIF §3.27.17, versioned). Not
 * GitHub's `primaryLocationLineHash`: upload-sarif computes that one from the checked-out file with
 * its own algorithm and warns about a value it did not compute ("inconsistent fingerprint").
 */
export const FINGERPRINT_KEY = 'xmcfgLineHash/v1';

/**
 * A finding's fingerprint: a hash of its code and the text of the line it starts on (blanks
 * collapsed), then `:n` for the n-th finding of that code on a line with that text in the file. No
 * line number and no message: a line moved by an edit above it, or a value changed in the message
 * (`maxmem (4096 MiB)`), is still the same alert, so code scanning does not close it and open a new
 * one (and a dismissed alert stays dismissed). `seen` counts per file. `hashes` keeps each line's
 * hash per code: the findings of one long line (a disk list of 20,000 bad entries on one line) each
 * collapsed and hashed the whole line again, so the report took time quadratic in the line (60 s).
 */
function fingerprint(d: Diagnostic, file: FileReport, seen: Map<string, number>, hashes: Map<string, string>): string {
  const { line } = file.lineIndex.position(d.span.start);
  const key = `${line}\u0000${d.code}`;
  let hash = hashes.get(key);
  if (hash === undefined) {
    const text = file.text.slice(file.lineIndex.lineStart(line), contentEnd(file.text, file.lineIndex, line)).replace(/\s+/g, ' ').trim();
    hash = fnv1a64(`${d.code}\u0000${text}`);
    hashes.set(key, hash);
  }
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return `${hash}:${n}`;
}

/** FNV-1a, 64 bits, over the UTF-16 code units, as 16 hex digits (node:crypto is not loaded for this: it costs start-up). */
export function fnv1a64(s: string): string {
  // Two 32-bit halves of the 64-bit state; the prime 2^40 + 0x1b3 multiplies as (hi·2^32 + lo)·(2^8·2^32 + 0x1b3).
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < s.length; i++) {
    lo = (lo ^ s.charCodeAt(i)) >>> 0;
    const loTimes = lo * 0x1b3;
    const carry = Math.floor(loTimes / 0x100000000);
    const newLo = loTimes >>> 0;
    hi = (Math.imul(hi, 0x1b3) + Math.imul(lo, 0x100) + carry) >>> 0;
    lo = newLo;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}


/**
 * The run's one invocation. SARIF (appendix I) tells a consumer that results are incomplete by
 * executionSuccessful false and error notifications, one per input with its location: without them
 * a missing or unreadable path looks like a clean file, and code scanning would close its open alerts.
 * A run over --max-warnings did analyse everything (§3.20.14: a non-zero exit for results found is
 * not a failed execution), so it stays successful and says why it exits 1 in exitCode and
 * exitCodeDescription (§3.20.12–13), the properties for that.
 */
function invocation(notChecked: readonly NotCheckedInput[], over: number | null, limit: number, cwd: string, srcRoot: string): Sarif.Invocation {
  const inv: Sarif.Invocation = { executionSuccessful: notChecked.length === 0 };
  if (over !== null && notChecked.length === 0) {
    inv.exitCode = 1;
    inv.exitCodeDescription = overLimitText(over, limit);
  }
  if (notChecked.length > 0) {
    inv.toolExecutionNotifications = notChecked.map((n) => ({
      level: 'error',
      message: { text: n.message },
      ...(n.path === null ? {} : { locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.path, cwd, srcRoot) } }] }),
    }));
  }
  return inv;
}

/** A reportingDescriptor for one code, from the registry. */
function rule(code: string): Sarif.ReportingDescriptor {
  const info: CodeInfo | undefined = codeInfo(code);
  const helpUri = codeUrl(code);
  if (!info) return { id: code, shortDescription: { text: code }, ...(helpUri === undefined ? {} : { helpUri }) };
  // The examples' dialect, as explain and docs/codes.md say it.
  const label = exampleLabel(exampleKind(info));
  return {
    id: code,
    name: ruleName(info.title),
    shortDescription: { text: info.title },
    fullDescription: { text: info.explanation },
    help: {
      text: `${info.explanation}\n\nWrong${label}:\n${info.bad}\n\nRight${label}:\n${info.good}`,
      markdown: `${info.explanation}\n\nWrong${label}:\n\n\`\`\`\n${info.bad}\n\`\`\`\n\nRight${label}:\n\n\`\`\`\n${info.good}\n\`\`\``,
    },
    ...(helpUri === undefined ? {} : { helpUri }),
    defaultConfiguration: { level: LEVEL[info.severity] },
    properties: { tags: [category(code)] },
  };
}

/** "unknown key" → "UnknownKey" (SARIF rule names are identifiers). */
export function ruleName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** The code range a code belongs to, as a SARIF tag. */
export function category(code: string): string {
  const n = Number(code.slice(2));
  if (n >= 40 && n < 50) return 'input';
  return ['syntax', 'schema', 'cross-field', 'numa', 'placement', 'portability'][Math.floor(n / 100)] ?? 'other';
}

/**
 * Standard input without --stdin-filepath. Code scanning needs a non-empty `uri` (a result without
 * one is refused: "expected a physical location"), and a relative one needs a base (SARIF §3.4.4),
 * so it is `<stdin>` under %SRCROOT%, percent-encoded as RFC 3986 requires of `<` and `>`: the name
 * the other formats give it, which no repository file has. An absolute `file:///dev/stdin` would send
 * a viewer to read its own standard input; another scheme than the root's makes code scanning refuse
 * the upload. The description tells a viewer it is no file (and apart from a file named `<stdin>`).
 */
const STDIN_LOCATION: Sarif.ArtifactLocation = {
  uri: '%3Cstdin%3E',
  uriBaseId: '%SRCROOT%',
  description: { text: 'standard input (name it with --stdin-filepath PATH to locate the results in a file)' },
};

/**
 * Where a file is, for SARIF: relative to the source root with forward slashes and `%SRCROOT%`,
 * or an absolute file URI when it lies outside the root.
 */
export function artifactLocation(path: string, cwd: string, srcRoot: string): Sarif.ArtifactLocation {
  // encodeURIComponent throws on a lone surrogate (a Windows file name can hold one).
  const abs = resolve(cwd, wellFormed(path));
  // Also through a symlink to the workspace (repo-path.ts): code scanning matches repository paths.
  const rel = underRoot(abs, srcRoot);
  if (rel === null) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** The text with each lone surrogate replaced by U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function result(d: Diagnostic, lineIndex: LineIndex, artifact: Sarif.ArtifactLocation, index: number): Sarif.Result {
  const r: Sarif.Result = {
    ruleId: d.code,
    ruleIndex: index,
    level: LEVEL[d.severity],
    message: { text: d.hint ? `${d.message}\nhelp: ${d.hint}` : d.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(d.span, lineIndex) } }],
  };
  if (d.related && d.related.length > 0) {
    r.relatedLocations = d.related.map((rel, i) => ({
      id: i,
      message: { text: rel.message },
      physicalLocation: { artifactLocation: artifact, region: region(rel.span, lineIndex) },
    }));
  }
  if (d.fixes && d.fixes.length > 0) {
    r.fixes = d.fixes.map((f) => ({
      description: { text: f.title },
      artifactChanges: [
        { artifactLocation: artifact, replacements: f.edits.map((e) => ({ deletedRegion: region(e.span, lineIndex), insertedContent: { text: e.text } })) },
      ],
    }));
  }
  return r;
}

function region(span: Span, lineIndex: LineIndex): Sarif.Region {
  const r = lineIndex.range(span);
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}
