/**
 * @fileoverview The checks xl makes on a whole spec after reading its keys, for the specs read with
 * a field table (spec-kv.ts): a vkb needs `backend-type` and, with `feature-multi-touch`, a
 * multi-touch size (main_vkbattach / parse_vkb_list exit otherwise); a vtpm needs `backend` in xl
 * (parse_config_data's vtpm loop); arm_sci's `agent_id` is at most 255 (parse_arm_sci_config); a
 * vdispl needs a connector (parse_config_data's vdispl loop). Problems are placed at the value at
 * fault, or at the whole spec for a missing key.
 */
import { SPEC_FIELDS } from './catalogue/spec-tables.js';
import { parseKv } from './spec-kv.js';
import type { SpecParse } from './spec-result.js';
import type { Dialect, Value } from '../syntax/value.js';
import { readConnectorsXl } from './vdispl-xl.js';
import { noStrtokItem } from './split-list-xl.js';
import { splitItems } from './spec-items.js';
import type { NormalizeContext } from './context.js';
import { pyIntText } from './values.js';

type Spec = { spec: string } & Record<string, unknown>;

/** The multi-touch sizes; xl turns multi-touch on when any is non-zero, and needs one when it is asked for. */
const TOUCH_SIZES = ['multi-touch-width', 'multi-touch-height', 'multi-touch-num-contacts'] as const;

/** The largest agent_id xl accepts. */
const MAX_AGENT_ID = 255;

/** Parse one vkb spec with its field table, then xl's whole-spec checks; never throws. */
export function parseVkb(spec: string): SpecParse<Spec> {
  const r = parseKv<Spec>(spec, SPEC_FIELDS.vkb, 'vkb');
  // libxl_vkb_backend_from_string takes "unknown" (any case), libxl's "not set": alone it is xl's
  // "backend-type should be set in vkb spec" (an error), but a later backend-type= replaces it.
  const last = r.fields['backend-type']?.[0];
  if (r.value['backend-type'] !== undefined && last !== undefined) {
    for (const p of r.problems) {
      if (p.xlWarns === undefined && p.start < last && spec.slice(p.start, p.end).toLowerCase() === 'unknown' && spec.slice(0, p.start).endsWith('backend-type=')) {
        p.xlWarns = { code: 'XM0254', message: 'backend-type=unknown is libxl\'s "not set", which a later backend-type= replaces', hint: 'remove backend-type=unknown' };
      }
    }
  }
  // A backend-type that is there but does not read is reported at its value already.
  if (r.fields['backend-type'] === undefined) r.problems.push({ start: 0, end: spec.length, message: 'backend-type=qemu|linux is missing (xl: "backend-type should be set in vkb spec")' });
  const touch = r.fields['feature-multi-touch'];
  // A size that is there but does not read is reported already: xl would stop at it first.
  const sizeGiven = TOUCH_SIZES.some((k) => r.value[k] || (r.fields[k] !== undefined && r.value[k] === undefined));
  if (touch !== undefined && r.value['feature-multi-touch'] === true && !sizeGiven) {
    r.problems.push({ start: touch[0], end: touch[1], message: 'feature-multi-touch needs a non-zero multi-touch-width, multi-touch-height or multi-touch-num-contacts' });
  }
  return r;
}

/**
 * Parse one vtpm spec with its field table. In xl the loop ends at an item without "=" (XM0232),
 * and a spec whose `backend=` was not read by then makes xl exit ("vtpm spec missing required
 * backend field!"); xm refused such an item and defaulted the backend.
 */
export function parseVtpm(spec: string, dialect: Dialect): SpecParse<Spec> {
  const r = parseKv<Spec>(spec, SPEC_FIELDS.vtpm, 'vtpm', { stopAtBare: true, dialect });
  if (dialect === 'xl' && r.fields.backend === undefined) r.problems.push({ start: 0, end: spec.length, message: 'backend=… is missing (xl: "vtpm spec missing required backend field!")' });
  // xm's preprocess_vtpm: `(k, v) = b.strip().split('=', 1)` of a blank string is one value, and fails.
  if (dialect === 'xm' && /^[ \t\n\v\f\r]*$/.test(spec)) r.problems.push({ start: 0, end: spec.length, message: 'an empty vtpm string is not key=value (xm: "need more than 1 value to unpack")' });
  return r;
}

/** Parse the arm_sci spec with its field table, and xl's limit on agent_id; never throws. */
export function parseArmSci(spec: string): SpecParse<Spec> {
  const r = parseKv<Spec>(spec, SPEC_FIELDS.arm_sci, 'arm_sci');
  const id = r.value.agent_id;
  const at = r.fields.agent_id;
  if (typeof id === 'number' && id > MAX_AGENT_ID && at !== undefined) {
    r.problems.push({ start: at[0], end: at[1], message: `agent_id must be at most ${MAX_AGENT_ID}, got ${id}` });
    delete r.value.agent_id;
  }
  return r;
}

