/**
 * @fileoverview Reading a list of device spec strings (disk, vif, pci, …): each item is parsed,
 * every derived field gets the exact sub-span of its text inside the string, and the parser's
 * problems become diagnostics at those sub-spans. An unknown key gets the code the family's entry
 * in catalogue/unknown-spec-keys.ts gives it (XM0222 where xl, or xm, refuses the file; else XM0218).
 * In the xm dialect, a key the field table knows but xm's own parser of the spec did not (vif
 * `mtu=`, pci `permissive=`) is reported as xl-only, with xm's verdict. In the xl dialect a value
 * xl reads with a lenient C number reader (`vnc=yes`, atoi: 0) is XM0231, a warning.
 */
import type { Setting, Value } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, subSpan, describeValue } from './values.js';
import type { Span } from '../diagnostics/span.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import { renameExtra, type SpecParse, type SpecProblem } from './spec-result.js';
import { splitItems, keyValue, pyKeyValue } from './spec-items.js';
import { unknownKeyFinding, xlOnlyKeyFinding, xmKnownKeys, type UnknownKeyAt } from './catalogue/unknown-spec-keys.js';

/** Options of {@link readSpecList}. */
export interface SpecListOptions {
  /** Diagnostic code for malformed items. */
  code: string;
  /** Human name of one item ("disk spec"). */
  what: string;
  /** A single string is accepted as a one-element list (serial). */
  allowString?: boolean;
}

/** Parse one spec string value, mark its spans and report its problems; null if not a string. */
export function readSpecItem<T>(item: Value, s: Setting, ctx: NormalizeContext, ptr: string, parse: (text: string) => SpecParse<T>, opts: SpecListOptions): T | null {
  const text = readString(item, ctx.dialect);
  if (!text.ok) {
    ctx.report('XM0102', item.span, `${s.key} items must be strings ("${opts.what}"); got ${describeValue(item)}`);
    return null;
  }
  const r = parse(text.value);
  ctx.mark(ptr, s, item.span);
  // for…in over the plain `fields` object (same order as Object.entries): no entry arrays per field.
  const fields = r.fields;
  for (const field in fields) {
    const [a, b] = fields[field]!;
    ctx.mark(`${ptr}/${field}`, s, subSpan(item, a, b));
  }
  const problems: readonly XmProblem[] = ctx.dialect === 'xm' ? withXlOnlyKeys(s.key, text.value, r.problems) : r.problems;
  for (const p of problems) {
    const span = p.start === p.end ? emptyFieldSpan(item, text.value, p.start) : subSpan(item, p.start, p.end);
    const extra = problemExtra(p, item, span);
    if (p.unknownKey) {
      const f = unknownKeyFinding(s.key, unknownAt(text.value, p.start, p.end), ctx.dialect);
      if (f !== null) ctx.report(f.code, span, `${s.key}: ${p.message} (${f.note})`, extra);
    } else if (p.xlOnly !== undefined) ctx.report(p.xlOnly.code, span, `${s.key}: ${p.message} (${p.xlOnly.note})`, extra);
    // xl's loop ends at an item without "=": a warning, the rest of the string is not read.
    else if (p.endsXlRead && ctx.dialect === 'xl') ctx.report('XM0232', span, `${s.key}: ${p.message}`, extra);
    // xl reads the value with atoi/strtoul and goes on with what that reads: a warning, not a refusal.
    else if (p.xlReads !== undefined && ctx.dialect === 'xl') ctx.report('XM0231', span, `${s.key}: ${p.xlReads.message}`, { hint: p.xlReads.hint });
    // xl warns about the item (or it has no effect) and creates the guest: a warning of its own code.
    else if (p.xlWarns !== undefined && ctx.dialect === 'xl') ctx.report(p.xlWarns.code, span, `${s.key}: ${p.xlWarns.message}`, { hint: p.xlWarns.hint });
    else if (p.xmWarns !== undefined && ctx.dialect === 'xm') ctx.report(p.xmWarns.code, span, `${s.key}: ${p.xmWarns.message}`, { hint: p.xmWarns.hint });
    else ctx.report(opts.code, span, `bad ${opts.what}: ${p.message}`, extra);
  }
  return r.value;
}

/**
 * Where a problem about nothing (an empty field: the vdev of `"phy:/dev/x,,w"`, an empty spec) is
 * shown: editors cannot show a zero-width range. The commas that enclose the empty field (`,,`, or
 * the one before a last field or after a first one) are both visible and where it is; a spec with no
 * comma there (`""`) is the whole string.
 */
function emptyFieldSpan(item: Value, spec: string, at: number): Span {
  const before = at > 0 && spec[at - 1] === ',';
  const after = at < spec.length && spec[at] === ',';
  if (!before && !after) return item.span;
  return subSpan(item, before ? at - 1 : at, after ? at + 1 : at);
}

/** A problem's hint; for a misspelt key (`modle=`, `acess=`) the "did you mean" and the rename ({@link renameExtra}). */
function problemExtra(p: SpecProblem, item: Value, span: Span): { hint?: string; fixes?: Fix[] } | undefined {
  if (p.suggestion === undefined) return p.hint === undefined ? undefined : { hint: p.hint };
  return renameExtra(p.suggestion, item, span);
}

