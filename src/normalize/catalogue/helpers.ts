/**
 * @fileoverview Builders for catalogue entries. Each option is one TypeBox schema carrying its own
 * documentation (`description`, `default`, `examples`) and an `x-xmcfg` annotation (dialects, unit,
 * deprecation, and how normalisation converts the source value). The TypeScript type, the JSON
 * Schema, the option docs and the normaliser's dispatch all come from these objects.
 */
import { Type, type TObject, type TSchema, type TOptional, type TString, type TInteger, type TBoolean, type TArray, type TUnsafe, type TUnion } from '@sinclair/typebox';
import { tableProperties } from './spec-fields.js';
import type { FieldTable } from './spec-tables.js';

/** Which dialect(s) know an option. */
export type DialectSet = readonly ('xl' | 'xm')[];

/** A guest type as xl_parse.c tells them apart (c_info->type / b_info->type). */
export type GuestKind = 'pv' | 'pvh' | 'hvm';

/**
 * How normalisation reads the source value of an option. Simple kinds are generic; the others name
 * a dedicated parser in src/normalize/.
 */
export type Conv =
  | 'string'
  | 'int'
  | 'bool'
  | 'enum'
  | 'strList'
  | 'strOrList'
  | 'intList'
  | 'boolOrString'
  | 'boolOrStrList'
  | 'enumOrInt'
  | 'specList'
  | 'specString'
  | 'ioports'
  | 'iomem'
  | 'vsnd'
  | 'guestType'
  | 'cpus'
  | 'disk'
  | 'vif'
  | 'pci'
  | 'vfb'
  | 'channel'
  | 'usbdev'
  | 'usbctrl'
  | 'serial'
  | 'vnuma'
  | 'numa'
  | 'viridian'
  | 'smbios'
  | 'llcColors'
  | 'cpuid'
  | 'irqs';

/** The `x-xmcfg` annotation of an option (also registered as an Ajv keyword). */
export interface OptionMeta {
  dialects: DialectSet;
  conv: Conv;
  /** Human name of the normalised type, for docs and messages ("integer", "list of strings"). */
  type: string;
  unit?: string;
  deprecatedBy?: string;
  /** Allowed values, for enum-like options (also in the schema's `enum`). */
  allowed?: readonly (string | number)[];
  /** Source keys folded into this field (numa ← numa, numanodes, numanode). */
  sourceKeys?: readonly string[];
  /** xl reads the value with a libxl `*_from_string` function, which ignores case: the normaliser writes the catalogue's spelling. */
  anyCase?: boolean;
  /**
   * The guest types xl reads the option for, when xl_parse.c reads it only under a test of the guest
   * type (`switch (b_info->type) { case LIBXL_DOMAIN_TYPE_HVM: … }`, `if (c_info->type == …)`).
   * Absent: read for every type. For another type xl never looks at the value (XM0230).
   */
  readFor?: readonly GuestKind[];
  /**
   * The guest types xm read the option for, when it read it only for some: create.py handed
   * configure_hvm's options (and vncpasswd) to xend only for builder = "hvm" (configure_image), and
   * xend read none of them for a PV guest (decision 027). Absent: read for every type (create.py
   * read cpuid, vcpus, localtime, oos, pci, keymap, vncconsole for every builder). XM0244.
   */
  xmReadFor?: readonly GuestKind[];
  /**
   * Both tools try the value as a number before anything else (tsc_mode, timer_mode, altp2m): xl
   * reads it with xlu_cfg_get_long first, which takes a quoted "1" as the number 1, and only then
   * as a name; xend converted it with int()/long(), so in xm only a number (or a string of one) works.
   */
  numberFirst?: boolean;
  /** What each allowed value means (catalogue/value-docs.ts), for hover on a value. */
  valueDocs?: Readonly<Record<string, string>>;
}

/** The documentation a catalogue entry is written with. */
export interface DocIn {
  /** Description (one or two sentences). */
  d: string;
  /** Dialects; default both. */
  dl?: 'xl' | 'xm' | 'both';
  unit?: string;
  min?: number;
  max?: number;
  def?: unknown;
  dep?: string;
  ex?: unknown;
  /** A libxl enum (matched in any case; see OptionMeta.anyCase). */
  anyCase?: boolean;
  /** The normaliser's reader when the kind's generic one does not judge enough (viridian, smbios, llc_colors, cpuid, irqs). */
  read?: Conv;
  /** The guest types xl reads the option for (OptionMeta.readFor); absent: every type. */
  readFor?: readonly GuestKind[];
  /** The guest types xm read the option for (OptionMeta.xmReadFor); absent: every type. */
  xmReadFor?: readonly GuestKind[];
  /** What each allowed value means (OptionMeta.valueDocs). */
  vals?: Readonly<Record<string, string>>;
}

