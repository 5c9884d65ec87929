/**
 * @fileoverview What xl and xm do with a key they do not know inside a spec string, per spec
 * family: refuse the file (`xl create` / `xm create` exits), warn and skip the key, skip it
 * silently, or not read the option at all. One table, read by every place that reports an unknown
 * key (read-spec-list.ts for the device specs, vnuma.ts, scalars.ts for smbios), so the code of
 * the finding is decided here and nowhere else: XM0222 (error) where the tool refuses, XM0218
 * (warning) where it skips. The sources read and the reasons are in
 * docs/decisions/008-unknown-spec-keys.md. Plain data and one lookup, no TypeBox.
 */
import type { Dialect } from '../../syntax/value.js';

/**
 * What one tool does with an unknown key: `refuses` prints an error and the create command exits;
 * `warns` prints a warning and skips the key; `ignores` skips it without a word; `unread` means the
 * tool does not read the option (or has no keys in it), so the key cannot matter to it.
 */
export type UnknownKeyVerdict = 'refuses' | 'warns' | 'ignores' | 'unread';

/** One tool's verdict, with its own message where it prints one (`%s` stands for what it prints: see `prints`). */
export interface ToolVerdict {
  does: UnknownKeyVerdict;
  says?: string;
  /** What `%s` is: the key (default), the whole `key=value` item, or the whole spec string. */
  prints?: 'item' | 'spec';
  /** What the tool does, where that is more than the verdict says ("drops the whole rdm setting"). */
  effect?: string;
}

/** A spec family's rule: xl's verdict, xm's verdict, and the keys xm's own parser of the spec knew. */
export interface UnknownKeyRule {
  xl: ToolVerdict;
  xm: ToolVerdict;
  /**
   * Every key xm's parser of this spec accepted, where xm refused the others (vif, vfb, pci, vtpm).
   * In the xm dialect a key in this list is never reported, and a key the (xl) field table knows
   * that is not in it is reported as xl-only, with xm's verdict.
   */
  xmKnew?: readonly string[];
}

/** xm did not read these options: they are xl-only (the option itself is reported in the xm dialect). */
const XM_UNREAD: ToolVerdict = { does: 'unread' };

/**
 * Per spec family (the option's name). xl: tools/xl/xl_parse.c and tools/libs/util/libxlu_disk_l.l,
 * libxlu_disk.c, libxlu_pci.c; xm: tools/python/xen/xm/create.py and xen/util/pci.py (Xen ≤ 4.4).
 * The messages are quoted as the tools print them.
 */
