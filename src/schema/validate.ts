/**
 * @fileoverview validateConfig(): run the compiled validator on a normalised config and turn every
 * Ajv error into a diagnostic at the exact span; plus the schema-level findings Ajv cannot see
 * (missing name in xm, deprecated options).
 */
import type { ErrorObject } from 'ajv';
import { quoteText, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Dialect } from '../syntax/value.js';
import type { SpanMap } from '../normalize/context.js';
import { makeDiag } from '../normalize/context.js';
import { optionSchema, OPTION_KEYS, FOLDED_KEYS, ConfigSchema } from '../normalize/catalogue/index.js';
import { unreadKeys } from '../normalize/xl-only.js';
import { validateFn } from './load-validator.js';
import { validateByProperty } from './by-property.js';
import { errorToDiagnostic, spansFor, topKey } from './messages.js';
import { suggest } from '../diagnostics/suggest.js';
import { pointerSegment } from '../normalize/context.js';
import { builderKind } from '../normalize/guest-type.js';

/** A finding about the whole file: check moves it to the file's anchor (decision 051). */
const FILE_START = { start: 0, end: 0 };
/** The top-level keys the schema knows (its `properties`): every other key is XM0101. */
const SCHEMA_KEYS: ReadonlySet<string> = new Set(Object.keys((ConfigSchema as { properties: Record<string, unknown> }).properties));
const KNOWN_KEYS: readonly string[] = [...OPTION_KEYS, ...Object.keys(FOLDED_KEYS)];

/** Options of {@link validateConfig}. */
export interface ValidateOptions {
  /** Dialect of the file (default xl): decides how a missing name is reported and which deprecations apply. */
  dialect?: Dialect;
  /**
   * Every key of the config is a schema property (checkText's lean normalisation leaves the others
   * out): the scan for unknown keys is skipped.
   */
  allKnown?: boolean;
}

/**
 * Reduce the errors of a failed anyOf/oneOf: when one branch has the value's type and fails only on
 * its constraints (timer_mode = 9: an integer, but above 3), report that branch's errors; otherwise
 * report the union error alone ("must be boolean or string"). Also drops exact repeats.
 */
function pruneBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const drop = new Set<ErrorObject>();
  for (const u of unions) {
    const prefix = u.schemaPath + '/';
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      drop.add(e);
      const b = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(b, [...(branches.get(b) ?? []), e]);
    }
    const typed = [...branches.values()].find((errs) => !errs.some((e) => e.keyword === 'type' && e.instancePath === u.instancePath));
    if (typed) {
      drop.add(u);
      for (const e of typed) drop.delete(e);
    }
  }
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (drop.has(e)) return false;
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The errors without an enum (or const) error on a value that has a type error too: `on_crash =
 * [1]` (or True in xm) is one finding, "must be a string", not that plus "must be one of …" about
 * the same value; the type is the cause, and its fix comes first.
 */
function withoutEnumBesideType(errors: ErrorObject[]): ErrorObject[] {
  let typed: Set<string> | null = null;
  for (const e of errors) if (e.keyword === 'type') (typed ??= new Set()).add(e.instancePath);
  if (typed === null) return errors;
  const t = typed;
  return errors.filter((e) => !((e.keyword === 'enum' || e.keyword === 'const') && t.has(e.instancePath)));
}

function unknownKey(key: string, spans: SpanMap, dialect: Dialect): Diagnostic {
  return unknownKeyAt(key, spans.get('/' + pointerSegment(key))?.key, dialect);
}

/**
 * Options early xm versions had and later ones dropped (reference/xen-format.md §b: console, load,
 * ipaddr, lapic, ssidref, cdrom, ne2000, audio, usbport; memmap, the VMX memory map file of Xen 3.0's
 * xmexample.vmx). They are no typo, so no "did you mean": `memmap` is not `keymap`.
 */
const REMOVED_XM_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['console', ''],
  ['load', ''],
  ['ipaddr', ''],
  ['lapic', ' (apic is the HVM option now)'],
  ['ssidref', ''],
  ['cdrom', ' (write the CD-ROM as a disk: "file:/path.iso,hdc:cdrom,r")'],
  ['ne2000', ' (a vif with model=ne2k_pci)'],
  ['audio', ' (soundhw is the HVM option now)'],
  ['usbport', ''],
  ['memmap', ''],
]);

