/**
 * @fileoverview The scalar options xl reads with rules of its own, judged here so that `check`, the
 * editor and `convert --to json` report the same findings: libxl enum names, which libxl's
 * `*_from_string` match in any case (written in the catalogue's spelling), Viridian groups, `smbios`
 * KEY=VALUE items, `llc_colors` ranges and `cpuid` policies. A bad list item is reported at its text and left out;
 * the rest of the value is kept. Everything else goes to the generic readers.
 */
import type { Setting, Value } from '../syntax/value.js';
import { quoteText } from '../diagnostics/diagnostic.js';
import { optionSchema, type Conv } from './catalogue/index.js';
import { libxlName, LIBXL_UNSET_NAMES, MAX_LLC_COLORS, MAX_SMBIOS_OEM, SMBIOS_KEYS, UUID_RE, VIRIDIAN_GROUPS } from './catalogue/libxl-names.js';
import { pointer, type NormalizeContext } from './context.js';
import { listItems, readGeneric } from './readers.js';
import { readInt, readString, subSpan, valueToJson, xendUuid } from './values.js';
import { unknownKeyFinding } from './catalogue/unknown-spec-keys.js';
import { readIrqs } from './resources.js';
import { misspeltExtra } from './spec-result.js';
import { xmGfxPassthru, xmViridian } from './xm-hvm-values.js';
import { readVscsiXm } from './vscsi-xm.js';
import { readCpuidXm } from './cpuid-xm.js';

/** Judge one list item's text: its normalised text, or null when it was reported and is left out. */
type Judge = (text: string, item: Value) => string | null;

/** Read a value of any kind: the generic reading, plus xl's judgement for the kinds that need one. */
export function readScalar(conv: Conv, s: Setting, ctx: NormalizeContext): unknown {
  switch (conv) {
    case 'viridian':
      return ctx.dialect === 'xm' ? xmViridian(s, ctx) : readViridian(s, ctx);
    case 'smbios':
      return readItems(s, ctx, listItems(s.value, ctx, true), smbiosJudge(s, ctx));
    case 'llcColors':
      return readItems(s, ctx, listItems(s.value, ctx), llcJudge(s, ctx));
    case 'cpuid':
      return readCpuid(s, ctx);
    case 'irqs':
      return readIrqs(s, ctx, () => readGeneric('intList', s, ctx));
    case 'enumOrInt': {
      const n = numberFirst(s, ctx);
      return n !== undefined ? n : libxlUnset(libxlSpelling(readGeneric(conv, s, ctx), s.key, ctx), s, ctx);
    }
    case 'enum':
    case 'boolOrString':
      if (s.key === 'gfx_passthru' && ctx.dialect === 'xm') return xmGfxPassthru(s, ctx);
      return libxlSpelling(readGeneric(conv, s, ctx), s.key, ctx);
    default:
      if (s.key === 'vcpus') return ctx.dialect === 'xl' ? xlVcpus(s, ctx) : xmVcpus(s, ctx);
      if (s.key === 'uuid') return readUuid(s, ctx);
      if (s.key === 'vscsi' && ctx.dialect === 'xm') return readVscsiXm(s, ctx);
      return readGeneric(conv, s, ctx);
  }
}

/**
 * xl's vcpus: a number below 1 is one vCPU (parse_config_data: `if (vcpus < 1) vcpus = 1;`, "libxl
 * is already assuming this when vcpus == 0"; before that fix, 2025, xl sized the online-vCPU map
 * from it and overran it when cpus= was set). Reported (XM0257) and read as 1.
 */
function xlVcpus(s: Setting, ctx: NormalizeContext): unknown {
  const v = readGeneric('int', s, ctx);
  if (typeof v !== 'number' || v >= 1) return v;
  ctx.report('XM0257', s.value.span, `vcpus = ${v}: xl starts the guest with 1 vCPU (a value below 1 means 1)`, { hint: 'write vcpus = 1, or leave vcpus out (the default is 1)' });
  return 1;
}