export const UNKNOWN_SPEC_KEY: Readonly<Record<string, UnknownKeyRule>> = {
  // libxlu_disk_l.l: `[a-z][-a-z0-9]*=[^,],? { xlu__disk_err(DPC,yytext,"unknown parameter"); }`;
  // xlu__disk_err sets EINVAL and parse_disk_config_multistring does `if (e == EINVAL) exit(EXIT_FAILURE);`.
  // xm disks are positional (`SOURCE,VDEV,MODE[,DOMAIN]`): no keys.
  disk: { xl: { does: 'refuses', says: 'config parsing error in disk specification: unknown parameter' }, xm: { does: 'unread' } },
  // parse_nic_config: `fprintf(stderr, "unrecognized argument `%s'\n", token); return 1;`, and the vif
  // loop calls it without looking at the result. create.py: `err('Invalid vif option: ' + k)`.
  // create.py's list is backend, bridge, ip, mac, script, type, vifname, rate, model, accel,
  // policy, label: gatewaydev, mtu, devid, vlan, forwarddev, the colo_* keys, … are xl-only.
  vif: {
    xl: { does: 'warns', says: "unrecognized argument `%s'", prints: 'item' },
    xm: { does: 'refuses', says: 'Error: Invalid vif option: %s' },
    xmKnew: ['backend', 'bridge', 'ip', 'mac', 'script', 'type', 'vifname', 'rate', 'model', 'accel', 'policy', 'label'],
  },
  // xlu_pci_parse_spec_string: `XLU__PCI_ERR(cfg, "Unknown PCI_SPEC_STRING option: %s", key); ret = ERROR_INVAL;`,
  // then parse_config_data: "unable to parse PCI_SPEC_STRING `%s' for passthrough" and `exit(-e)`.
  // xen/util/pci.py check_pci_opts: `raise PciDeviceParseError('Invalid pci option %s=%s: ' % (k, v))`,
  // which preprocess_pci turns into err(str(ex)); its list is msitranslate and power_mgmt only.
  pci: {
    xl: { does: 'refuses', says: 'Unknown PCI_SPEC_STRING option: %s' },
    xm: { does: 'refuses', says: 'Error: Invalid pci option %s: ', prints: 'item' },
    xmKnew: ['msitranslate', 'power_mgmt'],
  },
  // The vfb loop of parse_config_data compares the key with vnc, vnclisten, vncpasswd, vncdisplay,
  // vncunused, keymap, sdl, opengl, display, xauthority and has no else branch (so `type=` and
  // `backend=` are ignored). create.py configure_vfbs: `err("configuration option %s unknown to vfbs" % k)`,
  // after turning the legacy `type=vnc|sdl` into `vnc=1`/`sdl=1`.
  vfb: {
    xl: { does: 'ignores' },
    xm: { does: 'refuses', says: 'Error: configuration option %s unknown to vfbs' },
    xmKnew: ['type', 'vnclisten', 'vncunused', 'vncdisplay', 'display', 'videoram', 'xauthority', 'sdl', 'vnc', 'vncpasswd', 'opengl', 'keymap', 'serial', 'monitor'],
  },
  // parse_config_data: `fprintf(stderr, "unknown channel parameter '%s'," " ignoring\n", key);`.
  channel: { xl: { does: 'warns', says: "unknown channel parameter '%s', ignoring" }, xm: XM_UNREAD },
  // parse_usbctrl_config: `fprintf(stderr, "Unknown string `%s' in usbctrl spec\n", token); return 1;`, then `exit(1)`.
  usbctrl: { xl: { does: 'refuses', says: "Unknown string `%s' in usbctrl spec", prints: 'item' }, xm: XM_UNREAD },
  // parse_usbdev_config: `fprintf(stderr, "Unknown string `%s' in usbdev spec\n", token); return 1;`, then `exit(1)`.
  usbdev: { xl: { does: 'refuses', says: "Unknown string `%s' in usbdev spec", prints: 'item' }, xm: XM_UNREAD },
  // parse_config_data: `fprintf(stderr, "Unknown string `%s' in vtpm spec\n", p); exit(1);`.
  // create.py preprocess_vtpm: `err('Invalid vtpm specifier: ' + vtpm)` for a key other than backend, instance, uuid.
  vtpm: {
    xl: { does: 'refuses', says: "Unknown string `%s' in vtpm spec" },
    xm: { does: 'refuses', says: 'Error: Invalid vtpm specifier: %s', prints: 'spec' },
    xmKnew: ['backend', 'instance', 'uuid'],
  },
  // parse_config_data: `fprintf(stderr, "Unknown 9pfs parameter '%s'\n", key); exit(1);`.
  p9: { xl: { does: 'refuses', says: "Unknown 9pfs parameter '%s'" }, xm: XM_UNREAD },
  // parse_config_data: `fprintf(stderr, "Unknown string `%s' in pvcalls spec\n", p); exit(1);`.
  pvcalls: { xl: { does: 'refuses', says: "Unknown string `%s' in pvcalls spec" }, xm: XM_UNREAD },
  // parse_vdispl_config: `fprintf(stderr, "Unknown string \"%s\" in vdispl spec\n", token); rc = 1;`, then `exit(1)`.
  vdispl: { xl: { does: 'refuses', says: 'Unknown string "%s" in vdispl spec', prints: 'item' }, xm: XM_UNREAD },
  // parse_vkb_config: `fprintf(stderr, "Unknown string \"%s\" in vkb spec\n", token); return -1;`,
  // then parse_vkb_list: `if (rc) exit(EXIT_FAILURE);`.
  vkb: { xl: { does: 'refuses', says: 'Unknown string "%s" in vkb spec', prints: 'item' }, xm: XM_UNREAD },
  // parse_virtio_config: `fprintf(stderr, "Unknown string \"%s\" in virtio spec\n", token); return -1;`,
  // then parse_virtio_list: `if (rc) exit(EXIT_FAILURE);`.
  virtio: { xl: { does: 'refuses', says: 'Unknown string "%s" in virtio spec', prints: 'item' }, xm: XM_UNREAD },
  // parse_vsnd_card_param / parse_vsnd_pcm_param / parse_vsnd_pcm_stream:
  // `fprintf(stderr, "Invalid parameter: %s\n", param); return -1;`, then parse_vsnd_card_config `exit(EXIT_FAILURE)`.
  vsnd: { xl: { does: 'refuses', says: 'Invalid parameter: %s', prints: 'item' }, xm: XM_UNREAD },
  // xlu_rdm_parse: `XLU__PCI_ERR(cfg, "Unknown RDM state option: %s", tok); goto parse_error;`, but
  // parse_config_data only uses the result `if (!xlu_rdm_parse(config, &rdm, buf))`: xl goes on
  // without the whole rdm setting.
  rdm: { xl: { does: 'warns', says: 'Unknown RDM state option: %s', effect: 'drops the whole rdm setting with an error message' }, xm: XM_UNREAD },
  // parse_arm_sci_config (as acked for Xen 4.21): a strtok loop with `if (MATCH_OPTION("type", …))`
  // and `if (MATCH_OPTION("agent_id", …))` and no else branch.
  arm_sci: { xl: { does: 'ignores' }, xm: XM_UNREAD },
  // parse_config_data (HVM guests): `fprintf(stderr, "xl: unknown smbios type '%s'\n", option); exit(EXIT_FAILURE);`.
  smbios: { xl: { does: 'refuses', says: "xl: unknown smbios type '%s'" }, xm: XM_UNREAD },
  // parse_vnuma_config compares the key with pnode, size, vcpus and vdistances and has no else branch.
  vnuma: { xl: { does: 'ignores' }, xm: XM_UNREAD },
  // serial is handed to qemu as it is (xl: b_info->u.hvm.serial, xm: the image's `serial`): neither tool reads it.
  serial: { xl: { does: 'unread' }, xm: { does: 'unread' } },
};

