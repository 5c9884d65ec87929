/**
 * @fileoverview Readers for the generic option kinds of the catalogue (`x-xmcfg.conv`). A value of
 * the wrong shape is kept as plain JSON so the schema reports it (XM0102 with the allowed type);
 * a number xl's strtol refuses, and `+=` on a numeric option, are reported here.
 */
import type { Setting, Value } from '../syntax/value.js';
import { quoteText } from '../diagnostics/diagnostic.js';
import type { Conv } from './catalogue/index.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readInt, readBool, readString, valueToJson, describeValue, type Read } from './values.js';
import { readSpecItem, xlStopsAt } from './read-spec-list.js';
import { specParserFor } from './devices.js';
import { RDM_KEPT } from './rdm-xl.js';
import { xmVtpmInstance } from './spec-checks.js';

/** Undefined = omit the key from the normalised config. */
type Out = unknown;

/** Turn a failed numeric read into a diagnostic (invalid text, range) or raw JSON (type). */
function numeric<T>(r: Read<T>, v: Value, s: Setting, ctx: NormalizeContext, what: string): Out {
  if (r.ok) return r.value;
  if (r.why === 'type') return valueToJson(v);
  const text = v.kind === 'number' ? v.text : v.kind === 'string' ? v.value : describeValue(v);
  ctx.report('XM0108', v.span, r.why === 'range' ? `${s.key}: ${quoteText(text)} does not fit a ${what}` : `${s.key}: "${quoteText(text)}" is not a valid number`, {
    hint: ctx.dialect === 'xl' ? 'xl reads numbers with strtol: decimal, 0x… hex, or leading-0 octal, and nothing after the digits' : undefined,
  });
  return undefined;
}

/** The items of a list value; a single string counts as one item unless `listOnly` in xl. */
export function listItems(v: Value, ctx: NormalizeContext, listOnly = false): Value[] | null {
  if (v.kind === 'list') return v.items;
  if (listOnly && ctx.dialect === 'xl') return null;
  return readString(v, ctx.dialect).ok ? [v] : null;
}