/** XM0101 for a key the schema does not know, at its key span, with a "did you mean" when one is close. */
export function unknownKeyAt(key: string, at: Span | undefined, dialect: Dialect): Diagnostic {
  const removed = REMOVED_XM_OPTIONS.get(key);
  if (removed !== undefined) {
    const d = makeDiag('XM0101', at ?? FILE_START, `unknown key "${key}": an option of early xm versions, removed since; xm and xl ignore it`);
    d.hint = `remove it${removed}`;
    return d;
  }
  const guess = suggest(key, KNOWN_KEYS);
  const d = makeDiag('XM0101', at ?? FILE_START, `unknown key "${quoteText(key)}"`);
  if (guess !== undefined) {
    d.hint = `did you mean "${guess}"?`;
    if (at) d.fixes = [{ title: `Rename to ${guess}`, edits: [{ span: at, text: guess }] }];
  } else d.hint = dialect === 'xm' ? 'xm ignores it (fine for a Python helper variable used by other settings)' : 'xl silently ignores keys it does not know';
  return d;
}

/** The options deprecated in a dialect → their replacement (which that dialect has too). */
function deprecatedIn(dialect: Dialect): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const key of OPTION_KEYS) {
    const meta = optionSchema(key)?.['x-xmcfg'];
    if (!meta?.deprecatedBy || !meta.dialects.includes(dialect)) continue;
    const repl = optionSchema(meta.deprecatedBy)?.['x-xmcfg'];
    if (!repl || !repl.dialects.includes(dialect)) continue; // no replacement in this dialect: still the way to say it
    out.set(key, meta.deprecatedBy);
  }
  return out;
}

/** Worked out once: each check used to look up the metadata of every key of its config. */
const DEPRECATED = new Map<Dialect, ReadonlyMap<string, string>>([
  ['xl', deprecatedIn('xl')],
  ['xm', deprecatedIn('xm')],
]);

function deprecations(config: Record<string, unknown>, spans: SpanMap, dialect: Dialect): Diagnostic[] {
  const out: Diagnostic[] = [];
  const deprecated = DEPRECATED.get(dialect) ?? deprecatedIn(dialect);
  for (const key of Object.keys(config)) {
    const by = deprecated.get(key);
    if (by === undefined) continue;
    const at = spans.get('/' + pointerSegment(key));
    out.push(makeDiag('XM0107', at?.key ?? FILE_START, `${key} is deprecated; use ${by}`, { hint: deprecationHint(key, config[key], by, dialect) }));
  }
  return out;
}

/** What to write in place of a deprecated key: for builder, the type it stands for. */
function deprecationHint(key: string, value: unknown, by: string, dialect: Dialect): string {
  if (key === 'builder' && typeof value === 'string') {
    const kind = builderKind(value, dialect);
    if (kind !== null) return `write type = "${kind}" in place of builder`;
  }
  // nics was a count; vif lists the interfaces themselves.
  if (key === 'nics') return 'remove it: vif lists the interfaces, one entry each ("" for one with default settings)';
  return `replace ${key} with ${by}`;
}

/**
 * The config without the keys the schema does not know, and those keys in `for…in` order (the
 * order Ajv reports them in); the config itself when every key is known or it is not an object.
 */
function splitUnknown(config: unknown): { known: unknown; unknown: string[] } {
  const unknown: string[] = [];
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return { known: config, unknown };
  const obj = config as Record<string, unknown>;
  // One pass: enumerating a dictionary-mode object with 250,000 keys is the expensive part. The
  // copy starts only at the first unknown key (the check leaves them out of most configs already).
  let known: Record<string, unknown> | null = null;
  for (const k in obj) {
    if (SCHEMA_KEYS.has(k)) {
      if (known !== null) known[k] = obj[k];
    } else {
      if (known === null) known = copyUntil(obj, k);
      unknown.push(k);
    }
  }
  return { known: known ?? config, unknown };
}

/** The keys of `obj` before `stop`, in `for…in` order (all known: the caller stops at the first unknown one). */
function copyUntil(obj: Record<string, unknown>, stop: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    if (k === stop) break;
    out[k] = obj[k];
  }
  return out;
}

/**
 * An error about the value of an option the dialect's tool never reads (normalize/xl-only.ts): xm
 * ignored an xl-only variable (XM0553 notes the key), xl an xm option it does not know (XM0551,
 * decision 118), so what the schema says of its value is no finding of the file. Option names need
 * no JSON Pointer unescaping.
 */
function toolIgnores(instancePath: string, dialect: Dialect): boolean {
  return instancePath.length > 1 && unreadKeys(dialect).has(topKey(instancePath));
}

/** A copy of `obj` without `keys` (in its key order). */
function without(obj: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in obj) if (!keys.has(k)) out[k] = obj[k];
  return out;
}

/** A plain object (what normalisation makes): its keys are exactly what for…in lists. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Validate a normalised config against the schema; every finding points at its source span. */
export function validateConfig(config: unknown, spans: SpanMap, options: ValidateOptions = {}): Diagnostic[] {
  return validateKnown(config, spans, options).diagnostics;
}