/** A finding for an unknown key: its code, and what the tool does with the key (for the message). */
export interface UnknownKeyFinding {
  code: 'XM0222' | 'XM0218';
  note: string;
}

/** The unknown key, with the `key=value` item and the whole string it sits in (what the tools' messages quote). */
export interface UnknownKeyAt {
  key: string;
  item: string;
  spec: string;
}

function ruleOf(family: string): UnknownKeyRule | undefined {
  return Object.hasOwn(UNKNOWN_SPEC_KEY, family) ? UNKNOWN_SPEC_KEY[family] : undefined;
}

/** What `tool` does with the key at `at` in a spec of `family`, as a finding. */
function finding(family: string, rule: UnknownKeyRule, tool: Dialect, at: UnknownKeyAt): UnknownKeyFinding {
  const v = rule[tool];
  const says = v.says === undefined ? '' : `: "${v.says.replace('%s', at[v.prints ?? 'key'])}"`;
  const code = v.does === 'refuses' ? 'XM0222' : 'XM0218';
  return { code, note: `${tool} ${v.effect ?? VERBS[v.does].replace('%f', family)}${says}` };
}

/**
 * The finding for a key unknown in a spec of `family`, in `dialect`: XM0222 where the dialect's
 * tool refuses the file, else XM0218; null for a key xm knew (in `xmKnew`, in the xm dialect).
 * A family not in the table gets XM0218.
 */
export function unknownKeyFinding(family: string, at: UnknownKeyAt, dialect: Dialect): UnknownKeyFinding | null {
  const rule = ruleOf(family);
  if (rule === undefined) return { code: 'XM0218', note: 'the tools ignore it' };
  if (dialect === 'xm' && rule.xmKnew?.includes(at.key)) return null;
  return finding(family, rule, dialect === 'xm' ? 'xm' : 'xl', at);
}

/**
 * true when some xm version parsed the spec option `family` (its xm verdict is not `unread`), so an
 * xl-only family with an xm verdict stays judged in xm (none now: vtpm is both dialects', decision 121).
 */
export function xmParsed(family: string): boolean {
  const rule = ruleOf(family);
  return rule !== undefined && rule.xm.does !== 'unread';
}

/**
 * The keys xm's parser of `family` knew, for a family where xm refused the others; undefined where
 * xm did not check the keys (or did not read the option), so no key there is xl-only.
 */
export function xmKnownKeys(family: string): readonly string[] | undefined {
  return ruleOf(family)?.xmKnew;
}

/**
 * The finding, in the xm dialect, for a key xl knows in a spec of `family` that xm's parser did
 * not (`mtu=` in a vif): xm's verdict on an unknown key, XM0222 where it refused it.
 */
export function xlOnlyKeyFinding(family: string, at: UnknownKeyAt): UnknownKeyFinding | null {
  const rule = ruleOf(family);
  if (rule?.xmKnew === undefined || rule.xmKnew.includes(at.key)) return null;
  return finding(family, rule, 'xm', at);
}

/** How a note says each verdict. */
const VERBS: Readonly<Record<UnknownKeyVerdict, string>> = {
  refuses: 'refuses it',
  warns: 'ignores it with a warning',
  ignores: 'ignores it',
  unread: 'does not read %f',
};
