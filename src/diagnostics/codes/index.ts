/** @fileoverview All diagnostic codes, merged from the per-range tables. */
import type { CodeInfo } from '../registry.js';
import { syntaxCodes } from './syntax.js';
import { schemaCodes } from './schema.js';
import { crossCodes } from './cross.js';
import { numaCodes } from './numa.js';
import { placementCodes } from './placement.js';
import { dialectCodes } from './dialect.js';
import { dialectKeyCodes } from './dialect-keys.js';
import { inputCodes } from './input.js';
import { evaluateCodes } from './evaluate.js';

const all: CodeInfo[] = [...syntaxCodes, ...schemaCodes, ...crossCodes, ...numaCodes, ...placementCodes, ...dialectCodes, ...dialectKeyCodes, ...inputCodes, ...evaluateCodes].sort((a, b) =>
  a.code < b.code ? -1 : 1,
);
const byCode = new Map(all.map((c) => [c.code, c]));
if (byCode.size !== all.length) throw new Error('duplicate diagnostic code in the registry');

/** Every registered code, sorted. */
export function allCodes(): readonly CodeInfo[] {
  return all;
}

/** The registry entry of a code, or undefined for an unknown code. */
export function codeInfo(code: string): CodeInfo | undefined {
  return byCode.get(code.toUpperCase());
}
