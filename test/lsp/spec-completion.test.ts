/**
 * Completion and hover inside device spec strings. Each row: a text with the caret marked `|`, the
 * dialect, and the labels offered (sorted), or null for "no spec completion" (the caller's old
 * behaviour then answers, here always nothing).
 */
import { describe, expect, it } from 'vitest';
import type { MarkupContent, TextEdit } from 'vscode-languageserver';
import { analyze, completeAt, hoverAt, specContext, SPEC_TABLES } from '../../src/lsp/service/index.js';
import { statementStartAt } from '../../src/lsp/service/analysis.js';
import { VSND_FIELDS } from '../../src/normalize/catalogue/spec-tables.js';
import { DISK_FIELDS } from '../../src/normalize/disk.js';
import { VIF_FIELDS } from '../../src/normalize/vif.js';
import { parseDisk } from '../../src/normalize/disk.js';
import { parseVif } from '../../src/normalize/vif.js';
import { parsePci, PCI_FIELDS } from '../../src/normalize/pci.js';
import { applyLspEdits, at, caret } from './helpers.js';
import type { Dialect } from '../../src/syntax/value.js';

/** Labels offered at the caret of `marked`, sorted. */
function labels(marked: string, dialect: Dialect = 'xl'): string[] {
  const { text, offset } = caret(marked);
  const r = analyze(text, { dialect });
  return completeAt(text, r.lineIndex, offset, dialect)
    .map((i) => i.label)
    .sort();
}

const keys = (table: object, ...without: string[]) => Object.keys(table).filter((k) => !without.includes(k)).sort();

type Row = [marked: string, dialect: Dialect, expected: string[]];

