/**
 * @fileoverview The domain name against what Xen does with it (sources: docs/xl-conformance.md,
 * "The domain name"). Refused or failing at creation (XM0234): "Domain-0" in both dialects (dom0's
 * name, and names are unique: libxl__domain_rename, xend's _checkName); in xl a "/" or a name too
 * long for a log file name (xl create's monitoring process logs to /var/log/xen/xl-NAME.log, libxl
 * the HVM device model to qemu-dm-NAME.log) or, for an HVM guest's qemu-xen, a name QEMU's `-name`
 * option parser refuses (./qemu-name.ts); in xm a character xend's _checkName refused. Created
 * but not addressable by xl's commands (XM0235, xl): empty, all digits, a leading "-", blanks at
 * an end or control characters. An empty xm name is no name to xm's create.py (XM0106).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { NormalizedConfig } from '../../normalize/index.js';
import type { UnknownValues } from '../unknown-values.js';
import { fileBytes, makeDiag, valueAt, type RawUtf8, type Rule } from './context.js';
import { guestKind } from './guest-type.js';
import { deviceModel } from './creation.js';
import { qemuNameProblem } from './qemu-name.js';

/** dom0's name: xen-init-dom0 writes it to /local/domain/0/name. */
export const DOM0_NAME = 'Domain-0';

/** Longest name (bytes) for /var/log/xen/xl-NAME.log: 255 bytes a file name, less "xl-" and ".log". */
export const MAX_NAME_BYTES = 255 - 'xl-'.length - '.log'.length;

/** Longest name (bytes) for libxl's /var/log/xen/qemu-dm-NAME.log (HVM device model in dom0). */
export const MAX_HVM_NAME_BYTES = 255 - 'qemu-dm-'.length - '.log'.length;

/** xend's XendDomainInfo._checkName: `re.search(r'^[A-Za-z0-9_\-\.\:\/\+]+$', name)`. */
export const XEND_NAME = /^[A-Za-z0-9_\-.:/+]+$/;

/** C isspace() in the C locale, at either end of the name. */
const BLANK_AT_END = /^[ \t\n\v\f\r]|[ \t\n\v\f\r]$/;

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\x00-\x1f\x7f]/;

/** A finding about the whole file: check moves it to the file's anchor (decision 051). */
const FILE_START: Span = { start: 0, end: 0 };

/**
 * xm's name for a nameless config read from `file`: create.py's `os.path.basename(defconfig)`, the
 * base name of the file as given, extension included (`xm create guests/web.cfg` creates
 * "web.cfg"); and why xend's _checkName would refuse it (null: it would not).
 */
export function xmFileName(file: string): { name: string; refused: string | null } {
  // A backslash ends a folder name on Windows, where xmcfg may read a copied xm file.
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  if (name === DOM0_NAME) return { name, refused: `xend refuses "${DOM0_NAME}", dom0's name (_checkName: "VM name '${DOM0_NAME}' already exists")` };
  if (!XEND_NAME.test(name)) return { name, refused: 'xend refuses a name with characters other than letters, digits and _ - . : / + (_checkName: "Invalid VM Name")' };
  return { name, refused: null };
}

/** The domain name Xen refuses, or that xl's commands cannot address (XM0234, XM0235, XM0106). */
export const domainName: Rule = ({ config, spans, dialect, unknown, fileName, sourceCodec, rawUtf8 }) => {
  const name = config.name;
  if (unknown.has('name')) return [];
  // xm names a guest without a name after its file, which xend checks like any name (decision 016).
  if (dialect === 'xm' && fileName !== undefined && (name === undefined || name === '')) {
    const { name: base, refused } = xmFileName(fileName);
    if (refused !== null) {
      const at = name === '' ? valueAt(spans, '/name') : FILE_START;
      return [makeDiag('XM0234', at, `${name === '' ? 'an empty name' : 'no name'}: xm create names the guest after its file, "${base}", but ${refused}`, { hint: 'set name = "…"' })];
    }
  }
  if (typeof name !== 'string') return [];
  const at = valueAt(spans, '/name');
  if (name === DOM0_NAME) {
    return [makeDiag('XM0234', at, `"${DOM0_NAME}" is dom0's name and names are unique: ${dialect === 'xl' ? `libxl refuses to create the domain ("Domain with name \\"${DOM0_NAME}\\" already exists.")` : `xend refuses to create the domain ("VM name '${DOM0_NAME}' already exists")`}`, { hint: 'give the guest a name of its own' })];
  }
  return dialect === 'xl' ? [...xlRefused(name, at, config, unknown, sourceCodec, rawUtf8), ...xlUnaddressable(name, at)] : xmName(name, at);
};