/**
 * `uuid`. xl: parse_config_data exits with "Failed to parse UUID" unless libxl_uuid_from_string
 * reads it, and on Linux that is uuid_parse, which wants the hyphens where they belong: the 32
 * digits written without them, or with them elsewhere, are reported here (XM0110) and left out. xm: xend's
 * uuid.fromString drops every hyphen and reads 32 hex digits, and _uuid_sanity_check writes the
 * result back grouped 8-4-4-4-12: normalised so here (the schema then judges what is left).
 */
function readUuid(s: Setting, ctx: NormalizeContext): unknown {
  const r = readString(s.value, ctx.dialect);
  if (!r.ok || UUID_RE.test(r.value)) return readGeneric('string', s, ctx);
  // Not 32 hex digits at all: the schema's pattern reports it, in either dialect.
  const uuid = xendUuid(r.value);
  if (uuid === null) return readGeneric('string', s, ctx);
  if (ctx.dialect === 'xm') return uuid;
  ctx.report('XM0110', s.value.span, `uuid "${quoteText(r.value)}": xl exits with "Failed to parse UUID" (libxl reads the 32 hex digits grouped 8-4-4-4-12 with hyphens)`, { hint: `write uuid = "${uuid}"` });
  return undefined;
}

/**
 * xm's vcpus: 0 is false in Python, so create.py's vcpu_conf sends no vcpus (`if not maxvcpus and
 * vcpus:`) and xend keeps its default of 1 vCPU, or sends maxvcpus in its place (`if maxvcpus and
 * not vcpus:`). Reported (XM0260) and read as that count. A negative vcpus is true and sent on, and
 * fails (`(1 << vcpus) - 1` in create.py or XendConfig): the schema's minimum reports it (XM0103).
 */
function xmVcpus(s: Setting, ctx: NormalizeContext): unknown {
  const v = readGeneric('int', s, ctx);
  if (v !== 0) return v;
  const max = ctx.xmMaxVcpus;
  const gets = max === null ? 'xend gives the guest its default of 1 vCPU' : `xm sends maxvcpus (${max}) as vcpus, so the guest starts with all ${max} vCPUs online`;
  ctx.report('XM0260', s.value.span, `vcpus = 0: xm create leaves vcpus out (0 is false in Python), and ${gets}`, { hint: max === null ? 'write vcpus = 1, or leave vcpus out (the default is 1)' : `write the number of vCPUs to start with (1 to ${max})` });
  return max ?? 1;
}

/**
 * A string that the option's reader takes as a number (OptionMeta.numberFirst): xl's
 * xlu_cfg_get_long reads a quoted "1" as 1 before it tries the names (tsc_mode = "1" is the
 * deprecated number, not an unknown name), and xend's int()/long() takes "1" too. The number, or
 * undefined when the value is not such a string.
 */
function numberFirst(s: Setting, ctx: NormalizeContext): number | undefined {
  if (s.value.kind !== 'string' || !optionSchema(s.key)?.['x-xmcfg'].numberFirst) return undefined;
  // xlu_cfg_get_long refuses a setting made with += (then the name reader sees the text).
  if (s.appended && ctx.dialect === 'xl') return undefined;
  const n = readInt(s.value, ctx.dialect);
  return n.ok ? n.value : undefined;
}

/** A libxl enum name given in another case, in the catalogue's spelling (xl only; xm compares exactly). */
function libxlSpelling(value: unknown, key: string, ctx: NormalizeContext): unknown {
  if (typeof value !== 'string' || ctx.dialect !== 'xl') return value;
  const meta = optionSchema(key)?.['x-xmcfg'];
  if (!meta?.anyCase || !meta.allowed) return value;
  return libxlName(meta.allowed.map(String), value) ?? value;
}