const ROWS: Row[] = [
  // start of an item, after a comma, partial word, key already present
  ['vtpm = ["|"]', 'xl', ['backend', 'uuid']],
  ['vtpm = ["backend=0,|"]', 'xl', ['uuid']],
  ['vtpm = ["backend=0, |"]', 'xl', ['uuid']],
  ['vtpm = ["uuid=x,ba|"]', 'xl', ['backend']],
  // Positional items and flags set fields too: offering them again made a string xl refuses (XM0213).
  ['disk = [\'phy:/dev/vg/x,xvda,w,|\']', 'xl', keys(DISK_FIELDS, 'target', 'vdev', 'access')],
  ['disk = [\'/dev/vg/x,raw,|\']', 'xl', keys(DISK_FIELDS, 'target', 'format')],
  ['disk = [\'|,/dev/vg/x,raw\']', 'xl', keys(DISK_FIELDS, 'target', 'format')],
  ['disk = [\'/dev/sr0,raw,xvdc,r,cdrom,|\']', 'xl', keys(DISK_FIELDS, 'target', 'format', 'vdev', 'access', 'devtype')],
  ['disk = [\'vdev=xvda,|,/dev/vg/x\']', 'xl', keys(DISK_FIELDS, 'target', 'vdev')],
  ['disk = [\'vdev=xvda,format=raw,|\']', 'xl', keys(DISK_FIELDS, 'vdev', 'format')],
  ['vif = [ "mac=00:16:3e:00:00:01,br|" ]', 'xl', keys(VIF_FIELDS, 'mac')],
  // enum values after key=, booleans 1/0, nothing for free text
  ['vkb = ["backend-type=|"]', 'xl', ['linux', 'qemu']],
  ['usbctrl = ["type=|"]', 'xl', ['auto', 'devicemodel', 'pv', 'qusb']],
  ['pci = [\'01:00.0,rdm_policy=st|\']', 'xl', ['relaxed', 'strict']],
  ['pci = [\'01:00.0,permissive=|\']', 'xl', ['0', '1']],
  ['channel = ["name=a,connection=|,path=/x"]', 'xl', ['pty', 'socket']],
  ['vtpm = ["uuid=|"]', 'xl', []],
  ['vtpm = ["bogus=|"]', 'xl', []],
  ['rdm = "strategy=host,|"', 'xl', ['policy']],
  ['rdm = "policy=|"', 'xl', ['relaxed', 'strict']],
  ['arm_sci = "type=|"', 'xl', ['none', 'scmi_smc', 'scmi_smc_multiagent']],
  // multi-line list: the item is lines below the key; other items' keys do not count
  ['vif = [\n  "bridge=xenbr0",\n  "mac=00:16:3e:00:00:01, |"\n]\n', 'xl', keys(VIF_FIELDS, 'mac')],
  ['name = "a"\nvtpm = [\n  # a comment, "with a quote\n  "backend=0,|",\n', 'xl', ['uuid']],
  // xm: single quotes, several items; xm disks are positional, no keys
  // xm: the vif keys xm's parser knew (it refused mtu=, devid=, …) that the field table has.
  ["vif = [ 'mac=00:16:3e:00:00:01', 'bridge=xenbr0,|' ]", 'xm', ['accel', 'backend', 'ip', 'mac', 'model', 'rate', 'script', 'type', 'vifname']],
  ["disk = [ 'phy:/dev/a,xvda,w', '|' ]", 'xl', keys(DISK_FIELDS)],
  ["disk = [ 'phy:/dev/a,xvda,w', '|' ]", 'xm', []],
  // vsnd: the element first, then that element's keys
  ["vsnd = [[ '|' ]]", 'xl', ['card', 'pcm', 'stream']],
  ["vsnd = [[ 'card, backend=0, |', 'pcm, name=p' ]]", 'xl', keys(VSND_FIELDS.card, 'backend')],
  ["vsnd = [[ 'card', 'stream, type=|' ]]", 'xl', ['c', 'p']],
  ["vsnd = [[ 'bogus, |' ]]", 'xl', []],
  ["vsnd = [ '|' ]", 'xl', []],
  // unterminated string, unclosed list
  ['vtpm = ["backend=0,|', 'xl', ['uuid']],
  ['vtpm = ["backend=0,|\nname = "x"\n', 'xl', ['uuid']],
  ['name = "x"; vtpm = ["|"]', 'xl', ['backend', 'uuid']],
  // no spec completion: comments, outside strings, other options, positional text, after target=
  ['# vtpm = ["|"]', 'xl', []],
  ['vtpm = ["backend=0"] # x,|', 'xl', []],
  ['vtpm = [|]', 'xl', []],
  ['vtpm = ["backend=0", |]', 'xl', []],
  ['kernel = "|"', 'xl', []],
  ['vtpm = []; kernel = "|"', 'xl', []],
  ['disk = [\'phy:/dev/|\']', 'xl', []],
  ['disk = [\'format=raw,target=/a,|\']', 'xl', []],
  // virtio: the item after type=virtio… is the device name (xl joins it to the type)
  ['virtio = ["type=virtio,|"]', 'xl', []],
  ['virtio = ["type=virtio,device22,|"]', 'xl', ['backend', 'grant_usage', 'transport']],
  ['vtpm = ["""|"""]', 'xm', []],
  ['vtpm = [["|"]]', 'xl', []],
];