/** A "/" or a name too long for the log files xl and libxl name after the domain (XM0234). */
function xlRefused(name: string, at: Span, config: NormalizedConfig, unknown: UnknownValues, codec: string | undefined, raw: RawUtf8 | undefined): Diagnostic[] {
  // Only an HVM guest's device model runs in dom0 with its log named after the guest (libxl_dm.c);
  // with a stub domain it does not.
  const dmLog = guestKind(config, 'xl', unknown) === 'hvm' && config.device_model_stubdomain_override !== true && !unknown.has('device_model_stubdomain_override');
  const bytes = fileBytes(name, at, codec, raw);
  const libxl = 'libxl cannot open the device model\'s log /var/log/xen/qemu-dm-NAME.log and destroys the domain ("unable to open Qemu logfile")';
  const xl = "xl create's monitoring process cannot create its log /var/log/xen/xl-NAME.log: xl create exits with status 3 after the guest has started, and nothing carries out its on_poweroff, on_reboot or on_crash";
  if (name.includes('/')) {
    return [makeDiag('XM0234', at, `a "/" in the domain name: ${dmLog ? libxl : xl}`, { hint: 'use a name without "/"' })];
  }
  const limit = dmLog ? MAX_HVM_NAME_BYTES : MAX_NAME_BYTES;
  if (bytes > limit) {
    return [makeDiag('XM0234', at, `the domain name has ${bytes} bytes, more than ${limit}: ${dmLog ? libxl : xl} (a file name has at most 255 bytes)`, { hint: `use at most ${limit} bytes` })];
  }
  // qemu-xen reads `-name NAME` as an option list (./qemu-name.ts); a stub domain's qemu-xen gets it too.
  const qemu = guestKind(config, 'xl', unknown) === 'hvm' && deviceModel(config, unknown) === 'qemu-xen' ? qemuNameProblem(name) : null;
  if (qemu !== null) {
    return [makeDiag('XM0234', at, `libxl passes the name to qemu-xen as \`-name ${name}\`, which QEMU reads as options ("${qemu}"): the device model does not start and libxl destroys the domain`, { hint: 'use a name without "," or "="' })];
  }
  return [];
}

/** A name xl creates but its commands cannot find the domain by (XM0235). */
function xlUnaddressable(name: string, at: Span): Diagnostic[] {
  const why =
    name === ''
      ? 'an empty domain name: xl reads an empty domain argument as domain 0 (libxl_domain_qualifier_to_domid), so `xl destroy ""` means Domain-0, and libxl lets several guests share the empty name'
      : /^[0-9]+$/.test(name)
        ? `the domain name "${name}" is all digits: xl reads it as a domain id (libxl_domain_qualifier_to_domid), so \`xl destroy ${name}\` acts on domain ${Number.parseInt(name, 10)}, not on this guest`
        : name.startsWith('-')
          ? 'the domain name starts with "-": xl\'s commands read it as an option (`xl destroy -web` is "option `w\' not supported"); only `xl destroy -- NAME` reaches it'
          : BLANK_AT_END.test(name) || CONTROL.test(name)
            ? 'the domain name has blanks at an end or control characters: they do not show in `xl list`, and xl finds the domain only by the exact bytes'
            : null;
  return why === null ? [] : [makeDiag('XM0235', at, why, { hint: 'use a name with a letter in it that starts with a letter, digit or "_", without blanks at its ends' })];
}

/** xm: an empty name is none to create.py; xend refuses other characters (XM0106, XM0234). */
function xmName(name: string, at: Span): Diagnostic[] {
  if (name === '') {
    // create.py: `if not gopts.getopt('name') and gopts.getopt('defconfig'):` sets the basename.
    return [makeDiag('XM0106', at, 'an empty name: xm used the file name as the domain name, as for a missing one (xl creates a guest with no name)', { hint: 'set name = "…"' })];
  }
  if (!XEND_NAME.test(name)) {
    return [makeDiag('XM0234', at, 'xend refuses a domain name with characters other than letters, digits and _ - . : / + ("Invalid VM Name")', { hint: 'use only letters, digits and _ - . : / +' })];
  }
  return [];
}
