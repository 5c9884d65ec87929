/**
 * @fileoverview What every rule receives: the normalised config (without stale values), its span
 * map, the settings (for keys the config folds away), the dialect and the keys whose value is
 * unknown; in xm without the options xm never read; plus span helpers and the vCPU count the rules share.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { Dialect, Setting, StringValue, Value } from '../../syntax/value.js';
import type { SingleByteCodec } from '../../syntax/source-decode.js';
import type { NormalizedConfig, SpanMap } from '../../normalize/index.js';
import { effectiveSettings, OPTION_KEYS, XL_ONLY_KEYS } from '../../normalize/index.js';
import { replacedByteExcess } from '../../syntax/source-bytes.js';
import { knownView, NO_UNKNOWN_VALUES, type UnknownValue, type UnknownValues } from '../unknown-values.js';

export { makeDiag } from '../../normalize/index.js';

/** A finding about the whole file: check moves it to the file's anchor (decision 051). */
const FILE_START: Span = { start: 0, end: 0 };

/** Input of one rule. */
export interface RuleInput {
  /**
   * The normalised config without the values an unread assignment made stale (and without `numa`
   * when one of its keys is unknown); a value the schema refused is still here, and in `unknown`.
   */
  config: NormalizedConfig;
  spans: SpanMap;
  settings: readonly Setting[];
  /**
   * The setting in effect for each key (the last one), as written: in xm it keeps the xl-only keys
   * the config leaves out, for the rule that reports them (XM0553).
   */
  effective: ReadonlyMap<string, Setting>;
  dialect: Dialect;
  /**
   * Keys the file writes whose value is unknown. A rule that would take such a key's default
   * (absent type = PV, absent vcpus = 1) stays silent: the key is not absent. In xm without the
   * xl-only keys, as the config.
   */
  unknown: UnknownValues;
  /** The file's path as the caller knows it (xm names a nameless guest after its base name); absent: not known. */
  fileName?: string;
  /**
   * The single-byte encoding the text was decoded from (its PEP 263 declaration, CheckOptions.sourceCodec):
   * each character of a value is then one byte of the file, which is what xl, reading raw bytes, counts.
   */
  sourceCodec?: SingleByteCodec;
  /**
   * A file of invalid UTF-8 without a declared encoding: its bytes and where its text has U+FFFD for
   * invalid bytes (CheckOptions.sourceBytes, invalidUtf8). xl hands on the bytes, not the U+FFFD.
   */
  rawUtf8?: RawUtf8;
}

/** The bytes of a file that is not valid UTF-8, and the (sorted) text offsets of the U+FFFD put for its invalid bytes. */
export interface RawUtf8 {
  bytes: Uint8Array;
  invalid: readonly number[];
}

/**
 * The bytes a string setting written at `at` has in the file, which xl (libxlu) hands on without
 * decoding: in a file decoded by a single-byte encoding (`codec`, its declaration) each character is
 * the one byte the file holds (a latin-1 "é" is 1 byte, not UTF-8's 2); otherwise the value's
 * UTF-8, where a U+FFFD the decoder put for invalid bytes (`raw`) counts the bytes it replaced, not
 * EF BF BD's 3 (libxlu's escapes never drop a U+FFFD from a literal: each one of the text is one of
 * the value). Python 2 (xm) holds a byte string's written characters as the same bytes.
 */
export function fileBytes(value: string, at: Span, codec: string | undefined, raw: RawUtf8 | undefined): number {
  if (codec !== undefined) return value.length;
  const utf8 = Buffer.byteLength(value, 'utf8');
  return raw === undefined ? utf8 : utf8 + replacedByteExcess(raw.bytes, raw.invalid, at.start, at.end);
}

/**
 * The bytes Python 2 holds for a part (`value`) of an xm string setting written at `at`: a byte
 * string holds one byte a character, escaped (`'\\xff'`) or read from the file's bytes where they
 * are not UTF-8 (decision 045), unless its characters are text written in the file (`utf8`), which
 * are their UTF-8 bytes, as is whatever xmcfg does not find as a byte string here. Under a declared
 * single-byte encoding every character is one byte, as for xl.
 */
export function xmValueBytes(value: string, at: Span, effective: ReadonlyMap<string, Setting>, codec: string | undefined): number {
  if (codec !== undefined) return value.length;
  const s = stringAt(effective, at);
  return s !== undefined && s.unicode !== true && s.utf8 !== true ? value.length : Buffer.byteLength(value, 'utf8');
}

/** The string value (inside lists too) of the settings in effect whose span holds `at`. */
function stringAt(effective: ReadonlyMap<string, Setting>, at: Span): StringValue | undefined {
  for (const setting of effective.values()) {
    if (setting.value.span.start > at.start || setting.value.span.end < at.end) continue;
    const stack: Value[] = [setting.value];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v.span.start > at.start || v.span.end < at.end) continue;
      if (v.kind === 'string') return v;
      if (v.kind === 'list') for (const it of v.items) stack.push(it);
    }
  }
  return undefined;
}

/** A rule: pure, returns its findings. */
export type Rule = (input: RuleInput) => Diagnostic[];

