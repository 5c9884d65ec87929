/**
 * @fileoverview normalize(): from the ordered settings of a file to the typed config of the
 * catalogue, with a span map and diagnostics. Last assignment wins; an earlier `=` of the same key
 * is reported (XM0201). Never throws: a failure inside one option's reader becomes a diagnostic.
 */
import { quoteText } from '../diagnostics/diagnostic.js';
import type { Setting, Dialect, Value } from '../syntax/value.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { NormalizeContext, makeDiag, pointer, type SpanMap } from './context.js';
import { optionSchema, FOLDED_KEYS, OPTION_KEYS, type NormalizedConfig, type Conv } from './catalogue/index.js';
import { unreadKeys } from './xl-only.js';
import { readScalar } from './scalars.js';
import { readCpus } from './cpus.js';
import { pyTruthy } from './cpuid-xm.js';
import { readGuestType } from './guest-type.js';
import { readVnuma } from './vnuma.js';
import { readNumaParts, normalizeNuma, type NumaParts } from './numa.js';
import { readSpecList } from './read-spec-list.js';
import { parseDisk } from './disk.js';
import { parseVif } from './vif.js';
import { parsePci } from './pci.js';
import { parseVfb, parseChannel, parseUsbctrl, parseUsbdev } from './devices.js';
import { readRangeList, parseIoport, parseIoportXm, parseIomem, ioportTrailing } from './resources.js';
import { parseIomemXl } from './iomem-xl.js';
import { readVsnd } from './vsnd.js';
import { parseChardev } from './serial.js';
import { pyIntText, valueToJson } from './values.js';
import { cInteger } from './spec-items.js';
import { xlIgnoresSingleValue } from './xl-single-value.js';
import { reportUnsendable } from './xm-xmlrpc.js';

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  dialect: Dialect;
  /**
   * Leave keys the catalogue does not know out of `config` and `spans` (they are only reported as
   * unknown, XM0101): {@link normalizeWithEffective} lists their settings instead. For checkText's
   * lean mode; a generated file can have 250,000 of them.
   */
  skipUnknown?: boolean;
  /**
   * With it, a duplicate key's XM0201 is handed over (the setting and the key's first setting)
   * instead of built: checkText's findings cap (decision 011) builds it only if it is kept, and
   * 250,000 `memory = 1` lines held 249,999 built findings before the cap cut them.
   */
  onDuplicate?: (s: Setting, first: Setting) => void;
}

/** Result of {@link normalize}. */
export interface NormalizeResult {
  config: NormalizedConfig;
  spans: SpanMap;
  diagnostics: Diagnostic[];
}

/** The setting that takes effect for each key (the last one), in order of first appearance. */
export function effectiveSettings(settings: readonly Setting[]): Map<string, Setting> {
  const m = new Map<string, Setting>();
  for (const s of settings) m.set(s.key, s);
  return m;
}

/**
 * {@link effectiveSettings} and the duplicate-key findings (XM0201, in source order) in one pass:
 * one map of every key instead of two (a generated file has 250,000 keys). The first setting of a
 * key is remembered only for keys that are set again.
 */
function effectiveWithDuplicates(settings: readonly Setting[], ctx: NormalizeContext, onDuplicate: NormalizeOptions['onDuplicate']): Map<string, Setting> {
  const m = new Map<string, Setting>();
  let firstOf: Map<string, Setting> | undefined;
  for (const s of settings) {
    const prev = m.get(s.key);
    if (prev !== undefined) {
      // On a key's second setting, `prev` is its first one.
      firstOf ??= new Map();
      let first = firstOf.get(s.key);
      if (first === undefined) firstOf.set(s.key, (first = prev));
      // An xm rebinding that read the old value (`memory = memory * 2`) uses it, as `+=` does.
      if (s.op === '=' && s.updates !== true) {
        if (onDuplicate) onDuplicate(s, first);
        else ctx.diagnostics.push(duplicateKeyFinding(s, first));
      }
    }
    m.set(s.key, s);
  }
  return m;
}

/** The XM0201 finding of `s`, an `=` setting of a key first set by `first`. */
export function duplicateKeyFinding(s: Pick<Setting, 'key' | 'keySpan'>, first: Pick<Setting, 'keySpan'>): Diagnostic {
  const key = quoteText(s.key);
  return makeDiag('XM0201', s.keySpan, `duplicate key "${key}": this assignment replaces the one before`, {
    related: [{ message: `"${key}" was first set here`, span: first.keySpan }],
    hint: 'keep one assignment; libvirt reads the first one, xl and Python the last',
  });
}

/**
 * true for a key normalisation leaves out as unknown (XM0101): no option schema and not one of the
 * NUMA keys folded into `numa`. The same test {@link normalizeWithEffective} makes.
 */
export function isUnknownKey(key: string): boolean {
  return !isNumaKey(key) && optionSchema(key) === undefined;
}

