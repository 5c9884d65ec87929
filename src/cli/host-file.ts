/**
 * @fileoverview Reading a host topology file for the commands that take one (`plan`, `host`,
 * `migrate-plan`, `rebalance`, `convert --host`): only up to the input size limit, as `check` reads
 * (an endless file such as /dev/zero used to be read until memory ran out), then as JSON or
 * `xl info -n` text.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag } from '../placement/host-check.js';
import { readHost } from '../placement/host.js';
import type { Host } from '../placement/types.js';
import { DEFAULT_MAX_FILE_SIZE, readBytesSync } from './check/read-input.js';

/** A host read from a file, or why there is none: `fatal` when the file cannot be read at all. */
export interface HostFileResult {
  host: Host | null;
  diagnostics: Diagnostic[];
  fatal?: string;
}

/** A file's text, read up to `maxSize` bytes, or why it cannot be: `tooLarge` is XM0040. */
export function readTextFile(path: string, cwd: string, maxSize: number = DEFAULT_MAX_FILE_SIZE): { text: string } | { fatal: string; tooLarge?: Diagnostic } {
  const r = readBytesSync(resolve(cwd, path), path, maxSize);
  if (r.kind === 'bytes') return { text: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.length).toString('utf8') };
  if (r.kind === 'fatal') return { fatal: r.message };
  return { fatal: `cannot read ${path}: ${r.diagnostics[0]?.message ?? 'over the size limit'}`, tooLarge: r.diagnostics[0] };
}

/** Read a host file of at most `maxSize` bytes: JSON when it starts with `{`, else `xl info -n` text. */
export function readHostFile(path: string, cwd: string, maxSize: number = DEFAULT_MAX_FILE_SIZE): HostFileResult {
  const r = readTextFile(path, cwd, maxSize);
  if ('fatal' in r) return { host: null, diagnostics: [], fatal: r.fatal.replace('cannot read ', 'cannot read host file ') };
  return readHostText(r.text, path);
}

/** A host from the text of a host file (JSON, or `xl info -n` text), named `path` in messages. */
export function readHostText(text: string, path: string): HostFileResult {
  const head = text.trimStart();
  if (head === '') return { host: null, diagnostics: [hostDiag('XM0401', 'error', `host file ${path} is empty`)] };
  // `[` too: a JSON array is a malformed host, not `xl info` text without a numa_info section.
  return readHost(text, { format: head.startsWith('{') || head.startsWith('[') ? 'json' : 'xl-info' });
}