/** Read a value with one of the generic kinds. */
export function readGeneric(conv: Conv, s: Setting, ctx: NormalizeContext): Out {
  const v = s.value;
  const numericConv = conv === 'int' || conv === 'bool' || conv === 'intList';
  // libxlu's find_atom refuses a list ("is a list but should be a single value", XM0102 from the
  // schema) before the getter looks at the operator, so `+=` is only said of a single value.
  if (numericConv && s.appended && ctx.dialect === 'xl' && v.kind !== 'list') {
    ctx.report('XM0109', s.keySpan, `xl ignores ${s.key}: a numeric option set with += ("can't use += with numbers")`, { hint: `write ${s.key} = <number>` });
    return undefined;
  }
  switch (conv) {
    case 'string':
    case 'enum': {
      const r = readString(v, ctx.dialect);
      return r.ok ? r.value : valueToJson(v);
    }
    case 'int':
      return numeric(readInt(v, ctx.dialect), v, s, ctx, 'number');
    case 'bool':
      return numeric(readBool(v, ctx.dialect), v, s, ctx, 'number');
    case 'enumOrInt': {
      if (v.kind === 'string') return v.value;
      return numeric(readInt(v, ctx.dialect), v, s, ctx, 'number');
    }
    case 'boolOrString': {
      if (v.kind === 'string') {
        const n = readInt(v, ctx.dialect);
        return n.ok ? n.value !== 0 : v.value;
      }
      return numeric(readBool(v, ctx.dialect), v, s, ctx, 'number');
    }
    case 'boolOrStrList': {
      if (v.kind === 'list') return v.items.map((i) => (i.kind === 'string' ? i.value : valueToJson(i)));
      if (v.kind === 'string' && !readInt(v, ctx.dialect).ok) return [v.value];
      return numeric(readBool(v, ctx.dialect), v, s, ctx, 'number');
    }
    case 'strList':
    case 'strOrList': {
      const items = listItems(v, ctx, conv === 'strList');
      if (items === null) return valueToJson(v);
      const out: unknown[] = [];
      for (let n = 0; n < items.length; n++) {
        // xl reads these lists item by item until xlu_cfg_get_listitem gives no string (a nested
        // list): dtdev, cpuid, smbios, llc_colors loop on it, and xlu_cfg_get_list_as_string_list
        // (bootloader_args, device_model_args*) ends its NULL-terminated list there.
        if (xlStopsAt(items, n, s, ctx, s.key === 'dtdev' ? 'device-tree path' : `${s.key} item`)) break;
        const i = items[n]!;
        ctx.mark(pointer(s.key, n), s, i.span);
        const r = readString(i, ctx.dialect);
        out.push(r.ok ? r.value : valueToJson(i));
      }
      return out;
    }
    case 'intList': {
      // A single number is a type error in both tools: xl's getter wants a list, and xm's
      // create.py preprocess_irq runs `for v in vals.irq`, which a number fails ("iteration over
      // non-sequence") and a string turns into one item per character.
      if (v.kind !== 'list') return valueToJson(v);
      const out: unknown[] = [];
      for (const i of v.items) {
        ctx.mark(pointer(s.key, out.length), s, i.span);
        // xm passes each item through repr() (preprocess_irq), and xend's irqif reads it with
        // int(val, 10): a number reads, a string "7" becomes "'7'", which xend refuses ("irq:
        // Invalid config setting irq"), so it is a type error here.
        if (ctx.dialect === 'xm' && i.kind === 'string') {
          out.push(valueToJson(i));
          continue;
        }
        // repr() of a long, a float or a bool is "7L", "7.0" or "True", which int(val, 10) refuses too.
        if (ctx.dialect === 'xm' && s.key === 'irq' && (i.kind === 'bool' || (i.kind === 'number' && i.pyType !== undefined && i.pyType !== 'int'))) {
          const what = i.kind === 'bool' ? 'a bool' : i.pyType === 'long' ? 'a long' : 'a float';
          ctx.report('XM0102', i.span, `irq items must be Python ints: xm passes each through repr(), and the repr() of ${what} ("True", "7L", "7.0") is text xend's int(val, 10) refuses ("irq: Invalid config setting irq")`, { hint: 'write the IRQ as a plain number, e.g. 7' });
          continue;
        }
        const n = numeric(readInt(i, ctx.dialect), i, s, ctx, 'number');
        if (n !== undefined) out.push(n);
      }
      return out;
    }
    case 'specList': {
      const items = listItems(v, ctx);
      if (items === null) return valueToJson(v);
      const out: unknown[] = [];
      for (let n = 0; n < items.length; n++) {
        if (xlStopsAt(items, n, s, ctx, `${s.key} spec`)) break;
        const r = readSpecItem(items[n]!, s, ctx, pointer(s.key, out.length), specParserFor(s.key, ctx.dialect), { code: 'XM0217', what: `${s.key} spec` });
        if (r !== null) out.push(r);
      }
      if (s.key === 'vtpm' && ctx.dialect === 'xm' && items.length > 0) xmVtpmInstance(out[0], ctx, items[0]!);
      return out;
    }
    case 'specString': {
      const xlRdm = s.key === 'rdm' && ctx.dialect === 'xl';
      const before = ctx.diagnostics.length;
      const r = readSpecItem(v, s, ctx, pointer(s.key), specParserFor(s.key, ctx.dialect), { code: xlRdm ? 'XM0233' : 'XM0217', what: xlRdm ? 'rdm spec (xl creates the guest without rdm)' : `${s.key} spec` });
      // xl goes on without rdm when xlu_rdm_parse fails (parse_config_data: `if (!xlu_rdm_parse(…)) {…}`):
      // a bad value or a policy libxl knows (XM0233) or an unknown key (XM0218) drops the whole
      // setting; an unknown policy is passed over (rdm-xl.ts, RDM_KEPT).
      if (xlRdm && ctx.diagnostics.length > before && !(r !== null && RDM_KEPT.has(r))) return undefined;
      return r ?? undefined;
    }
    default:
      return valueToJson(v);
  }
}
