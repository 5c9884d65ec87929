/**
 * @fileoverview Ajv errors → xmcfg diagnostics: code by keyword, span from the span map (key for an
 * unknown key, value for type/range/enum, file start for a missing key), and messages that name the
 * key, what it accepts and what it got.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { SpanMap } from '../normalize/context.js';
import { makeDiag } from '../normalize/context.js';
import { optionDoc } from './docs.js';
import { suggest } from '../diagnostics/suggest.js';

/** A finding about the whole file: check moves it to the file's anchor (decision 051). */
const FILE_START: Span = { start: 0, end: 0 };

/** Human label of a JSON Pointer: `/disk/0/vdev` → `disk[0].vdev`. */
export function labelOf(ptr: string): string {
  let out = '';
  for (const seg of ptr.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    out += /^\d+$/.test(seg) ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  }
  return out === '' ? 'the config' : out;
}

/** The value at a JSON Pointer, or undefined. */
export function resolvePointer(root: unknown, ptr: string): unknown {
  let cur = root;
  for (const seg of ptr.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** The spans recorded for a pointer, or for its nearest recorded ancestor. */
export function spansFor(spans: SpanMap, ptr: string): { key: Span; value: Span } | undefined {
  let p = ptr;
  for (;;) {
    const s = spans.get(p);
    if (s) return s;
    const cut = p.lastIndexOf('/');
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

/** Short rendering of a value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + '…"' : s;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean (0 or 1)',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** The option a JSON pointer starts with (`/usbctrl/0/ports` → usbctrl; '' for the whole config). */
export function topKey(ptr: string): string {
  const slash = ptr.indexOf('/', 1);
  return ptr.slice(1, slash === -1 ? undefined : slash);
}

function unitSuffix(ptr: string): string {
  const doc = optionDoc(topKey(ptr));
  return doc?.unit && ptr.split('/').length === 2 ? ` ${doc.unit}` : '';
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map(String);
  return shown.join(', ') + (values.length > 8 ? ', …' : '');
}

/** Map one Ajv error to a diagnostic. */
export function errorToDiagnostic(e: ErrorObject, config: unknown, spans: SpanMap): Diagnostic {
  const ptr = e.instancePath;
  const label = labelOf(ptr);
  const data = resolvePointer(config, ptr);
  const valueSpan = spansFor(spans, ptr)?.value ?? FILE_START;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const doc = ptr.split('/').length === 2 ? optionDoc(topKey(ptr)) : undefined;
      const want = doc ? `${doc.type}${doc.unit ? ` (${doc.unit})` : ''}` : TYPE_NAMES[String(p.type)] ?? String(p.type);
      return makeDiag('XM0102', valueSpan, `${label} must be ${doc ? (/^[aeiou]/.test(want) ? 'an ' : 'a ') + want : want}; got ${show(data)}`);
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]) ?? [];
      const near = typeof data === 'string' ? nearValue(data, allowed) : undefined;
      return makeDiag('XM0104', valueSpan, `${label} must be one of ${listValues(allowed)}; got ${show(data)}`, near === undefined ? {} : { hint: `did you mean "${near}"?` });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return makeDiag('XM0103', valueSpan, `${label} must be ${op} ${String(p.limit)}${unitSuffix(ptr)}; got ${show(data)}`);
    }
    case 'minItems':
      return makeDiag('XM0103', valueSpan, `${label} must have at least ${String(p.limit)} items`);
    case 'maxItems':
      // One finding for the list: its items' own findings are dropped (decision 102), which the hint says.
      return makeDiag('XM0103', valueSpan, `${label} must have at most ${String(p.limit)} items${Array.isArray(data) ? `; it has ${data.length}` : ''}`, { hint: `its items are not checked one by one until it has at most ${String(p.limit)}` });
    case 'minLength':
    case 'maxLength':
      // Ajv counts code points (ucs2length), as `[...text]` does: an emoji is one character, not two UTF-16 units.
      return makeDiag('XM0103', valueSpan, `${label} must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p.limit)} characters long${typeof data === 'string' ? `; it has ${[...data].length}` : ''}`);
    case 'pattern': {
      const doc = ptr.split('/').length === 2 ? optionDoc(topKey(ptr)) : undefined;
      return makeDiag('XM0110', valueSpan, `${label} must be ${doc ? 'a ' + doc.type : `text matching ${String(p.pattern)}`}; got ${show(data)}`);
    }
    case 'anyOf':
    case 'oneOf': {
      const doc = ptr.split('/').length === 2 ? optionDoc(topKey(ptr)) : undefined;
      return makeDiag('XM0102', valueSpan, `${label} must be ${doc ? doc.type : 'one of the accepted forms'}; got ${show(data)}`);
    }
    default:
      return makeDiag('XM0102', valueSpan, `${label}: ${e.message ?? e.keyword}`);
  }
}

/**
 * The allowed word a misspelt value most likely meant (on_crash = "coredump_destroy" → coredump-destroy,
 * type = "hmv" → hvm), as unknown keys get one: `_` and `-` are taken for each other, case is ignored,
 * then the key suggester's edit distance decides.
 */
function nearValue(value: string, allowed: readonly unknown[]): string | undefined {
  const words = allowed.filter((a): a is string => typeof a === 'string');
  const folded = value.toLowerCase().replace(/_/g, '-');
  const same = words.find((w) => w.toLowerCase().replace(/_/g, '-') === folded);
  return same ?? suggest(value, words);
}
