/**
 * @fileoverview Numbers xl reads with `strtoul(oparg, NULL, 0)` into a 32-bit field or a C bool:
 * vsnd's sample-rates, channels-min, channels-max and buffer-size (parse_vsnd_params in xl_parse.c;
 * uint32 in libxl_types.idl's libxl_vsnd_params), vkb's width, height and multi-touch sizes
 * (uint32) and its feature flags (bool), parse_vkb_config. strtoul takes blanks, a sign and the
 * leading digits, wraps a minus modulo 2^64 and saturates past ULONG_MAX; the assignment then keeps
 * the low 32 bits, so "4294967297" is 1 and "-1" is 4294967295, or for a bool any number but 0 is
 * true, without a word from xl. The value normalised is the one xl stores; one written otherwise
 * is XM0231 (a warning naming it).
 */
import type { FieldKind } from './catalogue/spec-tables.js';
import { cInteger, cStrtoul0 } from './spec-items.js';
import type { SpecProblem } from './spec-result.js';

/** The uint32 xl stores for one strtoul(text, NULL, 0). */
function u32Of(text: string): number {
  return Number(BigInt.asUintN(32, cStrtoul0(text)));
}

/**
 * What xl stores for a 32-bit strtoul field whose text up to the comma is `raw` (`value` is the
 * trimmed text): a number, or for a `;` list (split with strtok, so empty items vanish) the
 * numbers; and the XM0231 problem (without its span) when the text does not say that number.
 */
export function readU32Field(kind: FieldKind, key: string, value: string, raw: string): { value: number | number[] | boolean; problem?: Omit<SpecProblem, 'start' | 'end'> } {
  if (kind === 'c-bool') return readBoolField(key, value, raw);
  const list = kind === 'list-c-integer';
  const texts = list ? raw.split(';').filter((t) => t !== '') : [raw];
  const read = texts.map(u32Of);
  if (texts.every((t, i) => cInteger(t.trim()) === read[i])) return { value: list ? read : read[0]! };
  const uses = read.join(';');
  const past = texts.every((t) => cInteger(t.trim()) !== null);
  return {
    value: list ? read : read[0]!,
    problem: {
      message: past ? `${key}=${value} is past 32 bits` : `${key} must be ${list ? 'numbers separated by ;' : 'a number'}, got "${value}"`,
      xlReads: {
        message: `${key}=${value}: xl reads ${list ? 'each number' : 'it'} with strtoul into 32 bits (a minus wraps, the low 32 bits are kept) as ${uses}`,
        hint: `write the number${list ? 's' : ''} xl should use (${key}=${uses} is what it uses now)`,
      },
    },
  };
}

/** A C bool xl fills with strtoul (vkb's feature flags): any number but 0 is true, a minus and 2^64 too. */
function readBoolField(key: string, value: string, raw: string): { value: boolean; problem?: Omit<SpecProblem, 'start' | 'end'> } {
  const on = cStrtoul0(raw) !== 0n;
  const written = cInteger(value);
  if (written !== null && (written !== 0) === on) return { value: on };
  return {
    value: on,
    problem: {
      message: `${key} must be a number (0 is false), got "${value}"`,
      xlReads: { message: `${key}=${value} is not a whole number: xl reads it with strtoul as ${on ? 'not 0' : '0'}, so ${key} is ${on ? 'on' : 'off'}`, hint: `write ${key}=1 for on or ${key}=0 for off` },
    },
  };
}
