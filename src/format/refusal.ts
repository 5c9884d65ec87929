/**
 * @fileoverview Why fmt left a text alone, in words: one wording for `xmcfg fmt` (stderr) and the
 * language server (window/showMessage), which differ only in how the user asks for xm and in
 * where the first finding is said.
 */
import type { FormatRefusal } from './format.js';

/** A refusal of the formatter, or of `fmt` itself for a text not read as it is (too large, not UTF-8). */
export type Refusal = FormatRefusal | 'not-faithful';

/**
 * The reason for `refused`. `xmSwitch` says how to format as xm (`--dialect xm`, a setting), and
 * `where` (such as ` (XM0013 on line 3)`) is appended to the reasons a finding causes.
 */
export function refusalText(refused: Refusal | undefined, dialectReason: string | undefined, xmSwitch: string, where = ''): string {
  switch (refused) {
    case 'dialect-changed':
      return `it is read as xm because it ${dialectReason ?? 'uses a construct only xm accepts'}; the layout removes that, and read as xl the file would mean something else (${xmSwitch} formats it as xm)`;
    case 'unsupported-statement':
      return `it contains Python statements${where}`;
    case 'verification-failed':
      return 'the formatted text would not read back to the same settings (please report this)';
    case 'not-faithful':
      return 'it was not read as it is (too large, or not valid UTF-8), so it cannot be written back';
    default:
      return `it has syntax errors${where}`;
  }
}
