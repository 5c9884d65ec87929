/**
 * @fileoverview Options xl reads only for some guest types (the catalogue's `readFor`, from the
 * guest-type branches of parse_config_data in xl_parse.c): `vga`, `bios`, `boot`, … only for HVM,
 * `e820_host` only for PV, the `pvshim` options only for PVH. For a guest of another type xl never
 * looks at the value, so a bad value cannot stop `xl create`: the setting is reported once, as a
 * warning (XM0230), and the findings about its value are dropped (see {@link withoutIgnoredValues}).
 *
 * xm has its own list ({@link XM_HVM_ONLY}, XM0244): create.py copied a file's values into its
 * options as they were (Opts.load; opts.py's set_int, set_bool, … convert only command-line values)
 * and handed the HVM ones to xend only for builder = "hvm" (configure_image → configure_hvm), so in
 * a PV guest xend never saw them. A guest type that is not known (type or builder written with an
 * unknown value) decides nothing (decision 009): no XM0230 or XM0244, and no judgement of a
 * type-only value either, since whether the tool reads it depends on that type. Options xl reads for
 * another type too, and then refuses (`timer_mode` on PV, XM0221), are not marked: they keep their
 * own findings.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { Dialect, Setting } from '../../syntax/value.js';
import { builderKind, OPTION_KEYS, optionSchema, type NormalizedConfig, type SpanMap } from '../../normalize/index.js';
import type { UnknownValues } from '../unknown-values.js';
import { makeDiag, type Rule } from './context.js';
import { guestKind, guestTypeRelated } from './guest-type.js';

type Kind = 'pv' | 'pvh' | 'hvm';

/** The options xl reads only for some guest types, with those types (catalogue order). */
const TYPE_ONLY: readonly (readonly [string, readonly Kind[]])[] = OPTION_KEYS.flatMap((k) => {
  const readFor = optionSchema(k)?.['x-xmcfg'].readFor;
  return readFor ? [[k, readFor] as const] : [];
});

/**
 * The xm options create.py hands to xend only for builder = "hvm" (the catalogue's `xmReadFor`,
 * catalogue order): configure_hvm's `args` (and vncpasswd after them), less those it also reads for
 * every builder: cpuid and cpuid_check (make_config, preprocess_cpuid), vcpus, localtime and oos
 * (make_config), pci (configure_pci), keymap (configure_vfbs, for a vfb without keymap=) and
 * vncconsole (main spawns the viewer). xen_extended_power_mgmt, in the list without a gopts.var of its
 * own, is one of them (decision 117). xend did not read them for a PV guest either: XendConfig copies platform keys
 * from the top level and the image, where create.py put none of these, and makes a vfb from vnc only
 * for an HVM guest.
 */
export const XM_HVM_ONLY: readonly string[] = OPTION_KEYS.filter((k) => optionSchema(k)?.['x-xmcfg'].xmReadFor?.includes('hvm'));
const XM_TYPE_ONLY: readonly (readonly [string, readonly Kind[]])[] = XM_HVM_ONLY.map((k) => [k, ['hvm']] as const);

/**
 * The guest type xm built: the builder (create.py's default "linux", PV); `type` is xl's, xm never
 * read it. null when the builder is written but its value is unknown or one xm refused.
 */
function xmGuestKind(config: NormalizedConfig, unknown: UnknownValues): 'pv' | 'hvm' | null {
  if (typeof config.builder === 'string') return builderKind(config.builder, 'xm');
  if (config.builder !== undefined || unknown.has('builder')) return null;
  return 'pv';
}

/** How a guest type is named in messages. */
const KIND_NAME: Record<Kind, string> = { pv: 'PV', pvh: 'PVH', hvm: 'HVM' };

/** One setting xl does not read for the guest's type, or may not read (kind null: the type is not known). */
export interface IgnoredSetting {
  key: string;
  setting: Setting;
  kind: Kind | null;
  readFor: readonly Kind[];
}

/**
 * The settings in effect that the dialect's tool does not read for this guest's type (xl: the
 * catalogue's readFor; xm: {@link XM_HVM_ONLY}). When the guest type is written but not known
 * (`type = "hvn"`, reported itself), every type-only setting: whether the tool reads it is not known
 * either, so its value is not judged (and no XM0230 or XM0244 is reported).
 */
