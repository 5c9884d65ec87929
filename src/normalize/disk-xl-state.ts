/**
 * @fileoverview One xl disk spec as libxlu_disk_l.l reads it, token by token (disk-xl.ts drives
 * it over the items): the state the lexer keeps (which of target, format, vdev and access are set,
 * whether a deprecated prefix was seen), what each token sets (a positional parameter, a flag, a
 * `key=value`, a prefix), and the lexer's "respecified" checks.
 */
import type { DiskSpec } from './catalogue/spec-types.js';
import { keyValue, trimItem, cAtoi, type SpecItem } from './spec-items.js';
import { misspelt, specResult, type SpecParse } from './spec-result.js';
import { BACKEND_LIST, BACKENDS, DISK_FIELDS, DISK_FLAGS, FORMATS, LEXER_KEY, SPECIFICATION_LIST, setAccess } from './disk-fields.js';
import { xlVdev } from './vdev-xl.js';

/** The keys a misspelt one is compared with (`acess=` → access). */
const DISK_KEYS = Object.keys(DISK_FIELDS);

/**
 * A token the lexer reads inside an item after another one: what follows `grant_usage=0` or `=1`
 * (`after`), or the text before a "=" that ends the string.
 */
export type Token = SpecItem & { after: boolean };

/** A deprecated prefix (or what the unknown-prefix rule matches) at the start of the text. */
const PREFIX_RE = /^([a-z][a-z0-9]*):/;

/**
 * The deprecated prefixes of libxlu_disk_l.l (`phy:`, `tap:`, `raw:`, …), each a rule of its own
 * with a trailing `/.*` that makes it win over the positional rule: what each one sets. Any other
 * `[a-z][a-z0-9]*:` followed by a character outside `[a-z0-9]` (or nothing) is "unknown
 * deprecated disk prefix", and the lexer stops there.
 */
const XL_PREFIXES: Readonly<Record<string, { format?: string; script?: string }>> = {
  raw: { format: 'raw' },
  qcow: { format: 'qcow' },
  qcow2: { format: 'qcow2' },
  vhd: { format: 'vhd' },
  iscsi: { script: 'block-iscsi' },
  nbd: { script: 'block-nbd' },
  enbd: { script: 'block-enbd' },
  drbd: { script: 'block-drbd' },
  tapdisk: {},
  tap: {},
  tap2: {},
  aio: {},
  ioemu: {},
  file: {},
  phy: {},
};

/**
 * Reading one xl disk spec the way libxlu_disk_l.l does: the state it keeps (which of target,
 * format, vdev and access are set, whether a deprecated prefix was seen), and its "respecified"
 * checks (a string given twice, an enum given two different values).
 */
export class XlDisk {
  readonly r: SpecParse<DiskSpec>;
  private hadPrefix = false;
  private formatSet = false;
  private vdevSet = false;
  private accessSet = false;
  /** The format as the lexer holds it (DSET); the `aio:` prefix's raw is ours, not the lexer's. */
  private lexerFormat: string | undefined;
  /** The strings saved so far (SAVESTRING refuses a second non-empty one). */
  private readonly saved = new Set<string>();
  /** Set when the lexer stops (`return 0`): nothing after is read, and no "no vdev" check runs. */
  stopped = false;
  /**
   * Problems that are not lexer errors, so they do not silence the positional rule: blanks kept in a
   * value (libxl's, or setaccess's later) and a vdev libxl refuses.
   */
  notLexer = 0;

  constructor(spec: string) {
    this.r = specResult<DiskSpec>(spec);
  }

  private problem(start: number, end: number, message: string, hint?: string): void {
    this.r.problems.push(hint === undefined ? { start, end, message } : { start, end, message, hint });
  }

  /** SAVESTRING: false (with "WHAT respecified") if a non-empty value was saved before. */
  private save(what: string, value: string, start: number, end: number): boolean {
    if (this.saved.has(what)) {
      this.problem(start, end, `${what} respecified (xl keeps one ${what} per disk)`);
      return false;
    }
    if (value !== '') this.saved.add(what);
    return true;
  }

