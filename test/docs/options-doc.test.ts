/**
 * docs/options.md (the option reference shipped in the package) and the JSON Schema `xmcfg schema`
 * prints describe the same options the same way: the same keys, and for each its type, unit,
 * default, dialects, allowed values and range, read from the schema's validation keywords (what a
 * value is checked against), not only from the metadata the page is generated from. So a page left
 * stale after a catalogue change, or a generator that drops an enum or a bound, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/index.js';
import { XM_HVM_ONLY } from '../../src/check/rules/type-only.js';

const ROOT = join(import.meta.dirname, '../..');

/** One row of the option table. */
interface Row {
  key: string;
  type: string;
  unit: string;
  default: string;
  dialects: string;
  description: string;
}

/** The rows of the option table (cells split at `|` not escaped as `\|`), before the Values section. */
export function optionRows(markdown: string): Row[] {
  return markdown
    .split('\n## Values')[0]!
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const cells = l.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.replace(/\\\|/g, '|'));
      const [key, type, unit, def, dialects, description] = cells as [string, string, string, string, string, string];
      return { key: key.replace(/`/g, ''), type, unit, default: def, dialects, description };
    });
}

interface Prop {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  anyOf?: Prop[];
  items?: Prop;
  'x-xmcfg'?: { type: string; unit?: string; dialects: string[]; allowed?: string[]; deprecatedBy?: string; sourceKeys?: string[]; readFor?: string[]; xmReadFor?: string[] };
}

const rows = optionRows(readFileSync(join(ROOT, 'docs/options.md'), 'utf8'));
const props = (schema() as { properties: Record<string, Prop> }).properties;
/** Keys the schema folds into another property (numanode, numanodes into numa). */
const folded = Object.entries(props).flatMap(([key, p]) => (p['x-xmcfg']?.sourceKeys ?? []).filter((k) => k !== key).map((k) => [k, key] as const));

/** The values the schema accepts for a string: at the top, in a string branch of anyOf, or for a list's items. */
function enumOf(p: Prop): unknown[] | undefined {
  return p.enum ?? p.anyOf?.find((b) => b.type === 'string' && b.enum)?.enum ?? p.items?.enum;
}

/** The integer bounds the schema checks, at the top or in an integer branch of anyOf. */
function rangeOf(p: Prop): { minimum?: number; maximum?: number; branch: boolean } | undefined {
  if (p.minimum !== undefined || p.maximum !== undefined) return { minimum: p.minimum, maximum: p.maximum, branch: false };
  const b = p.anyOf?.find((x) => x.type === 'integer' && (x.minimum !== undefined || x.maximum !== undefined));
  return b ? { minimum: b.minimum, maximum: b.maximum, branch: true } : undefined;
}

/** The Values section: option -> value -> meaning, read from its per-option tables. */
function valueTables(markdown: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let key = '';
  for (const l of (markdown.split('\n## Values')[1] ?? '').split('\n')) {
    const head = /^### `([^`]+)`$/.exec(l);
    if (head) out[(key = head[1]!)] = {};
    const row = /^\| `([^`]*)` \| (.*) \|$/.exec(l);
    if (row && key) out[key]![row[1]!] = row[2]!.replace(/\\\|/g, '|');
  }
  return out;
}

describe('docs/options.md and the JSON Schema', () => {
  it('lists what each enumerated value means, as the schema says it (the text hover shows)', () => {
    const page = valueTables(readFileSync(join(ROOT, 'docs/options.md'), 'utf8'));
    const meta = (p: Prop) => (p['x-xmcfg'] as { valueDocs?: Record<string, string> } | undefined)?.valueDocs;
    const want = Object.fromEntries(Object.entries(props).flatMap(([k, p]) => (meta(p) ? [[k, meta(p)!]] : [])));
    expect(Object.keys(want).length).toBeGreaterThan(20);
    expect(page).toEqual(want);
  });

  it('reads the table', () => {
    expect(rows.length).toBeGreaterThan(200);
    expect(optionRows('| `a` | string or `x \\| y` |  |  | xl | d \\| e |')).toEqual([{ key: 'a', type: 'string or `x | y`', unit: '', default: '', dialects: 'xl', description: 'd | e' }]);
  });

  it('documents every option of the schema, and the keys folded into one, and nothing else', () => {
    const documented = rows.map((r) => r.key);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...Object.keys(props), ...folded.map(([k]) => k)].sort());
    for (const [key, into] of folded) expect(rows.find((r) => r.key === key)!.description, key).toContain(`Normalised into ${into}.`);
  });

  const documented = rows.filter((r) => props[r.key]);
  it.each(documented.map((r) => [r.key, r] as const))('%s', (key, row) => {
    const p = props[key]!;
    const meta = p['x-xmcfg']!;
    expect(row.type).toBe(meta.type);
    // A plain JSON type is named as itself: the page's type is what the schema checks.
    if (p.type === 'integer' || p.type === 'boolean') expect(row.type).toBe(p.type);
    expect(row.unit).toBe(meta.unit ?? '');
    expect(row.default).toBe(p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``);
    expect(row.dialects).toBe(meta.dialects.join(', '));
    const values = enumOf(p);
    if (values) expect(row.description).toContain(` Allowed: ${values.map((v) => `\`${String(v)}\``).join(', ')}.`);
    else expect(row.description).not.toContain(' Allowed: ');
    const range = rangeOf(p);
    const stated = / Range: (-?\d*)\.\.(-?\d*)\./.exec(row.description);
    if (range && !range.branch) {
      expect(stated?.slice(1)).toEqual([String(range.minimum ?? ''), String(range.maximum ?? '')]);
    } else if (range) {
      // The number form of a name-or-number option: its bounds are named in the text.
      expect(stated?.slice(1) ?? row.description).toEqual(stated ? [String(range.minimum ?? ''), String(range.maximum ?? '')] : expect.stringContaining(`${range.minimum}-${range.maximum}`));
    } else expect(stated).toBeNull();
    if (meta.deprecatedBy) expect(row.description).toContain(`Deprecated: use \`${meta.deprecatedBy}\`.`);
    // The guest types each tool reads it for: xl's readFor, and xm's (create.py's builder) too.
    const kinds = (l: string[]) => l.map((k) => k.toUpperCase()).join(' or ');
    if (meta.readFor) expect(row.description).toContain(` xl reads it only for ${kinds(meta.readFor)} guests.`);
    const xm = meta.dialects.includes('xm');
    const same = JSON.stringify(meta.xmReadFor ?? null) === JSON.stringify(meta.readFor ?? null);
    if (xm && meta.xmReadFor) expect(row.description).toContain(same ? ' So does xm (builder = "hvm").' : ` xm reads it only for ${kinds(meta.xmReadFor)} guests (builder = "hvm").`);
    else if (xm && meta.readFor && meta.dialects.includes('xl')) expect(row.description).toContain(' xm reads it for every guest type.');
    else expect(row.description).not.toMatch(/xm reads it|So does xm/);
  });

  it('the xm reading is the check\'s (XM0244\'s list): the HVM options of an xm PV guest', () => {
    const xmHvm = Object.entries(props).filter(([, p]) => p['x-xmcfg']?.xmReadFor?.includes('hvm')).map(([k]) => k);
    expect(xmHvm).toEqual([...XM_HVM_ONLY]);
    expect(xmHvm).toEqual(expect.arrayContaining(['acpi', 'vnc', 'hap', 'timer_mode', 'vncpasswd', 'device_model']));
    expect(xmHvm).not.toEqual(expect.arrayContaining(['keymap']));
    expect(rows.find((r) => r.key === 'vnc')!.description).toContain(' xm reads it only for HVM guests (builder = "hvm").');
  });
});
