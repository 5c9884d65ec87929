/**
 * @fileoverview `rdm` as xl reads it: xlu_rdm_parse (tools/libs/util/libxlu_pci.c), a state
 * machine over the characters. A key runs to "=" and must be exactly `strategy` or `policy` (no
 * blank skipped, so " strategy" and an empty item are "Unknown RDM state option"); a value runs to
 * "," or the end; the string must end in a value (a trailing comma or an empty string fails).
 * strategy must be `host` (strcmp). policy goes through parse_rdm_policy, whose result the reader
 * inverts since Xen 4.15: a policy libxl knows (strict, relaxed, invalid, any case) fails the whole
 * string, and one it does not know prints "Unknown RDM policy" and is passed over, the policy left
 * as xl's uninitialised variable has it. Where the reader fails, parse_config_data goes on without
 * rdm (XM0233, or XM0218 for an unknown key, and the setting is left out); an unknown policy keeps
 * the rdm setting, with XM0233 saying so ({@link RDM_KEPT}).
 */
import { specResult, type SpecParse, type SpecProblem } from './spec-result.js';

type RdmSpec = { spec: string; strategy?: 'host' };

/** The values read whose problems do not make xl drop rdm (an unknown policy only). */
export const RDM_KEPT = new WeakSet<object>();

/** libxl_rdm_reserve_policy_from_string's names (strcasecmp), "invalid" being libxl's "not set". */
const POLICIES = ['strict', 'relaxed', 'invalid'];

/** Parse an xl rdm string as xlu_rdm_parse does; never throws. */
export function parseRdmXl(spec: string): SpecParse<RdmSpec> {
  const r = specResult<RdmSpec>(spec);
  const fail = (p: SpecProblem) => {
    r.problems.push(p);
    return r;
  };
  let kept: SpecProblem | null = null;
  let tok = 0;
  for (;;) {
    const eq = spec.indexOf('=', tok);
    // STATE_TYPE: the key runs to "="; none left (a trailing comma, an empty string or item) fails.
    if (eq === -1) {
      const [s, e] = tok < spec.length ? [tok, spec.length] : tok > 0 ? [tok - 1, tok] : [0, 0];
      return fail({ start: s, end: e, message: tok < spec.length ? `"${spec.slice(tok)}" has no "=": xl's reader ends outside a value` : 'xl\'s reader ends without a value (an empty rdm string, or a trailing comma)', hint: 'write rdm = "strategy=host"' });
    }
    const key = spec.slice(tok, eq);
    if (key !== 'strategy' && key !== 'policy') {
      const what = key.trim() === '' ? 'an empty key' : `"${key}"`;
      return fail({ start: tok, end: eq > tok ? eq : eq + 1, message: `unknown rdm parameter ${what} (xl compares the text before "=" as it is: "Unknown RDM state option: ${key}")`, unknownKey: true, hint: 'the rdm keys are strategy and policy, with no blank before them' });
    }
    const vs = eq + 1;
    const next = spec.indexOf(',', vs);
    const ve = next === -1 ? spec.length : next;
    const value = spec.slice(vs, ve);
    if (key === 'strategy') {
      if (value !== 'host') return fail({ start: vs, end: ve > vs ? ve : vs, message: `strategy must be host (xl: "Unknown RDM strategy option: ${value}")`, hint: 'write strategy=host' });
      r.value.strategy = 'host';
      r.fields.strategy = [vs, ve];
    } else if (POLICIES.includes(value.toLowerCase())) {
      return fail({
        start: vs,
        end: ve,
        message: 'xl drops an rdm string that sets a policy libxl knows (xlu_rdm_parse rejects the policies it knows, since Xen 4.15): the guest is created without rdm',
        hint: 'write rdm = "strategy=host" and give the policy per device in pci (rdm_policy=strict|relaxed); xl then leaves the global policy unset',
      });
    } else {
      kept ??= { start: vs, end: ve > vs ? ve : vs, message: `policy "${value}" is no policy: xl prints "Unknown RDM policy: ${value}" and goes on with rdm, its policy left as an uninitialised variable holds it`, hint: 'remove policy=, and give the policy per device in pci (rdm_policy=strict|relaxed)' };
    }
    // The value ends the string: STATE_TERMINAL.
    if (next === -1) break;
    tok = next + 1;
  }
  if (r.value.strategy === undefined) {
    const [start, end] = kept === null ? [0, spec.length] : [kept.start, kept.end];
    return fail({ start, end, message: `${kept === null ? '' : `${kept.message}; `}no strategy=host: xl takes the rdm setting with an uninitialised strategy`, hint: 'write rdm = "strategy=host"' });
  }
  if (kept !== null) {
    r.problems.push(kept);
    RDM_KEPT.add(r.value);
  }
  return r;
}