  /**
   * setformat (through DSET): "" is raw, xl's default, so it is not recorded; a second, different
   * format is "format respecified".
   */
  format(text: string, start: number, end: number): void {
    this.formatSet = true;
    const f = text === '' ? 'raw' : text;
    if (!FORMATS.has(f)) return this.problem(start, end, `unknown value for format: "${text}" (raw, qcow, qcow2, vhd, qed, empty; case-sensitive)`);
    if (this.lexerFormat !== undefined && this.lexerFormat !== f) return this.problem(start, end, `format respecified: "${this.lexerFormat}", then "${f}"`);
    this.lexerFormat = f;
    if (text === '') return;
    this.r.value.format = f;
    this.r.fields.format = [start, end];
  }

  /** A vdev, saved once; its name checked. */
  vdev(text: string, start: number, end: number): void {
    this.vdevSet = true;
    if (!this.save('vdev', text, start, end) || text === '') return;
    this.r.value.vdev = text;
    this.r.fields.vdev = [start, end];
    // libxl reads the name into a device number (vdev-xl.ts); a negative one names no disk (decision 109).
    // libxl judges it after the lexer, which goes on reading the access.
    if (xlVdev(text).devid >= 0) return;
    this.notLexer++;
    this.problem(start, end, `"${text}" is not a virtual device name libxl reads (xvda, xvda1, hda-hdd, sda-sdp, d0p1, or a device number such as 51712)`);
  }

  /** vdev_and_devtype: `VDEV:cdrom` or `VDEV:disk` (the last colon); false if there is no colon. */
  vdevAndDevtype(text: string, start: number): boolean {
    const colon = text.lastIndexOf(':');
    if (colon === -1) return false;
    this.vdev(text.slice(0, colon), start, start + colon);
    const type = text.slice(colon + 1);
    if (type === 'cdrom' || type === 'disk') this.r.value.devtype = type;
    else this.problem(start + colon + 1, start + text.length, `unknown deprecated type "${type}" after the vdev (cdrom, disk)`);
    return true;
  }

  /** A string key saved once (target, script, backend, colo-host, …); the field when it is one. */
  string(what: string, field: 'target' | 'script' | 'backend' | 'colo_host' | 'colo_export' | 'active_disk' | 'hidden_disk' | null, value: string, start: number, end: number): void {
    if (!this.save(what, value, start, end) || field === null) return;
    this.r.value[field] = value;
    this.r.fields[field] = [start, end];
  }

  /**
   * The deprecated prefixes at the start of an item, each a token of its own for the lexer (its
   * `/.*` trailing context makes it the longest match wherever it starts): what follows is read as
   * any item, a key, a flag or `target=` too (`phy:vdev=xvda`), after the blanks the whitespace rule
   * skips (`aio: /x` is /x). The rest of the item, or null when the lexer stops.
   */
  prefixes(it: SpecItem, first: boolean): SpecItem | null {
    let { text, start } = it;
    const names: string[] = [];
    for (let m = PREFIX_RE.exec(text); m !== null; m = PREFIX_RE.exec(text)) {
      const name = m[1]!;
      if (!Object.hasOwn(XL_PREFIXES, name)) {
        if (/^[a-z0-9]/.test(text.slice(m[0].length))) break;
        this.problem(start, start + m[0].length, `unknown deprecated disk prefix "${m[0]}"`, `the prefixes are ${Object.keys(XL_PREFIXES).join(':, ')}:; or write target=${text}`);
        this.stopped = true;
        return null;
      }
      names.push(name);
      const { format, script } = XL_PREFIXES[name]!;
      if (format !== undefined) this.format(format, start, start + name.length);
      if (script !== undefined) this.string('script', 'script', script, start, start + name.length);
      const skip = m[0].length + /^[ \t]*/.exec(text.slice(m[0].length))![0].length;
      text = text.slice(skip);
      start += skip;
    }
    if (names.length === 0) return it;
    this.hadPrefix = true;
    if (first) {
      // What the prefixes mean for the target (the JSON view's driver, backend type and format);
      // a backendtype= read before them is what xl sets, the prefixes set none.
      this.r.value.driver = names.join(':');
      if (this.r.fields.backendtype === undefined) {
        if (names[0] === 'phy') this.r.value.backendtype = 'phy';
        else if (names[0] === 'tap' || names[0] === 'tap2') this.r.value.backendtype = 'tap';
      }
      if (names.includes('aio') && this.r.value.format === undefined) this.r.value.format = 'raw';
    }
    return { text, start, end: it.end };
  }