/** A problem of the xm dialect: a key only xl knows, with xm's verdict on it. */
type XmProblem = SpecProblem & { xlOnly?: { code: string; note: string } };

/**
 * The problems of a spec in the xm dialect, for a family whose keys xm's parser checked (vif, vfb,
 * pci, vtpm): each `key=value` item whose key the parser read but xm did not know becomes an
 * xl-only finding at the key, in place of what the parser found inside that item.
 */
function withXlOnlyKeys(family: string, spec: string, problems: readonly SpecProblem[]): XmProblem[] {
  const known = xmKnownKeys(family);
  if (known === undefined) return problems as XmProblem[];
  const out: XmProblem[] = [];
  const items: [number, number][] = [];
  for (const it of splitItems(spec)) {
    // vif and vfb keys went through comma_sep_kv_to_dict's str.strip() (\n, \r, \v, \f too), vtpm keys
    // through preprocess_vtpm's; pci's went through a regular expression instead.
    const kv = family === 'pci' ? keyValue(it) : pyKeyValue(it);
    if (kv.value === null || known.includes(kv.key)) continue;
    // A pci string's commas and "=" also separate functions ("01:00.0,1", "01:00.2=0"): only a key
    // the parser read as an option, and marked as xl's, is one (pci-xm.ts).
    if (family === 'pci' && !problems.some((p) => p.xlKey === true && p.start <= kv.start && kv.start < p.end)) continue;
    // A key the parser does not know either is reported as unknown already.
    if (problems.some((p) => p.unknownKey && p.start === kv.start)) continue;
    const f = xlOnlyKeyFinding(family, unknownAt(spec, kv.start, kv.start + kv.key.length));
    if (f === null) continue;
    items.push([it.start, it.end]);
    out.push({
      start: kv.start,
      end: kv.start + kv.key.length,
      message: `"${kv.key}" is an xl-only ${family} key`,
      hint: `xm's parser did not know ${kv.key}=, xl's does: drop it, or check the file as xl`,
      xlOnly: f,
    });
  }
  if (items.length === 0) return problems as XmProblem[];
  // What the parser found inside an xl-only item is moot: xm stops at the key.
  const inside = (p: SpecProblem) => items.some(([a, b]) => p.start >= a && p.end <= b);
  return [...problems.filter((p) => !inside(p)), ...out].sort((a, b) => a.start - b.start);
}

/** The unknown key at [start, end) of `spec`, with its item (up to the next comma) and the whole string. */
function unknownAt(spec: string, start: number, end: number): UnknownKeyAt {
  const comma = spec.indexOf(',', end);
  return { key: spec.slice(start, end), item: spec.slice(start, comma === -1 ? spec.length : comma).trimEnd(), spec };
}

/** Read a list of spec strings; returns undefined (and reports) when the value is not a list. */
export function readSpecList<T>(s: Setting, ctx: NormalizeContext, parse: (text: string) => SpecParse<T>, opts: SpecListOptions): T[] | undefined {
  const v = s.value;
  const items: Value[] | null = v.kind === 'list' ? v.items : opts.allowString && readString(v, ctx.dialect).ok ? [v] : null;
  if (items === null) {
    ctx.report('XM0102', v.span, `${s.key} must be a list of "${opts.what}" strings; got ${describeValue(v)}`);
    return undefined;
  }
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if (xlStopsAt(items, i, s, ctx, opts.what)) break;
    const parsed = readSpecItem(items[i]!, s, ctx, pointer(s.key, out.length), parse, opts);
    if (parsed !== null) out.push(parsed);
  }
  return out;
}

/**
 * xl reads a device list with `while ((buf = xlu_cfg_get_listitem(list, n)) != NULL)` (disk, vif,
 * pci, vfb, vtpm, p9, channel, usbctrl, usbdev, …; libxlu_cfg.c returns NULL for an item that is
 * not a string, and serial's xlu_cfg_get_list_as_string_list ends its list there too): at a nested
 * list xl stops without a word, and neither it nor any later item is read. In xl, reports the item
 * (XM0102, with what is lost) and says whether the caller must stop.
 */
export function xlStopsAt(items: readonly Value[], i: number, s: Setting, ctx: NormalizeContext, what: string): boolean {
  const item = items[i]!;
  if (ctx.dialect !== 'xl' || item.kind !== 'list') return false;
  const later = items.length - i - 1;
  const lost = later === 0 ? 'this item is not read' : `neither this item nor the ${later} after it ${later === 1 ? 'is' : 'are'} read`;
  ctx.report('XM0102', item.span, `${s.key} items must be strings ("${what}"); got ${describeValue(item)}: xl stops reading ${s.key} at it without a word (xlu_cfg_get_listitem gives no string), so ${lost}`, {
    hint: later === 0 ? `write the item as one "${what}" string` : `write the item as one "${what}" string; until then xl creates only the items before it`,
  });
  return true;
}