/**
 * `key === 'numa' || key in FOLDED_KEYS` without the `in` (a prototype-chain walk for every key
 * that misses): the folded keys and, as `in` sees them too, Object.prototype's property names.
 */
const NUMA_KEYS: ReadonlySet<string> = new Set(['numa', ...Object.keys(FOLDED_KEYS), ...Object.getOwnPropertyNames(Object.prototype)]);

/** Push the NUMA keys whose value did not read (reported by normalizeNuma: XM0301, XM0307) to `out`. */
function unreadableNumaKeys(parts: NumaParts, out: string[]): void {
  if (parts.numa && parts.numa.state === null) out.push('numa');
  if (parts.numanodes && parts.numanodes.value === null) out.push('numanodes');
  if (parts.numanode && parts.numanode.nodes === null) out.push('numanode');
}

/**
 * `pointer(key)` of every option, made once: the span map is keyed by these constant strings, where
 * one built per setting of every file had to be concatenated, checked for escapes and hashed.
 */
const OPTION_POINTERS: ReadonlyMap<string, string> = new Map(OPTION_KEYS.map((k) => [k, pointer(k)]));

/** true for `numa` and the keys normalisation folds into it. */
function isNumaKey(key: string): boolean {
  return NUMA_KEYS.has(key);
}

function readSpecial(conv: Conv, s: Setting, ctx: NormalizeContext): unknown {
  const d = ctx.dialect;
  switch (conv) {
    case 'guestType':
      return readGuestType(s, ctx);
    case 'cpus':
      return readCpus(s, ctx);
    case 'vnuma':
      return readVnuma(s, ctx);
    case 'disk':
      return readSpecList(s, ctx, (t) => parseDisk(t, d), { code: 'XM0213', what: 'disk spec' });
    case 'vif': {
      // One errno for the whole list, as xl's vif loop has (parseVif: a mac= overflow fails later rates).
      const errno = { erange: false };
      return readSpecList(s, ctx, (t) => parseVif(t, d, errno), { code: 'XM0214', what: 'vif spec' });
    }
    case 'pci':
      return readSpecList(s, ctx, (t) => parsePci(t, d), { code: 'XM0215', what: 'pci spec' });
    case 'vfb':
      return readSpecList(s, ctx, (t) => parseVfb(t, d), { code: 'XM0217', what: 'vfb spec' });
    case 'channel':
      return readSpecList(s, ctx, parseChannel, { code: 'XM0217', what: 'channel spec' });
    case 'usbctrl':
      return readSpecList(s, ctx, parseUsbctrl, { code: 'XM0217', what: 'usbctrl spec' });
    case 'usbdev':
      return readSpecList(s, ctx, parseUsbdev, { code: 'XM0217', what: 'usbdev spec' });
    case 'serial':
      return readSpecList(s, ctx, parseChardev, { code: 'XM0217', what: 'serial device', allowString: true });
    case 'ioports':
      // xm's split at "-" and xend's int('0x' + part, 16) differ from xl's strtoul (parseIoportXm).
      return readRangeList(s, ctx, ctx.dialect === 'xl' ? parseIoport : parseIoportXm, ioportTrailing);
    case 'iomem':
      // xl's sscanf differs from the trimmed reading xm keeps (iomem-xl.ts).
      return readRangeList(s, ctx, ctx.dialect === 'xl' ? parseIomemXl : parseIomem);
    case 'vsnd':
      return readVsnd(s, ctx);
    default:
      return readScalar(conv, s, ctx);
  }
}

/**
 * What parse_config_data has in b_info->max_vcpus when it reads cpus: maxvcpus when written and
 * not 0, else vcpus (at least 1), else 1 (xl_parse.c: `if (b_info->max_vcpus == 0) b_info->max_vcpus = vcpus;`);
 * null with vnuma (which sets it from its vnodes) or a value that is not a whole number.
 */
function xlMaxVcpus(eff: ReadonlyMap<string, Setting>): number | null {
  if (eff.has('vnuma')) return null;
  const whole = (key: string): number | null | undefined => {
    const v = eff.get(key)?.value;
    if (v === undefined) return undefined;
    const text = v.kind === 'number' ? v.text : v.kind === 'string' ? v.value : null;
    return text === null ? null : cInteger(text);
  };
  const max = whole('maxvcpus');
  const vcpus = whole('vcpus');
  if (max === null || vcpus === null) return null;
  // vcpus below 1 is 1 (XM0257).
  return max !== undefined && max !== 0 ? max : Math.max(vcpus ?? 1, 1);
}

/** xm's maxvcpus when it is an int above 0 (true in Python, so create.py's vcpu_conf uses it), else null. */
function xmMaxVcpus(eff: ReadonlyMap<string, Setting>): number | null {
  const v = eff.get('maxvcpus')?.value;
  return v?.kind === 'number' && v.pyType === 'int' && v.value !== null && Number.isSafeInteger(v.value) && v.value > 0 ? v.value : null;
}

