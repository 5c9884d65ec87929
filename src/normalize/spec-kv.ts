/**
 * @fileoverview Reading `key=value,…` spec strings against a field table: every known key's value
 * is typed (numbers as numbers, booleans as booleans, enums checked) and marked at its exact text;
 * an unknown key is kept as text in `other` and reported at the key (XM0222 or XM0218, as
 * catalogue/unknown-spec-keys.ts says for the spec); a value that does not read
 * is a problem at the value. Used by vfb, channel, usbctrl, usbdev and the specs of
 * catalogue/spec-tables.ts.
 */
import type { Dialect } from '../syntax/value.js';
import type { FieldKind, FieldTable, XlNumberReader } from './catalogue/spec-tables.js';
import { VSND_FORMATS, XL_NUMBER_READERS } from './catalogue/spec-tables.js';
import { UUID_RE } from './catalogue/libxl-names.js';
import { blankBeforeEquals, splitItems, keyValue, pyKeyValue, decimal, cInteger, xlNumber, type KeyValueItem, type SpecItem } from './spec-items.js';
import { misspelt, specResult, specBool, xlReadsNote, type SpecParse, type SpecProblem } from './spec-result.js';
import { trailingBlankProblem } from './trailing-blanks.js';
import { crashMessage, noStrtokItem, pairSpecProblems } from './split-list-xl.js';
import { readU32Field } from './u32-fields-xl.js';

/** Options of {@link parseKv}. */
export interface KvOptions {
  /** xl's parse_virtio_config: a `type=` value starting with "virtio" takes the next comma item too (`type=virtio,device22`). */
  virtioType?: boolean;
  /** Items to skip before the `key=value` ones (vsnd: the element name). */
  skip?: number;
  /** The dialect: in xl a value xl reads leniently as a number takes what xl reads (XM0231). Default xl. */
  dialect?: Dialect;
  /**
   * xl's loop ends at an item without "=" (vfb, vtpm and pvcalls in parse_config_data:
   * `if ((p2 = strchr(p, '=')) == NULL) break;`): in the xl dialect such an item ends the reading
   * (an `endsXlRead` problem) and the items after it are not read at all.
   */
  stopAtBare?: boolean;
  /** A later string of the same device sets backend= again (vsnd's card items): this string's backend is never looked up. */
  backendReplaced?: boolean;
}

/**
 * A numeric value that does not read, as xl's lenient reader takes it: the value xl uses (a
 * boolean for a flag) and the XM0231 note; null when the field has no such reader or xl refuses it too.
 */
export function xlLenient(reader: XlNumberReader | undefined, kind: FieldKind, key: string, value: string): { value: unknown; note: NonNullable<SpecProblem['xlReads']> } | null {
  if (reader === undefined || reader === 'strtoul-u32') return null;
  const flag = kind === 'bool' || kind === 'c-bool';
  if (kind === 'list-c-integer') {
    const ns = value.split(';').map((v) => xlNumber(reader, v));
    if (ns.some((n) => n === null)) return null;
    return { value: ns, note: { message: `${key}=${value} is not a list of whole numbers: xl reads each with ${reader}, as ${ns.join(';')}`, hint: `write the numbers xl should use (${key}=${ns.join(';')} is what it uses now)` } };
  }
  if (kind !== 'bool' && kind !== 'c-bool' && kind !== 'decimal' && kind !== 'c-integer') return null;
  const n = xlNumber(reader, value);
  if (n === null) return null;
  return { value: flag ? n !== 0 : n, note: xlReadsNote(key, value, reader, n, flag) };
}

/** vdispl `connectors=ID:WxH;ID:WxH` as libxl_connector_param objects; null if one does not read. */
function connectors(text: string): { unique_id: string; width: number; height: number }[] | null {
  const out: { unique_id: string; width: number; height: number }[] = [];
  for (const c of text.split(';')) {
    const m = /^([^:]*):(\d{1,9})x(\d{1,9})$/.exec(c.trim());
    if (!m) return null;
    out.push({ unique_id: m[1]!, width: Number(m[2]), height: Number(m[3]) });
  }
  return out;
}

