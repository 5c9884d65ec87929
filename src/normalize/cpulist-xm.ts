/**
 * @fileoverview xm's `cpus` strings as xend read them: XendConfig._convert_cpus_to_list splits the
 * string at ",", reads an item with "-" as `(x, y) = c.split('-')` and `range(int(x), int(y) + 1)`,
 * an item starting "^" as a removal, any other with `int(c)`; Python's int() skips blanks around
 * the number and takes a "+". Compared with that function under Python 2.7.18 (docs/fuzzing.md,
 * "Differential checks"; decision 113).
 */
import { selectsNoCpu, type CpuList, type CpuListError, type CpuListItem } from './cpulist.js';
import { pyIntText } from './values.js';


/** Whether the items read so far select no CPU: an add item last selects some, without a look at the rest. */
function emptySoFar(items: readonly CpuListItem[]): boolean {
  const last = items[items.length - 1];
  return last === undefined || (last.negate && selectsNoCpu(items));
}

/** What {@link parseCpuListXm} found: the list, what makes xend fail, and the items xend reads as nothing (XM0272). */
export interface CpuListXmParse {
  list: CpuList;
  errors: CpuListError[];
  ignored: CpuListError[];
}

/**
 * Read one xm CPU list string as xend's _convert_cpus_to_list does; never throws. `""` is no CPU
 * list at all (no pinning). An item is not trimmed as a whole, so " ^1" is int(" ^1") and fails; a
 * range running backwards adds nothing; a "^" item while no CPU is selected removes nothing, and
 * its number is never read (a list comprehension over an empty list), so "^x" there passes.
 * `lead`: what xend puts in front of the string (xm's cpu, "%s,%s" % (cpu, cpus)), which makes
 * the list non-empty before the first item.
 */
export function parseCpuListXm(text: string, lead: readonly CpuListItem[] = []): CpuListXmParse {
  const items: CpuListItem[] = [];
  const errors: CpuListError[] = [];
  const ignored: CpuListError[] = [];
  const list = { text, items };
  if (text === '') return { list, errors, ignored };
  let pos = 0;
  for (const c of text.split(',')) {
    const start = pos;
    const end = pos + c.length;
    pos = end + 1;
    if (c.includes('-')) {
      const parts = c.split('-');
      const x = parts.length === 2 ? pyIntText(parts[0]!) : null;
      const y = parts.length === 2 ? pyIntText(parts[1]!) : null;
      if (x === null || y === null) {
        const why = parts.length !== 2 ? 'more than one "-"' : c.trimStart().startsWith('^') ? '"^" with a range (xm removes single CPUs only)' : 'not N-M with whole numbers';
        errors.push({ start, end, message: `invalid CPU range "${c}": ${why}` });
      } else if (y < x) ignored.push({ start, end, message: `the range "${c}" runs backwards: xend's range(${x}, ${y + 1}) is empty, so it adds no CPU` });
      else items.push({ negate: false, kind: 'cpu', from: x, to: y });
      continue;
    }
    if (c === '') {
      // c[0] of an empty item: IndexError, and the domain is not created. The finding covers the
      // commas around it, as an empty range cannot be shown.
      errors.push({ start: Math.max(start - 1, 0), end: Math.min(end + 1, text.length), message: 'empty item in CPU list' });
      continue;
    }
    const negate = c[0] === '^';
    const n = pyIntText(negate ? c.slice(1) : c);
    // `[x for x in l if x != int(c[1:])]` over an empty l never calls int(): only a number that does
    // not read needs to know whether l is empty (a readable one removes nothing from an empty l).
    if (negate && n === null && emptySoFar(lead.length === 0 ? items : [...lead, ...items])) {
      ignored.push({ start, end, message: `"${c}" removes from no CPU: xend never reads its number, and the item has no effect` });
      continue;
    }
    if (n === null) errors.push({ start, end, message: `invalid CPU ${negate ? 'removal' : 'number'} "${c}"${c.trim() !== c && c.trimStart()[0] === '^' ? ' (xend reads no blank before "^")' : ''}` });
    else items.push({ negate, kind: 'cpu', from: n, to: n });
  }
  return { list, errors, ignored };
}
