/**
 * @fileoverview Making untrusted text safe to print: config files may contain NUL bytes, escape
 * sequences or lone surrogates, and none of that may reach a terminal or an XML report raw.
 */

/**
 * Invisible format characters: zero-width ones and the byte-order mark (they shift a caret drawn under
 * the text) and the bidirectional controls (they reorder what a terminal shows: "Trojan Source").
 */
export function isInvisibleFormat(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff;
}

/** Replace C0/C1 control characters (except tab) and invisible format characters with U+FFFD so a terminal never sees escapes. */
export function printable(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9) || (c >= 0x7f && c <= 0x9f) || isInvisibleFormat(c)) {
      out += text.slice(last, i) + '\uFFFD';
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
export function xmlChars(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let bad = (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = text.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (bad) {
      out += text.slice(last, i) + '\uFFFD';
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Escape text for an XML element body (a CR as `&#13;`: a parser would turn CR LF into LF). */
export function xmlEscape(text: string): string {
  return xmlChars(text).replace(/[&<>"'\r]/g, (c) => XML_ENTITIES[c]!);
}

/** Escape text for an XML attribute value: also LF and tab, which a parser would turn into spaces. */
export function xmlAttr(text: string): string {
  return xmlChars(text).replace(/[&<>"'\r\n\t]/g, (c) => XML_ENTITIES[c]!);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
