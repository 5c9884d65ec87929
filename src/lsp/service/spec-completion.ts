/**
 * @fileoverview Completion inside device spec strings (`vif = ["mac=…,br|"]`): the spec's keys at
 * the start of an item, the allowed values after `key=`. The keys and value kinds are the
 * normaliser's own tables, so the editor offers exactly what `check` accepts. The caret's string is
 * found by one forward pass over the text (no regex, linear, never throws), which also copes with
 * an unterminated string or an unclosed list. The pass starts at the caret's statement (`from`,
 * analysis.ts statementStartAt) when the caller has the parse: from the file's start, a hover at the
 * end of a 6 MB file read all of it on every hover.
 */
import type { CompletionItem, Hover } from 'vscode-languageserver';
import type { Dialect } from '../../syntax/value.js';
import type { LineIndex } from '../../diagnostics/line-index.js';
import { isWordPart, isWordStart } from '../../syntax/lex.js';
import { SPEC_FIELDS, VSND_FIELDS, type FieldKind, type FieldTable } from '../../normalize/catalogue/spec-tables.js';
import { VFB_FIELDS, CHANNEL_FIELDS, USBCTRL_FIELDS, USBDEV_FIELDS } from '../../normalize/devices.js';
import { DISK_FIELDS, parseDisk } from '../../normalize/disk.js';
import { VIF_FIELDS } from '../../normalize/vif.js';
import { PCI_FIELDS } from '../../normalize/pci.js';
import { xmKnownKeys } from '../../normalize/catalogue/unknown-spec-keys.js';
import { keyDoc } from './docs.js';
import { toRange } from './positions.js';

/** The field table of each spec option whose items are flat `key=value,…` strings (vsnd is nested, below). */
export const SPEC_TABLES: Readonly<Record<string, FieldTable>> = {
  ...SPEC_FIELDS,
  vfb: VFB_FIELDS,
  channel: CHANNEL_FIELDS,
  usbctrl: USBCTRL_FIELDS,
  usbdev: USBDEV_FIELDS,
  disk: DISK_FIELDS,
  vif: VIF_FIELDS,
  pci: PCI_FIELDS,
};

/** The vsnd elements, the first word of every vsnd item. */
const VSND_ELEMENTS = Object.keys(VSND_FIELDS);

/** A string the caret is in: the option of its statement, its list depth and its body [start, end). */
export interface SpecString {
  option: string;
  depth: number;
  start: number;
  end: number;
}

/** What to offer inside a spec string; offsets are the replaced word's start. */
export type SpecContext =
  | { kind: 'key'; option: string; table: FieldTable; start: number; present: ReadonlySet<string>; restHasEquals: boolean }
  | { kind: 'value'; option: string; key: string; field: FieldKind; start: number }
  | { kind: 'element'; start: number };

const isEol = (c: number) => c === 10 || c === 13;
const isSpace = (c: number) => c === 32 || c === 9;
/** Characters of a spec key (`max-space`, `power_mgmt`). */
const isKeyChar = (c: number) => isWordStart(c) || (c >= 48 && c <= 57) || c === 45;
/** Where a spec value ends: the item separator, a quote, a blank or the line end. */
const isValueStop = (c: number) => c === 44 || c === 34 || c === 39 || isSpace(c) || c === 10 || c === 13;

/**
 * The string the caret is in and the option whose value holds it, or null (outside strings, in a
 * comment, in a triple-quoted string, or in a string that is not part of an assignment's value).
 * `from`: where to start reading, a statement's start at or before `offset` (0: the file's start).
 */
export function specStringAt(text: string, offset: number, from = 0): SpecString | null {
  const n = text.length;
  let depth = 0;
  let key: string | null = null;
  let stmtStart = true;
  let i = from;
  while (i < n && i <= offset) {
    const c = text.charCodeAt(i);
    if (isEol(c)) {
      // Inside brackets a statement goes on over line ends.
      if (depth === 0) {
        key = null;
        stmtStart = true;
      }
      i++;
    } else if (c === 35) {
      let j = i;
      while (j < n && !isEol(text.charCodeAt(j))) j++;
      if (offset > i && offset <= j) return null;
      i = j;
    } else if (c === 34 || c === 39) {
      stmtStart = false;
      if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
        // Triple-quoted (xm): skipped whole; no spec completion inside.
        const close = text.indexOf(text.slice(i, i + 3), i + 3);
        const end = close === -1 ? n : close + 3;
        if (offset > i && offset < end) return null;
        i = end;
        continue;
      }
      // A one-line string ends at its quote or before the line end (unterminated).
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === c || isEol(d)) break;
        j += d === 92 && j + 1 < n && !isEol(text.charCodeAt(j + 1)) ? 2 : 1;
      }
      if (j > n) j = n;
      if (offset > i && offset <= j) return key === null ? null : { option: key, depth, start: i + 1, end: j };
      i = j < n && text.charCodeAt(j) === c ? j + 1 : j;
    } else if (stmtStart && depth === 0 && isWordStart(c)) {
      stmtStart = false;
      let j = i;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 43) k++;
      if (text.charCodeAt(k) === 61) {
        key = text.slice(i, j);
        i = k + 1;
      } else i = j;
    } else {
      if (c === 91 || c === 40 || c === 123) depth++;
      else if (c === 93 || c === 41 || c === 125) depth = depth > 0 ? depth - 1 : 0;
      else if (c === 59 && depth === 0) {
        key = null;
        stmtStart = true;
        i++;
        continue;
      }
      if (!isSpace(c)) stmtStart = false;
      i++;
    }
  }
  return null;
}

