/**
 * @fileoverview Numbers xl reads with `strtoul(oparg, NULL, 0)` into a 32-bit field: vsnd's
 * sample-rates, channels-min, channels-max and buffer-size (parse_vsnd_params in xl_parse.c; the
 * libxl_vsnd_params fields are uint32 in libxl_types.idl). strtoul takes blanks, a sign and the
 * leading digits, wraps a minus modulo 2^64 and saturates past ULONG_MAX; the assignment then keeps
 * the low 32 bits, so "4294967297" is 1 and "-1" is 4294967295, without a word from xl. The value
 * normalised is the one xl stores; one written otherwise is XM0231 (a warning naming it).
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
export function readU32Field(kind: FieldKind, key: string, value: string, raw: string): { value: number | number[]; problem?: Omit<SpecProblem, 'start' | 'end'> } {
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
