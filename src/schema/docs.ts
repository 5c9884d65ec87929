/**
 * @fileoverview Option documentation for hover, completion and `explain`, read from the catalogue's
 * schemas (description, default, examples, `x-xmcfg`).
 */
import { OPTION_KEYS, FOLDED_KEYS, optionSchema } from '../normalize/catalogue/index.js';
import { LIBXL_UNSET_NAMES } from '../normalize/catalogue/libxl-names.js';

/** Documentation of one option. */
export interface OptionDoc {
  key: string;
  description: string;
  /** Human name of the normalised type ("integer", "list of disk specs"). */
  type: string;
  unit?: string;
  allowed?: readonly (string | number)[];
  default?: unknown;
  /** Dialects that know the option. */
  dialects: readonly ('xl' | 'xm')[];
  /** The option that replaces this one, when deprecated. */
  deprecatedBy?: string;
  /** The guest types xl reads the option for, when it reads it only for some (absent: every type). */
  readFor?: readonly ('pv' | 'pvh' | 'hvm')[];
  /** The guest types xm read the option for, when it read it only for some (builder = "hvm"; absent: every type). */
  xmReadFor?: readonly ('pv' | 'pvh' | 'hvm')[];
  example?: unknown;
  /** xl reads the value with a libxl `*_from_string` function, which ignores case (OptionMeta.anyCase). */
  anyCase?: boolean;
  /** A number is read first, as the index of the allowed value (tsc_mode = 2 is native; OptionMeta.numberFirst). */
  numberFirst?: boolean;
  /** What each allowed value means (the catalogue's value docs), when the option has them. */
  valueDocs?: Readonly<Record<string, string>>;
  /** Minimum / maximum for numbers. */
  minimum?: number;
  maximum?: number;
  /**
   * libxl's name for the option's "not set" value (timer_mode: "unknown"), which xl takes (XM0254)
   * and replaces with `becomes`; kept out of `allowed`, whose order is the deprecated numbers'.
   */
  unsetName?: { name: string; becomes: string };
}

// Frozen: the library returns this very array, and a caller's push must not add an option.
const ALL_KEYS: readonly string[] = Object.freeze([...OPTION_KEYS, ...Object.keys(FOLDED_KEYS)].sort());

/** Every key a config file may set (normalised option names plus numanodes/numanode), sorted. */
export function optionKeys(): readonly string[] {
  return ALL_KEYS;
}

/** Documentation of a config key, or undefined for an unknown key. */
export function optionDoc(key: string): OptionDoc | undefined {
  const folded = Object.prototype.hasOwnProperty.call(FOLDED_KEYS, key) ? FOLDED_KEYS[key] : undefined;
  if (folded) return { key, description: folded.description, type: folded.type, dialects: ['xm'], example: folded.example };
  const s = optionSchema(key);
  if (!s) return undefined;
  const meta = s['x-xmcfg'];
  const doc: OptionDoc = { key, description: String(s.description ?? ''), type: meta.type, dialects: meta.dialects };
  if (meta.unit !== undefined) doc.unit = meta.unit;
  if (meta.allowed !== undefined) doc.allowed = meta.allowed;
  if (s.default !== undefined) doc.default = s.default;
  if (meta.deprecatedBy !== undefined) doc.deprecatedBy = meta.deprecatedBy;
  if (meta.readFor !== undefined) doc.readFor = meta.readFor;
  if (meta.xmReadFor !== undefined) doc.xmReadFor = meta.xmReadFor;
  if (meta.valueDocs !== undefined) doc.valueDocs = meta.valueDocs;
  if (meta.anyCase) doc.anyCase = true;
  if (meta.numberFirst) doc.numberFirst = true;
  if (Array.isArray(s.examples) && s.examples.length > 0) doc.example = s.examples[0];
  if (typeof s.minimum === 'number') doc.minimum = s.minimum;
  if (typeof s.maximum === 'number') doc.maximum = s.maximum;
  const unset = Object.hasOwn(LIBXL_UNSET_NAMES, key) ? LIBXL_UNSET_NAMES[key] : undefined;
  if (unset !== undefined) doc.unsetName = { ...unset };
  return doc;
}