/** xm's cpu when it reads as a CPU (an int, or a string Python's int() reads), which xend puts in front of cpus; else null. */
function xmCpu(v: Value | undefined): number | null {
  const n = v?.kind === 'number' && v.pyType === 'int' ? v.value : v?.kind === 'string' ? pyIntText(v.value) : null;
  return n !== null && n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** Normalise the settings of one file; never throws. */
export function normalize(settings: readonly Setting[], options: NormalizeOptions): NormalizeResult {
  const { config, spans, diagnostics } = normalizeWithEffective(settings, { dialect: options.dialect });
  return { config, spans, diagnostics };
}

/**
 * {@link normalize}, also returning the {@link effectiveSettings} map it built (checkText hands it to
 * the rules instead of building a second map of every key), with `skipUnknown` the effective
 * settings of the keys left out, and the option keys whose value was set but refused (`rejected`).
 */
export function normalizeWithEffective(
  settings: readonly Setting[],
  options: NormalizeOptions,
): NormalizeResult & { effective: ReadonlyMap<string, Setting>; unknown: Setting[]; rejected: string[] } {
  const unknown: Setting[] = [];
  // Keys the file sets whose value did not make it into the config (reported where refused): they
  // are unknown, not absent, and the rules must not take their default.
  const rejected: string[] = [];
  const ctx = new NormalizeContext(options.dialect);
  const config: Record<string, unknown> = {};
  let eff: Map<string, Setting> | undefined;
  try {
    eff = effectiveWithDuplicates(settings, ctx, options.onDuplicate);
    if (ctx.dialect === 'xl') ctx.maxVcpus = xlMaxVcpus(eff);
    else {
      ctx.xmMaxVcpus = xmMaxVcpus(eff);
      ctx.xmCpu = xmCpu(eff.get('cpu')?.value);
      ctx.xmCpuidSet = pyTruthy(eff.get('cpuid')?.value);
    }
    let numaDone = false;
    // Values, not entries: no [key, setting] pair per key (the key is the setting's own).
    for (const s of eff.values()) {
      const key = s.key;
      if (isNumaKey(key)) {
        if (numaDone) continue;
        numaDone = true;
        const parts = readNumaParts(eff, ctx.dialect);
        const numa = normalizeNuma(parts, ctx);
        if (numa !== undefined) config.numa = numa;
        unreadableNumaKeys(parts, rejected);
        continue;
      }
      const schema = optionSchema(key);
      if (!schema && options.skipUnknown) {
        unknown.push(s);
        continue;
      }
      // xm copied only str, list, int and float values into its options (create.py): a None left a
      // known option unset, so xm used its default. Absent here too (check's XM0554 says so), not a
      // null that no option's type allows.
      if (schema && ctx.dialect === 'xm' && s.value.kind === 'none') continue;
      // xl warns and reads such an option as not set (XM0258): absent, not an unknown value.
      if (schema && xlIgnoresSingleValue(s, ctx)) continue;
      let value: unknown;
      const before = ctx.diagnostics.length;
      try {
        value = schema ? readSpecial(schema['x-xmcfg'].conv, s, ctx) : valueToJson(s.value);
        // xm never read an xl-only option (create.py ignored the variable; XM0553 notes the key), so
        // nothing its reader finds is a finding of the xm file (`check --dialect xl` judges the value).
        // A value the reader found anything wrong with is left out, as xm left it out: the config
        // keeps only xl readings that are clean, for `normalize` and `convert`; and no xm rule reads
        // the key, so it is not an unknown value either. The same for an xm option xl never reads
        // (XM0551 notes the key; `--dialect xm` judges the value): decision 118.
        if (ctx.diagnostics.length > before && unreadKeys(ctx.dialect).has(key)) {
          ctx.diagnostics.length = before;
          continue;
        }
      } catch (e) {
        ctx.report('XM0044', s.valueSpan, `internal error while reading ${key}: ${(e as Error).message}`);
        rejected.push(key);
        continue;
      }
      if (value === undefined) {
        rejected.push(key);
        continue;
      }
      // xm sends every option's value to xend over XML-RPC (XM0261).
      if (ctx.dialect === 'xm' && schema) reportUnsendable(s, ctx);
      config[key] = value;
      ctx.mark(OPTION_POINTERS.get(key) ?? pointer(key), s, s.valueSpan);
    }
  } catch (e) {
    ctx.report('XM0044', { start: 0, end: 0 }, `internal error during normalisation: ${(e as Error).message}`);
  }
  return { config: config as NormalizedConfig, spans: ctx.spans, diagnostics: ctx.diagnostics, effective: eff ?? effectiveSettings(settings), unknown, rejected };
}