/**
 * {@link validateConfig}, also returning the config without its unknown keys (the config itself
 * when it has none; null when validation failed internally), in the config's key order: checkText
 * needs exactly that and would otherwise enumerate a 250,000-key object a second time. `rejected`
 * lists the options whose whole value the schema refused (an error at `/key` itself, not inside it).
 * In xm, an xl-only option's value is not judged (xm never read it): the schema's errors about it are
 * dropped, and a value it refuses is left out of `known` (not `rejected`: no xm rule reads it).
 * `tooLong` lists the source spans of the lists with more items than the schema allows (XM0103;
 * decision 102: their items' own findings are dropped by checkParsed).
 */
export function validateKnown(config: unknown, spans: SpanMap, options: ValidateOptions = {}): { diagnostics: Diagnostic[]; known: unknown; rejected: string[]; tooLong: Span[] } {
  const dialect = options.dialect ?? 'xl';
  const out: Diagnostic[] = [];
  const rejected: string[] = [];
  const tooLong: Span[] = [];
  let knownConfig: unknown = null;
  // The options the dialect's tool never reads (xm: xl-only ones; xl: xm-only ones) whose value the
  // schema refuses, left out of the known config.
  let toolIgnored: Set<string> | undefined;
  try {
    // Unknown keys are reported here rather than by Ajv's additionalProperties: a generated file
    // with 250,000 of them would otherwise make as many Ajv error objects (and dedupe keys) first.
    // Ajv reports the missing name first, then the unknown keys, then the rest: so does this.
    const { known, unknown } = options.allKnown ? { known: config, unknown: [] as string[] } : splitUnknown(config);
    knownConfig = known;
    let unknownDone = false;
    const byProperty = isPlainObject(known) ? validateByProperty(known) : null;
    const valid = byProperty ? byProperty.length === 0 : validateFn(known);
    if (!valid) {
      for (const e of withoutEnumBesideType(pruneBranches(byProperty ?? validateFn.errors ?? []))) {
        if (toolIgnores(e.instancePath, dialect)) {
          (toolIgnored ??= new Set()).add(topKey(e.instancePath));
          continue;
        }
        const rootRequired = e.keyword === 'required' && e.instancePath === '';
        if (!rootRequired && !unknownDone) {
          unknownDone = true;
          for (const key of unknown) out.push(unknownKey(key, spans, dialect));
        }
        if (e.keyword === 'additionalProperties' && e.instancePath === '') {
          out.push(unknownKey(String((e.params as { additionalProperty: string }).additionalProperty), spans, dialect));
        } else if (e.keyword === 'additionalProperties') {
          const ptr = `${e.instancePath}/${pointerSegment(String((e.params as { additionalProperty: string }).additionalProperty))}`;
          out.push(makeDiag('XM0102', spansFor(spans, ptr)?.value ?? FILE_START, `unexpected field ${ptr}`));
        } else if (rootRequired) {
          const missing = String((e.params as { missingProperty: string }).missingProperty);
          if (dialect === 'xm' && missing === 'name') out.push(makeDiag('XM0106', FILE_START, 'no name: xm used the file name as the domain name (xl refuses this file)', { hint: 'add name = "…"' }));
          else out.push(makeDiag('XM0105', FILE_START, `${missing} is required${missing === 'name' ? ': xl refuses a config without a domain name' : ''}`, { hint: `add ${missing} = "…"` }));
        } else {
          const d = errorToDiagnostic(e, config, spans);
          out.push(d);
          if (e.keyword === 'maxItems' && d.span.end > d.span.start) tooLong.push(d.span);
          // The rules must not use a value the schema refused as a whole (type = "hvn"): it is unknown.
          if (e.instancePath.lastIndexOf('/') === 0 && e.instancePath.length > 1) rejected.push(e.instancePath.slice(1).replace(/~1/g, '/').replace(/~0/g, '~'));
        }
      }
    }
    if (!unknownDone) for (const key of unknown) out.push(unknownKey(key, spans, dialect));
    if (toolIgnored !== undefined) knownConfig = without(knownConfig as Record<string, unknown>, toolIgnored);
    // Only known keys can be deprecated: the unknown ones are skipped without a schema lookup each.
    if (known !== null && typeof known === 'object') out.push(...deprecations(known as Record<string, unknown>, spans, dialect));
  } catch (e) {
    out.push(makeDiag('XM0044', FILE_START, `internal error during validation: ${(e as Error).message}`));
    knownConfig = null;
  }
  return { diagnostics: out, known: knownConfig, rejected, tooLong };
}