/** The first `code` in [a, b), or -1 (bounded, unlike indexOf, so scans stay linear). */
function indexIn(text: string, code: number, a: number, b: number): number {
  for (let k = a; k < b; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

/** The trimmed `key` of the comma item [a, b) when it is `key=…`, else null. */
function itemKey(text: string, a: number, b: number): string | null {
  const eq = indexIn(text, 61, a, b);
  if (eq === -1) return null;
  let s = a;
  let e = eq;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return text.slice(s, e);
}

/**
 * The fields an xl disk string sets without the item [itemStart, itemEnd) at the caret, positional
 * items and flags included: `phy:/dev/x,xvda,` has set target and vdev, and `target=` or `vdev=`
 * offered there made the string one xl refuses (XM0213, "target respecified").
 */
function diskFieldsSet(text: string, s: SpecString, itemStart: number, itemEnd: number): string[] {
  const rest = text.slice(s.start, itemStart) + text.slice(Math.min(itemEnd + 1, s.end), s.end);
  // Nothing else in the string: parsed alone, "" would be an empty target (a CD-ROM drive's).
  return rest.trim() === '' ? [] : Object.keys(parseDisk(rest, 'xl').fields);
}

/** The keys written in a spec body [start, end), except the item starting at `skip`. */
function presentKeys(text: string, start: number, end: number, skip: number): Set<string> {
  const out = new Set<string>();
  let a = start;
  while (a <= end) {
    let b = indexIn(text, 44, a, end);
    if (b === -1) b = end;
    if (a !== skip) {
      const k = itemKey(text, a, b);
      if (k) out.add(k);
    }
    a = b + 1;
  }
  return out;
}

/** The field table for a string of `option` at list depth `depth`; null when the option has no spec keys there. */
function tableFor(option: string, depth: number, dialect: Dialect): FieldTable | 'vsnd' | null {
  if (option === 'vsnd') return depth === 2 ? 'vsnd' : null;
  if (depth > 1 || !Object.hasOwn(SPEC_TABLES, option)) return null;
  // xm disks are positional only (`SOURCE,VDEV,MODE`): no keys to offer.
  if (option === 'disk' && dialect === 'xm') return null;
  return SPEC_TABLES[option]!;
}

/** What to complete at `offset` inside a spec string, or null when the caret is not in one; `from` as for specStringAt. */
export function specContext(text: string, offset: number, dialect: Dialect = 'xl', from = 0): SpecContext | null {
  const s = specStringAt(text, offset, from);
  if (s === null) return null;
  let table = tableFor(s.option, s.depth, dialect);
  if (table === null) return null;
  let itemStart = offset;
  while (itemStart > s.start && text.charCodeAt(itemStart - 1) !== 44) itemStart--;
  let itemEnd = offset;
  while (itemEnd < s.end && text.charCodeAt(itemEnd) !== 44) itemEnd++;
  // disk: `target=` swallows the rest of the string, commas included.
  if (s.option === 'disk' && itemStart > s.start) {
    for (let a = s.start; a < itemStart; ) {
      const b = indexIn(text, 44, a, itemStart);
      if (itemKey(text, a, b) === 'target') return null;
      a = b + 1;
    }
  }
  // virtio: xl takes the item after `type=virtio…` as the rest of the type (the device name).
  if (s.option === 'virtio' && itemStart > s.start) {
    let prev = itemStart - 1;
    while (prev > s.start && text.charCodeAt(prev - 1) !== 44) prev--;
    if (itemKey(text, prev, itemStart - 1) === 'type') {
      let v = indexIn(text, 61, prev, itemStart - 1) + 1;
      while (v < itemStart - 1 && isSpace(text.charCodeAt(v))) v++;
      if (text.startsWith('virtio', v)) return null;
    }
  }
  if (table === 'vsnd') {
    if (itemStart === s.start) {
      let w = itemStart;
      while (w < offset && isSpace(text.charCodeAt(w))) w++;
      return indexIn(text, 61, w, itemEnd) === -1 ? { kind: 'element', start: w } : null;
    }
    let headEnd = indexIn(text, 44, s.start, itemStart);
    let h = s.start;
    while (h < headEnd && isSpace(text.charCodeAt(h))) h++;
    while (headEnd > h && isSpace(text.charCodeAt(headEnd - 1))) headEnd--;
    const element = text.slice(h, headEnd).toLowerCase();
    if (!Object.hasOwn(VSND_FIELDS, element)) return null;
    table = VSND_FIELDS[element as keyof typeof VSND_FIELDS];
  }
  const eq = indexIn(text, 61, itemStart, offset);
  if (eq === -1) {
    let w = itemStart;
    while (w < offset && isSpace(text.charCodeAt(w))) w++;
    for (let k = w; k < offset; k++) if (!isKeyChar(text.charCodeAt(k))) return null;
    const restHasEquals = indexIn(text, 61, offset, itemEnd) !== -1;
    const present = presentKeys(text, s.start, s.end, itemStart);
    if (s.option === 'disk') for (const k of diskFieldsSet(text, s, itemStart, itemEnd)) present.add(k);
    return { kind: 'key', option: s.option, table, start: w, present, restHasEquals };
  }
  const key = itemKey(text, itemStart, itemEnd)!;
  if (!Object.hasOwn(table, key)) return null;
  let v = eq + 1;
  while (v < offset && isSpace(text.charCodeAt(v))) v++;
  return { kind: 'value', option: s.option, key, field: table[key]!, start: v };
}

/** The values offered for a field: its enum, or 1/0 for a boolean. */
export function fieldValues(kind: FieldKind): readonly string[] {
  if (typeof kind !== 'string') return 'anyCase' in kind ? kind.anyCase : kind;
  return kind === 'bool' || kind === 'c-bool' ? ['1', '0'] : [];
}

/** A few words on what a field's value is (the completion item's detail). */
export function fieldDetail(kind: FieldKind): string {
  if (typeof kind !== 'string') return 'one of ' + fieldValues(kind).join(', ');
  switch (kind) {
    case 'bool':
    case 'c-bool':
      return '0 or 1';
    case 'decimal':
    case 'c-integer':
      return 'number';
    case 'uuid':
      return 'UUID';
    case 'connectors':
      return 'ID:WIDTHxHEIGHT;…';
    case 'list-c-integer':
      return 'numbers separated by ;';
    case 'list-format':
      return 'sample formats separated by ;';
    default:
      return 'text';
  }
}

/** Completion items inside a spec string at `offset`, or null when the caret is not in one (the caller falls back). */
export function completeSpecAt(text: string, index: LineIndex, offset: number, dialect: Dialect = 'xl', from = 0): CompletionItem[] | null {
  const ctx = specContext(text, offset, dialect, from);
  if (ctx === null) return null;
  // The completion replaces the whole key or value around the caret, not only the part before it.
  let end = offset;
  if (ctx.kind === 'value') while (end < text.length && !isValueStop(text.charCodeAt(end))) end++;
  else while (end < text.length && isKeyChar(text.charCodeAt(end))) end++;
  const range = toRange(index, { start: ctx.start, end });
  const value = (v: string, n: number): CompletionItem => ({ label: v, kind: 12, sortText: String(n).padStart(4, '0'), textEdit: { range, newText: v } });
  if (ctx.kind === 'element') return VSND_ELEMENTS.map(value);
  if (ctx.kind === 'value') return fieldValues(ctx.field).map(value);
  const doc = keyDoc(ctx.option)?.description;
  const items: CompletionItem[] = [];
  // In xm, the keys xm's own parser of the spec knew (where it refused the others: `mtu=` in an xm
  // vif is XM0222, "Invalid vif option"): a key offered there made the file one xm refuses.
  const xmKeys = dialect === 'xm' ? xmKnownKeys(ctx.option) : undefined;
  for (const [key, kind] of Object.entries(ctx.table)) {
    if (ctx.present.has(key) || (xmKeys !== undefined && !xmKeys.includes(key))) continue;
    const item: CompletionItem = {
      label: key,
      kind: 10, // CompletionItemKind.Property
      detail: fieldDetail(kind),
      sortText: key,
      textEdit: { range, newText: ctx.restHasEquals ? key : `${key}=` },
    };
    if (doc) item.documentation = { kind: 'markdown', value: `\`${ctx.option}\`: ${doc}` };
    items.push(item);
  }
  return items;
}

/** Hover on a key inside a spec string: the key's value kind and the option's spec documentation; null elsewhere. */
export function specHoverAt(text: string, index: LineIndex, offset: number, dialect: Dialect = 'xl', from = 0): Hover | null {
  const ctx = specContext(text, offset, dialect, from);
  if (ctx === null || ctx.kind !== 'key') return null;
  let end = offset;
  while (end < text.length && isKeyChar(text.charCodeAt(end))) end++;
  const key = text.slice(ctx.start, end);
  if (!Object.hasOwn(ctx.table, key)) return null;
  const doc = keyDoc(ctx.option)?.description;
  // As completion leaves it out there: xm's parser of the spec refused a key it did not know (XM0222).
  const xmKeys = dialect === 'xm' ? xmKnownKeys(ctx.option) : undefined;
  const xlOnly = xmKeys !== undefined && !xmKeys.includes(key) ? `\n\nxl only: xm refuses \`${key}\` in a ${ctx.option} spec, and this file is read as xm` : '';
  const value = `**${key}** (\`${ctx.option}\` spec): ${fieldDetail(ctx.table[key]!)}` + xlOnly + (doc ? `\n\n${doc}` : '');
  return { contents: { kind: 'markdown', value }, range: toRange(index, { start: ctx.start, end }) };
}
