/**
 * @fileoverview Where Python 2 decodes the UTF-8 of a file its tokenizer reads as bytes (declared
 * `utf-8`, or a UTF-8 byte-order mark): only inside a unicode literal (u'', ur''). A byte string or a
 * comment keeps invalid bytes as they are; a u'' string holding one fails to compile ("(unicode
 * error) 'utf8' codec can't decode byte 0xe9"; checked against Python 2.7.18). The text holds such a
 * byte as U+FFFD (src/syntax/utf8.ts), at an offset the decoder reports; a U+FFFD saved as itself
 * (EF BF BD) is valid and passes. A small scan of comments and string literals, run only when the
 * decoder met invalid bytes at all.
 */

const QUOTE = (c: string | undefined): boolean => c === '"' || c === "'";
const WORD = /[A-Za-z0-9_]/;
/** String prefixes Python 2 knows; those with a "u" make a unicode literal. */
const PREFIX = /^(?:[uUbB]?[rR]?)$/;

/**
 * The first of `invalid` (sorted text offsets where the decoder met invalid bytes) that lies inside
 * a unicode string literal, or -1. A U+FFFD the file holds as itself (valid UTF-8) is not in `invalid`.
 */
export function invalidInUnicodeLiteral(text: string, invalid: readonly number[]): number {
  let k = 0;
  let i = 0;
  const n = text.length;
  while (k < invalid.length && i < n) {
    // The invalid bytes before here were in a byte string or a comment: look at the next ones.
    if (invalid[k]! < i) {
      k++;
      continue;
    }
    const c = text[i]!;
    if (c === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    let prefix = '';
    if (WORD.test(c)) {
      const start = i;
      while (i < n && WORD.test(text[i]!)) i++;
      prefix = text.slice(start, i);
      if (!QUOTE(text[i]) || !PREFIX.test(prefix)) continue;
    } else if (!QUOTE(c)) {
      i++;
      continue;
    }
    const end = literalEnd(text, i);
    // invalid[k] is at or after the opening quote (an ASCII character, so after it).
    if (/u/i.test(prefix) && invalid[k]! < end) return invalid[k]!;
    i = end;
  }
  return -1;
}

/** The end of the string literal whose opening quote is at `at` (past its closing quote, or where it breaks off). */
function literalEnd(text: string, at: number): number {
  const q = text[at]!;
  const triple = text[at + 1] === q && text[at + 2] === q;
  const n = text.length;
  let i = at + (triple ? 3 : 1);
  while (i < n) {
    const c = text[i]!;
    // A backslash keeps the next character in the literal, in a raw string too.
    if (c === '\\') i += 2;
    else if (!triple && (c === '\n' || c === '\r')) return i;
    else if (c === q && (!triple || (text[i + 1] === q && text[i + 2] === q))) return i + (triple ? 3 : 1);
    else i++;
  }
  return n;
}