/** xl reads the option only for HVM guests (in the HVM branch of parse_config_data). */
export const HVM_ONLY: readonly GuestKind[] = ['hvm'];
/** xl reads the option only for PV guests (e820_host). */
export const PV_ONLY: readonly GuestKind[] = ['pv'];
/** xl reads the option only for PVH guests (the PV shim options). */
export const PVH_ONLY: readonly GuestKind[] = ['pvh'];
/** xl reads the option for HVM guests, and for PV guests with a top-level VNC framebuffer (keymap); never for PVH. */
export const PV_OR_HVM: readonly GuestKind[] = ['pv', 'hvm'];

export const BOTH: DialectSet = ['xl', 'xm'];
const XL: DialectSet = ['xl'];
const XM: DialectSet = ['xm'];

function dialectsOf(dl: DocIn['dl']): DialectSet {
  return dl === 'xl' ? XL : dl === 'xm' ? XM : BOTH;
}

/** Schema options shared by all entries: docs plus the annotation. */
function docOpts(doc: DocIn, conv: Conv, type: string, extra: Partial<OptionMeta> = {}): Record<string, unknown> {
  const meta: OptionMeta = { dialects: dialectsOf(doc.dl), conv: doc.read ?? conv, type, ...extra };
  if (doc.anyCase) meta.anyCase = true;
  if (doc.readFor !== undefined) meta.readFor = doc.readFor;
  if (doc.xmReadFor !== undefined) meta.xmReadFor = doc.xmReadFor;
  if (doc.unit !== undefined) meta.unit = doc.unit;
  if (doc.dep !== undefined) meta.deprecatedBy = doc.dep;
  if (doc.vals !== undefined) meta.valueDocs = doc.vals;
  const o: Record<string, unknown> = { description: doc.d, 'x-xmcfg': meta };
  if (doc.def !== undefined) o.default = doc.def;
  if (doc.ex !== undefined) o.examples = [doc.ex];
  return o;
}

function range(doc: DocIn): Record<string, number> {
  const r: Record<string, number> = {};
  if (doc.min !== undefined) r.minimum = doc.min;
  if (doc.max !== undefined) r.maximum = doc.max;
  return r;
}

/** A free-form string option. */
export function str(doc: DocIn): TOptional<TString> {
  return Type.Optional(Type.String({ ...docOpts(doc, 'string', 'string'), maxLength: 65536 }));
}

/** A string option with a fixed pattern (uuid etc.). */
export function pattern(doc: DocIn, re: string, what: string): TOptional<TString> {
  return Type.Optional(Type.String({ ...docOpts(doc, 'string', what), pattern: re }));
}

/** An integer option (xl: strtol base 0, quoted numbers accepted; xm: Python int, bool as 0/1). */
export function int(doc: DocIn): TOptional<TInteger> {
  return Type.Optional(Type.Integer({ ...docOpts(doc, 'int', 'integer'), ...range(doc) }));
}

/** A boolean option (xl: a number, 0 = false; xm: bool or number). */
export function bool(doc: DocIn): TOptional<TBoolean> {
  return Type.Optional(Type.Boolean(docOpts(doc, 'bool', 'boolean')));
}

/** A string option restricted to the given values. */
export function oneOf<const T extends readonly string[]>(values: T, doc: DocIn): TOptional<TUnsafe<T[number]>> {
  return Type.Optional(Type.Unsafe<T[number]>({ ...docOpts(doc, 'enum', 'string', { allowed: values }), type: 'string', enum: [...values] }));
}

/** A string option given either as one of the values or as a (deprecated) integer, read as a number first (OptionMeta.numberFirst). */
export function oneOfOrInt<const T extends readonly string[]>(values: T, doc: DocIn): TOptional<TUnion<[TUnsafe<T[number]>, TInteger]>> {
  return Type.Optional(
    Type.Union(
      [Type.Unsafe<T[number]>({ type: 'string', enum: [...values] }), Type.Integer({ minimum: doc.min ?? 0, ...(doc.max !== undefined ? { maximum: doc.max } : {}) })],
      docOpts(doc, 'enumOrInt', 'string or integer', { allowed: values, numberFirst: true }),
    ),
  );
}

