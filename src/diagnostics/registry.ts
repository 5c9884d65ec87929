/**
 * @fileoverview The one registry of diagnostic codes. It feeds messages' severities, `xmcfg explain`,
 * SARIF rules and LSP code descriptions. Codes are stable forever: never reuse or renumber one.
 *
 * Ranges: XM00xx lexical/syntax, XM01xx schema, XM02xx cross-field, XM03xx NUMA options,
 * XM04xx placement against a host, XM05xx dialect portability.
 */
import type { Severity } from './diagnostic.js';
import { PROJECT_LINKS } from './project.js';

/** Everything known about one code. */
export interface CodeInfo {
  code: string;
  /** Default severity of findings with this code. */
  severity: Severity;
  /** Short title, a noun phrase ("unknown key"). */
  title: string;
  /** A paragraph explaining the finding and how to fix it. */
  explanation: string;
  /** A config snippet that triggers it. */
  bad: string;
  /** The same snippet, fixed. */
  good: string;
}

/** Info without the code key, as written in the per-range tables. */
export type CodeTable = Record<string, Omit<CodeInfo, 'code'>>;

/** Turn a per-range table into CodeInfo entries (checks the code shape once at load). */
export function defineCodes(table: CodeTable): CodeInfo[] {
  return Object.entries(table).map(([code, info]) => {
    if (!/^XM0[0-5]\d\d$/.test(code)) throw new Error(`bad diagnostic code ${code}`);
    return { code, ...info };
  });
}

/**
 * Link to one code's explanation online (docs/codes.md, an anchor per code), or undefined while
 * package.json names no repository it could be on (src/diagnostics/project.ts).
 */
export function codeUrl(code: string): string | undefined {
  return PROJECT_LINKS.codesPage === null ? undefined : `${PROJECT_LINKS.codesPage}#${code.toLowerCase()}`;
}
