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
import type { NormalizeContext } from './context.js';
import { pyIntText } from './cpulist-xm.js';

type Spec = { spec: string } & Record<string, unknown>;

/** The multi-touch sizes; xl turns multi-touch on when any is non-zero, and needs one when it is asked for. */
const TOUCH_SIZES = ['multi-touch-width', 'multi-touch-height', 'multi-touch-num-contacts'] as const;

/** The largest agent_id xl accepts. */
const MAX_AGENT_ID = 255;

/** Parse one vkb spec with its field table, then xl's whole-spec checks; never throws. */
export function parseVkb(spec: string): SpecParse<Spec> {
  const r = parseKv<Spec>(spec, SPEC_FIELDS.vkb, 'vkb');
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

/** One connector as parse_vdispl_config's `sscanf(resolution, "%ux%u", …)` reads it: blanks and a `+` before each number, text after the height ignored. */
const SSCANF_CONNECTOR = /^([^:]*):\s*\+?(\d{1,9})x\s*\+?(\d{1,9})/;

/**
 * Parse one vdispl spec with its field table. xl exits without a connector ("At least one
 * connector should be specified.", after the loop of parse_config_data), and reads each resolution
 * with `sscanf(resolution, "%ux%u", …)`, which ignores what follows the height: `c0:800x600x3` is
 * 800x600 for xl (XM0231 in xl, with the connectors xl uses).
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
  if (r.value.connectors !== undefined || dialect !== 'xl') return markConnectorIds(r, spec, at);
  const text = spec.slice(at[0], at[1]);
  const read = text.split(';').map((c) => SSCANF_CONNECTOR.exec(c.trim()));
  const i = r.problems.findIndex((p) => p.start === at[0] && p.end === at[1]);
  if (read.some((m) => m === null) || i === -1) return r;
  const connectors = read.map((m) => ({ unique_id: m![1]!, width: Number(m![2]), height: Number(m![3]) }));
  const uses = connectors.map((c) => `${c.unique_id}:${c.width}x${c.height}`).join(';');
  r.value.connectors = connectors;
  r.problems[i] = {
    ...r.problems[i]!,
    xlReads: { message: `connectors=${text} is read with sscanf("%ux%u"), which ignores what follows each height: xl uses ${uses}`, hint: `write connectors=${uses}` },
  };
  return markConnectorIds(r, spec, at);
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
