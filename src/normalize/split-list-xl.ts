/**
 * @fileoverview Values xl cuts with split_string_into_string_list or split_string_into_pair
 * (tools/xl/xl_parse.c) where those helpers fail: split_string_into_string_list counts its items
 * with `p = strtok_r(s, delim, …); do { nr++; } while (…)`, so a string with no item (empty, or
 * only separators) counts one, and the copy loop then runs `sl[i] = strdup(p)` with p NULL: xl
 * crashes (a segmentation fault) before it creates anything. split_string_into_pair refuses a pair
 * with nothing after the delimiter (`p++; if (!*p) { rc = ERROR_INVAL; … }`), which the p9, channel
 * and vnuma readers turn into an exit. Used in the xl dialect only: xm had neither helper.
 */
import type { SpecItem } from './spec-items.js';
import type { SpecProblem } from './spec-result.js';

/** True when strtok_r(text, sep) finds no item: `text` is empty or only separators. */
export function noStrtokItem(text: string, sep: string): boolean {
  for (const ch of text) if (!sep.includes(ch)) return false;
  return true;
}

/** The message of a value split_string_into_string_list crashes on. */
export function crashMessage(what: string, text: string, sep: string): string {
  const seps = sep === ' \t\n' ? 'blanks' : `"${sep}"`;
  return `xl crashes on ${what} "${text}": split_string_into_string_list finds no item between the ${seps} but counts one (do … while), and strdup(NULL) is a segmentation fault, so nothing is created`;
}

/** The xl exit message of each spec read with split_string_into_pair (parse_config_data). */
const PAIR_EXIT: Readonly<Record<string, string>> = { p9: 'failed to parse 9pfs configuration', channel: 'failed to parse channel configuration' };

/**
 * The problems of a p9 or channel spec that xl's split helpers fail on: the whole spec when it has
 * no item (split_string_into_string_list crashes), else each `key=` item with nothing after "="
 * (split_string_into_pair refuses it, and xl exits). Empty for a spec xl reads.
 */
export function pairSpecProblems(spec: string, items: readonly SpecItem[], what: string): SpecProblem[] {
  if (noStrtokItem(spec, ',')) return [{ start: 0, end: spec.length, message: crashMessage(`a ${what} spec`, spec, ','), hint: `remove the empty ${what} entry` }];
  const out: SpecProblem[] = [];
  for (const it of items) {
    // strtok hands over an item of only blanks (", ,", a trailing ", "): it has no "=", and
    // split_string_into_pair refuses it before any trimming, so xl exits.
    if (it.text === '' && it.start > 0 && (spec[it.start - 1] === ' ' || spec[it.start - 1] === '\t')) {
      let start = it.start;
      while (start > 0 && (spec[start - 1] === ' ' || spec[start - 1] === '\t')) start--;
      out.push({ start, end: it.start, message: `xl exits "${PAIR_EXIT[what] ?? `failed to parse ${what} configuration`}: ${spec.slice(start, it.start)}": an item of only blanks between commas has no "="`, hint: 'remove the blanks and the extra comma' });
      continue;
    }
    const eq = it.text.indexOf('=');
    const after = it.start + eq + 1;
    // The pair is cut at the comma (strtok): nothing after "=" up to it is "key=" alone.
    if (eq !== -1 && (after === spec.length || spec[after] === ',')) {
      out.push({ start: it.start, end: after, message: `xl exits "${PAIR_EXIT[what] ?? `failed to parse ${what} configuration`}: ${it.text}": split_string_into_pair refuses a pair with nothing after "="`, hint: `give ${it.text.slice(0, eq).trim()}= a value, or remove it` });
    }
  }
  return out;
}