  /** true while the lexer has not read a target (pdev_path is NULL). */
  noTarget(): boolean {
    return this.r.value.target === undefined && !this.saved.has('target');
  }

  /** A positional parameter: the first of target, format, vdev and access that is not set yet. */
  positional(item: SpecItem): void {
    // After an error the lexer skips positional parameters ("previous errors may just lead to subsequent ones").
    if (this.r.problems.length > this.notLexer) return;
    const { text, start, end } = item;
    if (this.noTarget()) this.string('target', 'target', text, start, end);
    else if (!this.hadPrefix && !this.formatSet) {
      // An empty target and then VDEV:cdrom: an empty CD-ROM drive.
      if (this.r.value.target === '' && this.vdevAndDevtype(text, start)) {
        this.formatSet = true;
        this.lexerFormat = this.r.value.format = 'empty';
      } else this.format(text, start, end);
    } else if (!this.vdevSet) {
      if (!this.vdevAndDevtype(text, start)) this.vdev(text, start, end);
    } else if (!this.accessSet) {
      this.accessSet = true;
      setAccess(this.r, text, start, end, 'xl');
    } else {
      this.problem(start, end, 'too many positional parameters');
      this.stopped = true;
    }
  }

  /** A bare flag of the lexer (DISK_FLAGS); false if the item is not one. */
  flag(it: SpecItem): boolean {
    const { r } = this;
    switch (it.text) {
      case 'cdrom':
        r.value.devtype = 'cdrom';
        r.fields.devtype = [it.start, it.end];
        return true;
      case 'discard':
      case 'no-discard':
        r.value.discard = it.text === 'discard';
        r.fields.discard = [it.start, it.end];
        return true;
      case 'direct-io-safe':
        r.value.direct_io_safe = true;
        r.fields.direct_io_safe = [it.start, it.end];
        return true;
      case 'trusted':
      case 'untrusted':
        r.value.trusted = it.text === 'trusted';
        r.fields.trusted = [it.start, it.end];
        return true;
      case 'colo':
      case 'no-colo':
        r.value.colo = it.text === 'colo';
        r.fields.colo = [it.start, it.end];
        return true;
      default:
        return false;
    }
  }

  /**
   * A `key=value` item other than `target=`, as the lexer reads it: one of its keys, a flag given
   * a value (the unknown-parameter rule matches more than the flag's), an unknown key of the
   * unknown-parameter rule's shape, or else a positional parameter followed by "=" ("bad disk syntax").
   * Returns the token the lexer reads next inside the item (after `grant_usage=1`, or before a "="
   * that ends the string), else null.
   */
  keyParam(it: SpecItem, eq: number): Token | null {
    const key = it.text.slice(0, eq);
    const raw = it.text.slice(eq + 1);
    const valueStart = it.start + eq + 1;
    if (key === 'grant_usage' && (raw[0] === '0' || raw[0] === '1')) {
      // `grant_usage=1,?` is the longest match (the unknown-parameter rule's key has no "_", the
      // positional rule stops at "="): it reads one digit, and what follows is the next token
      // (grant_usage=01 is 0, then a positional 1; grant_usage=1 then blanks and a comma, 1 and an
      // empty positional).
      this.r.value.grant_usage = raw[0] === '1';
      this.r.fields.grant_usage = [valueStart, valueStart + 1];
      return { ...trimItem(this.r.value.spec, valueStart + 1, it.end), after: true };
    }
    // A "=" that ends the string: the lexer's "." rule takes it, and "bad disk syntax" needs a character
    // after it, so xl reads what comes before as a flag or positional parameter and ends without a word.
    if (raw === '' && valueStart === this.r.value.spec.length && (!Object.hasOwn(DISK_FIELDS, key) || key === 'grant_usage')) {
      return { text: key, start: it.start, end: it.start + eq, after: false };
    }
    const kv = keyValue(it);
    if (Object.hasOwn(DISK_FIELDS, key)) {
      this.named(key, kv.value ?? '', kv.valueStart, kv.valueEnd);
      return null;
    }
    const keyEnd = it.start + key.length;
    if (DISK_FLAGS.includes(key)) {
      if (raw === '') {
        this.problem(it.start, it.end, `the flag ${key} takes no value (xl: "bad disk syntax" at "=")`, `write ${key} alone`);
        return null;
      }
      const other = key === 'discard' ? ' (or no-discard)' : key === 'trusted' ? ' (or untrusted)' : '';
      this.r.problems.push({ start: it.start, end: keyEnd, message: `"${key}" is a flag in xl's disk syntax, not key=value`, unknownKey: true, hint: `write ${key} alone${other}` });
      return null;
    }
    if (LEXER_KEY.test(key) && raw !== '') {
      // xl exits on it ("unknown parameter"): catalogue/unknown-spec-keys.ts, `disk`.
      this.r.problems.push({ start: it.start, end: keyEnd, message: `unknown disk parameter "${key}"`, unknownKey: true, ...misspelt(key, DISK_KEYS) });
      return null;
    }
    const trimmed = key.trim();
    const lower = trimmed.toLowerCase();
    const hint = Object.hasOwn(DISK_FIELDS, trimmed)
      ? `no blank between ${trimmed} and "="`
      : Object.hasOwn(DISK_FIELDS, lower)
        ? `keys are lower case: ${lower}=`
        : raw === ''
          ? 'give the key a value'
          : undefined;
    this.problem(it.start, it.end, `"${it.text}": xl reads "${key}" as a positional parameter, then stops at "=" ("bad disk syntax")`, hint);
    this.stopped = true;
    return null;
  }

