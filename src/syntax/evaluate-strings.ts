/**
 * @fileoverview String literal decoding from the source slice of each StringPart, per dialect:
 * xl = libxlu's dequoting (lenient: its error cases are reported by the dialect rules), xm = Python 2
 * (`\x41`, octal `\101`, `\u` only in u-strings, raw strings, triple quotes, implicit concatenation).
 */
import type { Span } from '../diagnostics/span.js';
import type { StringPart } from './tree.js';
import { splitAtJoin } from './py2-unicode.js';
import { octalEscapeEnd } from './libxlu.js';

/** A malformed escape found while decoding (absolute offsets), reported by the caller. */
export interface EscapeProblem {
  span: Span;
  message: string;
  /** A well-formed escape xmcfg does not decode (`\N{NAME}`), rather than one Python refuses. */
  notDecoded?: boolean;
}

/** Absolute [start, end) of a literal's body: after prefix and opening quote, before the closing quote. */
export function literalBody(text: string, part: StringPart): Span {
  const { start, end } = part.span;
  const q = part.quote;
  let open = start;
  if (!text.startsWith(q, start)) {
    // The span includes the prefix letters (r, u, b...) before the quote.
    open = start + part.prefix.length;
    if (!text.startsWith(q, open)) {
      const idx = text.indexOf(q[0]!, start);
      open = idx >= 0 && idx < end ? idx : start;
    }
  }
  const bodyStart = Math.min(open + q.length, end);
  let bodyEnd = end;
  // An unterminated literal (error recovery) has no closing quote inside its span.
  if (end - bodyStart >= q.length && text.startsWith(q, end - q.length) && !escapedAt(text, bodyStart, end - q.length)) bodyEnd = end - q.length;
  return { start: bodyStart, end: Math.max(bodyStart, bodyEnd) };
}

/** Whether the character at `pos` is preceded by an odd run of backslashes (so it is escaped). */
function escapedAt(text: string, from: number, pos: number): boolean {
  let n = 0;
  for (let i = pos - 1; i >= from && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/** Most literals have no escapes: then the body is the value as written. */
function noBackslash(text: string, body: Span): boolean {
  // A bounded loop: indexOf would scan to the end of a 10 MB file for every literal.
  for (let i = body.start; i < body.end; i++) if (text.charCodeAt(i) === 92) return false;
  return true;
}

const XL_SIMPLE: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * libxlu dequoting. Quirk kept: a backslash + octal digit swallows what strtoul reads of the up to 3
 * characters after the digit and emits nothing (`"A\101B"` is `AB`, `"\1 12"` is empty; libxlu.ts
 * octalEscapeEnd). Other invalid escapes (reported elsewhere) keep the character.
 */
export function decodeXlString(text: string, part: StringPart): string {
  const body = literalBody(text, part);
  if (noBackslash(text, body)) return text.slice(body.start, body.end);
  let out = '';
  let i = body.start;
  while (i < body.end) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= body.end) {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1]!;
    const simple = XL_SIMPLE[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e >= '0' && e <= '7') {
      // Refused escapes (XM0508) skip just the backslash and digit.
      const k = octalEscapeEnd(text, i, body.end);
      i = k < 0 ? i + 2 : k;
    } else {
      out += e;
      i += 2;
    }
  }
  return out;
}

const PY_SIMPLE: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function hexRun(text: string, from: number, end: number, count: number): number | null {
  if (from + count > end) return null;
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = text.charCodeAt(from + k);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return null;
    v = v * 16 + d;
  }
  return v;
}

/** Whether the body holds a carriage return (only a triple-quoted string can: a line break in it). */
function hasCr(text: string, body: Span): boolean {
  for (let i = body.start; i < body.end; i++) if (text.charCodeAt(i) === 13) return true;
  return false;
}

/**
 * Where a unicode literal's decoding keeps surrogates apart (src/syntax/py2-unicode.ts): `split`
 * receives the offsets (in the decoded text) of high surrogates that start a split pair; `source`,
 * offsets in the text being decoded of pairs already split there (a file's UTF-8-encoded surrogates).
 */
export interface WideSplit {
  split: number[];
  source?: readonly number[];
}

/**
 * Python 2 decoding of one literal; malformed `\x`/`\u` escapes are pushed to `problems`. A line
 * break inside a triple-quoted string is "\n" whether the file has LF, CRLF or CR line ends: xm's
 * Opts.load ran the file with execfile, which opens it with fopen "r", and Python 2's tokenizer reads
 * such a file with Py_UniversalNewlineFgets(…, NULL), universal newlines (docs/xl-conformance.md).
 * `wide` (a unicode literal): where surrogates stay apart.
 */
