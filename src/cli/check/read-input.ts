/**
 * @fileoverview Reading one input file for checking, with the input-level findings: too large
 * (XM0040), not UTF-8 (XM0041, unless it declares a single-byte encoding). Binary files (NUL bytes) are the parser's XM0031. Unreadable files
 * are a fatal problem for the caller (exit 2).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { decodeSource, type SingleByteCodec } from '../../syntax/source-decode.js';
import { resolve } from 'node:path';
import { errorText, quote, systemPath } from './discover.js';
import { notUtf8Hint } from '../command-error.js';
import type { Io } from '../types.js';

/** Default `--max-file-size`: 64 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/**
 * How a text was decoded. `codec`: the single-byte encoding the file declares (PEP 263), which it
 * was decoded by; absent for UTF-8. `invalid`: where the UTF-8 decoder met invalid bytes (text
 * offsets of its U+FFFD, sorted); absent when it met none.
 */
export interface Decoding {
  codec?: SingleByteCodec;
  invalid?: number[];
  /** The file's bytes, when an xm value cannot be told from the text (decodeSource's `bytes`). */
  bytes?: Uint8Array;
}

/** The check options that say how the text was decoded (CheckOptions.sourceCodec, invalidUtf8, sourceBytes). */
export function decodingOptions(d: Decoding): { sourceCodec: SingleByteCodec | null; invalidUtf8?: number[]; sourceBytes?: Uint8Array } {
  return { sourceCodec: d.codec ?? null, ...(d.invalid !== undefined && { invalidUtf8: d.invalid }), ...(d.bytes !== undefined && { sourceBytes: d.bytes }) };
}

/** What reading produced. */
export type ReadResult =
  | ({ kind: 'text'; text: string; diagnostics: Diagnostic[] } & Decoding)
  /** Not checkable as a config (too large); the diagnostics say why. */
  | { kind: 'skipped'; text: string; diagnostics: Diagnostic[] }
  | { kind: 'fatal'; message: string };

/**
 * Read and decode a file, enforcing the size limit. The reads are synchronous on purpose: a check
 * run reads thousands of small files one after the other, and four awaited fs/promises calls per
 * file left the thread idle for most of the run (2.7 s of 5.7 s on the 2,000-file corpus).
 */
export async function readInput(abs: string | Buffer, displayPath: string, maxSize: number): Promise<ReadResult> {
  return readInputSync(abs, displayPath, maxSize);
}

/**
 * {@link readInputSync} for a file that is not a regular file (a FIFO, a device), read through the
 * thread pool: a FIFO's open and reads wait for its writer, and a synchronous wait would keep the
 * main thread from handling a signal (check -o's temporary file would then stay). Same results.
 */
export async function readSpecialInput(abs: string | Buffer, displayPath: string, maxSize: number): Promise<ReadResult> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(abs, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(SMALL_READ);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      // One byte past the limit is enough to know it is too large, as for a regular file.
      if (total > maxSize) return tooLarge(maxSize + 1, maxSize);
      chunks.push(buf.subarray(0, bytesRead));
    }
    return fromBytes(Buffer.concat(chunks, total));
  } catch (e) {
    return { kind: 'fatal', message: `cannot read ${quote(displayPath)}: ${errorText(e as NodeJS.ErrnoException)}${notUtf8Hint(displayPath, (e as NodeJS.ErrnoException).code, false)}` };
  } finally {
    await fh?.close().catch(() => {});
  }
}

/** {@link readInput} without the promise (one open, read(s) and close; fstat only for big files). */
export function readInputSync(abs: string | Buffer, displayPath: string, maxSize: number): ReadResult {
  // The bytes are decoded before the next read, so they may live in the shared scratch buffer.
  const read = readBytesWith(abs, displayPath, maxSize, true);
  return read.kind === 'bytes' ? fromBytes(read.bytes) : read;
}

/** What reading produced before decoding: the bytes, or what readInput reports instead of text. */
export type ReadBytesResult = { kind: 'bytes'; bytes: Uint8Array } | Exclude<ReadResult, { kind: 'text' }>;

/** {@link readInputSync} without the decoding (`fmt` reads ASCII files as bytes; fromBytes decodes). */
export function readBytesSync(abs: string | Buffer, displayPath: string, maxSize: number): ReadBytesResult {
  return readBytesWith(abs, displayPath, maxSize, false);
}

/** Size of the first read: a file shorter than this is read whole without asking fstat its size. */
const SMALL_READ = 1 << 16;

/**
 * The buffer every first read goes into: fstat per file cost more than the read itself (it builds
 * four Date objects), and a fresh buffer per file was garbage.
 */
let shared: Buffer | null = null;

/**
 * Read a file's bytes, enforcing the size limit. The first read fills at most 64 KiB; only a file
 * that fills it is asked its size (fstat), so a huge file is still refused unread, with the same
 * finding. `scratch`: the bytes may be the shared buffer's (valid until the next scratch read).
 */
