/**
 * @fileoverview xm's `vscsi` as create.py read it: preprocess_vscsi splits each string at "," and
 * strips each field (a PDEV,VDEV pair's VDEV must be `host` or four ":"-parts; three fields are taken
 * as they are), and configure_vscsis reads the device number of a VDEV with `int(vdev.split(':')[0])`
 * and refuses a VDEV given twice or one device number with two backends. The physical device is
 * looked up on the host, which xmcfg does not judge.
 */
import type { Setting, Value } from '../syntax/value.js';
import { pointer, type NormalizeContext } from './context.js';
import { readString, subSpan, describeValue, valueToJson, pyIntText } from './values.js';
import { pyStripRange } from './spec-items.js';

const HINT = 'write "PDEV,VDEV[,BACKEND]" with VDEV "host" or H:C:T:L in decimal, e.g. "/dev/sdb,0:0:0:0"';

/** Python 2's str.strip() of a byte string: the C blanks at both ends, with the offset of what is left. */
function pyStrip(text: string): { text: string; lead: number } {
  const [a, b] = pyStripRange(text, 0, text.length);
  return { text: text.slice(a, b), lead: a };
}

/** Read xm's vscsi; the value stays the list of strings, each problem is an XM0217 at its field (a value not a list: XM0102, left out). */
export function readVscsiXm(s: Setting, ctx: NormalizeContext): unknown {
  const v = s.value;
  if (v.kind === 'string' && v.value === '') return [];
  if (v.kind !== 'list') {
    // `for scsi_str in vals.vscsi`: a string is read character by character, none a "PDEV,VDEV".
    ctx.report('XM0102', v.span, `vscsi must be a list of "PDEV,VDEV[,BACKEND]" strings; got ${describeValue(v)} (${v.kind === 'string' ? 'create.py reads a single string character by character, and xm create fails: "vscsi syntax error"' : 'create.py iterates over it and xm create fails'})`, { hint: `write vscsi = [ ${v.kind === 'string' ? JSON.stringify(v.value) : '"/dev/sdb,0:0:0:0"'} ]` });
    return undefined;
  }
  const out: unknown[] = [];
  const seen = { pdevs: new Set<string>(), vdevs: new Set<string>() };
  const backends = new Map<number, string | null>();
  v.items.forEach((item, n) => {
    const r = readString(item, ctx.dialect);
    ctx.mark(pointer(s.key, n), s, item.span);
    if (!r.ok) {
      ctx.report('XM0102', item.span, `vscsi items must be strings; got ${describeValue(item)} (create.py's .split fails)`, { hint: HINT });
      out.push(valueToJson(item));
      return;
    }
    out.push(r.value);
    checkOne(r.value, item, ctx, seen, backends);
  });
  return out;
}

/** One vscsi string: its fields, the VDEV's device number, and the repeats create.py refuses. */
function checkOne(text: string, item: Value, ctx: NormalizeContext, seen: { pdevs: Set<string>; vdevs: Set<string> }, backends: Map<number, string | null>): void {
  const fields: { text: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const raw of text.split(',')) {
    const t = pyStrip(raw);
    fields.push({ text: t.text, start: pos + t.lead, end: pos + t.lead + t.text.length });
    pos += raw.length + 1;
  }
  const bad = (start: number, end: number, message: string): void => ctx.report('XM0217', end > start ? subSpan(item, start, end) : item.span, `bad vscsi spec: ${message}`, { hint: HINT });
  if (fields.length !== 2 && fields.length !== 3) return bad(0, text.length, `"${text}" has ${fields.length} field${fields.length === 1 ? '' : 's'} (xm: 'vscsi syntax error', it wants PDEV,VDEV or PDEV,VDEV,BACKEND)`);
  const [pdev, vdev] = fields as [(typeof fields)[0], (typeof fields)[0]];
  if (fields.length === 2 && vdev.text !== 'host' && vdev.text.split(':').length !== 4) return bad(vdev.start, vdev.end, `VDEV "${vdev.text}" is not "host" nor H:C:T:L (xm: 'vscsi syntax error')`);
  // The same PDEV is the same device on any host (two names of one device only the host knows).
  const twice = seen.pdevs.has(pdev.text);
  seen.pdevs.add(pdev.text);
  if (vdev.text === 'host') return twice ? bad(pdev.start, pdev.end, `PDEV "${pdev.text}" is given twice (xm: "The physical device … is already defined")`) : undefined; // its device number is the host's
  const devid = pyIntText(vdev.text.split(':')[0]!);
  if (devid === null) return bad(vdev.start, vdev.end, `VDEV "${vdev.text}": xm reads its first part with int(), which fails`);
  if (twice) return bad(pdev.start, pdev.end, `PDEV "${pdev.text}" is given twice (xm: "The physical device … is already defined")`);
  if (seen.vdevs.has(vdev.text)) return bad(vdev.start, vdev.end, `VDEV "${vdev.text}" is given twice (xm: "The virtual device … is already defined")`);
  seen.vdevs.add(vdev.text);
  const backend = fields.length === 3 ? fields[2]!.text : null;
  if (backends.has(devid) && backends.get(devid) !== backend) return bad(0, text.length, `devices of virtual host ${devid} with two backends (xm: "cannot define because backend is different")`);
  backends.set(devid, backend);
}