/**
 * libxl's "not set" name of the option's enum (timer_mode = "unknown", LIBXL_UNSET_NAMES): xl takes
 * it and libxl uses its default, which is the value read (XM0254, a warning). xl only: xm took
 * timer_mode as a number, and the name stays for its XM0104.
 */
function libxlUnset(value: unknown, s: Setting, ctx: NormalizeContext): unknown {
  const unset = LIBXL_UNSET_NAMES[s.key];
  if (unset === undefined || typeof value !== 'string' || ctx.dialect !== 'xl' || value.toLowerCase() !== unset.name) return value;
  ctx.report('XM0254', s.value.span, `${s.key} = "${quoteText(value)}" is libxl's "not set" value: libxl uses its default, ${unset.becomes}`, { hint: `write ${s.key} = "${unset.becomes}", or leave ${s.key} out` });
  return unset.becomes;
}

/**
 * The items of a list option, each judged and marked at its text (`/key/N`, N counting the items
 * kept); an item that is not a string is kept as JSON for the schema to report. Not a list: the
 * value as JSON (the schema reports its type).
 */
function readItems(s: Setting, ctx: NormalizeContext, items: Value[] | null, judge: Judge): unknown {
  if (items === null) return valueToJson(s.value);
  const out: unknown[] = [];
  for (const item of items) {
    const text = readString(item, ctx.dialect);
    const kept = text.ok ? judge(text.value, item) : valueToJson(item);
    if (kept === null) continue;
    ctx.mark(pointer(s.key, out.length), s, item.span);
    out.push(kept);
  }
  return out;
}

/** xl's `viridian`: a boolean, or groups ("base", "!stimer", "all", "defaults"); xl exits on a group it does not know (xm: xm-hvm-values.ts). */
function readViridian(s: Setting, ctx: NormalizeContext): unknown {
  const v = s.value;
  if (ctx.dialect === 'xl' && v.kind === 'string' && !readInt(v, ctx.dialect).ok) {
    // xl: `switch (xlu_cfg_get_list(config, "viridian", …, 1))` is EINVAL for a single value, and
    // then `xlu_cfg_get_defbool(config, "viridian", …, 1)` reads it as a number, both without a
    // word (dont_warn = 1): a string such as "base" leaves viridian at its default.
    ctx.report('XM0108', v.span, `viridian: "${quoteText(v.value)}" is not a valid number, and xl reads a single viridian value as a boolean number: it ignores this one without a word`, {
      hint: `write a list for groups: viridian = ["${quoteText(v.value)}"]`,
    });
    return undefined;
  }
  const items = v.kind === 'list' ? v.items : null;
  if (items === null) return readGeneric('boolOrStrList', s, ctx);
  return readItems(s, ctx, items, (text, item) => {
    // xl compares "all" and "defaults" exactly; the group names go through libxl, in any case.
    if (text === 'all' || text === 'defaults') return text;
    const off = text.startsWith('!');
    const group = libxlName(VIRIDIAN_GROUPS, off ? text.slice(1) : text);
    if (group !== undefined) return (off ? '!' : '') + group;
    ctx.report('XM0217', item.span, `bad viridian: "${text}" is not a Viridian group xl knows ("xl: unknown viridian enlightenment")`, {
      hint: `groups: ${VIRIDIAN_GROUPS.join(', ')}; "!name" turns one off; "all", "defaults"`,
    });
    return null;
  });
}

/**
 * `smbios` items: KEY=VALUE with a key libxl knows (any case) and a value that is not empty, at
 * most 99 `oem` ones; written `key=VALUE`. xl splits at the first "=" with strchr and trims
 * nothing (parse_config_data): "bios_vendor = X" has the key "bios_vendor ", which
 * libxl_smbios_type_from_string does not know, and the value " X".
 */
