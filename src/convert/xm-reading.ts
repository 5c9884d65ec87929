/**
 * @fileoverview Which reading of a file a conversion carries over (decision 015): xm's whenever
 * Python accepts the file and nothing in it is xl's alone, and the errors that stop a conversion.
 * Shared by `convert --to xl` and `--to json`.
 */
import { checkParsed, checkText, parseForCheck, readingsForCheck, type CheckOptions, type CheckResult } from '../check/check.js';
import type { ParseResult } from '../syntax/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dialect } from '../syntax/value.js';

/** How the file's bytes were read (CheckOptions.sourceCodec, invalidUtf8, sourceBytes). */
export type Decoding = Pick<CheckOptions, 'sourceCodec' | 'invalidUtf8' | 'sourceBytes'>;

/** Error codes that do not block a conversion: the statement is commented out instead. */
const STATEMENT_LEVEL = new Set(['XM0020', 'XM0021', 'XM0061']);

/**
 * Errors that stop a conversion: syntax errors, and the constructs xm itself rejects (XM0530–XM0548:
 * `;;`, a dotted key, an indented statement, `12abc`, a keyword as key). Python refused such a file
 * (a SyntaxError, or the AttributeError of `vif.default.script = …`), so `xm create` never read it:
 * there is no xm reading to carry over, and `--to json` and `check` report the same errors.
 */
export function blocksConversion(d: Diagnostic): boolean {
  if (d.severity !== 'error') return false;
  if (d.code.startsWith('XM00')) return !STATEMENT_LEVEL.has(d.code);
  return d.code >= 'XM0530' && d.code <= 'XM0548';
}

/**
 * The reading a conversion carries over (decision 015, one for `--to xl` and `--to json`): xm's
 * whenever Python accepts the file and nothing in it is xl's alone. Detection calls a file without
 * an xm-only construct xl, but the same text can mean another thing to xm: `"\101"` is "A" to
 * Python and "" to libxlu, `1e3` is 1000.0 to Python and no number to xl, `memory += 256` adds to
 * xm's memory where xl ignores the key, and a nameless file was named after itself. A file Python
 * refuses (a dotted key, `;;`, `+=` on a new key) was never xm's: it is read as xl. An option xm
 * did not have (XM0553) does not make a file xl's: libvirt's xm writer emits `device_model_override`.
 * `dialect` other than auto is the user's word (`convert --dialect xl` for an xl file whose HVM
 * `kernel` is a direct kernel boot, not xend's firmware). `decoding`: how the file's bytes were read
 * (the encoding it declares, invalid UTF-8, the bytes; CheckOptions), as check reads them.
 */
export function xmReading(text: string, defines: Record<string, string | number> | undefined, dialect: Dialect | 'auto' = 'auto', decoding: Decoding = {}): CheckResult {
  const how: Decoding = { sourceCodec: decoding.sourceCodec ?? null, invalidUtf8: decoding.invalidUtf8, sourceBytes: decoding.sourceBytes ?? null };
  if (dialect !== 'auto') return checkText(text, { dialect, defines, ...how });
  const autoOptions: CheckOptions = { dialect: 'auto', defines, ...how };
  const options: CheckOptions = { dialect: 'xm', defines, ...how };
  // The text is parsed once and read both ways (a text with a CR, which the dialects lex apart,
  // is parsed per reading). Detection's reading is checked only when it is the one kept: xm's
  // choice, or the fallback when Python refuses the file.
  const readings = readingsForCheck(text, options);
  const read = (o: CheckOptions): ParseResult => (readings ? readings.read(o.dialect!) : parseForCheck(text, o));
  const autoParsed = readings && readings.detected === 'xl' ? null : read(autoOptions);
  if (autoParsed?.dialect === 'xm') return checkParsed(text, autoParsed, autoOptions);
  const auto = (): CheckResult => checkParsed(text, autoParsed ?? read(autoOptions), autoOptions);
  const parsed = read(options);
  // Python refused it already (the parse's errors are all in the check's result): the rest of an
  // xm check would be thrown away. A fuzz file of 130,000 lines with one bad byte spent ~0.1-0.2 s on it.
  if (refused(parsed.diagnostics, parsed.tree.statements)) return auto();
  const xm = checkParsed(text, parsed, options);
  return refused(xm.diagnostics, xm.tree.statements) ? auto() : xm;
}

/** Whether a reading has an error that stops a conversion, or a statement its parser could not read. */
function refused(diagnostics: readonly Diagnostic[], statements: readonly { kind: string }[]): boolean {
  return diagnostics.some(blocksConversion) || statements.some((s) => s.kind === 'error');
}
