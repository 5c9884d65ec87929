/**
 * @fileoverview Guest-type rules: a builder the tool refuses, `type` contradicting `builder`, and
 * vNUMA on a PV guest.
 */
import type { NormalizedConfig, SpanMap } from '../../normalize/index.js';
import type { RelatedSpan } from '../../diagnostics/diagnostic.js';
import { builderKind } from '../../normalize/index.js';
import type { Dialect } from '../../syntax/value.js';
import { makeDiag, valueAt, keyAt, type Rule } from './context.js';
import { NO_UNKNOWN_VALUES, type UnknownValues } from '../unknown-values.js';

/**
 * The guest type in effect: type, else what builder implies, else xl's x86 default (pv). null when
 * it is not known: type or builder is written but its value is unknown, or the builder is one the
 * tool refuses (xl exits "Invalid domain type"; XM0104 says so), so no default may stand in for it.
 */
export function guestKind(config: NormalizedConfig, dialect: Dialect = 'xm', unknown: UnknownValues = NO_UNKNOWN_VALUES): 'pv' | 'pvh' | 'hvm' | null {
  const t = config.type;
  if (t === 'pv' || t === 'pvh' || t === 'hvm') return t;
  if (t !== undefined || unknown.has('type')) return null;
  if (typeof config.builder === 'string') return builderKind(config.builder, dialect);
  if (config.builder !== undefined || unknown.has('builder')) return null;
  return 'pv';
}

/** A builder the dialect's tool refuses (xl: "Invalid domain type", exit) (XM0104). */
export const unknownBuilder: Rule = ({ config, spans, dialect }) => {
  if (typeof config.builder !== 'string' || builderKind(config.builder, dialect) !== null) return [];
  const allowed = dialect === 'xl' ? 'generic or hvm (or a prefix of them)' : 'linux, hvm, netbsd or vmx';
  const d = makeDiag('XM0104', valueAt(spans, '/builder'), `builder must be ${allowed} in ${dialect}; got ${JSON.stringify(config.builder)}`);
  // xl_parse.c: `fprintf(stderr, "Invalid domain type %s.\n", buf); exit(1);` for builder as for type.
  d.hint = dialect === 'xl' ? `xl exits with "Invalid domain type ${config.builder}."; write type = "pv", "pvh" or "hvm"` : 'write builder = "linux" (PV) or "hvm"';
  return [d];
};

/** type and builder disagree (XM0206). */
export const typeVsBuilder: Rule = ({ config, spans, dialect }) => {
  const t = config.type;
  if ((t !== 'pv' && t !== 'pvh' && t !== 'hvm') || typeof config.builder !== 'string') return [];
  const b = builderKind(config.builder, dialect);
  if (b === null) return [];
  const compatible = b === 'hvm' ? t === 'hvm' : t === 'pv';
  if (compatible) return [];
  return [
    makeDiag('XM0206', valueAt(spans, '/builder'), `builder "${config.builder}" means ${b} but type is "${t}"`, {
      related: [{ message: 'type is set here', span: valueAt(spans, '/type') }],
      hint: 'remove builder (deprecated by type)',
    }),
  ];
};

/** Why a PV guest is PV, for messages: its type, its builder, or xl's default. */
export function whyPv(config: NormalizedConfig): string {
  return config.type === 'pv' ? 'type is "pv"' : typeof config.builder === 'string' ? `builder "${config.builder}" is PV` : 'no type is set, and xl defaults to PV';
}

/** The related span "the guest type comes from here" (type, else builder), or none for xl's default. */
export function guestTypeRelated(config: NormalizedConfig, spans: SpanMap): RelatedSpan[] | undefined {
  const by = config.type !== undefined ? '/type' : config.builder !== undefined ? '/builder' : null;
  return by ? [{ message: 'the guest type comes from here', span: valueAt(spans, by) }] : undefined;
}

/** vnuma on a PV guest (XM0207). */
export const pvWithVnuma: Rule = ({ config, spans, dialect, unknown }) => {
  if (!Array.isArray(config.vnuma) || config.vnuma.length === 0 || guestKind(config, dialect, unknown) !== 'pv') return [];
  return [makeDiag('XM0207', keyAt(spans, '/vnuma'), `vnuma on a PV guest (${whyPv(config)}): libxl refuses "PV vNUMA is not yet supported"`, { hint: 'set type = "hvm" or "pvh"', related: guestTypeRelated(config, spans) })];
};
