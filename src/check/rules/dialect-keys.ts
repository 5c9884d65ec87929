/**
 * @fileoverview Keys the chosen dialect's tool ignores (XM0550–XM0553): in xl, the RFC NUMA keys
 * (silently ignored) and xm-only options (unknown to xl, or read only to warn); in xm, xl-only options
 * and values xm dropped because of their Python type.
 */
import type { Value } from '../../syntax/value.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { optionSchema, FOLDED_KEYS } from '../../normalize/index.js';
import { makeDiag, valueAt, type Rule, type RuleInput } from './context.js';
import { xmDropped } from '../xm-dropped.js';

const NUMA_KEYS = new Set(['numa', ...Object.keys(FOLDED_KEYS)]);
/** xm options xl recognises only to warn that it ignores them. */
const XL_WARNS = new Set(['device_model', 'vif2', 'vncviewer']);

/** How to do in xl what an xm-only option did, where it is more than removing the option. */
const XL_HINTS: Readonly<Record<string, string>> = {
  device_model: 'rename it to device_model_override, and set device_model_version to the kind of qemu it is',
  vncviewer: 'remove it: start the viewer with `xl create -V`, or connect one yourself',
  vif2: 'remove it: write the interfaces in vif',
  parallel: 'remove it; for a parallel port on an HVM guest, pass it to qemu: device_model_args_hvm = ["-parallel", "…"]',
  description: 'remove it, or keep the text as a # comment: xl has no such option',
};

/**
 * parallel = "none" in xl: xl does not read parallel, and qemu-xen (libxl's default device model)
 * runs with -nodefaults (libxl_dm.c), so the guest has no parallel port, as "none" asks.
 * qemu-xen-traditional (chosen, or a stub domain's) is run without it and makes its default port.
 */
function noParallelAnyway(v: Value, config: RuleInput['config']): boolean {
  if (v.kind !== 'string' || v.value !== 'none') return false;
  return config.device_model_version !== 'qemu-xen-traditional' && config.device_model_stubdomain_override !== true;
}

/** Lifecycle actions xm did not have (xm: destroy, restart, preserve, rename-restart; coredump-* only for crashes). */
const XM_ACTIONS: Record<string, readonly string[]> = {
  on_poweroff: ['destroy', 'restart', 'preserve', 'rename-restart'],
  on_reboot: ['destroy', 'restart', 'preserve', 'rename-restart'],
  on_crash: ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart'],
};

/**
 * The values `dialect`'s tool accepts for `key` where they are fewer than the schema's (the union of
 * both dialects'), or undefined where the schema's list holds: the editor offers these, so a value
 * it completes is not one dialectValues then refuses.
 */
export function dialectAllowed(key: string, dialect: 'xl' | 'xm'): readonly string[] | undefined {
  // xend takes the numbers (a string of one too: int("2")), not xl's names.
  if (dialect === 'xm' && (XM_NUMBERS as readonly string[]).includes(key)) return (optionSchema(key)?.['x-xmcfg'].allowed ?? []).map((_, i) => String(i));
  return dialect === 'xm' && Object.hasOwn(XM_ACTIONS, key) ? XM_ACTIONS[key] : undefined;
}

/**
 * Options whose names are libxl's (xl) while xend took only the number: XendDomainInfo calls
 * `long(timer_mode)` (HVM) and `int(tsc_mode)` on the value as the file wrote it, so a name makes
 * `xm create` fail with Python's ValueError. The number of a name is its index in libxl's list.
 */
const XM_NUMBERS: readonly ('tsc_mode' | 'timer_mode')[] = ['tsc_mode', 'timer_mode'];