/** A string option given as one of the names or as one of the numbers (sve: "hw", "disabled", 128, …). */
export function oneOfOrInts<const T extends readonly string[]>(names: T, ints: readonly number[], doc: DocIn): TOptional<TUnion<[TUnsafe<T[number]>, TInteger]>> {
  return Type.Optional(Type.Union([Type.Unsafe<T[number]>({ type: 'string', enum: [...names] }), Type.Integer({ enum: [...ints] })], docOpts(doc, 'enumOrInt', 'string or integer', { allowed: names })));
}

/** A list of strings, each one of the given values (mca_caps; in xl a single string is a type error). */
export function oneOfList<const T extends readonly string[]>(values: T, doc: DocIn): TOptional<TArray<TUnsafe<T[number]>>> {
  return Type.Optional(Type.Array(Type.Unsafe<T[number]>({ type: 'string', enum: [...values] }), { ...docOpts(doc, 'strList', 'list of strings', { allowed: values }), maxItems: 4096 }));
}

/** A list of strings (in xl a single string is a type error: "is a single value but should be a list"; xm accepts it as one item). */
export function strList(doc: DocIn): TOptional<TArray<TString>> {
  return Type.Optional(Type.Array(Type.String({ maxLength: 65536 }), { ...docOpts(doc, 'strList', 'list of strings'), maxItems: 4096 }));
}

/** A string or a list of strings, normalised to a list. */
export function strOrList(doc: DocIn): TOptional<TArray<TString>> {
  return Type.Optional(Type.Array(Type.String({ maxLength: 65536 }), { ...docOpts(doc, 'strOrList', 'string or list of strings'), maxItems: 4096 }));
}

/** A list of integers (a single number is a type error in both dialects: xm's create.py iterated the value; xm items must be numbers, not strings). */
export function intList(doc: DocIn): TOptional<TArray<TInteger>> {
  return Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { ...docOpts(doc, 'intList', 'list of integers'), maxItems: 4096 }));
}

/** A boolean, or one of the given strings (gfx_passthru). */
export function boolOrOneOf<const T extends readonly string[]>(values: T, doc: DocIn): TOptional<TUnion<[TBoolean, TUnsafe<T[number]>]>> {
  return Type.Optional(Type.Union([Type.Boolean(), Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })], docOpts(doc, 'boolOrString', 'boolean or string', { allowed: values })));
}

/** A boolean, or a list of strings (viridian groups). */
export function boolOrStrList(doc: DocIn): TOptional<TUnion<[TBoolean, TArray<TString>]>> {
  return Type.Optional(Type.Union([Type.Boolean(), Type.Array(Type.String({ maxLength: 256 }), { maxItems: 64 })], docOpts(doc, 'boolOrStrList', 'boolean or list of strings')));
}

/** A generic `key=value,…` spec item: the original text plus its keys as strings. */
export const GenericSpec = Type.Object({ spec: Type.String({ maxLength: 65536 }) }, { additionalProperties: Type.String({ maxLength: 65536 }) });

/** A list of `key=value,…` spec strings: typed with the option's field table (spec-tables.ts), else generic. */
export function specList(doc: DocIn, item: TSchema = GenericSpec): TOptional<TArray<TSchema>> {
  return Type.Optional(Type.Array(item, { ...docOpts(doc, 'specList', 'list of "key=value,…" strings'), maxItems: 1024 }));
}

/** One `key=value,…` string (rdm), typed with its field table. */
export function specString(doc: DocIn, table: FieldTable): TOptional<TObject> {
  return Type.Optional(Type.Object(tableProperties(table), { ...docOpts(doc, 'specString', '"key=value,…" string'), additionalProperties: false }));
}

/** An entry whose schema is given explicitly, with a dedicated converter. */
export function special<S extends TSchema>(schema: S, conv: Conv, type: string, doc: DocIn, extra: Partial<OptionMeta> = {}): TOptional<S> {
  Object.assign(schema, docOpts(doc, conv, type, extra));
  return Type.Optional(schema) as unknown as TOptional<S>;
}