function smbiosJudge(s: Setting, ctx: NormalizeContext): Judge {
  let oem = 0;
  return (text, item) => {
    const eq = text.indexOf('=');
    if (eq === -1) {
      ctx.report('XM0217', item.span, `bad smbios: "${text}" is not KEY=VALUE ("xl: failed to split")`);
      return null;
    }
    const keyText = text.slice(0, eq);
    if (eq === text.length - 1) {
      ctx.report('XM0217', item.span, `bad smbios: "${text}" has no value ("xl: empty value not allowed for smbios")`, { hint: `write ${keyText}=VALUE, or remove the item` });
      return null;
    }
    const key = libxlName(SMBIOS_KEYS, keyText);
    if (key === undefined) {
      // xl exits on it ("xl: unknown smbios type"): catalogue/unknown-spec-keys.ts, `smbios`.
      const f = unknownKeyFinding('smbios', { key: keyText, item: text, spec: text }, ctx.dialect);
      const blanks = keyText !== keyText.trim() && libxlName(SMBIOS_KEYS, keyText.trim()) !== undefined;
      const kspan = subSpan(item, 0, keyText.length);
      // `bios_vender=`: the "did you mean" and rename a misspelt disk or vif key gets; else the list of keys.
      const extra = blanks ? { hint: `xl does not trim blanks around "=": write ${keyText.trim()}=${text.slice(eq + 1).trim()}` } : (misspeltExtra(keyText, SMBIOS_KEYS, item, kspan) ?? { hint: `keys: ${SMBIOS_KEYS.join(', ')}` });
      if (f !== null) ctx.report(f.code, kspan, `${s.key}: unknown SMBIOS key "${keyText}" (${f.note})`, extra);
      return null;
    }
    if (key === 'oem' && ++oem > MAX_SMBIOS_OEM) {
      ctx.report('XM0217', item.span, `bad smbios: more than ${MAX_SMBIOS_OEM} oem entries`);
      return null;
    }
    return `${key}=${text.slice(eq + 1)}`;
  };
}

/** An `llc_colors` item as xl reads it (sscanf "%u-%u", then "%u"): its first and last colour, or null. */
export function llcRange(text: string): { start: number; end: number } | null {
  const m = /^\s*\+?(\d+)(?:-\s*\+?(\d+))?/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  return { start, end: m[2] !== undefined ? Number(m[2]) : start };
}

/** `llc_colors` items: "N" or "N-M" with N ≤ M, at most 4096 colours in all. */
function llcJudge(s: Setting, ctx: NormalizeContext): Judge {
  let count = 0;
  return (text, item) => {
    const r = llcRange(text);
    const why = !r ? 'is not N or N-M' : r.end < r.start ? 'ends before it starts' : count + r.end - r.start + 1 > MAX_LLC_COLORS ? `makes more than ${MAX_LLC_COLORS} colours` : null;
    if (r && why === null) {
      count += r.end - r.start + 1;
      return text;
    }
    ctx.report('XM0217', item.span, `bad ${s.key}: "${text}" ${why}`);
    return null;
  };
}

/**
 * `cpuid`: read as a string or list of strings, then judged as xl reads it (xl only). xl warns about
 * an item it cannot parse, skips it and goes on (XM0228); the value is kept as written. xm: cpuid-xm.ts.
 */
function readCpuid(s: Setting, ctx: NormalizeContext): unknown {
  const out = readGeneric('strOrList', s, ctx);
  if (ctx.dialect === 'xm') return readCpuidXm(s, ctx, out);
  const v = s.value;
  if (v.kind === 'list') {
    for (const item of v.items) {
      const text = readString(item, ctx.dialect);
      // xl reads the list up to its first item that is not a string.
      if (!text.ok) break;
      const why = xendCpuidError(text.value);
      if (why !== null) ctx.report('XM0228', item.span, `cpuid: "${text.value}": ${why}; xl skips this item ("while parsing CPUID line")`, { hint: 'an item is "LEAF[,SUBLEAF]:eXx=<32 characters of 0, 1, x, k, s>[,eXx=...]"' });
    }
    return out;
  }
  const text = readString(v, ctx.dialect);
  if (text.ok) judgeLibxlCpuid(text.value, v, ctx);
  return out;
}

