/**
 * @fileoverview The options xm never read (the catalogue's xl-only ones: type, cpus_soft, usbctrl,
 * vkb, …): create.py copied only the variables it knew into its options, so in the xm dialect their
 * values are judged by nothing, neither normalisation, the schema nor a rule (XM0553 notes the key);
 * and the xm options xl never reads, whose values are judged by neither in the xl dialect (XM0551
 * notes the key; decision 118). Sets built here, not in the catalogue: the catalogue's exports are inlined as JSON data.
 */
import { OPTION_KEYS, optionSchema } from './catalogue/index.js';
import { xmParsed } from './catalogue/unknown-spec-keys.js';

/** The catalogue's options whose dialects do not include xm. */
export const XL_ONLY_KEYS: ReadonlySet<string> = new Set<string>(OPTION_KEYS.filter((k) => !optionSchema(k)!['x-xmcfg'].dialects.includes('xm')));

/**
 * The xl-only options whose value no xm version parsed: in xm, what normalisation and the schema
 * find in them is dropped. Not vtpm: xm up to Xen 4.2 parsed it and refused a key it did not know
 * (create.py's preprocess_vtpm), so its xm findings stay (unknown-spec-keys.ts).
 */
export const XM_UNREAD_KEYS: ReadonlySet<string> = new Set<string>([...XL_ONLY_KEYS].filter((k) => !xmParsed(k)));

/**
 * xm options xl reads with a getter only to warn that it ignores them (XM0552), whose value the
 * getter still judges: device_model as a string, vncviewer as a number. (vif2 is read as a list
 * whose items xl never parses: unread, like the options below.)
 */
const XL_READS_TO_WARN: ReadonlySet<string> = new Set(['device_model', 'vncviewer']);

/**
 * The xm options xl never reads (XM0551: cpu_cap, restart, irq, nics, …; and vif2's items):
 * parse_config_data asks libxlu for none of them, so in the xl dialect their values are judged by
 * nothing, as XM_UNREAD_KEYS' are in xm (decision 118). Not device_model and vncviewer, whose
 * value's kind libxlu checks, nor the RFC NUMA request (`numa`), which `plan` and `convert --host`
 * read.
 */
export const XL_UNREAD_KEYS: ReadonlySet<string> = new Set<string>(
  OPTION_KEYS.filter((k) => !optionSchema(k)!['x-xmcfg'].dialects.includes('xl') && !XL_READS_TO_WARN.has(k) && k !== 'numa'),
);

/** The options whose values `dialect`'s tool never reads, so that no finding about them is one of the file. */
export function unreadKeys(dialect: 'xl' | 'xm'): ReadonlySet<string> {
  return dialect === 'xm' ? XM_UNREAD_KEYS : XL_UNREAD_KEYS;
}