/** Values one dialect's tool refuses although the schema (the union of both) allows them. */
export const dialectValues: Rule = ({ config, spans, dialect }) => {
  const out: Diagnostic[] = [];
  if (dialect === 'xm') {
    for (const [key, allowed] of Object.entries(XM_ACTIONS)) {
      const v = (config as Record<string, unknown>)[key];
      if (typeof v === 'string' && (ACTIONS as readonly string[]).includes(v) && !allowed.includes(v)) {
        out.push(makeDiag('XM0104', valueAt(spans, `/${key}`), `${key} must be one of ${allowed.join(', ')} in xm; got "${v}"`));
      }
    }
    for (const key of XM_NUMBERS) {
      const v = config[key];
      // Another string is not a name either: the schema reports it (XM0104) already.
      const n = typeof v === 'string' ? (optionSchema(key)!['x-xmcfg'].allowed ?? []).indexOf(v) : -1;
      if (n === -1) continue;
      out.push(
        makeDiag('XM0104', valueAt(spans, `/${key}`), `${key} must be a number in xm: xend converts it with ${key === 'timer_mode' ? 'long()' : 'int()'}, and "${v}" is one of xl's names`, {
          hint: `write ${key} = ${n} (the number of "${v}")`,
        }),
      );
    }
  } else {
    for (const key of ['tsc_mode', 'timer_mode'] as const) {
      if (typeof config[key] === 'number') out.push(makeDiag('XM0107', valueAt(spans, `/${key}`), `specifying ${key} as an integer is deprecated in xl; use its name`, { hint: `allowed: ${(optionSchema(key)!['x-xmcfg'].allowed ?? []).join(', ')}` }));
    }
  }
  return out;
};

const ACTIONS = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart', 'soft-reset'] as const;

/**
 * Whether a value xm dropped (True, a tuple, a long) is reported as such (XM0554): one finding per
 * cause. Not for an unknown key (XM0101) or an xl option (XM0553): xm ignored those whatever they
 * held. Not when normalisation or the schema refused the value read as meant (`name = ("a", "b")`,
 * `on_crash = True`): that error is the finding, for either tool (xm ignored the value, xl refuses
 * it; the fix is a value of the option's type). Not when a later assignment was not read: the value
 * reported would not be the one in effect.
 */
function xmIgnoredValue(key: string, meta: { dialects: readonly string[] } | undefined, unknown: RuleInput['unknown']): boolean {
  return meta !== undefined && meta.dialects.includes('xm') && !NUMA_KEYS.has(key) && !unknown.has(key);
}

/** Dialect-specific key findings. */
export const dialectKeys: Rule = ({ config, effective, dialect, unknown }) => {
  const out: Diagnostic[] = [];
  for (const [key, s] of effective) {
    if (dialect === 'xl' && NUMA_KEYS.has(key)) {
      out.push(makeDiag('XM0550', s.keySpan, `xl ignores ${key}; use \`xmcfg plan\` / \`convert --host\` to turn it into cpus / cpus_soft settings`));
      continue;
    }
    const meta = optionSchema(key)?.['x-xmcfg'];
    if (dialect === 'xm' && xmIgnoredValue(key, meta, unknown)) {
      const what = xmDropped(s.value);
      if (what) out.push(makeDiag('XM0554', s.value.span, `xm silently ignored ${key}: ${what} is not copied into the options (only str, list, int and float are)`, { hint: 'write a number, a string or a list' }));
    }
    if (!meta || meta.dialects.includes(dialect)) continue;
    if (dialect === 'xl') {
      if (key === 'parallel' && noParallelAnyway(s.value, config)) continue;
      const by = meta.deprecatedBy && optionSchema(meta.deprecatedBy)?.['x-xmcfg'].dialects.includes('xl') ? meta.deprecatedBy : null;
      const repl = by ? `; use ${by}` : '';
      const hint = { hint: XL_HINTS[key] ?? (by ? `replace it with ${by} (xl.cfg(5) gives its form)` : 'remove it: xl has no such option') };
      if (XL_WARNS.has(key)) out.push(makeDiag('XM0552', s.keySpan, `xl reads ${key} only to warn that it is ignored${repl}`, hint));
      else out.push(makeDiag('XM0551', s.keySpan, `${key} is an xm option that xl does not know; xl ignores it${repl}`, hint));
    } else if (!NUMA_KEYS.has(key)) {
      out.push(makeDiag('XM0553', s.keySpan, `${key} is an xl option that xm did not have (xm ignored it)`));
    }
  }
  return out;
};
