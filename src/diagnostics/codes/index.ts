/** @fileoverview All diagnostic codes, merged from the per-range tables. */
import type { CodeInfo } from '../registry.js';
import { syntaxCodes } from './syntax.js';
import { schemaCodes } from './schema.js';
import { crossCodes } from './cross.js';
import { specStringCodes } from './spec-strings.js';
import { vcpuGicCodes } from './vcpu-gic.js';
import { numaCodes } from './numa.js';
import { placementCodes } from './placement.js';
import { dialectCodes } from './dialect.js';
import { dialectKeyCodes } from './dialect-keys.js';
import { inputCodes } from './input.js';
import { evaluateCodes } from './evaluate.js';
import { convertCodes } from './convert.js';

// Frozen, entries and list: the library hands them out, and a caller's edit must not change what
// every later finding, `explain` and the docs say about a code.
const all: readonly CodeInfo[] = Object.freeze([...syntaxCodes, ...schemaCodes, ...crossCodes, ...specStringCodes, ...vcpuGicCodes, ...numaCodes, ...placementCodes, ...dialectCodes, ...dialectKeyCodes, ...inputCodes, ...evaluateCodes, ...convertCodes].sort((a, b) =>
  a.code < b.code ? -1 : 1,
).map((c) => Object.freeze(c)));
const byCode = new Map(all.map((c) => [c.code, c]));
if (byCode.size !== all.length) throw new Error('duplicate diagnostic code in the registry');

/** Every registered code, sorted. */
export function allCodes(): readonly CodeInfo[] {
  return all;
}

/** The registry entry of a code, or undefined for an unknown code. */
export function codeInfo(code: string): CodeInfo | undefined {
  // A JavaScript caller may pass anything; a non-string is no code rather than a TypeError.
  if (typeof code !== 'string') return undefined;
  // The exact code first: makeDiag asks for every finding (a 5 MB file has 115,000 duplicate keys,
  // each a stand-in for the cap), and upper-casing made a new string each time.
  return byCode.get(code) ?? byCode.get(code.toUpperCase());
}
