/**
 * @fileoverview What a code's wrong and right examples are written as, for `xmcfg explain` and
 * docs/codes.md to say so: xl and xm read the same text differently (`010` is octal in both, but
 * `"\101"`, `1e3`, a missing name, an HVM option of a PV guest are not), so an xm example read as xl
 * would not show the finding. test/docs/code-examples.test.ts runs every example the way this says.
 */
import type { CodeInfo } from './registry.js';

/** How a code's examples are read: a config file of one dialect, host topology JSON, a command line, or a call of the library. */
export type ExampleKind = 'xl' | 'xm' | 'host' | 'command' | 'library';

/** Codes whose examples are xm files (besides the xm-only ranges XM005x and XM053x). */
const XM_EXAMPLES = new Set(['XM0022', 'XM0023', 'XM0030', 'XM0045', 'XM0046', 'XM0047', 'XM0048', 'XM0049', 'XM0062', 'XM0063', 'XM0064', 'XM0065', 'XM0066', 'XM0106', 'XM0112', 'XM0113', 'XM0114', 'XM0115', 'XM0116', 'XM0237', 'XM0240', 'XM0241', 'XM0242', 'XM0244', 'XM0260', 'XM0261', 'XM0267', 'XM0272', 'XM0273', 'XM0302', 'XM0303', 'XM0305', 'XM0402', 'XM0412', 'XM0413', 'XM0417', 'XM0553', 'XM0554', 'XM0555', 'XM0556']);
/** Codes whose examples are host topology JSON (`--host FILE`, `xmcfg host`). */
const HOST_EXAMPLES = new Set(['XM0401', 'XM0411']);
/** Codes only the library reports, whose examples are calls of it (`check('…', { dialect: 'XL' })`). */
const LIBRARY_EXAMPLES = new Set(['XM0111']);

/** What the examples of `info` are written as. */
export function exampleKind(info: Pick<CodeInfo, 'code' | 'bad'>): ExampleKind {
  if (info.bad.startsWith('$ ')) return 'command';
  if (HOST_EXAMPLES.has(info.code)) return 'host';
  if (LIBRARY_EXAMPLES.has(info.code)) return 'library';
  return XM_EXAMPLES.has(info.code) || /^XM(005|053)\d$/.test(info.code) ? 'xm' : 'xl';
}

/** The words after "Wrong" and "Right" that say what the example is ('' for a command line, which says so itself). */
export function exampleLabel(kind: ExampleKind): string {
  return kind === 'xl' ? ' (an xl file)' : kind === 'xm' ? ' (an xm file)' : kind === 'host' ? ' (host topology JSON)' : kind === 'library' ? ' (a library call)' : '';
}