export function decodeXmPart(text: string, part: StringPart, problems: EscapeProblem[], wide?: WideSplit): string {
  const body = literalBody(text, part);
  if (noBackslash(text, body) && !hasCr(text, body)) {
    if (wide?.source !== undefined) for (const at of wide.source) if (at >= body.start && at + 1 < body.end) wide.split.push(at - body.start);
    return text.slice(body.start, body.end);
  }
  const raw = part.prefix.includes('r');
  const unicode = part.prefix.includes('u');
  let out = '';
  let i = body.start;
  const end = body.end;
  /** Append an escape's character: next to a high surrogate, a low one stays a code point of its own. */
  const escaped = (ch: string): void => {
    if (wide !== undefined && splitAtJoin(out, ch)) wide.split.push(out.length - 1);
    out += ch;
  };
  while (i < end) {
    const c = text[i]!;
    if (c === '\r') {
      // Universal newlines: CRLF and a lone CR are one "\n".
      out += '\n';
      i += text[i + 1] === '\n' && i + 1 < end ? 2 : 1;
      continue;
    }
    if (c !== '\\' || i + 1 >= end) {
      // A written low surrogate joins the written high one before it (one character of the file),
      // unless the source marks that pair split; after an escape's high surrogate it stays apart.
      if (wide !== undefined && splitAtJoin(out, c) && (i === body.start || !splitAtJoin(text[i - 1]!, c) || wide.source?.includes(i - 1) === true)) wide.split.push(out.length - 1);
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1]!;
    if (raw && e === '\r') {
      // A raw string keeps the backslash and the line break, which is "\n" as above.
      out += '\\\n';
      i += text[i + 2] === '\n' && i + 2 < end ? 3 : 2;
      continue;
    }
    if (raw) {
      // ur"..." still decodes \u escapes (Python 2); everything else stays as written.
      if (unicode && (e === 'u' || e === 'U')) {
        const n = e === 'u' ? 4 : 8;
        const v = hexRun(text, i + 2, end, n);
        if (v !== null && v <= 0x10ffff) {
          escaped(String.fromCodePoint(v));
          i += 2 + n;
          continue;
        }
      }
      out += c + e;
      i += 2;
      continue;
    }
    const simple = PY_SIMPLE[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === '\n') {
      i += 2;
    } else if (e === '\r') {
      i += text[i + 2] === '\n' && i + 2 < end ? 3 : 2;
    } else if (e >= '0' && e <= '7') {
      let v = 0;
      let k = i + 1;
      while (k < end && k < i + 4 && text[k]! >= '0' && text[k]! <= '7') v = v * 8 + (text.charCodeAt(k++) - 48);
      // A byte string keeps only the low byte (`'\777'` is `'\xff'`).
      out += String.fromCharCode(unicode ? v : v & 0xff);
      i = k;
    } else if (e === 'x' || ((e === 'u' || e === 'U') && unicode)) {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const v = hexRun(text, i + 2, end, n);
      if (v === null || v > 0x10ffff) {
        let k = i + 2;
        while (k < end && k < i + 2 + n && hexRun(text, k, end, 1) !== null) k++;
        problems.push({ span: { start: i, end: k }, message: e === 'x' ? 'invalid \\x escape' : `truncated \\${e} escape` });
        out += text.slice(i, k);
        i = k;
      } else {
        escaped(String.fromCodePoint(v));
        i += 2 + n;
      }
    } else if (e === 'N' && unicode) {
      // u'\N{EN DASH}' is a character found by name in the Unicode table, which xmcfg does not hold:
      // refused (not kept as written, which would be a wrong value). `\N` without `{NAME}` is malformed.
      const close = text[i + 2] === '{' ? text.indexOf('}', i + 3) : -1;
      const ok = close > i + 3 && close < end;
      const stop = ok ? close + 1 : Math.min(i + 2, end);
      problems.push(ok ? { span: { start: i, end: stop }, message: 'the \\N{...} escape (a character by its Unicode name) is not evaluated', notDecoded: true } : { span: { start: i, end: stop }, message: 'malformed \\N character escape' });
      out += text.slice(i, stop);
      i = stop;
    } else {
      // Unknown escapes stay as written (so does \N in a byte string).
      out += c + e;
      i += 2;
    }
  }
  return out;
}