/**
 * Parse one vdispl spec with its field table. xl exits without a connector ("At least one
 * connector should be specified.", after the loop of parse_config_data), and reads the connectors
 * with strtok and sscanf (vdispl-xl.ts): in xl the value is what that reads, XM0231 when the text
 * says otherwise (`c0:800x600x3` is 800x600).
 */
export function parseVdispl(spec: string, dialect: Dialect): SpecParse<Spec> {
  const r = parseKv<Spec>(spec, SPEC_FIELDS.vdispl, 'vdispl', { dialect });
  const at = r.fields.connectors;
  if (at === undefined) {
    // In xm too: normalize.ts drops what is found in an option xm never read (XM0553 notes the
    // key), and leaves out the value, which xl would refuse.
    r.problems.push({ start: 0, end: spec.length, message: 'connectors=ID:WIDTHxHEIGHT is missing (xl: "At least one connector should be specified.")' });
    return r;
  }
  if (dialect !== 'xl') return markConnectorIds(r, spec, at);
  // Every connectors= item is read in turn (an earlier one can make xl exit); the last one's value stays.
  for (const it of splitItems(spec)) {
    let k = it.start;
    while (k > 0 && spec[k - 1] === ' ') k--;
    if (k > 0 && spec[k - 1] !== ',') continue;
    if (!it.text.startsWith('connectors=')) continue;
    const s = it.start + 'connectors='.length;
    const comma = spec.indexOf(',', s);
    // The raw value, as MATCH_OPTION hands it over: from just after "=" (blanks included) up to the comma.
    const raw = spec.slice(s, comma === -1 ? spec.length : comma);
    // No item at all: parseKv reported xl's crash already.
    if (noStrtokItem(raw, ';')) continue;
    const read = readConnectorsXl(raw, s);
    const last = s <= at[0] && at[1] <= s + raw.length;
    r.problems = r.problems.filter((p) => p.start < s || p.end > s + raw.length || p.xlWarns?.code === 'XM0243');
    r.problems.push(...(last ? read.problems : read.problems.filter((p) => p.xlReads === undefined && p.xlWarns === undefined)));
    if (!last) continue;
    if (read.connectors === undefined) delete r.value.connectors;
    else {
      r.value.connectors = read.connectors;
      read.ids.forEach((span, n) => (r.fields[`connectors/${n}/unique_id`] = span));
    }
  }
  r.problems.sort((a, b) => a.start - b.start);
  return r;
}

/**
 * The place of each read connector's id (`connectors/N/unique_id`), so that a finding about one id
 * (its xenstore bytes, XM0103) points at it: each `;` item, its leading blanks skipped as they are
 * when it is read, starts with the id.
 */
function markConnectorIds(r: SpecParse<Spec>, spec: string, at: readonly [number, number]): SpecParse<Spec> {
  const read = r.value.connectors;
  if (!Array.isArray(read)) return r;
  let start = at[0];
  spec.slice(at[0], at[1]).split(';').forEach((item, k) => {
    const id = (read[k] as { unique_id?: unknown } | undefined)?.unique_id;
    const s = start + (item.length - item.trimStart().length);
    if (typeof id === 'string' && spec.startsWith(id, s)) r.fields[`connectors/${k}/unique_id`] = [s, s + id.length];
    start += item.length + 1;
  });
  return r;
}

/**
 * xm: create.py's configure_vtpm configures the first vtpm only, and refuses its `instance=` unless
 * it is "VTPMD" or a number int() reads other than 0 ("vTPM instance must not be 0", "could not
 * parse instance number"; preprocess_vtpm has stripped it): XM0217 at the value.
 */
export function xmVtpmInstance(first: unknown, ctx: NormalizeContext, item: Value): void {
  const instance = (first as { other?: Record<string, unknown> } | undefined)?.other?.instance;
  if (typeof instance !== 'string' || instance === 'VTPMD') return;
  const n = pyIntText(instance);
  if (n !== null && n !== 0) return;
  const why = n === 0 ? 'xm refuses instance 0 ("vTPM instance must not be 0")' : 'xm reads it with int(), which fails ("could not parse instance number")';
  ctx.report('XM0217', ctx.spans.get('/vtpm/0/other/instance')?.value ?? item.span, `bad vtpm spec: instance=${instance}: ${why}`, { hint: 'write instance=N with N a whole number above 0, or instance=VTPMD, or leave instance out' });
}
