/**
 * @fileoverview Reading a host topology file for the commands that take one (`plan`, `host`,
 * `migrate-plan`, `rebalance`, `convert --host`): only up to the input size limit, as `check` reads
 * (an endless file such as /dev/zero used to be read until memory ran out), then as JSON or
 * `xl info -n` text. `-` is standard input, as it is for `xmcfg host -`.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag } from '../placement/host-check.js';
import { readHost } from '../placement/host.js';
import type { Host } from '../placement/types.js';
import { DEFAULT_MAX_FILE_SIZE, readBytesSync } from './check/read-input.js';
import { systemPath } from './check/discover.js';
import { describeError, tildeHint } from './command-error.js';
import type { Io } from './types.js';

/** A host read from a file, or why there is none: `fatal` when the file cannot be read at all. */
export interface HostFileResult {
  host: Host | null;
  diagnostics: Diagnostic[];
  fatal?: string;
}

/** How a host file's text is read: `auto` picks JSON when it starts with `{` or `[`, else `xl info -n` text. */
export type HostTextFormat = 'auto' | 'json' | 'xl-info';

/** A file's text, read up to `maxSize` bytes, or why it cannot be: `tooLarge` is XM0040. */
export function readTextFile(path: string, cwd: string, maxSize: number = DEFAULT_MAX_FILE_SIZE): { text: string } | { fatal: string; tooLarge?: Diagnostic } {
  const r = readBytesSync(systemPath(cwd, path), path, maxSize);
  if (r.kind === 'bytes') return { text: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.length).toString('utf8') };
  if (r.kind === 'fatal') return { fatal: r.message };
  return { fatal: `cannot read ${path}: ${r.diagnostics[0]?.message ?? 'over the size limit'}`, tooLarge: r.diagnostics[0] };
}

/**
 * What reads a sysfs-style tree where a command was given a folder as its host file: `--sysfs-root`
 * of plan, migrate-plan and rebalance, `--sysfs-root` of host (whose ROOT may be left out), or
 * `xmcfg host --sysfs-root` writing a host file (check and convert, which read no sysfs tree
 * themselves). One name in every message: `--from-sysfs` is only host's older alias (decision 043).
 */
export type TreeReader = '--sysfs-root' | 'host --sysfs-root' | 'host-command';

const TREE = 'a sysfs-style tree (ROOT/sys/devices/system/node)';
const HOST_FILE = 'a host file (JSON or `xl info -n` text)';

/**
 * The words added to "is a directory" when the host path `abs` is a folder ('' otherwise): a
 * folder is most likely a sysfs tree, which only another option reads.
 */
export function hostFolderHint(abs: string, reader: TreeReader): string {
  try {
    if (!statSync(abs).isDirectory()) return '';
  } catch {
    return '';
  }
  if (reader === 'host --sysfs-root') return `; a host file is JSON or \`xl info -n\` text; for ${TREE} give --sysfs-root ROOT instead`;
  if (reader === '--sysfs-root') return `; --host reads ${HOST_FILE}; for ${TREE} give --sysfs-root ROOT instead`;
  return `; --host reads ${HOST_FILE}; \`xmcfg host --sysfs-root ROOT > host.json\` writes one from ${TREE}`;
}

/** {@link tildeHint} for a host path that does not exist. */
export function missingTilde(path: string, cwd: string): string {
  return existsSync(resolve(cwd, path)) ? '' : tildeHint(path, 'ENOENT');
}

/** Read a host file of at most `maxSize` bytes: JSON when it starts with `{`, else `xl info -n` text. */
export function readHostFile(path: string, cwd: string, maxSize: number = DEFAULT_MAX_FILE_SIZE, format: HostTextFormat = 'auto', reader: TreeReader = 'host-command'): HostFileResult {
  const r = readTextFile(path, cwd, maxSize);
  if ('fatal' in r) return { host: null, diagnostics: [], fatal: r.fatal.replace('cannot read ', 'cannot read host file ') + hostFolderHint(resolve(cwd, path), reader) + missingTilde(path, cwd) };
  return readHostText(r.text, path, format);
}

/**
 * The host of `--host PATH` (or `xmcfg host PATH`): `-` reads standard input, up to `maxSize`
 * bytes (`xl info -n | xmcfg plan guest.cfg --host -`); any other path is a file (a folder's
 * message names `reader`).
 */
export async function readHostArg(path: string, io: Io, maxSize: number = DEFAULT_MAX_FILE_SIZE, format: HostTextFormat = 'auto', reader: TreeReader = 'host-command'): Promise<HostFileResult> {
  if (path !== '-') return readHostFile(path, io.cwd, maxSize, format, reader);
  let text: string;
  try {
    const { bytes, over } = await io.readStdin(maxSize);
    if (over) return { host: null, diagnostics: [], fatal: `cannot read host from standard input: over the ${maxSize} byte limit` };
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  } catch (e) {
    return { host: null, diagnostics: [], fatal: `cannot read host from standard input: ${describeError(e)}` };
  }
  return readHostText(text, 'on standard input', format);
}

/** A host from the text of a host file (JSON, or `xl info -n` text), named `path` in messages. */
export function readHostText(text: string, path: string, format: HostTextFormat = 'auto'): HostFileResult {
  const head = text.trimStart();
  if (head === '') return { host: null, diagnostics: [hostDiag('XM0401', 'error', `host file ${path} is empty`)] };
  if (format !== 'auto') return readHost(text, { format });
  // `[` too: a JSON array is a malformed host, not `xl info` text without a numa_info section.
  return readHost(text, { format: head.startsWith('{') || head.startsWith('[') ? 'json' : 'xl-info' });
}
