/**
 * @fileoverview The quick fix of a deprecated key (XM0107): rename it to the option the catalogue
 * names as its replacement, where that rename keeps the file's meaning as far as the checker can
 * tell: the replacement is not set already (the rename would make a duplicate, and change which
 * assignment wins) and its reader and schema accept the value as written (`cpu_cap = 50` → `cap = 50`, but
 * not `nics = 2` → `vif = 2`, nor `restart = "always"` → `on_reboot = "always"`: the hint says
 * what to write there instead).
 */
import type { CheckResult } from '../../check/check.js';
import { normalize } from '../../normalize/index.js';
import { validateConfig } from '../../schema/index.js';
import type { Dialect, Setting } from '../../syntax/value.js';
import type { Diagnostic, TextEdit } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { keyDoc } from './docs.js';
import { touches } from './positions.js';
import { nameTokens } from './name-tokens.js';

/** Code of "deprecated option". */
export const DEPRECATED_KEY = 'XM0107';

/** One rename of a deprecated key: the finding it fixes, its title, its edits, and whether it is the preferred fix. */
export interface DeprecatedRename {
  finding: Diagnostic;
  title: string;
  edits: TextEdit[];
  preferred: boolean;
}

/**
 * Renames of the deprecated keys named at `span` (the flagged assignment, any other assignment of
 * the key, or an xm expression reading it): every name token spelled as the key is renamed, as the
 * misspelt-key fix does, so the file keeps one spelling.
 */
export function deprecatedRenames(result: CheckResult, span: Span): DeprecatedRename[] {
  const out: DeprecatedRename[] = [];
  const { tree, settings, dialect } = result;
  for (const d of result.diagnostics) {
    if (d.code !== DEPRECATED_KEY || d.span.end <= d.span.start) continue;
    const key = tree.text.slice(d.span.start, d.span.end);
    const replacements = replacementsOf(key);
    const names = nameTokens(tree, key);
    if (replacements.length === 0 || !names.some((n) => touches(n, span))) continue;
    for (const by of replacements) {
      // Set already: the rename would assign it twice, and the deprecated value would win or lose by position.
      if (settings.some((s) => s.key === by)) continue;
      const last = findLast(settings, key);
      if (!last || !valueFits(by, last, dialect)) continue;
      // One replacement (the catalogue names one per key): the fix to apply without asking.
      out.push({ finding: d, title: `Replace deprecated "${key}" with "${by}"`, edits: names.map((n) => ({ span: n, text: by })), preferred: replacements.length === 1 });
    }
  }
  return out;
}

/** The options the catalogue names as replacing `key` (none, or one). */
function replacementsOf(key: string): string[] {
  const by = keyDoc(key)?.deprecatedBy;
  return by === undefined ? [] : [by];
}

/** The last setting of `key` (the one the file keeps). */
function findLast<T extends { key: string }>(settings: readonly T[], key: string): T | undefined {
  for (let i = settings.length - 1; i >= 0; i--) if (settings[i]!.key === key) return settings[i];
  return undefined;
}

/**
 * True when the replacement's reader and schema take `setting`'s value as it is (normalisation and
 * validation of that one setting renamed; the cross-field rules are the file's business and say
 * the same of either name): no error or warning at the value.
 */
function valueFits(by: string, setting: Setting, dialect: Dialect): boolean {
  const renamed: Setting = { ...setting, key: by };
  const norm = normalize([renamed], { dialect });
  const found = [...norm.diagnostics, ...validateConfig(norm.config, norm.spans, { dialect })];
  const at = setting.valueSpan;
  return !found.some((f) => f.severity !== 'info' && f.span.start >= at.start && f.span.start <= at.end);
}
