/**
 * @fileoverview `readHost`: the host topology from its JSON form, `xl info -n` text or Linux sysfs,
 * validated and in canonical form (nodes sorted by id, full distance matrix).
 */
import { quoteText, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag, MAX_HOST_SCHEMA_FINDINGS, validateHost } from './host-check.js';
import { keptEveryKey, repeatedJsonKeys } from './json-keys.js';
import { readSysfs } from './sysfs.js';
import type { Host } from './types.js';
import { parseXlInfo } from './xl-info.js';

/** Where a host description comes from. */
export type HostFormat = 'json' | 'xl-info' | 'sysfs';

/** Options of readHost. */
export interface ReadHostOptions {
  format?: HostFormat;
  /** sysfs root (stands for `/`); defaults to the string input, else `/`. */
  root?: string;
}

/** Read and validate a host topology; never throws on bad input. */
export function readHost(input: string | object, options: ReadHostOptions = {}): { host: Host | null; diagnostics: Diagnostic[] } {
  const format = options.format ?? (typeof input === 'object' ? 'json' : 'json');
  if (format === 'sysfs') {
    const root = options.root ?? (typeof input === 'string' && input !== '' ? input : '/');
    const r = readSysfs(root);
    if (!r.nodes) return { host: null, diagnostics: r.diagnostics };
    const v = validateHost({ nodes: r.nodes });
    return { host: v.host, diagnostics: [...r.diagnostics, ...v.diagnostics] };
  }
  if (format === 'xl-info') {
    if (typeof input !== 'string') return { host: null, diagnostics: [hostDiag('XM0401', 'error', 'xl info: expected the text of `xl info -n`')] };
    const r = parseXlInfo(input);
    if (!r.nodes) return { host: null, diagnostics: r.diagnostics };
    const v = validateHost({ nodes: r.nodes });
    return { host: v.host, diagnostics: [...r.diagnostics, ...v.diagnostics] };
  }
  let data: unknown = input;
  if (typeof input === 'string') {
    // A byte-order mark (Windows editors write one) is not JSON, but the text after it is.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { host: null, diagnostics: [hostDiag('XM0401', 'error', `host JSON does not parse: ${(err as Error).message}`)] };
    }
    // JSON.parse keeps the last of a repeated key silently: which free_mib (or id) is meant is not
    // known, so nothing is planned on the host.
    const repeated = keptEveryKey(text, data) ? [] : repeatedKeyFindings(text);
    if (repeated.length > 0) return { host: null, diagnostics: [...repeated, ...validateHost(data).diagnostics] };
  }
  return validateHost(data);
}

/** XM0401 for each key repeated in one object of host JSON text, at most MAX_HOST_SCHEMA_FINDINGS. */
function repeatedKeyFindings(text: string): Diagnostic[] {
  const found = repeatedJsonKeys(text);
  const out = found.slice(0, MAX_HOST_SCHEMA_FINDINGS).map((r) =>
    hostDiag('XM0401', 'error', `invalid host topology: host JSON line ${r.line}, column ${r.column}: key ${JSON.stringify(quoteText(r.key))} repeats in ${quoteText(r.where)} (first at line ${r.firstLine}, column ${r.firstColumn}); JSON keeps only the last value`, 'write each key once'),
  );
  if (found.length > MAX_HOST_SCHEMA_FINDINGS) out.push(hostDiag('XM0401', 'error', `invalid host topology: ${found.length - MAX_HOST_SCHEMA_FINDINGS} more repeated keys in host JSON`));
  return out;
}

/** Host JSON as `xmcfg host` prints it: one node per line (readable and diff-friendly). */
export function formatHostJson(host: Host): string {
  return `{ "version": 1, "nodes": [\n${host.nodes.map((n) => `  ${JSON.stringify(n)}`).join(',\n')}\n] }\n`;
}