  /** One of the lexer's `key=value` rules; an empty value is what the rule makes of "" (format= is raw, access= is rw). */
  named(key: string, value: string, vs: number, ve: number): void {
    const { r } = this;
    const bad = (what: string, allowed: string) => this.problem(vs, ve, `unknown value for ${what}: "${value}" (${allowed})`);
    switch (key) {
      case 'format':
        return this.format(value, vs, ve);
      case 'vdev':
        return this.vdev(value, vs, ve);
      case 'access':
        return setAccess(r, value, vs, ve, 'xl');
      case 'devtype':
        r.fields.devtype = [vs, ve];
        if (value === 'cdrom' || value === 'disk') r.value.devtype = value;
        else bad('devtype', 'disk, cdrom');
        return;
      case 'backendtype':
        if (!BACKENDS.has(value)) return bad('backendtype', BACKEND_LIST.join(', '));
        if (r.fields.backendtype !== undefined && r.value.backendtype !== value) return this.problem(vs, ve, `backendtype respecified: "${r.value.backendtype}", then "${value}"`);
        r.value.backendtype = value;
        r.fields.backendtype = [vs, ve];
        return;
      case 'specification':
        if (value !== 'xen' && value !== 'virtio') return bad('specification', SPECIFICATION_LIST.join(', '));
        if (r.value.specification !== undefined && r.value.specification !== value) return this.problem(vs, ve, `specification respecified: "${r.value.specification}", then "${value}"`);
        r.value.specification = value;
        r.fields.specification = [vs, ve];
        return;
      case 'backend':
      case 'script':
        return this.string(key, key, value, vs, ve);
      case 'colo-port': {
        // setcoloport: atoi(value), and 0 is refused ("unknown value for colo_port").
        const port = cAtoi(value);
        if (port === 0) return this.problem(vs, ve, `unknown value for colo_port: "${value}" (a port number)`);
        r.value.colo_port = port;
        r.fields.colo_port = [vs, ve];
        return;
      }
      case 'grant_usage':
        // libxlu_disk_l.l knows only `grant_usage=1` and `grant_usage=0` (a longer value starting 0 or 1 is
        // read by keyParam); other values are "bad disk syntax".
        if (value !== '0' && value !== '1') return this.problem(vs, ve, `grant_usage must be 0 or 1, got "${value}"`);
        r.value.grant_usage = value === '1';
        r.fields.grant_usage = [vs, ve];
        return;
      default:
        // colo-host, colo-export, active-disk, hidden-disk: strings libxl passes on (libxl's field names use "_").
        return this.string(key, key.replace('-', '_') as 'colo_host' | 'colo_export' | 'active_disk' | 'hidden_disk', value, vs, ve);
    }
  }
}
