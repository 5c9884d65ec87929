/**
 * @fileoverview Hover on a value: what an enumerated option's value means (the catalogue's value
 * docs), a size in MiB and GiB, and the parsed fields of the disk, vif or pci entry, or the items of
 * the CPU list, under the caret. Read from the check's evaluated settings, so the value is the one
 * the tools read (escapes decoded, an xm expression computed), never re-parsed from the source.
 */
import type { Hover } from 'vscode-languageserver';
import { plural } from '../../diagnostics/diagnostic.js';
import type { CheckResult } from '../../check/check.js';
import type { Dialect, Setting, Value } from '../../syntax/value.js';
import { guestTypeOf, parseCpuList, parseDisk, parsePci, parseVif, readInt, type CpuListItem } from '../../normalize/index.js';
import { LIBXL_UNSET_NAMES, libxlName } from '../../normalize/catalogue/libxl-names.js';
import { XL_NODE_MAP_BITS } from '../../normalize/cpulist-xl.js';
import { parseCpuListXm } from '../../normalize/cpulist-xm.js';
import { configLiteral, keyDoc, type KeyDoc } from './docs.js';
import { assignmentAt } from './analysis.js';
import { toRange } from './positions.js';

/** The setting whose right-hand side is the assignment's at `offset` (end inclusive), if any. */
export function settingAt(result: CheckResult, offset: number): Setting | undefined {
  const a = assignmentAt(result.tree, offset);
  if (!a || offset < a.value.span.start || offset > a.value.span.end) return undefined;
  // Settings are in source order: the last one whose value starts at or before the assignment's.
  const st = result.settings;
  const want = a.value.span.start;
  let lo = 0;
  let hi = st.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = st[mid]!.valueSpan.start;
    if (s === want) return st[mid];
    if (s < want) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The innermost value at `offset` and the list indexes leading to it (a per-vCPU cpus entry, a disk). */
function innermost(v: Value, offset: number): { value: Value; path: number[] } {
  const path: number[] = [];
  for (;;) {
    if (v.kind !== 'list') return { value: v, path };
    const i = v.items.findIndex((it) => it.span.start <= offset && offset <= it.span.end);
    if (i === -1) return { value: v, path };
    path.push(i);
    v = v.items[i]!;
  }
}

/** Hover for the value at `offset`, or null where there is nothing to say about it. */
export function valueHoverAt(result: CheckResult, offset: number): Hover | null {
  const setting = settingAt(result, offset);
  if (!setting) return null;
  const doc = keyDoc(setting.key);
  if (!doc) return null;
  const { value, path } = innermost(setting.value, offset);
  if (value.span.start > offset || offset > value.span.end) return null;
  const body = describe(doc, value, path, result.dialect);
  if (body === null) return null;
  return { contents: { kind: 'markdown', value: body }, range: toRange(result.lineIndex, value.span) };
}

/** Markdown about `value` of the option `doc`, or null. */
function describe(doc: KeyDoc, value: Value, path: number[], dialect: Dialect): string | null {
  if (doc.valueDocs) return enumValue(doc, value, dialect);
  if (doc.unit === 'MiB' || doc.unit === 'KiB') return size(doc, value, dialect);
  if (value.kind !== 'string') return null;
  switch (doc.key) {
    case 'disk':
    case 'vif':
    case 'pci':
      return path.length <= 1 ? specFields(doc.key, value.value, dialect) : null;
    case 'cpus':
    case 'cpus_soft':
      return cpuList(doc.key, value.value, path, dialect);
    default:
      return null;
  }
}

/** The value an enumerated option's literal names: its catalogue name, or null. */
function enumName(doc: KeyDoc, value: Value, dialect: Dialect): { name: string; via?: string } | null {
  const docs = doc.valueDocs!;
  const text = value.kind === 'string' ? value.value : value.kind === 'number' ? value.text : null;
  if (text === null) return null;
  if (Object.hasOwn(docs, text)) return { name: text };
  // xl compares type as a prefix ("h" is hvm); libxl's *_from_string ignore case.
  if (doc.key === 'type' && value.kind === 'string') {
    const t = guestTypeOf(text);
    return t && { name: t, via: `xl reads "${text}" as ${t}` };
  }
  const named = doc.anyCase && value.kind === 'string' ? libxlName(Object.keys(docs), text) : undefined;
  if (named !== undefined) return { name: named, via: `xl ignores case here: "${text}" is ${named}` };
  // The deprecated number of a libxl enum is its index (tsc_mode = 2 is native; xm took numbers only).
  const n = readInt(value, dialect);
  if (n.ok && doc.numberFirst && doc.allowed && n.value >= 0 && n.value < doc.allowed.length) {
    const name = String(doc.allowed[n.value]);
    return { name, via: `${n.value} is ${name}` };
  }
  return null;
}

/** An enumerated option's value: what it means. */
function enumValue(doc: KeyDoc, value: Value, dialect: Dialect): string | null {
  const unset = Object.hasOwn(LIBXL_UNSET_NAMES, doc.key) ? LIBXL_UNSET_NAMES[doc.key]! : undefined;
  const text = value.kind === 'string' ? value.value : null;
  if (unset && text !== null && text.toLowerCase() === unset.name) {
    return [`**${doc.key}** = \`${unset.name}\``, '', `libxl's "not set": libxl then uses \`${unset.becomes}\`. ${doc.valueDocs![unset.becomes] ?? ''}`.trimEnd()].join('\n');
  }
  const hit = enumName(doc, value, dialect);
  if (!hit) return null;
  const lines = [`**${doc.key}** = \`${hit.name}\``, '', doc.valueDocs![hit.name]!];
  if (hit.via) lines.push('', hit.via);
  if (doc.default !== undefined && configLiteral(doc.default) === JSON.stringify(hit.name)) lines.push('', 'This is the default.');
  return lines.join('\n');
}

/** Binary size units, smallest first. */
const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** `n` with at most two decimals, no trailing zeros. */
function decimal(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A size option's value in its unit and the larger ones it reaches (memory = 4096: 4096 MiB = 4 GiB). */
function size(doc: KeyDoc, value: Value, dialect: Dialect): string | null {
  if (value.kind !== 'number' && value.kind !== 'string') return null;
  const n = readInt(value, dialect);
  if (!n.ok) return null;
  const base = UNITS.indexOf(doc.unit as (typeof UNITS)[number]);
  const parts = [`${n.value} ${doc.unit}`];
  // The next unit always (512 MiB = 0.5 GiB), and each larger one the value fills.
  for (let u = base + 1; u < UNITS.length; u++) {
    const v = n.value / 1024 ** (u - base);
    if (u > base + 1 && Math.abs(v) < 1) break;
    parts.push(`${decimal(v)} ${UNITS[u]}`);
  }
  return `**${doc.key}** = ${parts.join(' = ')}`;
}

/** The parser of each spec option whose entries hover shows the fields of. */
const SPEC_PARSERS = { disk: parseDisk, vif: parseVif, pci: parsePci } as const;

/** The fields one disk, vif or pci entry sets, as the dialect's tool reads them. */
function specFields(key: keyof typeof SPEC_PARSERS, spec: string, dialect: Dialect): string | null {
  const r = SPEC_PARSERS[key](spec, dialect);
  const values = r.value as unknown as Record<string, unknown>;
  const lines: string[] = [];
  for (const [field, [start, end]] of Object.entries(r.fields)) {
    const v = values[field];
    const shown = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : spec.slice(start, end);
    lines.push(`- ${field}: \`${shown}\``);
  }
  if (lines.length === 0) return null;
  const problems = r.problems.length ? ['', `${plural(r.problems.length, 'problem')} in this entry: see the diagnostics`] : [];
  return [`**${key}** entry (${dialect}):`, '', ...lines, ...problems].join('\n');
}

/** One CPU list item in words; a node item says xl's cut at CPU 64 (decision 106), which the host decides whether it matters. */
function cpuItem(it: CpuListItem): string {
  const below = `numbered below ${XL_NODE_MAP_BITS}`;
  const what = it.kind === 'all' ? 'every CPU' : it.from === -1 ? 'the CPUs of every node' : it.kind === 'node' ? (it.from === it.to ? `the CPUs of node ${it.from} ${below}` : `the CPUs of nodes ${it.from}-${it.to} ${below}`) : it.from === it.to ? `CPU ${it.from}` : `CPUs ${it.from}-${it.to}`;
  return it.negate ? `not ${what}` : what;
}

/** A CPU list's items in words (for the vCPU it is the entry of, in a list). */
function cpuList(key: string, text: string, path: number[], dialect: Dialect): string | null {
  if (path.length > 1) return null;
  // xm's cpus as xend read them; xm never read cpus_soft, which only xl reads.
  const r = dialect === 'xm' && key === 'cpus' ? parseCpuListXm(text) : parseCpuList(text, { xl: true });
  if (r.errors.length > 0 || r.list.items.length === 0) return null;
  const whose = path.length === 1 ? `vCPU ${path[0]}` : 'every vCPU';
  return [`**${key}** (${whose}):`, '', ...r.list.items.map((it) => `- ${cpuItem(it)}`)].join('\n');
}
