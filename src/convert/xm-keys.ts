/**
 * @fileoverview What `convert --to xl` does with an xm key xl ignores or reads under another
 * name. The keys and their replacements come from the option catalogue's dialect annotations
 * (`x-xmcfg.dialects`, `deprecatedBy`): the same tables `check --dialect xl` reports XM0551,
 * XM0552 and XM0107 from. A deprecated key becomes its replacement when its value carries over
 * with the same meaning; an xm-only key that cannot becomes a comment.
 */
import { builderKind, optionSchema, type OptionMeta } from '../normalize/index.js';
import type { Value } from '../syntax/value.js';
import { shellWords } from './shell-words.js';

/** A value of the old key as the new key's value, or null when it does not carry over. */
export type CarryOver = (v: Value) => Value | null;

/** What becomes of a key in the xl file. */
export type KeyPlan =
  /** Kept as it is (xl reads it, or the catalogue does not know it: reported as before). */
  | { kind: 'keep' }
  /** Written under xl's name, the value carried over; a value that does not carry over is kept (xl reads the key) or commented out (xm-only key). */
  | { kind: 'rename'; to: string; carry: CarryOver; xmOnly: boolean }
  /** An xm option xl ignores (or reads only to warn): kept as a comment. */
  | { kind: 'xm-only' };

/**
 * Deprecated keys whose replacement reads the same kind of value but means something else, so the
 * value is not carried over: xm's `device_model` named qemu-dm (qemu-xen-traditional, which xl
 * no longer runs); xl's `device_model_override` must match `device_model_version`.
 */
const NOT_CARRIED = new Set(['device_model']);

/** A string value (same span as the value it replaces). */
function str(v: Value, value: string): Value {
  return { kind: 'string', value, span: v.span };
}

/**
 * How a value of kind `from` carries over to kind `to`, or null: unchanged when both keys read the
 * same kind (and the same allowed values); a builder name as the guest type it selects; a string
 * xend split like a shell (`bootargs`) as xl's list of words (`bootloader_args`).
 */
function carryOver(from: OptionMeta, to: OptionMeta): CarryOver | null {
  if (from.conv === to.conv && JSON.stringify(from.allowed ?? null) === JSON.stringify(to.allowed ?? null)) return (v) => v;
  if (from.conv === 'string' && to.conv === 'guestType') {
    return (v) => {
      if (v.kind !== 'string') return null;
      const kind = builderKind(v.value, 'xm') ?? builderKind(v.value, 'xl');
      return kind === null ? null : str(v, kind);
    };
  }
  if (from.conv === 'string' && to.conv === 'strOrList') {
    return (v) => {
      if (v.kind !== 'string') return null;
      const words = shellWords(v.value);
      return words === null ? null : { kind: 'list', tuple: false, span: v.span, items: words.map((w) => str(v, w)) };
    };
  }
  return null;
}

function planOf(key: string): KeyPlan {
  const meta = optionSchema(key)?.['x-xmcfg'];
  if (!meta) return { kind: 'keep' };
  const xlReads = meta.dialects.includes('xl');
  const to = meta.deprecatedBy;
  const toMeta = to === undefined ? undefined : optionSchema(to)?.['x-xmcfg'];
  // A key xm read, deprecated by one xl reads (builder → type, cpu_cap → cap, bootargs → bootloader_args).
  if (to !== undefined && toMeta?.dialects.includes('xl') && meta.dialects.includes('xm') && !NOT_CARRIED.has(key)) {
    const carry = carryOver(meta, toMeta);
    if (carry) return { kind: 'rename', to, carry, xmOnly: !xlReads };
  }
  return xlReads ? { kind: 'keep' } : { kind: 'xm-only' };
}

const plans = new Map<string, KeyPlan>();

/** What `convert --to xl` does with `key` (worked out once per key). */
export function keyPlan(key: string): KeyPlan {
  let p = plans.get(key);
  if (!p) plans.set(key, (p = planOf(key)));
  return p;
}
