/**
 * @fileoverview Keys the chosen dialect's tool ignores (XM0550–XM0553): in xl, the RFC NUMA keys
 * (silently ignored) and xm-only options (unknown to xl, or read only to warn); in xm, xl-only options
 * and values xm dropped because of their Python type.
 */
import type { Value } from '../../syntax/value.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { optionSchema, FOLDED_KEYS } from '../../normalize/index.js';
import { makeDiag, valueAt, type Rule } from './context.js';
import { isStale } from '../unknown-values.js';

const NUMA_KEYS = new Set(['numa', ...Object.keys(FOLDED_KEYS)]);
/** xm options xl recognises only to warn that it ignores them. */
const XL_WARNS = new Set(['device_model', 'vif2', 'vncviewer']);

/** Why xm dropped a value (only str, list, int and float variables became options), or null. */
function xmDropped(v: Value): string | null {
  if (v.kind === 'bool') return v.value ? 'True' : 'False';
  if (v.kind === 'none') return 'None';
  if (v.kind === 'list' && v.tuple) return 'a tuple';
  if (v.kind === 'number' && v.pyType === 'long') return 'a long';
  return null;
}

/** Lifecycle actions xm did not have (xm: destroy, restart, preserve, rename-restart; coredump-* only for crashes). */
const XM_ACTIONS: Record<string, readonly string[]> = {
  on_poweroff: ['destroy', 'restart', 'preserve', 'rename-restart'],
  on_reboot: ['destroy', 'restart', 'preserve', 'rename-restart'],
  on_crash: ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart'],
};

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
  } else {
    for (const key of ['tsc_mode', 'timer_mode'] as const) {
      if (typeof config[key] === 'number') out.push(makeDiag('XM0107', valueAt(spans, `/${key}`), `specifying ${key} as an integer is deprecated in xl; use its name`, { hint: `allowed: ${(optionSchema(key)!['x-xmcfg'].allowed ?? []).join(', ')}` }));
    }
  }
  return out;
};

const ACTIONS = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart', 'soft-reset'] as const;

/** Dialect-specific key findings. */
export const dialectKeys: Rule = ({ effective, dialect, unknown }) => {
  const out: Diagnostic[] = [];
  for (const [key, s] of effective) {
    if (dialect === 'xl' && NUMA_KEYS.has(key)) {
      out.push(makeDiag('XM0550', s.keySpan, `xl ignores ${key}; use \`xmcfg plan\` / \`convert --host\` to turn it into cpus / cpus_soft settings`));
      continue;
    }
    // Not when a later assignment was not read: the value reported would not be the one in effect.
    if (dialect === 'xm' && !NUMA_KEYS.has(key) && !isStale(key, unknown)) {
      const what = xmDropped(s.value);
      if (what) out.push(makeDiag('XM0554', s.value.span, `xm silently ignored ${key}: ${what} is not copied into the options (only str, list, int and float are)`, { hint: 'write a number, a string or a list' }));
    }
    const meta = optionSchema(key)?.['x-xmcfg'];
    if (!meta || meta.dialects.includes(dialect)) continue;
    if (dialect === 'xl') {
      const repl = meta.deprecatedBy && optionSchema(meta.deprecatedBy)?.['x-xmcfg'].dialects.includes('xl') ? `; use ${meta.deprecatedBy}` : '';
      if (XL_WARNS.has(key)) out.push(makeDiag('XM0552', s.keySpan, `xl reads ${key} only to warn that it is ignored${repl}`));
      else out.push(makeDiag('XM0551', s.keySpan, `${key} is an xm option that xl does not know; xl ignores it${repl}`));
    } else if (!NUMA_KEYS.has(key)) {
      out.push(makeDiag('XM0553', s.keySpan, `${key} is an xl option that xm did not have (xm ignored it)`));
    }
  }
  return out;
};
