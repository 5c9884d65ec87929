/**
 * @fileoverview What a disk spec may say, shared by the xl and xm readers: libxlu_disk_l.l's
 * `key=value` keys and bare flags with their values (also what the language server completes),
 * and the access modes of both dialects.
 */
import type { Dialect } from '../syntax/value.js';
import type { DiskSpec } from './catalogue/spec-types.js';
import type { SpecParse } from './spec-result.js';
import type { FieldTable } from './catalogue/spec-tables.js';

const FORMAT_LIST = ['raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty'];
export const BACKEND_LIST = ['phy', 'tap', 'qdisk', 'standalone'];
/** setspecification in libxlu_disk_l.l: xen or virtio. */
export const SPECIFICATION_LIST: readonly string[] = ['xen', 'virtio'];
export const FORMATS = new Set(FORMAT_LIST);
export const BACKENDS = new Set(BACKEND_LIST);

/**
 * The `key=value` keys of an xl disk spec, as libxlu_disk_l.l has a rule for each (`format=[^,]*,?`,
 * `backendtype=…`, `target=.*`, …), with the values they take; also what the language server
 * completes. xm disks have none. Keys the lexer does not have are "unknown parameter" (XM0222).
 */
export const DISK_FIELDS: FieldTable = {
  target: 'string',
  format: FORMAT_LIST,
  vdev: 'string',
  access: ['r', 'ro', 'w', 'rw'],
  devtype: ['disk', 'cdrom'],
  backendtype: BACKEND_LIST,
  backend: 'string',
  script: 'string',
  specification: SPECIFICATION_LIST,
  'colo-host': 'string',
  'colo-port': 'string',
  'colo-export': 'string',
  'active-disk': 'string',
  'hidden-disk': 'string',
  grant_usage: ['0', '1'],
};

/**
 * The bare flags of libxlu_disk_l.l (`discard,?`, `trusted,?`, …): each takes no value, so the
 * lexer reads `discard=1` with its unknown-parameter rule (a longer match than the flag's).
 * There is no `no-direct-io-safe` and no `no-trusted`: `untrusted` is the opposite of `trusted`.
 */
export const DISK_FLAGS: readonly string[] = ['cdrom', 'direct-io-safe', 'discard', 'no-discard', 'colo', 'no-colo', 'trusted', 'untrusted'];

/** The lexer's unknown-parameter rule, `[a-z][-a-z0-9]*=[^,]`: a key of these characters and a value of one character or more. */
export const LEXER_KEY = /^[a-z][-a-z0-9]*$/;

/** A mode of either dialect as the normalised access, or null when the dialect has no such mode. */
function accessOf(text: string, dialect: Dialect): DiskSpec['access'] | null {
  switch (text) {
    case 'r':
    case 'ro':
      return 'ro';
    case 'w':
    case 'rw':
      return 'rw';
    case 'w!':
    case '!':
      // xm's forced write sharing; libxlu's setaccess has no such mode.
      return dialect === 'xm' ? 'rw!' : null;
    default:
      return null;
  }
}

/** xm's modes (r, w, w! for a shared write) or, in xl, setaccess's r, ro, w, rw and "" (rw, the default). */
export function setAccess(r: SpecParse<DiskSpec>, text: string, start: number, end: number, dialect: Dialect): void {
  // xl's setaccess reads "" as rw, its default: nothing to record.
  if (dialect === 'xl' && text === '') return;
  r.fields.access = [start, end];
  const a = accessOf(text, dialect);
  if (a) r.value.access = a;
  else r.problems.push({ start, end, message: `unknown value for access: "${text}" (${dialect === 'xl' ? 'r, ro, w, rw' : 'r, w, w!'})`, hint: dialect === 'xl' ? 'write access=r (read-only) or access=rw' : 'write r (read-only), w, or w! (writable even where another guest has it)' });
}
