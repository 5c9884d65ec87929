/**
 * @fileoverview Options xl reads only for some guest types (the catalogue's `readFor`, from the
 * guest-type branches of parse_config_data in xl_parse.c): `vga`, `bios`, `boot`, … only for HVM,
 * `e820_host` only for PV, the `pvshim` options only for PVH. For a guest of another type xl never
 * looks at the value, so a bad value cannot stop `xl create`: the setting is reported once, as a
 * warning (XM0230), and the findings about its value are dropped (see {@link withoutIgnoredValues}).
 *
 * xl only. xm's create.py converted every option it knew (opts.py's set_int, set_bool, …) before
 * it looked at the builder, so a bad value stopped `xm create` whatever the guest type: xm keeps
 * its value findings. A guest type that is not known (type or builder written with an unknown
 * value) decides nothing (decision 009): no XM0230, and no judgement of a type-only value either,
 * since whether xl reads it depends on that type. Options xl reads for another type too, and then
 * refuses (`timer_mode` on PV, XM0221), are not marked: they keep their own findings.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { Dialect, Setting } from '../../syntax/value.js';
import { OPTION_KEYS, optionSchema, type NormalizedConfig, type SpanMap } from '../../normalize/index.js';
import type { UnknownValues } from '../unknown-values.js';
import { makeDiag, type Rule } from './context.js';
import { guestKind, guestTypeRelated } from './guest-type.js';

type Kind = 'pv' | 'pvh' | 'hvm';

/** The options xl reads only for some guest types, with those types (catalogue order). */
const TYPE_ONLY: readonly (readonly [string, readonly Kind[]])[] = OPTION_KEYS.flatMap((k) => {
  const readFor = optionSchema(k)?.['x-xmcfg'].readFor;
  return readFor ? [[k, readFor] as const] : [];
});

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
 * The settings in effect that xl does not read for this guest's type: none outside xl. When the
 * guest type is written but not known (`type = "hvn"`, reported itself), every type-only setting:
 * whether xl reads it is not known either, so its value is not judged (and no XM0230 is reported).
 */
export function ignoredSettings(config: NormalizedConfig, effective: ReadonlyMap<string, Setting>, dialect: Dialect, unknown: UnknownValues): IgnoredSetting[] {
  if (dialect !== 'xl') return [];
  const kind = guestKind(config, dialect, unknown);
  const out: IgnoredSetting[] = [];
  for (const [key, readFor] of TYPE_ONLY) {
    const setting = effective.get(key);
    if (setting !== undefined && (kind === null || !readFor.includes(kind))) out.push({ key, setting, kind, readFor });
  }
  return out;
}

/** An option xl does not read for this guest type (XM0230), one finding per setting, at its key. */
export const ignoredForGuestType: Rule = ({ config, spans, effective, dialect, unknown }) => {
  const out: Diagnostic[] = [];
  for (const { key, setting, kind, readFor } of ignoredSettings(config, effective, dialect, unknown)) {
    if (kind !== null) out.push(ignoredFinding(key, setting, kind, readFor, config, spans));
  }
  return out;
};

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
const KEPT = new Set(['XM0201', 'XM0230']);

/**
 * The findings without those about the value of a setting xl does not read (the value is never
 * looked at, so nothing xl would say about it can happen). `statements` are the spans of every
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
  for (const s of settings) if (keys.has(s.key) && !out.includes(s.span)) out.push(s.span);
  return out;
}
