/**
 * @fileoverview vdispl `connectors=` as xl's parse_vdispl_config reads it (tools/xl/xl_parse.c):
 * split_string_into_string_list(oparg, ";") cuts the value with strtok, so empty items vanish;
 * split_string_into_pair(item, ":") cuts each with strtok too, so the id is the first run of
 * non-colons and the resolution the second (leading, doubled and trailing colons skipped, a third
 * run ignored), blanks kept; then `sscanf(resolution, "%ux%u", …)`: each number after C blanks and
 * a sign, decimal, its unsigned long cut to 32 bits, an `x` right after the width, anything after
 * the height ignored. An item with no second run leaves `resolution` uninitialised (undefined
 * behaviour), and a resolution sscanf cannot read fully makes xl exit (rc 1 or EOF) or, with no
 * number at all (rc 0), go on with zeroed connectors: all three are errors here.
 */
import { cStrtoul } from './spec-items.js';
import type { SpecProblem } from './spec-result.js';

/** One connector as xl stores it. */
export interface XlConnector {
  unique_id: string;
  width: number;
  height: number;
}

/** One sscanf `%u` from `i`: the unsigned int stored and where it ends, or null when no digit is read. */
function scanU(text: string, i: number): { value: number; end: number } | null {
  const r = cStrtoul(text, i, 10);
  return r === null ? null : { value: Number(BigInt.asUintN(32, r.value)), end: r.end };
}

/** Runs of characters other than `sep`, with their offsets (strtok's tokens). */
function tokens(text: string, sep: string, base: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = new RegExp(`[^${sep}]+`, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ text: m[0], start: base + m.index });
  return out;
}

/** The result of reading `connectors=` as xl does. */
export interface XlConnectorsRead {
  /** The connectors xl stores (ids trimmed of blanks, which `problems` then report); absent when xl fails on the value. */
  connectors?: XlConnector[];
  /** Where each id's text is, by index. */
  ids: [number, number][];
  /** The error, or the XM0231 note when the text does not say what xl reads, and XM0243 for blanks around an id. */
  problems: SpecProblem[];
}

/** Read the connectors value `raw` (the text from just after "=" up to the comma) that starts at offset `base` of the spec. */
export function readConnectorsXl(raw: string, base: number, key = 'connectors'): XlConnectorsRead {
  const out: XlConnector[] = [];
  const ids: [number, number][] = [];
  const problems: SpecProblem[] = [];
  let exact = true;
  for (const item of tokens(raw, ';', base)) {
    const end = item.start + item.text.length;
    const parts = tokens(item.text, ':', item.start);
    if (parts.length < 2) {
      return { ids, problems: [{ start: item.start, end, message: `${key}: "${item.text}" has no ":RESOLUTION": split_string_into_pair fails and xl reads an uninitialised resolution (undefined behaviour)`, hint: 'write ID:WIDTHxHEIGHT' }] };
    }
    const [id, res] = [parts[0]!, parts[1]!];
    const w = scanU(res.text, 0);
    const h = w !== null && res.text[w.end] === 'x' ? scanU(res.text, w.end + 1) : null;
    if (h === null) {
      return { ids, problems: [{ start: res.start, end: res.start + res.text.length, message: `${key}: "${res.text}" is not WIDTHxHEIGHT as sscanf("%ux%u") reads it (xl: "Can't parse connector resolution")`, hint: 'write ID:WIDTHxHEIGHT, two decimal numbers' }] };
    }
    const trimmed = id.text.replace(/^[ \t]+/, '');
    const lead = id.text.length - trimmed.length;
    const uid = trimmed.replace(/[ \t]+$/, '');
    if (uid !== id.text) {
      const [s, e] = lead > 0 ? [id.start, id.start + lead] : [id.start + lead + uid.length, id.start + id.text.length];
      problems.push({ start: s, end: e, message: `connector id "${id.text}" has blanks`, xlWarns: { code: 'XM0243', message: `connector id "${id.text}" has blanks, which xl keeps (split_string_into_pair does not trim): libxl writes the id to xenstore as it is, and the display backend looks up "${uid}"`, hint: `write ${uid}:${res.text} with no blank around the id` } });
    }
    const text = `${w!.value}x${h.value}`;
    if (parts.length !== 2 || id.start !== item.start || res.start !== id.start + id.text.length + 1 || res.text !== text) exact = false;
    out.push({ unique_id: uid, width: w!.value, height: h.value });
    ids.push([id.start + lead, id.start + lead + uid.length]);
  }
  if (!exact) {
    const uses = out.map((c) => `${c.unique_id}:${c.width}x${c.height}`).join(';');
    problems.push({ start: base, end: base + raw.length, message: `${key} must be ID:WIDTHxHEIGHT;…`, xlReads: { message: `${key}=${raw.trim()} is read with strtok at ";" and ":" and sscanf("%ux%u"), which skip empty items and extra colons, take a sign, keep 32 bits and ignore what follows each height: xl uses ${uses}`, hint: `write ${key}=${uses}` } });
  }
  return { connectors: out, ids, problems };
}