/** Build the input of the rules (the config narrowed to its known values, and to what the dialect's tool reads). */
export function ruleInput(config: NormalizedConfig, spans: SpanMap, settings: readonly Setting[], dialect: Dialect, effective?: ReadonlyMap<string, Setting>, unknown: UnknownValues = NO_UNKNOWN_VALUES, fileName?: string, sourceCodec?: SingleByteCodec | null, rawUtf8?: RawUtf8): RuleInput {
  const read = dialect === 'xm' ? xmUnknown(unknown) : unknown;
  const view = withoutUnsetMaxvcpus(knownView(config, read));
  const input: RuleInput = { config: dialect === 'xm' ? xmView(view) : view, spans, settings, effective: effective ?? effectiveSettings(settings), dialect, unknown: read };
  if (fileName !== undefined) input.fileName = fileName;
  if (sourceCodec) input.sourceCodec = sourceCodec;
  else if (rawUtf8 !== undefined && rawUtf8.invalid.length > 0) input.rawUtf8 = rawUtf8;
  return input;
}

/**
 * The options xm never read (the catalogue's xl-only ones: type, cpus_soft, vnuma, passthrough, …).
 * xm is told of them once (XM0553); no rule judges them or takes them into account, as placement
 * leaves them out of an xm plan (dialectPlanConfig). One view for every rule, so that no rule tests
 * the dialect to skip a key. (Normalisation and the schema drop their findings about these values
 * too: normalize/xl-only.ts.)
 */
const XL_ONLY: ReadonlySet<string> = XL_ONLY_KEYS;
/** The options xm read. */
const XM_KEYS: readonly string[] = OPTION_KEYS.filter((k) => !XL_ONLY.has(k));

/** The config as xm read it: its xm option keys only (a config of 250,000 unknown keys copies no more). */
function xmView(config: NormalizedConfig): NormalizedConfig {
  const src = config as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of XM_KEYS) if (src[k] !== undefined) out[k] = src[k];
  return out as NormalizedConfig;
}

/** The unknown values of the keys xm read: an xl-only key's unknown value decides nothing in xm. */
function xmUnknown(unknown: UnknownValues): UnknownValues {
  let any = false;
  for (const k of unknown.keys()) if (XL_ONLY.has(k)) any = true;
  if (!any) return unknown;
  const out = new Map<string, UnknownValue>();
  for (const [k, u] of unknown) if (!XL_ONLY.has(k)) out.set(k, u);
  return out;
}

/** maxvcpus = 0 means "as many as vcpus" to xl and xm alike (catalogue core.ts): the rules see it unset. */
function withoutUnsetMaxvcpus(config: NormalizedConfig): NormalizedConfig {
  if (config.maxvcpus !== 0) return config;
  const { maxvcpus: _unset, ...rest } = config;
  return rest as NormalizedConfig;
}

/** The value span of a pointer (or the whole file, moved to its anchor by check, when the field has none). */
export function valueAt(spans: SpanMap, ptr: string): Span {
  return spans.get(ptr)?.value ?? FILE_START;
}

/** The key span of a pointer (or the whole file, as valueAt). */
export function keyAt(spans: SpanMap, ptr: string): Span {
  return spans.get(ptr)?.key ?? FILE_START;
}

/**
 * The number of vCPUs that may exist: maxvcpus (when not 0), else the vCPUs vnuma lists, else vcpus, else 1
 * (xl's defaults: parse_vnuma_config makes the listed count max_vcpus when maxvcpus is not set);
 * null when the key that would decide it is written but unknown (maxvcpus; vnuma; or vcpus).
 */
export function maxVcpusOf(config: NormalizedConfig, unknown: UnknownValues): { value: number; ptr: string | null } | null {
  // maxvcpus = 0 is "not set" to xl (parse_config_data: `if (b_info->max_vcpus == 0) b_info->max_vcpus = vcpus;`,
  // parse_vnuma_config: `if (b_info->max_vcpus != 0)` is "User has specified maxvcpus="), whatever view the caller hands in.
  if (typeof config.maxvcpus === 'number' && config.maxvcpus !== 0) return { value: config.maxvcpus, ptr: '/maxvcpus' };
  if (unknown.has('maxvcpus')) return null;
  // xm never read vnuma: its view of the config has none (ruleInput).
  const vnuma = config.vnuma;
  if (Array.isArray(vnuma) && vnuma.length > 0) {
    if (unknown.has('vnuma') || vnuma.some((n) => !Array.isArray(n.vcpus))) return null;
    return { value: vnuma.reduce((a, n) => a + n.vcpus!.length, 0), ptr: '/vnuma' };
  }
  if (typeof config.vcpus === 'number') return { value: config.vcpus, ptr: '/vcpus' };
  if (unknown.has('vcpus')) return null;
  return { value: 1, ptr: null };
}

/** Where the vCPU count of {@link maxVcpusOf} comes from, as a related location (none for the default). */
export function maxVcpusRelated(spans: SpanMap, max: { ptr: string | null }): { message: string; span: Span }[] | undefined {
  if (max.ptr === null) return undefined;
  return [{ message: max.ptr === '/vnuma' ? 'vnuma lists the vCPUs here (maxvcpus is not set)' : `${max.ptr.slice(1)} is set here`, span: valueAt(spans, max.ptr) }];
}

/**
 * maxmem as xl sets it: maxmem, else the sum of the vnuma sizes (parse_vnuma_config makes it
 * max_memkb); null when neither is known (xm's view has no vnuma).
 */
export function maxmemOf(config: NormalizedConfig, unknown: UnknownValues): { value: number; ptr: string } | null {
  if (unknown.has('maxmem')) return null;
  if (typeof config.maxmem === 'number') return { value: config.maxmem, ptr: '/maxmem' };
  const nodes = config.vnuma;
  if (unknown.has('vnuma') || !Array.isArray(nodes) || nodes.length === 0 || nodes.some((n) => typeof n.size !== 'number')) return null;
  return { value: nodes.reduce((a, n) => a + n.size!, 0), ptr: '/vnuma' };
}