describe('completion inside spec strings', () => {
  for (const [marked, dialect, expected] of ROWS) {
    it(`${dialect}: ${JSON.stringify(marked)}`, () => {
      expect(labels(marked, dialect)).toEqual([...expected].sort());
    });
  }

  it('every spec table: an empty item offers exactly its keys', () => {
    for (const [option, table] of Object.entries(SPEC_TABLES)) {
      expect(labels(`${option} = ["|"]`), option).toEqual(keys(table));
      expect(labels(`${option} = "|"`), option).toEqual(keys(table));
    }
    for (const [element, table] of Object.entries(VSND_FIELDS)) expect(labels(`vsnd = [["${element},|"]]`), element).toEqual(keys(table));
  });

  it.each(['vif', 'pci', 'vfb', 'vtpm'])('xm: every %s key offered is one xm knew (no XM0222 once a value is typed)', (option) => {
    const line = `${option} = ["`;
    const { text, offset } = caret(`name = "a"\nkernel = "/k"\n${line}|"]\n`);
    const items = completeAt(text, analyze(text, { dialect: 'xm' }).lineIndex, offset, 'xm');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      // Before, an xm vif offered mtu=, devid=, vlan=, … which xm refuses (XM0222).
      const typed = applyLspEdits(text, [item.textEdit as TextEdit]).replace(`${item.label}=`, `${item.label}=x`);
      const codes = analyze(typed, { dialect: 'xm' }).diagnostics.filter((d) => d.code === 'XM0222').map((d) => [d.code, typed.slice(d.span.start, d.span.end)]);
      expect(codes, item.label).toEqual([]);
    }
  });

  it('replaces the partial word; key= unless an = follows', () => {
    const { text, offset } = caret('vif = [ "mac=00:16:3e:00:00:01,br|" ]');
    const r = analyze(text);
    const bridge = completeAt(text, r.lineIndex, offset).find((i) => i.label === 'bridge')!;
    const edit = bridge.textEdit as TextEdit;
    expect(edit.newText).toBe('bridge=');
    expect(at(edit.range.start)).toBe(`0:${text.indexOf('br')}`);
    expect(at(edit.range.end)).toBe(`0:${offset}`);
    const b = caret('vtpm = ["back|=0"]');
    const backend = completeAt(b.text, analyze(b.text).lineIndex, b.offset).find((i) => i.label === 'backend')!;
    expect((backend.textEdit as TextEdit).newText).toBe('backend');
    expect(backend.detail).toBe('text');
    expect((backend.documentation as MarkupContent).value).toContain('vtpm');
  });

  it.each([
    ['vif = ["bri|=xenbr0"]', 'bridge', 'vif = ["bridge=xenbr0"]'],
    ['vif = ["mac=00:16:3e:00:00:01, scr|ipt"]', 'bridge', 'vif = ["mac=00:16:3e:00:00:01, bridge="]'],
    ['vkb = ["backend-type=q|x, unique-id=k"]', 'linux', 'vkb = ["backend-type=linux, unique-id=k"]'],
    ["vkb = ['backend-type=|qemu']", 'linux', "vkb = ['backend-type=linux']"],
  ])('an item chosen in the middle of a key or value replaces all of it: %j', (marked, label, expected) => {
    const { text, offset } = caret(marked);
    const item = completeAt(text, analyze(text).lineIndex, offset).find((i) => i.label === label)!;
    expect(applyLspEdits(text, [item.textEdit as TextEdit])).toBe(expected);
  });

  it('value range starts after =, in UTF-16 columns on a later line', () => {
    const { text, offset } = caret('name = "é😀"\nvkb = [\n "unique-id=é😀, backend-type=q|"]');
    const items = completeAt(text, analyze(text).lineIndex, offset);
    const qemu = items.find((i) => i.label === 'qemu')!;
    const edit = qemu.textEdit as TextEdit;
    expect(edit.newText).toBe('qemu');
    expect(at(edit.range.start)).toBe(`2:${' "unique-id=é😀, backend-type='.length}`);
  });

  it('never throws, at every offset of awkward texts', () => {
    const texts = ['vif = ["a=b,', 'disk = [\'x\\', "vsnd = [['card,", 'vtpm = ["""a,', 'x = [[[(("a', '"', "'''", '#', ';;=', 'vif += ["\\\n'];
    for (const t of texts) for (let o = 0; o <= t.length; o++) expect(() => specContext(t, o)).not.toThrow();
  });
});

describe('hover inside spec strings', () => {
  it('documents a spec key', () => {
    const { text, offset } = caret('vif = ["mac=00:16:3e:00:00:01,bri|dge=xenbr0"]\n');
    const h = hoverAt(analyze(text), offset, text)!;
    expect((h.contents as MarkupContent).value).toContain('**bridge**');
    expect(at(h.range!.start)).toBe(`0:${text.indexOf('bridge')}`);
    expect(at(h.range!.end)).toBe(`0:${text.indexOf('bridge') + 6}`);
    expect((hoverAt(analyze(text), offset, text)!.contents as MarkupContent).value).toContain('vif');
  });
  it('on a value, an unknown key, or without the text, the whole entry is hovered (its parsed fields)', () => {
    const entry = (text: string, offset: number, withText: boolean) => hoverAt(analyze(text), offset, withText ? text : undefined)!.range!;
    const a = caret('vif = ["mac=00:16:3e:00:|00:01"]\n');
    expect([at(entry(a.text, a.offset, true).start), at(entry(a.text, a.offset, true).end)]).toEqual(['0:7', `0:${a.text.indexOf(']')}`]);
    const b = caret('vif = ["bo|gus=1"]\n');
    expect(at(entry(b.text, b.offset, true).start)).toBe('0:7');
    const c = caret('vif = ["bri|dge=x"]\n');
    expect(at(entry(c.text, c.offset, false).start)).toBe('0:7');
  });
});

