/**
 * @fileoverview What `convert --to json` left out, as data. The normaliser checks the device specs
 * (their keys and values), but some scalar options are judged only here, where libxl's names for
 * them are known: an unknown Viridian group, `smbios` key or `mca_caps` name, an enum value libxl
 * has no name for, `timer_mode` on a PV guest. Each becomes a note, and `convert` reports the
 * notes under the normaliser's codes: XM0218 (unknown key, a warning) and XM0217 (bad value, an error).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiag, pointer, type SpanMap } from '../normalize/context.js';

/** One thing the JSON view could not carry over. */
export interface JsonNote {
  /** JSON Pointer into the normalised config (`/vtpm/0/uuid`, `/ioports/1`, `/vsnd/0/2`). */
  pointer: string;
  /** The text that was left out. */
  value: string;
  /** `unknown-key`: libxl has no field for it; `bad-value`: the value does not read as xl reads it. */
  reason: 'unknown-key' | 'bad-value';
}

/** A note at `pointer(...segments)`. */
export function note(reason: JsonNote['reason'], value: string, ...segments: (string | number)[]): JsonNote {
  return { pointer: pointer(...segments), value, reason };
}

/** The notes as diagnostics at their source spans (the nearest enclosing field the normaliser marked). */
export function noteDiagnostics(notes: readonly JsonNote[], spans: SpanMap): Diagnostic[] {
  return notes.map((n) => {
    let p = n.pointer;
    while (p && !spans[p]) p = p.slice(0, p.lastIndexOf('/'));
    const span = spans[p]?.value ?? { start: 0, end: 0 };
    const where = n.pointer.slice(1).replace(/\//g, '.');
    return n.reason === 'unknown-key'
      ? makeDiag('XM0218', span, `${where}: libxl has no field for "${n.value}"; convert --to json leaves it out`)
      : makeDiag('XM0217', span, `bad ${where}: "${n.value}" is not a value xl reads`);
  });
}

/** Read an unsigned integer as C's strtoul with base 0 does for a whole string (decimal, 0x hex, 0 octal); null otherwise. */
export function readUlong(text: string): number | null {
  const t = text.trim();
  let n: number;
  if (/^0[xX][0-9a-fA-F]{1,13}$/.test(t)) n = parseInt(t.slice(2), 16);
  else if (/^0[0-7]{1,17}$/.test(t)) n = parseInt(t, 8);
  else if (/^[1-9]\d{0,15}$/.test(t) || t === '0') n = Number(t);
  else return null;
  return Number.isSafeInteger(n) ? n : null;
}
