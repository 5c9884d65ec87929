/** @fileoverview The implementation of `xmcfg explain`, loaded only when the command runs. */
import { allCodes, codeInfo } from '../diagnostics/codes/index.js';
import { codeUrl, type CodeInfo } from '../diagnostics/registry.js';
import { exampleKind, exampleLabel } from '../diagnostics/example-kind.js';
import type { Io } from './types.js';

/**
 * Print each code's explanation in turn (a family's list for the start of a code), or the list of
 * codes when none is given. A user pastes several codes from a report (`explain XM0101 XM0202`),
 * which was "Unknown argument: XM0202": each is explained, once, in the order given, with a blank line
 * between pages; an unknown one is named on stderr where it comes, the others are still explained,
 * and the exit status is then 2, as for a single unknown code.
 */
export async function runExplain(argv: Record<string, unknown>, io: Io): Promise<number> {
  const given = codeArgs(argv.codes);
  // Only no argument at all lists the codes: `explain "$CODE"` with CODE unset is a mistake, not a request for the list.
  if (given.length === 0) {
    io.stdout(listCodes(allCodes()));
    return 0;
  }
  let status = 0;
  const shown = new Set<string>();
  for (const raw of given) {
    const page = pageOf(raw);
    if (page === null) {
      io.stderr(`xmcfg explain: unknown code '${raw}' (run 'xmcfg explain' to list every code)\n`);
      status = 2;
      continue;
    }
    // `explain XM0101 101` or a code pasted twice from a report: one page is enough.
    if (shown.has(page.key)) continue;
    io.stdout((shown.size > 0 ? '\n' : '') + page.text);
    shown.add(page.key);
  }
  return status;
}

/** yargs gives the variadic positional as an array (absent: empty or undefined). */
function codeArgs(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** The page for one argument: a family's list or a code's explanation, keyed by what it shows; null when unknown. */
function pageOf(raw: string): { key: string; text: string } | null {
  const family = codeFamily(raw.trim());
  if (family !== null) {
    const members = allCodes().filter((c) => c.code.startsWith(family));
    if (members.length > 0) return { key: family, text: listCodes(members) };
  }
  const code = family === null ? canonicalCode(raw.trim()) : null;
  const info = code ? codeInfo(code) : undefined;
  return info ? { key: info.code, text: explainText(info) } : null;
}

/** "xm0101", "0101" and "101" all mean XM0101; null when the text is not a code at all. */
export function canonicalCode(text: string): string | null {
  let t = text.toUpperCase();
  if (t.startsWith('XM')) t = t.slice(2);
  if (t.length === 0 || t.length > 4) return null;
  for (const c of t) if (c < '0' || c > '9') return null;
  return 'XM' + t.padStart(4, '0');
}

/**
 * "XM01" or "xm040": the start of a code written with its prefix, naming a family (the spec's ranges
 * are XM00xx..XM05xx); null for a whole code or a bare number. Padding "XM01" to XM0001 showed an
 * unrelated code to someone asking for the XM01xx family. A start without the leading 0 ("XM102")
 * names no family, as every code is XM0xxx: it is the code with its zeros left out, like "102"
 * (it was "unknown code 'XM102'" while `explain 102` showed XM0102).
 */
export function codeFamily(text: string): string | null {
  const t = text.toUpperCase();
  if (!t.startsWith('XM')) return null;
  const digits = t.slice(2);
  if (digits.length === 0 || digits.length >= 4 || digits[0] !== '0') return null;
  for (const c of digits) if (c < '0' || c > '9') return null;
  return t;
}

/** The long page of one code. */
export function explainText(info: CodeInfo): string {
  // Which dialect the examples are in: the same text can mean another thing to xl and to xm.
  const label = exampleLabel(exampleKind(info));
  return [
    `${info.code}: ${info.title} (${info.severity})`,
    '',
    wrap(info.explanation, 80),
    '',
    `Wrong${label}:`,
    '',
    indent(info.bad),
    '',
    `Right${label}:`,
    '',
    indent(info.good),
    '',
    // The online page once package.json names the repository; the copy shipped in the package meanwhile.
    `More: ${codeUrl(info.code) ?? `docs/codes.md#${info.code.toLowerCase()} (in the xmcfg package)`}`,
    '',
  ].join('\n');
}

/** One line per code: code, severity, title. */
export function listCodes(codes: readonly CodeInfo[]): string {
  return codes.map((c) => `${c.code}  ${c.severity.padEnd(7)}  ${c.title}\n`).join('');
}

/** Greedy word wrap at `width` columns (words longer than the width stay whole). */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (word === '') continue;
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : `    ${l}`))
    .join('\n');
}
