/**
 * @fileoverview The library's arguments read as user input (decision 066): the config text (a
 * string or a file's bytes), a host object and a config object given to plan. What cannot be read
 * comes back as findings at 1:1 naming the argument or field (XM0111 for the text and for options,
 * XM0401 for a host, XM0413 for plan's config); nothing here throws.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { hostDiag } from '../placement/host-check.js';
import { PLAN_READ_KEYS } from '../placement/plan-input.js';
import { decodeSource, type SingleByteCodec } from '../syntax/source-decode.js';
import { kindOf } from './options.js';
import { isArrayBuffer, plainData, type PlainResult } from './plain-data.js';

/** How the input's bytes were read (CheckOptions.sourceCodec, invalidUtf8, sourceBytes). */
export type Decoding = { sourceCodec: SingleByteCodec | null; invalidUtf8: number[]; sourceBytes?: Uint8Array | null };

/** The getter of `TypedArray.prototype[Symbol.toStringTag]`: an array's own kind, read from its internal slot (no Proxy trap runs). */
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!.get!;

/** Whether a value is a real Uint8Array (a Buffer is one), without calling anything of the caller's. */
function isBytes(v: unknown): v is Uint8Array {
  return ArrayBuffer.isView(v) && typedArrayTag.call(v) === 'Uint8Array';
}

/**
 * The config text of the input: a string as it is; the bytes of a file (a Uint8Array or Buffer)
 * decoded as the CLI reads a file: in the single-byte encoding it declares (PEP 263, `# -*- coding:
 * latin-1 -*-`), else as UTF-8 with XM0041 for invalid sequences. Anything else: `problem` says what
 * it is, and the text is empty.
 */
export function textOf(input: unknown): { text: string; found: Diagnostic[]; decoding: Decoding; problem?: string } {
  if (typeof input === 'string') return { text: input, found: [], decoding: { sourceCodec: null, invalidUtf8: [] } };
  if (isBytes(input)) {
    const d = decodeSource(input);
    return { text: d.text, found: d.diagnostics, decoding: { sourceCodec: d.codec, invalidUtf8: d.invalid, sourceBytes: d.bytes ?? null } };
  }
  const what = ArrayBuffer.isView(input) ? `a ${typedArrayTag.call(input) ?? 'DataView'}` : kindOf(input);
  return { text: '', found: [], decoding: { sourceCodec: null, invalidUtf8: [] }, problem: `the config text must be a string or the file's bytes (a Uint8Array), got ${what}` };
}

/** XM0111 findings for the library's arguments outside their type (`problems`), each saying `what` was not done. */
export function argumentFindings(problems: string[], what: string): Diagnostic[] {
  return problems.map((m) => hostDiag('XM0111', 'error', `${m}: ${what}`));
}

/** Findings of the places of a copied value that could not be read, `label` naming its root. */
function dataFindings(c: PlainResult, code: string, prefix: string, label: string, suffix: string): Diagnostic[] {
  const out = c.problems.map((p) => hostDiag(code, 'error', `${prefix}${p.path === '' ? label : p.path}: ${p.why}${suffix}`));
  if (c.more > 0) out.push(hostDiag(code, 'error', `${prefix}${c.more} more places that cannot be read${suffix}`));
  return out;
}

/**
 * A host given as an object, as plain data (text and other primitives as they are: the host reader
 * judges them), and XM0401 for each place of it that could not be read (then the host is not used).
 */
export function hostInput(host: unknown): { host: unknown; found: Diagnostic[] } {
  if (host === null || (typeof host !== 'object' && typeof host !== 'function')) return { host, found: [] };
  const c = plainData(host);
  return { host: c.value, found: dataFindings(c, 'XM0401', 'invalid host topology: ', 'host', '') };
}

/** A config object given to plan, as plain data of the keys plan reads, and XM0413 for each of them that could not be read. */
export function planConfigInput(config: unknown): { config: unknown; found: Diagnostic[] } {
  if (config === null || (typeof config !== 'object' && typeof config !== 'function')) return { config, found: [] };
  // Bytes have no keys plan reads, and would be planned as a guest of defaults.
  if (ArrayBuffer.isView(config) || isArrayBuffer(config)) {
    const what = ArrayBuffer.isView(config) ? (typedArrayTag.call(config) ?? 'DataView') : 'ArrayBuffer';
    return { config, found: [hostDiag('XM0413', 'error', `the config given to plan is a ${what}, not an object: nothing is planned`)] };
  }
  const c = plainData(config, PLAN_READ_KEYS);
  return { config: c.value, found: dataFindings(c, 'XM0413', '', 'the config given to plan', ': nothing is planned') };
}
