/**
 * @fileoverview `readHost`: the host topology from its JSON form, `xl info -n` text or Linux sysfs,
 * validated and in canonical form (nodes sorted by id, full distance matrix).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag, validateHost } from './host-check.js';
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
    try {
      // A byte-order mark (Windows editors write one) is not JSON, but the text after it is.
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (err) {
      return { host: null, diagnostics: [hostDiag('XM0401', 'error', `host JSON does not parse: ${(err as Error).message}`)] };
    }
  }
  return validateHost(data);
}

/** Host JSON as `xmcfg host` prints it: one node per line (readable and diff-friendly). */
export function formatHostJson(host: Host): string {
  return `{ "nodes": [\n${host.nodes.map((n) => `  ${JSON.stringify(n)}`).join(',\n')}\n] }\n`;
}