function readBytesWith(abs: string | Buffer, displayPath: string, maxSize: number, scratch: boolean): ReadBytesResult {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    // A directory fails the read with EISDIR: errorText says "is a directory", as fstat's test did.
    const head = (shared ??= Buffer.allocUnsafe(SMALL_READ));
    // One byte past the limit is enough to know a file is too large.
    const cap = Math.min(SMALL_READ, maxSize + 1);
    const got = fill(fd, head, cap);
    // Not scratch: the caller keeps the bytes, so they are copied out of the shared buffer.
    if (got < cap) return { kind: 'bytes', bytes: scratch ? head.subarray(0, got) : Buffer.from(head.subarray(0, got)) };
    const st = fstatSync(fd);
    if (st.size > maxSize) return tooLarge(st.size, maxSize);
    if (got > maxSize) return tooLarge(got, maxSize);
    // Read at most one byte past the limit: a file that grows while we read still cannot blow memory.
    const bytes = readUpTo(fd, maxSize + 1, st.size, head.subarray(0, got));
    if (bytes.length > maxSize) return tooLarge(bytes.length, maxSize);
    return { kind: 'bytes', bytes };
  } catch (e) {
    return { kind: 'fatal', message: `cannot read ${quote(displayPath)}: ${errorText(e as NodeJS.ErrnoException)}${notUtf8Hint(displayPath, (e as NodeJS.ErrnoException).code, false)}` };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Nothing useful to do: the bytes are read.
      }
    }
  }
}

/** Read into `buf` until `end` bytes or end of file; returns how many were read. */
function fill(fd: number, buf: Buffer, end: number): number {
  let total = 0;
  while (total < end) {
    const n = readSync(fd, buf, total, end - total, null);
    if (n === 0) break;
    total += n;
  }
  return total;
}

/**
 * Read until end of file or `limit` bytes in all, after the bytes already read (`head`); `sizeHint`
 * (from fstat; 0 for pipes, /proc) sizes the buffer.
 */
function readUpTo(fd: number, limit: number, sizeHint: number, head: Uint8Array): Uint8Array {
  // One byte more than the size, so a regular file is read whole by the first call.
  let buf = Buffer.allocUnsafe(Math.max(head.length, Math.min(limit, sizeHint > 0 ? sizeHint + 1 : 1 << 16)));
  buf.set(head);
  let total = head.length;
  for (;;) {
    if (total === buf.length) {
      if (total >= limit) break;
      const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(total * 2, 1 << 16)));
      buf.copy(grown, 0, 0, total);
      buf = grown;
    }
    const n = readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return buf.subarray(0, total);
}

function tooLarge(size: number, maxSize: number): Extract<ReadResult, { kind: 'skipped' }> {
  return {
    kind: 'skipped',
    text: '',
    diagnostics: [{ code: 'XM0040', severity: 'error', message: `file is ${formatSize(size)}, over the ${formatSize(maxSize)} limit; not checked`, span: { start: 0, end: 0 }, hint: 'narrow the paths, or raise --max-file-size' }],
  };
}

/** The XM0040 finding for standard input over the size limit (its full size is never read). */
export function stdinTooLarge(maxSize: number): ReadResult {
  return {
    kind: 'skipped',
    text: '',
    diagnostics: [{ code: 'XM0040', severity: 'error', message: `standard input is over the ${formatSize(maxSize)} limit; not checked`, span: { start: 0, end: 0 }, hint: 'raise --max-file-size' }],
  };
}

/** Read the FILE argument of a single-file command (`-` is standard input); failures are `fatal`. */
export async function readFileArg(file: string, io: Io, maxSize: number): Promise<ReadResult> {
  if (file !== '-') return readInput(systemPath(io.cwd, file), file, maxSize);
  try {
    const { bytes, over } = await io.readStdin(maxSize);
    return over ? stdinTooLarge(maxSize) : fromBytes(bytes);
  } catch (e) {
    return { kind: 'fatal', message: `cannot read standard input: ${errorText(e as NodeJS.ErrnoException)}` };
  }
}

/**
 * Decode file bytes: by the single-byte encoding the file declares (`# -*- coding: latin-1 -*-`),
 * else as UTF-8 with the input finding for invalid UTF-8 (src/syntax/source-decode.ts).
 */
export function fromBytes(bytes: Uint8Array): ReadResult {
  const d = decodeSource(bytes);
  const read: ReadResult = { kind: 'text', text: d.text, diagnostics: d.diagnostics };
  if (d.codec !== null) read.codec = d.codec;
  if (d.invalid.length > 0) read.invalid = d.invalid;
  if (d.bytes !== undefined) read.bytes = d.bytes;
  return read;
}

/** "64 MiB", "1.5 KiB", "12 bytes". */
export function formatSize(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

/** Parse a size like `65536`, `64M`, `64MiB`, `1g`; null when malformed. */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) return null;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  const v = Math.floor(Number(m[1]) * mult);
  return Number.isFinite(v) && v >= 0 ? v : null;
}
