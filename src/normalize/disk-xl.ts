/**
 * @fileoverview xl disk specs, xl-disk-configuration(5) as libxlu_disk_l.l lexes them: positional
 * `target, format, vdev, access` (empty fields allowed) mixed with `key=value` items and bare flags
 * (`discard`, `trusted`, …), `target=` last and swallowing the rest; legacy prefixes (`phy:`,
 * `file:`, `tap:aio:`, `raw:`, …), tokens of their own before any item, skip the format slot.
 * Checked against xlu_disk_parse compiled from Xen's sources (docs/fuzzing.md, session 24). Here the
 * loop over the items (which tokens the lexer makes of the string); what each token sets is
 * disk-xl-state.ts, the checks after an item disk-xl-checks.ts.
 */
import type { DiskSpec } from './catalogue/spec-types.js';
import { splitItems, trimItem, type SpecItem } from './spec-items.js';
import type { SpecParse } from './spec-result.js';
import { keptBlanks, swallowed } from './disk-xl-checks.js';
import { XlDisk, type Token } from './disk-xl-state.js';
import { xlVdev } from './vdev-xl.js';

/**
 * Read one item (or the rest of one, after a token inside it) as the lexer does: deprecated prefixes,
 * then a flag or positional parameter, `target=` (which ends the string: true), or a key.
 */
function readItem(d: XlDisk, spec: string, items: readonly SpecItem[], i: number, whole: SpecItem | Token): boolean {
  const last = i === items.length - 1;
  const it = d.prefixes(whole, d.noTarget());
  if (it === null) return true;
  // Prefixes and nothing else at the end of the string: no positional token follows them.
  if (it !== whole && it.text === '' && last) return false;
  const eq = it.text.indexOf('=');
  if (eq === -1) {
    // The text before a "=" that ends the string: a blank in it is inside the parameter, judged as its value.
    const beforeEq = 'after' in whole && !whole.after;
    // A flag's rule (`discard,?`) ends at the comma: with blanks before it, the positional rule's match is longer.
    const comma = spec.indexOf(',', it.end);
    if ((!beforeEq && it.end !== (comma === -1 ? spec.length : comma)) || !d.flag(it)) d.positional(it);
    // After the item: the lexer's positional rule does nothing once an error was seen (`if (DPC->err)`).
    if (!beforeEq) keptBlanks(d, spec, it, comma, eq);
    return false;
  }
  if (it.text.startsWith('target=')) {
    // `target=.*` swallows the rest of the string, commas included, and STRIP(',') takes one comma
    // off its end ("target=/a," is /a).
    const end = spec.endsWith(',') ? spec.length - 1 : spec.length;
    const rest = trimItem(spec, it.start + eq + 1, end);
    d.string('target', 'target', rest.text, rest.start, rest.end);
    // The item is the whole rest (its commas are the target's), so only a blank at its end or after "=" is kept.
    keptBlanks(d, spec, trimItem(spec, it.start, end), end === spec.length ? -1 : end, eq);
    swallowed(d, items.slice(i + 1), rest.text);
    return true;
  }
  const token = d.keyParam(it, eq);
  if (token === null) {
    const key = it.text.slice(0, eq);
    const comma = spec.indexOf(',', it.end);
    // setcoloport's atoi skips the blanks before the number and stops at those after it: nothing is
    // kept. libxl's strtoul skips those before a vdev number too (`vdev= 51712` is device 51712).
    if (key !== 'colo-port' && !(key === 'vdev' && xlVdev(spec.slice(it.start + eq + 1, comma === -1 ? spec.length : comma)).devid >= 0)) keptBlanks(d, spec, it, comma, eq);
    return false;
  }
  if (token.text !== '') return readItem(d, spec, items, i, token);
  // grant_usage=0 or =1 then blanks and a comma: the whitespace rule skips the blanks, and the comma alone is an empty positional parameter.
  const comma = spec.indexOf(',', it.end);
  if (token.after && comma !== -1 && comma > it.end) d.positional({ text: '', start: comma, end: comma });
  return false;
}

/** Parse an xl disk spec: its items as libxlu_disk_l.l reads them. */
export function parseXl(spec: string): SpecParse<DiskSpec> {
  const d = new XlDisk(spec);
  const items = splitItems(spec);
  for (let i = 0; i < items.length && !d.stopped; i++) {
    const whole = items[i]!;
    // A spec that ends with "," (or is empty) has no item there: the positional rule needs a character or a comma.
    if (whole.text === '' && i === items.length - 1) break;
    if (readItem(d, spec, items, i, whole)) break;
  }
  const r = d.r;
  // xlu_disk_parse checks for a vdev, then for a target unless the disk is a CD-ROM (removable), only when the lexer found no error.
  if (r.problems.every((p) => p.xlWarns !== undefined)) {
    if (r.value.vdev === undefined) r.problems.push({ start: 0, end: spec.length, message: 'no vdev: every disk needs a virtual device name' });
    else if (d.noTarget() && r.value.devtype !== 'cdrom') {
      r.problems.push({ start: 0, end: spec.length, message: 'no target: a disk other than a CD-ROM needs one (xl: "no target specified (and device not removable)")', hint: 'add target=PATH at the end, or a first positional field (an empty one for no medium)' });
    }
  }
  return r;
}