/** A `;`-separated list read item by item (trimmed, or strtok's items as they are); null when one item does not read. */
function listOf<T>(text: string, read: (item: string) => T | null, trim = true): T[] | null {
  const out: T[] = [];
  for (const item of text.split(';')) {
    if (!trim && item === '') continue;
    const v = read(trim ? item.trim() : item);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** Read one value with its kind: the typed value, or a reason it does not read. */
export function readField(kind: FieldKind, key: string, value: string): { ok: true; value: unknown } | { ok: false; why: string } {
  const fail = (why: string) => ({ ok: false as const, why: `${key} ${why}, got "${value}"` });
  if (typeof kind !== 'string') {
    const [values, v] = 'anyCase' in kind ? [kind.anyCase, value.toLowerCase()] : [kind, value];
    return values.includes(v) ? { ok: true, value: v } : { ok: false, why: `${key} must be one of ${values.join(', ')}; got "${value}"` };
  }
  switch (kind) {
    case 'string':
      return { ok: true, value };
    case 'bool': {
      const b = specBool(value);
      return b === null ? fail('must be 0 or 1') : { ok: true, value: b };
    }
    case 'decimal':
    case 'c-integer': {
      const n = kind === 'decimal' ? decimal(value) : cInteger(value);
      return n === null ? fail(`must be a ${kind === 'decimal' ? 'decimal ' : ''}number`) : { ok: true, value: n };
    }
    case 'c-bool': {
      const n = cInteger(value);
      return n === null ? fail('must be a number (0 is false)') : { ok: true, value: n !== 0 };
    }
    case 'uuid':
      return UUID_RE.test(value) ? { ok: true, value } : fail('must be a UUID');
    case 'connectors': {
      const c = connectors(value);
      return c === null ? fail('must be ID:WIDTHxHEIGHT;…') : { ok: true, value: c };
    }
    case 'list-c-integer': {
      const l = listOf(value, cInteger);
      return l === null ? fail('must be numbers separated by ;') : { ok: true, value: l };
    }
    case 'list-format': {
      // split_string_into_string_list (strtok at ";": no empty item) and libxl_vsnd_pcm_format_from_string
      // (strcasecmp, so a blank around a name is no format).
      const l = listOf(value, (f) => (VSND_FORMATS.includes(f.toLowerCase()) ? f.toLowerCase() : null), false);
      return l === null ? fail('must be sample formats separated by ;') : { ok: true, value: l };
    }
  }
}

/** The XM0232 problem of an item without "=" where xl stops reading the string. */
function stopProblem(it: SpecItem, what: string, more: boolean): SpecProblem {
  const rest = more ? ' and ignores everything after it' : '';
  return {
    start: it.start,
    end: it.end,
    message: `"${it.text}" has no "=": xl stops reading the ${what} string here${rest}`,
    hint: `write it as key=value, or remove it`,
    endsXlRead: true,
  };
}

/** Where the blanks before `at` begin (`at` itself when there are none). */
function blankExtent(spec: string, at: number): number {
  let s = at;
  while (s > 0 && (spec[s - 1] === ' ' || spec[s - 1] === '\t')) s--;
  return s;
}

/** Where a tab starts the key xl's strtok loops read (they skip only spaces before an item); -1 if none. */
function tabBeforeKey(spec: string, at: number): number {
  let s = blankExtent(spec, at);
  while (s < at && spec[s] === ' ') s++;
  return s < at ? s : -1;
}

/** The XM0232 problem of an item of only blanks, where xl stops reading the string. */
function blankStopProblem(start: number, end: number, what: string): SpecProblem {
  return {
    start,
    end,
    message: `an item of only blanks ends xl's reading of the ${what} string here: everything after it is ignored`,
    hint: 'remove the blank item (two commas with only spaces between them)',
    endsXlRead: true,
  };
}

/**
 * Kinds xl reads with a libxl name lookup (libxl_*_from_string: usbctrl and usbdev type, vkb
 * backend-type, virtio transport, vsnd stream type and sample formats, rdm's strategy and policy by
 * strcmp) or libxl_uuid_from_string (vtpm uuid=): a blank left in the value makes it fail.
 */
const NAMED_VALUE = (kind: FieldKind): boolean => typeof kind !== 'string' || kind === 'uuid' || kind === 'list-format';

/** Where an item's raw text ends: the next comma, or the end of the spec. */
function rawEnd(spec: string, it: SpecItem): number {
  const comma = spec.indexOf(',', it.end);
  return comma === -1 ? spec.length : comma;
}

/**
 * Whether xl's loop hands the value over with blanks: it skips only the blanks before an item
 * (`while (*p == ' ') p++;`) and cuts at the comma (strtok), so blanks after "=" or before the
 * comma stay in the value.
 */
function keepsBlanks(spec: string, it: SpecItem): boolean {
  const after = it.start + it.text.indexOf('=') + 1;
  return rawEnd(spec, it) > it.end || spec[after] === ' ' || spec[after] === '\t';
}

/**
 * The xm specs read by create.py's comma_sep_kv_to_dict (vif, vfb) or preprocess_vtpm: both split
 * at every comma and refuse an item without "=", the empty one of `,,` or a trailing `,` included.
 */
const XM_PAIRS_ONLY: ReadonlySet<string> = new Set(['vfb', 'vtpm']);

/**
 * The problem of an empty or blank item in an xm spec xm read as pairs ("X should be a pair,
 * separated by an equals sign."), spanning the commas around it so the span is never empty.
 */
export function xmEmptyItemProblem(spec: string, it: SpecItem): SpecProblem {
  let start = blankExtent(spec, it.start);
  if (spec[start - 1] === ',') start--;
  let end = it.end;
  while (end < spec.length && (spec[end] === ' ' || spec[end] === '\t')) end++;
  if (spec[end] === ',') end++;
  return { start, end, message: 'an empty item is not key=value; xm: " should be a pair, separated by an equals sign."', hint: 'remove the extra comma' };
}

/**
 * The specs whose xl reader hands every strtok item to a MATCH_OPTION chain that exits on no match,
 * and the message xl exits with for the item's text (parse_usbctrl_config, parse_usbdev_config;
 * vsnd's parse_vsnd_card_param, parse_vsnd_pcm_param and parse_vsnd_pcm_stream).
 */
const BLANK_ITEM_UNKNOWN: Readonly<Record<string, (item: string) => string>> = {
  usbctrl: (item) => `Unknown string \`${item}' in usbctrl spec`,
  usbdev: (item) => `Unknown string \`${item}' in usbdev spec`,
  vsnd: (item) => `Invalid parameter: ${item}`,
  vkb: (item) => `Unknown string "${item}" in vkb spec`,
  vdispl: (item) => `Unknown string "${item}" in vdispl spec`,
};

/** The specs whose xl reader trims blanks around a key (split_string_into_pair with isspace). */
const TRIMMED_KEYS: ReadonlySet<string> = new Set(['p9', 'channel']);

/** Parse `key=value,…` against a field table; unknown keys go to `other`, with a problem at the key. */
export function parseKv<T extends { spec: string }>(spec: string, table: FieldTable, what: string, opts: KvOptions = {}): SpecParse<T> {
  const r = specResult<T>(spec);
  const out = r.value as Record<string, unknown>;
  const items: SpecItem[] = splitItems(spec);
  const readers = XL_NUMBER_READERS[what.split(' ')[0]!];
  const xl = (opts.dialect ?? 'xl') === 'xl';
  // p9 and channel go through split_string_into_string_list and split_string_into_pair, which crash
  // on a spec without items and refuse "key=" (split-list-xl.ts).
  const refused = new Set<number>();
  // comma_sep_kv_to_dict strips the whole spec first (Python blanks, \n and \r too): nothing left is no item.
  if (opts.dialect === 'xm' && XM_PAIRS_ONLY.has(what) && /^[ \t\n\r\v\f]*$/.test(spec)) return r;
  if (xl && TRIMMED_KEYS.has(what)) {
    const fatal = pairSpecProblems(spec, items, what);
    r.problems.push(...fatal);
    if (fatal.length > 0 && fatal[0]!.start === 0 && fatal[0]!.end === spec.length) return r;
    for (const p of fatal) refused.add(p.start);
  }
  // backend= values with blanks (an error: no such domain) and where they start: a later backend=
  // replaces the value (strdup / replace_string), and then xl never looks it up.
  const replaced: { problem: SpecProblem; at: number }[] = [];
  for (let i = opts.skip ?? 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.text === '') {
      if (opts.dialect === 'xm' && XM_PAIRS_ONLY.has(what) && spec.trim() !== '') {
        r.problems.push(xmEmptyItemProblem(spec, it));
        continue;
      }
      // strtok never returns an empty item (",,"), but an item of blanks (", ,") is one, and xl's
      // loop ends there as at any item without "=": the rest is lost only if something follows.
      const blanks = blankExtent(spec, it.start);
      if (opts.stopAtBare && (opts.dialect ?? 'xl') === 'xl' && blanks < it.start) {
        if (items.slice(i + 1).some((n) => n.text !== '')) r.problems.push(blankStopProblem(blanks, it.start, what));
        r.stoppedAt = it.start;
        break;
      }
      // parse_usbctrl_config / parse_usbdev_config match the item (spaces skipped) against each
      // "key=": an item of blanks is "" or a tab, no key, "Unknown string" and xl exits.
      const family = what.split(' ')[0]!;
      const exits = Object.hasOwn(BLANK_ITEM_UNKNOWN, family) ? BLANK_ITEM_UNKNOWN[family] : undefined;
      if (xl && exits !== undefined && blanks < it.start) {
        r.problems.push({ start: blanks, end: it.start, message: `an item of only blanks is no ${what} key for xl: it matches what follows the spaces against each "key=" and exits ("${exits(spec.slice(blanks, it.start).replace(/^ +/, ''))}")`, unknownKey: true, hint: 'remove the blanks and the extra comma' });
      }
      continue;
    }
    if (refused.has(it.start)) continue;
    // xm's comma_sep_kv_to_dict (vfb, vusb) strips key and value with Python's str.strip(): \n, \r, \v, \f too.
    const kv: KeyValueItem = opts.dialect === 'xm' ? pyKeyValue(it) : keyValue(it);
    if (kv.value === null) {
      if (opts.stopAtBare && (opts.dialect ?? 'xl') === 'xl') {
        r.problems.push(stopProblem(it, what, items.slice(i + 1).some((n) => n.text !== '')));
        r.stoppedAt = it.start;
        break;
      }
      r.problems.push({ start: it.start, end: it.end, message: `"${it.text}" is not key=value` });
      continue;
    }
    const key = kv.key;
    // Only p9 and channel split their items with split_string_into_pair(…, isspace), which trims
    // the key; the others compare "key=" (MATCH_OPTION) or the text before "=" as it is, so for xl
    // "type =pv" is no key at all (an unknown key: xl exits, or skips it in vfb and arm_sci).
    // The strtok loops skip only spaces before an item (`while (*p == ' ') p++;`): a tab there
    // stays in the key ("\tbackend" is no key), where split_string_into_pair's isspace trims it.
    const tab = xl && !TRIMMED_KEYS.has(what) ? tabBeforeKey(spec, it.start) : -1;
    if (tab !== -1) {
      r.problems.push({ start: tab, end: it.start + key.length, message: `"${key}" after a tab is no ${what} key for xl: it skips only spaces before an item and compares the tab with the key`, unknownKey: true, hint: `write ${key}= with no tab before it` });
      continue;
    }
    if ((opts.dialect ?? 'xl') === 'xl' && !TRIMMED_KEYS.has(what) && blankBeforeEquals(it.text)) {
      r.problems.push({ start: it.start, end: it.start + key.length, message: `"${key} =" is no ${what} key for xl: it compares the text before "=" with its blanks`, unknownKey: true, hint: `write ${key}= with no blank before "="` });
      continue;
    }
    let { value, valueStart: vs, valueEnd: ve } = kv;
    const next = items[i + 1];
    // parse_virtio_list: `char *p2 = strtok(NULL, ","); … strlen(p2)`: with no token after the
    // type (the end, or only commas), p2 is NULL and xl crashes.
    if (xl && opts.virtioType && key === 'type' && value.startsWith('virtio') && noStrtokItem(spec.slice(rawEnd(spec, it)), ',')) {
      r.problems.push({ start: vs, end: ve, message: `type=${value} is the last item: xl's parse_virtio_list joins the item after a type starting with "virtio" to it (\`p2 = strtok(NULL, ",")\`), finds none, and strlen(NULL) is a segmentation fault, so nothing is created`, hint: `write the device after it: type=${value},device22 (a virtio-mmio device id)` });
      continue;
    }
    if (opts.virtioType && key === 'type' && value.startsWith('virtio') && next !== undefined) {
      value = spec.slice(vs, next.end);
      ve = next.end;
      i++;
    }
    const kind = Object.hasOwn(table, key) ? table[key] : undefined;
    r.fields[kind === undefined ? `other/${key}` : key] = [vs, ve];
    if (kind === undefined) {
      ((out.other as Record<string, string> | undefined) ?? ((out.other = {}) as Record<string, string>))[key] = value;
      const spelt = misspelt(key, Object.keys(table));
      r.problems.push({ start: kv.start, end: kv.start + key.length, message: `unknown ${what} parameter "${key}"`, unknownKey: true, ...(spelt.suggestion === undefined ? { hint: `check the spelling, or remove it; the ${what} keys are ${Object.keys(table).join(', ')}` } : spelt) });
      continue;
    }
    if ((opts.dialect ?? 'xl') === 'xl' && !TRIMMED_KEYS.has(what) && NAMED_VALUE(kind) && keepsBlanks(spec, it)) {
      r.problems.push({ start: vs, end: ve, message: `${key}: xl reads the value with its blanks (up to the comma) and does not know "${spec.slice(it.start + it.text.indexOf('=') + 1, rawEnd(spec, it))}"`, hint: `write ${key}=${value} with no blank` });
      continue;
    }
    // vsnd's sample lists and vdispl's connectors go through split_string_into_string_list(oparg, ";"):
    // a value with no item crashes xl (oparg is the text up to the comma, blanks included).
    if (xl && (kind === 'list-c-integer' || kind === 'list-format' || kind === 'connectors')) {
      const raw = spec.slice(it.start + it.text.indexOf('=') + 1, rawEnd(spec, it));
      if (noStrtokItem(raw, ';')) {
        r.problems.push({ start: vs, end: ve, message: crashMessage(`${key}=`, raw, ';'), hint: `give ${key}= at least one item, or remove it` });
        continue;
      }
    }
    if (xl && readers?.[key] === 'strtoul-u32') {
      const u = readU32Field(kind, key, value, spec.slice(it.start + it.text.indexOf('=') + 1, rawEnd(spec, it)));
      out[key] = u.value;
      if (u.problem !== undefined) r.problems.push({ start: vs, end: ve, ...u.problem });
      continue;
    }
    // A free-text value keeps the blanks before the comma (strtok): XM0243, or the family's error for backend=.
    const blank = kind === 'string' && (opts.dialect ?? 'xl') === 'xl' && !TRIMMED_KEYS.has(what) ? trailingBlankProblem(spec, key, value, ve, vs) : null;
    if (blank !== null) {
      r.problems.push(blank);
      if (key === 'backend' && blank.xlWarns === undefined) replaced.push({ problem: blank, at: vs });
    }
    const f = readField(kind, key, value);
    if (f.ok) out[key] = f.value;
    else {
      const lenient = xlLenient(readers?.[key], kind, key, value);
      if (lenient !== null && (opts.dialect ?? 'xl') === 'xl') out[key] = lenient.value;
      r.problems.push({ start: vs, end: ve, message: f.why, ...(lenient && { xlReads: lenient.note }) });
    }
  }
  for (const { problem, at } of replaced) {
    if (r.fields.backend?.[0] === at && opts.backendReplaced !== true) continue;
    problem.xlWarns = { code: 'XM0243', message: `${problem.message.replace(/, so the guest is not created$/, '')}; but a later backend= replaces it, so xl never looks this one up`, hint: 'remove all but one backend=' };
  }
  return r;
}