describe("spec strings are read from the caret's statement (the parse), not from the file start", () => {
  it("after a statement the parser ended at an unclosed bracket, the string is the next assignment's, as check reads it", () => {
    // The parser ends `x = [1,` at the blank line and reads `vif = [...]` as an assignment; read from the
    // file start, the string was taken for an item of x (depth 2) and neither hover nor completion answered.
    for (const head of ['x = [1,\n\n', 'x = (1\n', 'x = {1:\n', 'a = 1 +\n']) {
      const h = caret(`${head}vif = ["mac=00:16:3e:00:00:01,bri|dge=xenbr0"]\n`);
      const r = analyze(h.text);
      expect((hoverAt(r, h.offset, h.text)?.contents as MarkupContent | undefined)?.value, head).toContain('**bridge** (`vif` spec)');
      const c = caret(`${head}vtpm = ["backend=0,|"]\n`);
      const rc = analyze(c.text);
      expect(completeAt(c.text, rc.lineIndex, c.offset, 'xl', rc.tree.statements).map((i) => i.label), head).toEqual(['uuid']);
    }
  });

  it('answers as a read from the file start does wherever the two agree (every offset of well-formed files)', () => {
    const texts = [
      'name = "a"\nvif = [\n  "bridge=xenbr0",\n  "mac=00:16:3e:00:00:01, "\n]\n# c, "x\nvtpm = ["backend=0,uuid=1"]; disk = [\'phy:/a,xvda,w\']\n',
      'x = """a\nvif = ["b=1"]\n"""\nvsnd = [[ \'card, backend=0\', \'pcm, name=p\' ]]\n',
    ];
    for (const text of texts) {
      const r = analyze(text);
      for (let o = 0; o <= text.length; o++) expect(specContext(text, o, 'xl', statementStartAt(r.tree.statements, o)), `${o}`).toEqual(specContext(text, o));
    }
  });
});

describe('the parsers know every key their tables list', () => {
  it('disk, vif, pci', () => {
    for (const k of Object.keys(DISK_FIELDS)) expect(parseDisk(`vdev=xvda,${k}=x`, 'xl').problems.filter((p) => p.unknownKey), k).toEqual([]);
    for (const k of Object.keys(VIF_FIELDS)) expect(parseVif(`${k}=x`).problems.filter((p) => p.unknownKey), k).toEqual([]);
    for (const k of Object.keys(PCI_FIELDS)) expect(parsePci(`01:00.0,${k}=x`).problems.filter((p) => p.unknownKey), k).toEqual([]);
    expect(parseVif('bogus=1').problems.some((p) => p.unknownKey)).toBe(true);
  });
  it('every enum value reads without a problem', () => {
    for (const [k, kind] of Object.entries(DISK_FIELDS)) {
      if (typeof kind === 'string') continue;
      // With a target: xl refuses a disk without one (other than a CD-ROM).
      for (const v of kind as readonly string[]) expect(parseDisk(`vdev=xvda,${k}=${v},target=/x`, 'xl').problems, `${k}=${v}`).toEqual([]);
    }
    for (const v of PCI_FIELDS.rdm_policy as readonly string[]) expect(parsePci(`01:00.0,rdm_policy=${v}`).problems).toEqual([]);
  });
});

describe('spec completion on large texts', () => {
  it('stays linear: a 2 MB file of quotes, commas and brackets', () => {
    const line = 'vif = [ "mac=00:16:3e:00:00:01,bridge=x", \'a,b=c\', [("x,y=z")] ] # ", [\n';
    const text = line.repeat(Math.ceil(2_000_000 / line.length)) + 'vtpm = ["backend=0,';
    const t0 = performance.now();
    const ctx = specContext(text, text.length);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(ctx?.kind).toBe('key');
  });
});
