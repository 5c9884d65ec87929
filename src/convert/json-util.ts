/**
 * @fileoverview Small helpers shared by the `convert --to json` modules: libxl's value conventions
 * (defbools as "True"/"False", enum names, uint32 wrap-around) and leaving defaults out.
 */

export type Obj = Record<string, unknown>;

/** A libxl_defbool: "True"/"False" when the option is set, undefined (left out) when not. */
export const defbool = (b: unknown): string | undefined => (typeof b === 'boolean' ? (b ? 'True' : 'False') : undefined);

/** Drop undefined fields so the output omits defaults, as xl does. */
export function clean<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** A number option, or undefined. */
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** A string option, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A MiB option as the KiB libxl's `*_memkb` fields hold (xl multiplies by 1024). */
export const memKb = (v: unknown): number | undefined => (typeof v === 'number' ? v * 1024 : undefined);

/** A list-of-strings option as a libxl_string_list; an empty list is libxl's default and left out. */
export function stringList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((s): s is string => typeof s === 'string');
  return out.length ? out : undefined;
}

/**
 * A number field without an IDL default (uint8, uint32, integer): libxl's JSON writer prints it only
 * when it is not 0 (gentypes.py get_default_expr: `if (p->func) {…}`), so 0 is left out.
 */
export const nonZero = (v: unknown): number | undefined => unlessDefault(v, 0);

/** A number printed only when it differs from the field's default (libxl leaves defaults out). */
export function unlessDefault(v: unknown, def: number): number | undefined {
  return typeof v === 'number' && v !== def ? v : undefined;
}

/**
 * An enum option as libxl's name: names are matched without regard to case, as libxl's
 * `_from_string` functions do; a deprecated number is the value's index. `def` (libxl's
 * default) is left out. Returns null for a value libxl has no name for.
 */
export function enumName(v: unknown, names: readonly string[], def?: string): string | undefined | null {
  if (v === undefined) return undefined;
  let name: string | undefined;
  if (typeof v === 'number') name = names[v];
  else if (typeof v === 'string') name = names.find((n) => n.toLowerCase() === v.toLowerCase());
  if (name === undefined) return null;
  return name === def ? undefined : name;
}

/** An enum option (checked by the normaliser) as libxl's name, or undefined when it is libxl's default `def` or absent. */
export function libxlEnum(v: unknown, names: readonly string[], def?: string): string | undefined {
  return enumName(v, names, def) ?? undefined;
}
