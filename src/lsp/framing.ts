/**
 * @fileoverview Framing repair for the language server's input. vscode-jsonrpc reads a header
 * block and, when it is malformed (no Content-Length, a value that is not a number), reports an
 * error and reads on from the byte after it: the body that followed is then read as part of the
 * next header block, whose own body is left headerless, and so on: one bad frame made the server
 * deaf to every later message. This filter passes on only well-formed frames; after a malformed
 * one it skips to the next `Content-Length:` header, so a bad frame costs that frame alone.
 */
import { constants } from 'node:buffer';
import { Transform } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
/**
 * Searched for when finding a frame again after garbage: the part that `Content-Length:` and
 * `content-length:` share. One needle, so each search ends at the next candidate and the searches
 * after a run of bad frames cover the garbage once (two needles searched the rest for the spelling
 * that was not there, again after every bad frame: quadratic).
 */
const STEM = Buffer.from('ontent-');
/** How long a `Content-Length:` header name is. */
const NAME_LENGTH = 'Content-Length:'.length;
/** Real header blocks are under 100 bytes: past this without a blank line, the bytes are garbage. */
const MAX_HEADER = 1 << 16;
/**
 * The longest body that can hold a message: it is decoded into one string, and a UTF-8 byte
 * sequence never yields fewer UTF-16 units than a third of its bytes. A header that declares more
 * (`Content-Length: 99999999999`, a client's overflow) can frame no message; read as a frame, every
 * later message was buffered as part of its body, for good: the server answered nothing again.
 */
export const MAX_BODY = 3 * constants.MAX_STRING_LENGTH;
/** HTTP token characters, as a header name must be written. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The Content-Length of a header block (without its blank line), or null when the block is not a valid header (or declares more than MAX_BODY). */
export function contentLength(block: Buffer): number | null {
  let length: number | null = null;
  for (const line of block.toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0 || !TOKEN.test(line.slice(0, colon))) return null;
    if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return null;
    length = Number(value);
    if (length > MAX_BODY) return null;
  }
  return length;
}

/** True when a `Content-Length:` header name (either case of C and L) starts at `at`. */
function isHeaderName(buf: Buffer, at: number): boolean {
  return (buf[at]! | 0x20) === 0x63 && (buf[at + 8]! | 0x20) === 0x6c && buf.toString('latin1', at + 9, at + NAME_LENGTH) === 'ength:';
}

/** Where the next Content-Length header may start at or after `from`, or -1. */
function nextHeader(buf: Buffer, from: number): number {
  for (let at = buf.indexOf(STEM, from + 1); at >= 0; at = buf.indexOf(STEM, at + 1)) {
    if (isHeaderName(buf, at - 1)) return at - 1;
  }
  return -1;
}

/** The bytes worth keeping of `buf` when no frame starts in it: a header name cut by the chunk boundary. */
function tail(buf: Buffer): Buffer {
  return buf.subarray(Math.max(0, buf.length - (NAME_LENGTH - 1)));
}

/** `buf` from the next Content-Length header after its first byte (`found`), or only its possible cut-off tail when there is none. */
function skipGarbage(buf: Buffer): { rest: Buffer; found: boolean } {
  const next = nextHeader(buf, 1);
  return next > 0 ? { rest: buf.subarray(next), found: true } : { rest: tail(buf), found: false };
}

/** A stream filter that passes on well-formed LSP frames only (header block, blank line, body). */
export function frameFilter(): Transform {
  let pending: Buffer = Buffer.alloc(0);
  // Bytes of the current frame's body still to pass on.
  let body = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let data: Buffer = chunk;
      while (data.length) {
        if (body > 0) {
          // Bodies are passed on as they arrive: a 10 MB didOpen is never copied into `pending`.
          const n = Math.min(body, data.length);
          this.push(data.subarray(0, n));
          body -= n;
          data = data.subarray(n);
          continue;
        }
        pending = pending.length ? Buffer.concat([pending, data]) : data;
        data = Buffer.alloc(0);
        for (;;) {
          const end = pending.indexOf(HEADER_END);
          if (end < 0) {
            if (pending.length <= MAX_HEADER) break;
            const next = skipGarbage(pending);
            pending = next.rest;
            if (next.found) continue;
            break;
          }
          const length = contentLength(pending.subarray(0, end));
          if (length !== null) {
            this.push(pending.subarray(0, end + HEADER_END.length));
            body = length;
            data = pending.subarray(end + HEADER_END.length);
            pending = Buffer.alloc(0);
            break;
          }
          // Not a frame: go on at the next Content-Length header. Without one, nothing buffered can
          // start a frame (each search starts past the last: linear in the garbage).
          const next = skipGarbage(pending);
          pending = next.rest;
          if (next.found) continue;
          break;
        }
      }
      done();
    },
  });
}
