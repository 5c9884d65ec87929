/**
 * @fileoverview xm create hands the whole config to xend over XML-RPC (create.py make_domain:
 * `server.xend.domain.create(config)`). Python 2's xmlrpclib writes a byte string into the request
 * as it is, inside an XML document read as UTF-8, so a value whose bytes are not UTF-8 (a Latin-1
 * `"é"`, `"\xe9"`) or hold a control character XML forbids (`"\x01"`) makes the request not
 * well-formed: xend's xmlrpclib.loads fails ("not well-formed (invalid token)", checked with
 * Python 2.7.18) before any of the config is read, and the domain is not created (XM0261).
 */
import { isUtf8 } from 'node:buffer';
import type { Setting, StringValue, Value } from '../syntax/value.js';
import { exactBytes } from '../syntax/byte-text.js';
import type { NormalizeContext } from './context.js';

/** Why xend cannot receive this byte string, or null when it can (unicode strings xm never sends: XM0554). */
function unsendable(s: StringValue): string | null {
  if (s.unicode === true) return null;
  const bytes = exactBytes(s);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) return `the control character 0x${c.toString(16).padStart(2, '0')}, which XML does not allow`;
  }
  if (isUtf8(Buffer.from(bytes, 'latin1'))) return null;
  let i = 0;
  while (i < bytes.length && bytes.charCodeAt(i) < 0x80) i++;
  return `bytes that are not UTF-8 (0x${bytes.charCodeAt(i).toString(16)}${i + 1 < bytes.length ? ' …' : ''})`;
}

/** The first string of a value (a list's items in order) xend cannot receive, with why. */
function firstUnsendable(v: Value): { at: StringValue; why: string } | null {
  if (v.kind === 'string') {
    const why = unsendable(v);
    return why === null ? null : { at: v, why };
  }
  if (v.kind !== 'list') return null;
  for (const item of v.items) {
    const r = firstUnsendable(item);
    if (r !== null) return r;
  }
  return null;
}

/** XM0261 at the first string of an xm option's value that makes xm create's request to xend not well-formed XML. */
export function reportUnsendable(s: Setting, ctx: NormalizeContext): void {
  const r = firstUnsendable(s.value);
  if (r === null) return;
  ctx.report('XM0261', r.at.span, `${s.key}: this string holds ${r.why}: xm create sends it to xend inside an XML-RPC request, which is then not well-formed XML, and xend refuses the request ("not well-formed (invalid token)"); the domain is not created`, {
    hint: 'write the value in ASCII or UTF-8 (save the file as UTF-8 with "# -*- coding: utf-8 -*-")',
  });
}
