/**
 * @fileoverview `type` and `builder`. xl compares `type` as a prefix, in the order hvm, pv, pvh
 * (so "" and "h" are hvm, "p" is pv); `builder` is kept as written and interpreted by
 * {@link builderKind} (xl's "generic" and xm's "linux" = pv, "hvm"/"vmx" = hvm).
 */
import type { Setting } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { readString, valueToJson } from './values.js';

/** The guest type an xl `type` string selects, or null when it is not a prefix of any. */
export function guestTypeOf(text: string): 'pv' | 'pvh' | 'hvm' | null {
  for (const t of ['hvm', 'pv', 'pvh'] as const) if (t.startsWith(text)) return t;
  return null;
}

/**
 * The guest type a builder name implies, or null for a builder the dialect's tool refuses. xl
 * compares prefixes of "hvm" then "generic" and exits "Invalid domain type" otherwise; xm knew "linux",
 * "hvm" and, historically, "netbsd" and "vmx".
 */
export function builderKind(builder: string, dialect: 'xl' | 'xm' = 'xm'): 'pv' | 'hvm' | null {
  if (dialect === 'xl') return 'hvm'.startsWith(builder) ? 'hvm' : 'generic'.startsWith(builder) ? 'pv' : null;
  if (builder === 'hvm' || builder === 'vmx') return 'hvm';
  // xend's image handlers are named linux and hvm (x86; image.py findImageHandlerClass: "unknown
  // image type" otherwise): "generic" is xl's name only.
  if (builder === 'linux' || builder === 'netbsd') return 'pv';
  return null;
}

/**
 * true when a kernel path names hvmloader (libxl_basename: the text after the last '/'): the xm way
 * to name an HVM guest's firmware, which xl drops for HVM guests with a warning.
 */
export function isHvmloader(path: string): boolean {
  return path.slice(path.lastIndexOf('/') + 1) === 'hvmloader';
}

/** Read `type`; an unrecognised value is kept as written so the schema reports the allowed values. */
export function readGuestType(s: Setting, ctx: NormalizeContext): unknown {
  const r = readString(s.value, ctx.dialect);
  if (!r.ok) return valueToJson(s.value);
  // xm never had `type`; for it (and for libvirt) only the full names mean something.
  const t = ctx.dialect === 'xl' ? guestTypeOf(r.value) : (['pv', 'pvh', 'hvm'] as const).find((x) => x === r.value) ?? null;
  return t ?? r.value;
}
