/**
 * @fileoverview Blanks at either end of a free-text value in the device strings xl reads with strtok
 * (vif, vfb, vtpm, pvcalls, vdispl, vkb, virtio, vsnd, usbctrl, usbdev, rdm, arm_sci): the loops skip
 * the blanks before an item (`while (*p == ' ') p++;`) and hand the value over from just after "="
 * up to the comma, so libxl gets "xenbr0 " (or " xenbr0") and passes it on. A backend domain name
 * with a blank is no domain (an error, the family's code); any other value is XM0243, a warning at
 * the blanks.
 */
import type { SpecProblem } from './spec-result.js';

/** The blanks (spaces, tabs) from `end` to the next comma or the end of `spec`: their [start, end), or null when there are none. */
export function blanksBeforeComma(spec: string, end: number): [number, number] | null {
  let e = end;
  while (e < spec.length && (spec[e] === ' ' || spec[e] === '\t')) e++;
  if (e === end || (e < spec.length && spec[e] !== ',')) return null;
  return [end, e];
}

/** The start of the blanks between "=" and a value starting at `vs`, or null when there are none. */
function leadingBlanks(spec: string, vs: number): number | null {
  let s = vs;
  while (s > 0 && (spec[s - 1] === ' ' || spec[s - 1] === '\t')) s--;
  return s < vs && spec[s - 1] === '=' ? s : null;
}

/** What the blank does to a few values, past "libxl passes it on as written". */
const WHAT_FOLLOWS: Readonly<Record<string, string>> = {
  bridge:
    'the hotplug script reads it from xenstore with the blank: Linux vif-bridge drops it where it expands $bridge unquoted (`ip link show $bridge`), but vif-openvswitch runs `ovs-vsctl … add-port "$bridge"`, which finds no such bridge, and the vif is not attached',
  model: 'libxl hands the model to QEMU (`-device e1000 ,…`), which knows no such device model',
  netdev: 'xl reads netdev= as gatewaydev=, and libxl writes it to xenstore with the blank for the hotplug script',
  script: 'libxl runs the hotplug script by that path, blank included, and finds no such file',
  vnclisten: 'libxl hands "ADDRESS :DISPLAY" to QEMU\'s -vnc, an address with a blank in it',
};

/**
 * The problem of a value with blanks between "=" and `vs` (when `vs` is given) or from `ve` to the
 * comma, or null when there are none:
 * `backend` (libxl__resolve_domid → libxl_domain_qualifier_to_domid: a name that is not all digits is
 * looked up with libxl_name_to_domid, which compares exact names, so "0 " or "dom0 " is no domain
 * and creation fails) as the family's error; any other key as XM0243.
 */
export function trailingBlankProblem(spec: string, key: string, value: string, ve: number, vs?: number): SpecProblem | null {
  // The blanks after "=" stay too (`strdup(p2 + 1)`): " dom0" is no domain either.
  if (key === 'backend' && vs !== undefined) {
    const lead = leadingBlanks(spec, vs);
    if (lead !== null) return { start: lead, end: vs, message: `backend= starts with blanks before ${value}: xl passes the domain name on with them, libxl_domain_qualifier_to_domid looks "${spec.slice(lead, vs)}${value}" up by name (not all digits) and finds no such domain, so the guest is not created`, hint: `write backend=${value} with no blank after "="` };
  }
  // vif ip=: vif-common.sh splits the address list at blanks (`for addr in $ip`), so a blank is harmless.
  // vif vlan=: xen-network-common.sh's _vif_vlan_membership reads the terms with `for term in
  // ${terms[@]}` (unquoted: split at blanks), and no other consumer reads it: harmless too.
  if (key === 'ip' || key === 'vlan') return null;
  const follows = WHAT_FOLLOWS[key] ?? 'libxl passes it on as written';
  // strdup(oparg) / replace_string(…, oparg): the blanks after "=" stay at the value's start too.
  const lead = vs === undefined || key === 'backend' ? null : leadingBlanks(spec, vs);
  if (lead !== null) {
    const n = vs! - lead;
    return {
      start: lead,
      end: vs!,
      message: `${key}= starts with ${n === 1 ? 'a blank' : `${n} blanks`} before ${value}`,
      xlWarns: {
        code: 'XM0243',
        message: `${key}= starts with ${n === 1 ? 'a blank' : `${n} blanks`} before ${value}, which xl keeps (it reads the value from just after "="): ${follows}`,
        hint: `write ${key}=${value} with no blank after "="${blanksBeforeComma(spec, ve) === null ? '' : ' or before the comma'}`,
      },
    };
  }
  const at = blanksBeforeComma(spec, ve);
  if (at === null) return null;
  const [start, end] = at;
  const n = end - start;
  const blanks = n === 1 ? 'a blank' : `${n} blanks`;
  if (key === 'backend') {
    return {
      start,
      end,
      message: `backend=${value} ends with ${blanks}: xl passes the domain name on with ${n === 1 ? 'it' : 'them'}, libxl_domain_qualifier_to_domid looks "${value}${' '.repeat(n)}" up by name (not all digits) and finds no such domain, so the guest is not created`,
      hint: `write backend=${value} with no blank before the comma`,
    };
  }
  return {
    start,
    end,
    message: `${key}=${value} ends with ${blanks}`,
    xlWarns: {
      code: 'XM0243',
      message: `${key}=${value} ends with ${blanks}, which xl keeps (it reads the value up to the comma): ${follows}`,
      hint: `write ${key}=${value} with no blank before the comma`,
    },
  };
}
