/**
 * @fileoverview The domain name as QEMU reads it. libxl passes an HVM guest's name to qemu-xen as
 * `-name NAME` without escaping it (libxl_dm.c, libxl__build_device_model_args_new), and QEMU reads
 * that argument as an option list (util/qemu-option.c, get_opt_name_value): `,` separates options
 * (`,,` is a comma), the first one is `guest` unless an `=` comes before any `,`, and only `guest`,
 * `process` and `debug-threads` are known. QEMU exits on any other option ("Invalid parameter"), so
 * the device model never starts and libxl destroys the domain. qemu-xen-traditional takes the name
 * as `-domain-name`, a plain string.
 */

/** Options QEMU's `-name` knows (qemu-options.hx, `-name string1[,process=string2][,debug-threads=on|off]`). */
const KNOWN = new Set(['guest', 'process', 'debug-threads']);

/** QEMU's boolean spellings (qapi_bool_parse). */
const BOOLEAN = new Set(['on', 'off', 'yes', 'no', 'true', 'false', 'y', 'n']);

/** Why QEMU refuses `-name NAME` (its message), or null when it accepts it. */
export function qemuNameProblem(name: string): string | null {
  let i = 0;
  let first = true;
  // QEMU's loop ends at the end of the text: a final single `,` ends the list (`web,` is fine).
  while (i < name.length) {
    const len = stopAt(name, i);
    let key: string;
    let value: string;
    if (name[i + len] !== '=') {
      // No `=` before the next `,`: the implied `guest` at first, else a flag (`x` is x=on, `nox` x=off).
      const read = readValue(name, i);
      if (first) [key, value] = ['guest', read.value];
      else [key, value] = [name.slice(i, i + len).replace(/^no/, ''), 'on'];
      i = first ? read.end : i + len;
    } else {
      key = name.slice(i, i + len);
      const read = readValue(name, i + len + 1);
      value = read.value;
      i = read.end;
    }
    if (!KNOWN.has(key)) return `Invalid parameter '${key}'`;
    if (key === 'debug-threads' && !BOOLEAN.has(value)) return `Parameter 'debug-threads' expects 'on' or 'off'`;
    first = false;
    i++; // past the `,`
  }
  return null;
}

/** Characters before the next `=` or `,` from `from` (strcspn(params, "=,")). */
function stopAt(s: string, from: number): number {
  let n = from;
  while (n < s.length && s[n] !== '=' && s[n] !== ',') n++;
  return n - from;
}

/** An option value from `from` to the next single `,` (`,,` is a comma): its text and where it ends. */
function readValue(s: string, from: number): { value: string; end: number } {
  let value = '';
  let i = from;
  while (i < s.length) {
    if (s[i] === ',') {
      if (s[i + 1] !== ',') break;
      i++;
    }
    value += s[i];
    i++;
  }
  return { value, end: i };
}