export function ignoredSettings(config: NormalizedConfig, effective: ReadonlyMap<string, Setting>, dialect: Dialect, unknown: UnknownValues): IgnoredSetting[] {
  const kind = dialect === 'xl' ? guestKind(config, dialect, unknown) : xmGuestKind(config, unknown);
  const out: IgnoredSetting[] = [];
  for (const [key, readFor] of dialect === 'xl' ? TYPE_ONLY : XM_TYPE_ONLY) {
    const setting = effective.get(key);
    if (setting !== undefined && (kind === null || !readFor.includes(kind))) out.push({ key, setting, kind, readFor });
  }
  return out;
}

/** An option the tool does not read for this guest type (xl: XM0230, xm: XM0244), one finding per setting, at its key. */
export const ignoredForGuestType: Rule = ({ config, spans, effective, dialect, unknown }) => {
  const out: Diagnostic[] = [];
  for (const { key, setting, kind, readFor } of ignoredSettings(config, effective, dialect, unknown)) {
    if (kind !== null) out.push(dialect === 'xl' ? ignoredFinding(key, setting, kind, readFor, config, spans) : xmIgnoredFinding(key, setting, config, spans, effective.has('type')));
  }
  return out;
};

function xmIgnoredFinding(key: string, setting: Setting, config: NormalizedConfig, spans: SpanMap, typeWritten: boolean): Diagnostic {
  // An xl file read as xm: its `type` is xl's (XM0553), so the guest is xm's default, PV.
  const none = typeWritten ? 'no builder is set (xm ignored type, an xl option)' : 'no builder is set';
  const why = typeof config.builder === 'string' ? `builder is "${config.builder}"` : `${none}, and xm defaults to "linux"`;
  return makeDiag('XM0244', setting.keySpan, `xm passes ${key} to xend only for builder = "hvm"; this guest is PV (${why}), so xm ignores ${key} and its value`, {
    hint: `remove ${key}, or set builder = "hvm" if the guest is meant to be HVM`,
    related: guestTypeRelated(config, spans),
  });
}

function ignoredFinding(key: string, setting: Setting, kind: Kind, readFor: readonly Kind[], config: NormalizedConfig, spans: SpanMap): Diagnostic {
  const forTypes = readFor.map((k) => KIND_NAME[k]).join(' or ');
  const why = config.type !== undefined ? `type is "${String(config.type)}"` : typeof config.builder === 'string' ? `builder is "${config.builder}"` : 'no type is set, and xl defaults to PV';
  const target = readFor.length === 1 ? `set type = "${readFor[0]}"` : `set type = "${readFor.join('" or "')}"`;
  return makeDiag('XM0230', setting.keySpan, `xl reads ${key} only for ${forTypes} guests; this guest is ${KIND_NAME[kind]} (${why}), so xl ignores ${key} and its value`, {
    hint: `remove ${key}, or ${target} if the guest is meant to be ${forTypes}`,
    related: guestTypeRelated(config, spans),
  });
}

/** Codes kept at an ignored setting: the key is still written twice, and the finding itself. */
const KEPT = new Set(['XM0201', 'XM0230', 'XM0244']);

/**
 * The findings without those about the value of a setting the tool does not read (the value is
 * never looked at, so nothing xl or xm would say about it can happen). `statements` are the spans of every
 * assignment of the ignored keys.
 */
export function withoutIgnoredValues(diagnostics: readonly Diagnostic[], statements: readonly Span[]): readonly Diagnostic[] {
  if (statements.length === 0) return diagnostics;
  return diagnostics.filter((d) => KEPT.has(d.code) || d.span.end <= d.span.start || !statements.some((s) => s.start <= d.span.start && d.span.end <= s.end));
}

/** The statement spans of every setting of the ignored keys (earlier duplicates too). */
export function ignoredStatements(ignored: readonly IgnoredSetting[], settings: readonly Setting[]): Span[] {
  if (ignored.length === 0) return [];
  const keys = new Set(ignored.map((i) => i.key));
  const out: Span[] = ignored.map((i) => i.setting.span);
  // A set beside the list: `out.includes` made this quadratic in the settings of those keys (a
  // 5 MB file of 200 configs repeated sets an HVM-only key thousands of times: ~60 ms a check).
  const seen = new Set(out);
  for (const s of settings) {
    if (keys.has(s.key) && !seen.has(s.span)) {
      seen.add(s.span);
      out.push(s.span);
    }
  }
  return out;
}
