/**
 * @fileoverview Character-device specs (`serial`): qemu's chardev strings as xl and libvirt read
 * them: `pty`, `none`, `null`, `stdio`, `vc`, `file:PATH`, `pipe:PATH`, `tcp:HOST:PORT[,server,nowait]`,
 * `telnet:…`, `udp:CHOST:CPORT[@BHOST:BPORT]`, `unix:PATH[,server,nowait]`, or a device path.
 */
import type { ChardevSpec } from './catalogue/spec-types.js';
import { splitItems, decimal } from './spec-items.js';
import { specResult, type SpecParse } from './spec-result.js';

const SIMPLE = new Set(['pty', 'none', 'null', 'stdio', 'vc', 'msmouse', 'braille']);
const PATHED = new Set(['file', 'pipe', 'unix', 'dev']);

/** Parse one chardev spec; never throws. */
export function parseChardev(spec: string): SpecParse<ChardevSpec> {
  const r = specResult<ChardevSpec>(spec);
  const items = splitItems(spec);
  const head = items[0]!;
  const options = items.slice(1).map((i) => i.text);
  if (options.length > 0) r.value.options = options;
  if (head.text.startsWith('/')) {
    r.value.type = 'device';
    r.value.path = head.text;
    r.fields.path = [head.start, head.end];
    return r;
  }
  const colon = head.text.indexOf(':');
  const type = colon === -1 ? head.text : head.text.slice(0, colon);
  r.value.type = type;
  r.fields.type = [head.start, head.start + type.length];
  const rest = colon === -1 ? '' : head.text.slice(colon + 1);
  const restStart = head.start + colon + 1;
  if (SIMPLE.has(type) || /^vc$/.test(type)) {
    return r;
  }
  if (PATHED.has(type)) {
    if (rest === '') r.problems.push({ start: head.start, end: head.end, message: `${type}: needs a path ("${type}:/path")` });
    else {
      r.value.path = rest;
      r.fields.path = [restStart, head.end];
    }
    return r;
  }
  if (type === 'tcp' || type === 'telnet' || type === 'udp') {
    const local = rest.split('@')[0]!;
    const c = local.lastIndexOf(':');
    const port = c === -1 ? null : decimal(local.slice(c + 1));
    if (port === null || port > 65535) r.problems.push({ start: restStart, end: restStart + local.length, message: `${type}: needs HOST:PORT with a port 0-65535` });
    else {
      r.value.host = local.slice(0, c);
      r.value.port = port;
      r.fields.host = [restStart, restStart + c];
      r.fields.port = [restStart + c + 1, restStart + local.length];
    }
    return r;
  }
  r.problems.push({ start: r.fields.type[0], end: r.fields.type[1], message: `unknown character device type "${type}" (pty, none, null, stdio, vc, file:, pipe:, tcp:, telnet:, udp:, unix:, or a /dev path)`, unknownKey: true });
  return r;
}
