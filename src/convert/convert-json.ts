/**
 * @fileoverview `convert --to json` as one reading with `--to xl` (decision 015): the file is
 * converted to xl first (read as xm whenever Python accepts it, the xm-only forms rewritten, the
 * name xm gave a nameless file added, the NUMA keys planned with a host), and the JSON is the
 * libxl domain config of that xl text, as `xl create -n` prints it for the converted file. So
 * `convert F --to json` and `convert F --to xl | convert - --to json` describe the same guest.
 */
import { checkText } from '../check/check.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { convertToXlMapped, type ConvertOptions } from './to-xl.js';
import type { Span } from '../diagnostics/span.js';
import { toLibxlJson } from './to-json.js';
import type { Obj } from './json-util.js';

/** Result of convertToJson; `diagnostics` point into the input text. */
export interface JsonConversionResult {
  /** False when there is no JSON to print: the file has errors, or could not be converted. */
  ok: boolean;
  /** The libxl domain config (null when !ok). */
  json: Obj | null;
  /** The conversion's findings, and xl's findings on the converted text mapped back to the input. */
  diagnostics: Diagnostic[];
  /** The conversion's notes (what it commented out, the name it added), for stderr. */
  notes: string[];
  /**
   * xl's findings in text the conversion added (the name of a nameless file), which no input line
   * holds: their spans point into `text`, the converted file, and their message says so. An error
   * among them means no JSON, as `xl create -n` of that file would print none. xl's findings
   * anywhere else are in `diagnostics`, at the input text they came from.
   */
  converted?: { text: string; diagnostics: Diagnostic[] };
}

/** Convert a config text (xm or xl) to libxl's JSON domain config through its xl conversion; never throws on any input. */
export function convertToJson(text: string, options: ConvertOptions = {}): JsonConversionResult {
  const { result: conv, toInput, xlCheck } = convertToXlMapped(text, options);
  if (!conv.ok) return { ok: false, json: null, diagnostics: conv.diagnostics, notes: [] };
  // The JSON is xl's reading of the converted text, so xl's findings on that text (`check
  // --dialect xl` of the --to xl output) are the ones that hold, with the conversion's own (at the
  // input: XM0550, XM0551, XM0553/XM0554, a lost name's XM0105, a missing one's XM0106). The
  // conversion may have made that check already (an xl file it left as it was): not made twice.
  const out = xlCheck ?? checkText(conv.text, { dialect: 'xl' });
  // A nameless file from standard input stays nameless (XM0106 says so, as for --to xl): xl's
  // "name is required" in the converted text is that same finding.
  const nameSaid = conv.diagnostics.some((d) => d.code === 'XM0106');
  const found = out.diagnostics.filter((d) => !(nameSaid && d.code === 'XM0105'));
  const failed = [...conv.diagnostics, ...found].some((d) => d.severity === 'error');
  const json = failed ? null : toLibxlJson(out.config);
  // Each finding is reported at the input text it came from: the same text where the conversion
  // copied it, the statement an edit rewrote where it wrote it. Only a finding in text the
  // conversion added (no input line holds it) stays at the converted text, and says so.
  const mapped: Diagnostic[] = [];
  const added: Diagnostic[] = [];
  for (const d of found) {
    const span = toInput(d.span);
    if (span === null) added.push({ ...d, message: `${d.message} (in text the conversion added: the input has no line for it)` });
    // Unchanged text (an xl file): the finding is the input's as it stands, fixes and all.
    else mapped.push(conv.text === text ? d : mapSpans(d, span, toInput));
  }
  // Where the conversion changed nothing (an xl file) xl's findings are the conversion's own too.
  const seen = new Set(conv.diagnostics.map(key));
  const diagnostics = sortDiagnostics([...conv.diagnostics, ...mapped.filter((d) => !seen.has(key(d)))]);
  return { ok: !failed, json, diagnostics, notes: conv.notes, ...(added.length ? { converted: { text: conv.text, diagnostics: added } } : {}) };
}

/**
 * A finding moved to the input (`span`); its related locations and fixes pointed into the converted
 * text, so related locations move too (those with no input counterpart are left out) and fixes,
 * which would edit text the input does not hold, are dropped.
 */
function mapSpans(d: Diagnostic, span: Span, toInput: (s: Span) => Span | null): Diagnostic {
  // Most findings have neither: a plain copy is several times cheaper than the rest pattern, and
  // keeps the same key order (a file of 100,000 duplicate keys has as many findings).
  if (!('fixes' in d) && !('related' in d)) return { ...d, span };
  const { fixes: _fixes, related, ...rest } = d;
  const moved = related?.flatMap((r) => {
    const s = toInput(r.span);
    return s === null ? [] : [{ ...r, span: s }];
  });
  return { ...rest, span, ...(moved?.length ? { related: moved } : {}) };
}

/** A finding's identity for merging two reports of one text. */
function key(d: Diagnostic): string {
  return `${d.code}@${d.span.start}-${d.span.end}`;
}
