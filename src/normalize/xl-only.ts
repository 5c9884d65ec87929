/**
 * @fileoverview The options xm never read (the catalogue's xl-only ones: type, cpus_soft, usbctrl,
 * vkb, …): create.py copied only the variables it knew into its options, so in the xm dialect their
 * values are judged by nothing, neither normalisation, the schema nor a rule (XM0553 notes the key).
 * Sets built here, not in the catalogue: the catalogue's exports are inlined as JSON data.
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
