/**
 * @fileoverview `convert --to json` as one reading with `--to xl` (decision 015): the file is
 * converted to xl first (read as xm whenever Python accepts it, the xm-only forms rewritten, the
 * name xm gave a nameless file added, the NUMA keys planned with a host), and the JSON is the
 * libxl domain config of that xl text, as `xl create -n` prints it for the converted file. So
 * `convert F --to json` and `convert F --to xl | convert - --to json` describe the same guest.
 */
import { checkText } from '../check/check.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { convertToXl, type ConvertOptions } from './to-xl.js';
import { toLibxlJson } from './to-json.js';
import type { Obj } from './json-util.js';

/** Result of convertToJson; `diagnostics` point into the input text. */
export interface JsonConversionResult {
  /** False when there is no JSON to print: the file has errors, or could not be converted. */
  ok: boolean;
  /** The libxl domain config (null when !ok). */
  json: Obj | null;
  /** The conversion's findings, and xl's when the conversion left the text as it was. */
  diagnostics: Diagnostic[];
  /** The conversion's notes (what it commented out, the name it added), for stderr. */
  notes: string[];
  /**
   * xl's findings in the converted text, when the conversion changed the text (their spans point
   * into `text`, the converted file); an error among them means no JSON, as `xl create -n` of that
   * file would print none. When the text is unchanged they are in `diagnostics`.
   */
  converted?: { text: string; diagnostics: Diagnostic[] };
}

/** Convert a config text (xm or xl) to libxl's JSON domain config through its xl conversion; never throws on any input. */
export function convertToJson(text: string, options: ConvertOptions = {}): JsonConversionResult {
  const conv = convertToXl(text, options);
  if (!conv.ok) return { ok: false, json: null, diagnostics: conv.diagnostics, notes: [] };
  // The JSON is xl's reading of the converted text, so xl's findings on that text (`check
  // --dialect xl` of the --to xl output) are the ones that hold, with the conversion's own (at the
  // input: XM0550, XM0551, XM0553/XM0554, a lost name's XM0105, a missing one's XM0106). Where the
  // conversion changed nothing (an xl file) the spans are the input's and the two reports are one.
  const out = checkText(conv.text, { dialect: 'xl' });
  // A nameless file from standard input stays nameless (XM0106 says so, as for --to xl): xl's
  // "name is required" in the converted text is that same finding.
  const nameSaid = conv.diagnostics.some((d) => d.code === 'XM0106');
  const found = out.diagnostics.filter((d) => !(nameSaid && d.code === 'XM0105'));
  const failed = [...conv.diagnostics, ...found].some((d) => d.severity === 'error');
  const json = failed ? null : toLibxlJson(out.config);
  if (conv.text === text) {
    const seen = new Set(conv.diagnostics.map(key));
    return { ok: !failed, json, diagnostics: sortDiagnostics([...conv.diagnostics, ...found.filter((d) => !seen.has(key(d)))]), notes: conv.notes };
  }
  return { ok: !failed, json, diagnostics: conv.diagnostics, notes: conv.notes, ...(found.length ? { converted: { text: conv.text, diagnostics: found } } : {}) };
}

/** A finding's identity for merging two reports of one text. */
function key(d: Diagnostic): string {
  return `${d.code}@${d.span.start}-${d.span.end}`;
}