/** The comma-separated words of a string as strtok reads them (empty words skipped), with their offsets. */
function strtokWords(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[^,]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The libxl form "host,NAME=VALUE,...": first word host; each further word NAME=VALUE, VALUE a number or x, k, s. */
function judgeLibxlCpuid(text: string, v: Value, ctx: NormalizeContext): void {
  const words = strtokWords(text);
  const first = words[0];
  if (first === undefined) return;
  if (first.text !== 'host') {
    ctx.report('XM0228', subSpan(v, first.start, first.end), `cpuid: the first word must be "host", got "${first.text}"; xl ignores the whole cpuid string`, {
      hint: `cpuid = "host,${text}" (libxl syntax), or a list of xend-style "LEAF:eXx=..." strings`,
    });
    return;
  }
  for (const w of words.slice(1)) {
    const eq = w.text.indexOf('=');
    const name = eq === -1 ? w.text : w.text.slice(0, eq);
    const value = eq === -1 ? '' : w.text.slice(eq + 1);
    // The flag names xl knows depend on its version; a name no version has (empty, blanks, capitals) is refused by all.
    const why =
      eq === -1
        ? 'error #1: missing "=" in key=value'
        : !/^[a-z0-9_.+-]+$/.test(name)
          ? `error #2: unknown CPUID flag name "${name}"`
          : cpuidValueOk(value)
            ? null
            : 'error #3: illegal CPUID value (must be: [0|1|x|k|s])';
    if (why === null) continue;
    ctx.report('XM0228', subSpan(v, w.start, w.end), `cpuid: "${w.text}": ${why}; xl skips it ("while parsing CPUID flag")`, {
      hint: /\s/.test(w.text) ? 'no blanks around the commas: "host,tm=0,sse3=1"' : 'NAME=VALUE with VALUE a number (0, 1, …) or x (default), k (host), s (host, kept across migration)',
    });
  }
}

/** A libxl cpuid value: what strtoull (base 0) reads at least one digit of, else x, k or s. */
function cpuidValueOk(value: string): boolean {
  return /^[ \t\n\v\f\r]*[+-]?[0-9]/.test(value) || value[0] === 'x' || value[0] === 'k' || value[0] === 's';
}

/** Where strtoul (base 0) stops reading `text` from `at`, or -1 when it reads no digit. */
function strtoulEnd(text: string, at: number): number {
  const m = /^[ \t\n\v\f\r]*[+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text.slice(at));
  return m === null ? -1 : at + m[0].length;
}

/** Why libxl_cpuid_parse_config_xend refuses one xend-style item "LEAF[,SUBLEAF]:eXx=<32>,...", or null. */
export function xendCpuidError(text: string): string | null {
  let i = strtoulEnd(text, 0);
  if (i === -1) return 'error #1: illegal leaf number';
  if (text[i] === ',') {
    i = strtoulEnd(text, i + 1);
    if (i === -1) return 'error #2: illegal subleaf number';
  }
  if (text[i] !== ':') return 'error #3: missing colon';
  i++;
  while (i < text.length) {
    const reg = text.charCodeAt(i + 1) - 0x61;
    const eq = text.indexOf('=', i);
    if (text[i] !== 'e' || text[i + 2] !== 'x' || !(reg >= 0 && reg <= 3) || eq === -1) return 'error #4: invalid register name (must be e[abcd]x)';
    const start = eq + 1;
    const comma = text.indexOf(',', start);
    const end = comma === -1 ? text.length : comma;
    if (end - start !== 32) return 'error #5: policy string must be exactly 32 characters long';
    if (comma === -1) break;
    i = comma + 1;
    while (text[i] === ' ' || text[i] === '\n') i++;
  }
  return null;
}
