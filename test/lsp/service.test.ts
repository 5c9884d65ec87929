import { describe, expect, it } from 'vitest';
import type { MarkupContent, TextEdit } from 'vscode-languageserver';
import {
  analyze,
  capDiagnostics,
  codeActions,
  droppedNote,
  completeAt,
  completionContext,
  documentSymbols,
  formatDocument,
  hoverAt,
  keyDoc,
  toLspDiagnostics,
} from '../../src/lsp/service/index.js';
import { codeUrl } from '../../src/diagnostics/registry.js';
import { domainNameFromUri } from '../../src/lsp/service/actions.js';
import { applyLspEdits, at, caret } from './helpers.js';
import { ON_CRASH_LINE } from '../convert/xm-defaults.js';

const URI = 'file:///guests/web01.cfg';

describe('diagnostics', () => {
  it('same codes and spans as check, 0-based, with the code link', () => {
    const text = 'name = "a"\nmemroy = 512\n';
    const r = analyze(text);
    const diags = toLspDiagnostics(r.diagnostics, r.lineIndex, URI);
    const unknown = diags.find((d) => d.code === 'XM0101')!;
    expect(unknown).toBeDefined();
    expect(at(unknown.range.start)).toBe('1:0');
    expect(at(unknown.range.end)).toBe('1:6');
    expect(unknown.codeDescription?.href).toBe(codeUrl('XM0101'));
    expect(unknown.source).toBe('xmcfg');
    expect(unknown.severity).toBe(2);
    expect(diags).toHaveLength(r.diagnostics.length);
  });
  it('tags a deprecated option (XM0107) Deprecated, so editors strike it through; nothing else is tagged', () => {
    const text = 'name = "a"\nbuilder = "hvm"\nmemroy = 1\n';
    const r = analyze(text);
    const diags = toLspDiagnostics(r.diagnostics, r.lineIndex, URI);
    expect(diags.map((d) => [d.code, at(d.range.start), at(d.range.end), d.tags])).toEqual([
      ['XM0107', '1:0', '1:7', [2]],
      ['XM0101', '2:0', '2:6', undefined],
    ]);
  });
  it('related spans for a duplicate key', () => {
    const text = 'name = "a"\nname = "b"\n';
    const r = analyze(text);
    const dup = toLspDiagnostics(r.diagnostics, r.lineIndex, URI).find((d) => d.code === 'XM0201')!;
    expect(dup.relatedInformation?.[0]?.location.uri).toBe(URI);
    expect(at(dup.relatedInformation![0]!.location.range.start)).toBe('0:0');
  });
  it('caps the published findings, errors first, and counts the rest', () => {
    const text = Array.from({ length: 30 }, () => 'name = "a"').join('\n') + '\nmemory = [1,\n';
    const r = analyze(text, { dialect: 'xl' });
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    expect(r.diagnostics.length).toBeGreaterThan(20);
    const { kept, dropped } = capDiagnostics(r.diagnostics, 10);
    expect(kept).toHaveLength(10);
    expect(dropped).toBe(r.diagnostics.length - 10);
    expect(kept.filter((d) => d.severity === 'error')).toHaveLength(Math.min(errors, 10));
    expect(kept.map((d) => d.span.start)).toEqual([...kept.map((d) => d.span.start)].sort((a, b) => a - b));
    expect(droppedNote(dropped, 10).message).toContain(String(dropped));
    expect(capDiagnostics(r.diagnostics, 1000).dropped).toBe(0);
  });
  it('columns count UTF-16 units', () => {
    const text = 'name = "é😀"; memroy = 1\n';
    const r = analyze(text);
    const d = toLspDiagnostics(r.diagnostics, r.lineIndex, URI).find((x) => x.code === 'XM0101')!;
    expect(at(d.range.start)).toBe(`0:${text.indexOf('memroy')}`);
  });
});

describe('hover', () => {
  it('documents a known key', () => {
    const { text, offset } = caret('name = "a"\nmem|ory = 512\n');
    const h = hoverAt(analyze(text), offset)!;
    const md = (h.contents as MarkupContent).value;
    expect(md).toContain('**memory**');
    expect(md).toContain('MiB');
    expect(md).toContain('default');
    expect(at(h.range!.start)).toBe('1:0');
  });
  it('names libxl\'s "not set" value where the catalogue lists one (timer_mode "unknown", XM0254; decision 090)', () => {
    expect(keyDoc('timer_mode')!.unsetName).toEqual({ name: 'unknown', becomes: 'no_delay_for_missed_ticks' });
    expect(keyDoc('tsc_mode')!.unsetName).toBeUndefined();
    const xl = caret('type = "hvm"\ntimer_m|ode = "unknown"\n');
    expect((hoverAt(analyze(xl.text), xl.offset)!.contents as MarkupContent).value).toContain('`unknown`');
    // xm took numbers only (XM0104): no name to offer there.
    const xm = caret('builder = "hvm"\ntimer_m|ode = 1\n');
    expect((hoverAt(analyze(xm.text, { dialect: 'xm' }), xm.offset)!.contents as MarkupContent).value).not.toContain('`unknown`');
  });
  it('shows allowed values', () => {
    const { text, offset } = caret('on_cr|ash = "restart"\n');
    const md = (hoverAt(analyze(text), offset)!.contents as MarkupContent).value;
    expect(md).toContain('`coredump-destroy`');
  });
  it('says which guest types xl reads a type-only option for', () => {
    const { text, offset } = caret('type = "hvm"\nv|ga = "stdvga"\n');
    const md = (hoverAt(analyze(text), offset)!.contents as MarkupContent).value;
    expect(md).toContain('- xl reads it only for HVM guests');
    const k = caret('key|map = "de"\n');
    expect((hoverAt(analyze(k.text), k.offset)!.contents as MarkupContent).value).toContain('only for PV or HVM guests');
    const m = caret('mem|ory = 512\n');
    expect((hoverAt(analyze(m.text), m.offset)!.contents as MarkupContent).value).not.toContain('reads it only');
  });
  it('says which guest types xm read an option for (create.py: builder = "hvm"), xl\'s reading beside it', () => {
    const v = caret('vn|c = 1\n');
    const md = (hoverAt(analyze(v.text), v.offset)!.contents as MarkupContent).value;
    expect(md).toContain('- xm reads it only for HVM guests (builder = "hvm")');
    expect(md).not.toContain('- xl reads it only');
    const p = caret('pa|e = 1\n');
    expect((hoverAt(analyze(p.text), p.offset)!.contents as MarkupContent).value).toMatch(/- xl reads it only for HVM guests\n- xm reads it only for HVM guests/);
  });
  it('is written for the file\'s dialect, as completion is: xm\'s lifecycle values, xl-only options and spec keys', () => {
    const md = (text: string, dialect: 'xl' | 'xm') => {
      const c = caret(text);
      return (hoverAt(analyze(c.text, { dialect }), c.offset, c.text)!.contents as MarkupContent).value;
    };
    // xm had no soft-reset (XM0104 in check), nor coredump-* for on_poweroff; completion offers neither.
    const crash = md('on_cr|ash = "restart"\n', 'xm');
    expect(crash).toContain('- allowed in xm: `destroy`, `restart`, `preserve`, `rename-restart`, `coredump-destroy`, `coredump-restart`');
    expect(crash).not.toContain('soft-reset');
    expect(md('on_power|off = "destroy"\n', 'xm')).not.toContain('coredump');
    expect(md('on_cr|ash = "restart"\n', 'xl')).toContain('`soft-reset`');
    // An option the file's dialect does not read, either way round.
    expect(md('ty|pe = "pv"\n', 'xm')).toContain('- not an xm option');
    expect(md('ty|pe = "pv"\n', 'xl')).not.toContain('not an');
    expect(md('vnc|viewer = 1\n', 'xl')).toContain('- not an xl option');
    // A spec key xm's parser refused (mtu in a vif: XM0222), which xm completion leaves out.
    const vif = 'vif = ["mac=00:16:3e:00:00:01,mt|u=1500"]\n';
    expect(md(vif, 'xm')).toContain('xl only: xm refuses `mtu`');
    expect(md(vif, 'xl')).not.toContain('xl only');
  });
  it('nothing on unknown keys or their values; a known key\'s value has its own hover (test/lsp/value-hover.test.ts)', () => {
    const a = caret('memory = 5|12\n');
    expect(at(hoverAt(analyze(a.text), a.offset)!.range!.start)).toBe('0:9');
    const b = caret('memr|oy = 512\n');
    expect(hoverAt(analyze(b.text), b.offset)).toBeNull();
    const c = caret('memroy = 5|12\n');
    expect(hoverAt(analyze(c.text), c.offset)).toBeNull();
  });
});

describe('completion', () => {
  it('keys at the start of a statement', () => {
    const { text, offset } = caret('name = "a"\nmem|');
    const r = analyze(text);
    const items = completeAt(text, r.lineIndex, offset, r.dialect);
    const mem = items.find((i) => i.label === 'memory')!;
    expect(mem).toBeDefined();
    const edit = mem.textEdit as TextEdit;
    expect(edit.newText).toBe('memory = ');
    expect(at(edit.range.start)).toBe('1:0');
    expect((mem.documentation as MarkupContent).value).toContain('MiB');
  });
  it('keys after a semicolon, without a second =', () => {
    expect(completionContext('a = 1; vc = 2', 'a = 1; vc'.length)).toEqual({ kind: 'key', start: 7, end: 9, restHasEquals: true });
  });
  it.each([
    // [text with caret, label chosen, text after the editor applies the item]
    ['name = "a"\nmem|roy = 512\n', 'memory', 'name = "a"\nmemory = 512\n'],
    ['type = "p|vh"\n', 'hvm', 'type = "hvm"\n'],
    ['type = "|pvh"\n', 'hvm', 'type = "hvm"\n'],
    ['type = |"pvh"\n', 'hvm', 'type = "hvm"\n'],
    ["on_crash = 'des|troy' # c\n", 'restart', "on_crash = 'restart' # c\n"],
    ['type = "h|\n', 'hvm', 'type = "hvm"\n'],
  ])('an item chosen in the middle of a word replaces the word: %j', (marked, label, expected) => {
    const { text, offset } = caret(marked);
    const r = analyze(text);
    const item = completeAt(text, r.lineIndex, offset, r.dialect).find((i) => i.label === label)!;
    expect(applyLspEdits(text, [item.textEdit as TextEdit])).toBe(expected);
  });
  it('allowed values after =', () => {
    const { text, offset } = caret('on_crash = |');
    const r = analyze(text);
    const items = completeAt(text, r.lineIndex, offset, r.dialect);
    expect(items.map((i) => i.label)).toContain('coredump-restart');
    expect((items[0]!.textEdit as TextEdit).newText).toMatch(/^".*"$/);
  });
  it.each([
    ['xm', 'on_poweroff', ['destroy', 'restart', 'preserve', 'rename-restart']],
    ['xm', 'on_crash', ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart']],
    ['xl', 'on_poweroff', ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart', 'soft-reset']],
    // xend took tsc_mode as a number (int("2") too), not xl's names (decision 081).
    ['xm', 'tsc_mode', ['0', '1', '2', '3']],
  ] as const)('lifecycle values as the dialect has them (%s %s), each re-checking without XM0104', (dialect, key, values) => {
    const { text, offset } = caret(`name = "a"\nkernel = "/k"\n${key} = "|"\n`);
    const r = analyze(text, { dialect });
    const items = completeAt(text, r.lineIndex, offset, r.dialect);
    expect([...items.map((i) => i.label)].sort()).toEqual([...values].sort());
    for (const item of items) {
      const done = analyze(applyLspEdits(text, [item.textEdit as TextEdit]), { dialect });
      expect(done.diagnostics.map((d) => d.code)).not.toContain('XM0104');
    }
  });
  it('values inside an opened quote get the closing quote', () => {
    const { text, offset } = caret('type = "h|');
    const r = analyze(text);
    const items = completeAt(text, r.lineIndex, offset, r.dialect);
    const hvm = items.find((i) => i.label === 'hvm')!;
    expect((hvm.textEdit as TextEdit).newText).toBe('hvm"');
    expect(at((hvm.textEdit as TextEdit).range.start)).toBe('0:8');
  });
  it.each(['disk = [\n    "a",\n    |\n]\n', 'extra = """a\nb|\n"""\nacpi = True\n', 'memory = (256 +\n  |)\n'])(
    'no keys on a line inside a statement begun on an earlier line: %j',
    (marked) => {
      const { text, offset } = caret(marked);
      const r = analyze(text);
      expect(completeAt(text, r.lineIndex, offset, r.dialect, r.tree.statements)).toEqual([]);
    },
  );
  it.each(['disk = [\n    "a",\n]\nme|\n', 'if x:\n    me|\n', 'x = 1\n  me|', 'a = 1; me|'])('keys where a statement may start: %j', (marked) => {
    const { text, offset } = caret(marked);
    const r = analyze(text);
    expect(completeAt(text, r.lineIndex, offset, r.dialect, r.tree.statements).map((i) => i.label)).toContain('memory');
  });
  it.each([
    // [dialect, text with caret, keys offered, keys left out]: a key set elsewhere is not offered
    // again (its second `=` would be a duplicate, XM0201), but for the key being (re)typed.
    ['xl', 'name = "a"\nmemory = 512\n|', ['vcpus'], ['name', 'memory']],
    ['xl', 'name = "a"; mem|', ['vcpus', 'memory'], ['name']],
    ['xl', 'na|me = "a"\nmemory = 512\n', ['name'], ['memory']],
    ['xl', 'memory = 512\nmem|ory = 1024\n', ['maxmem'], ['memory']],
    ['xm', 'name = "a"\nkernel = "/k"\nvcpus = 2, \nmaxvcpus = vcpus\n|', ['memory'], ['name', 'kernel', 'vcpus', 'maxvcpus']],
    ['xm', 'a = name = "x"\n|', ['memory'], ['name']],
    // Not evaluated (an xm `if` block: no setting, no XM0201), so not counted.
    ['xm', 'if x:\n    memory = 1\n|', ['memory'], []],
    // A list set elsewhere may be appended to (`disk += [...]`, no XM0201); a number may not
    // (xl refuses `+=` on a numeric option), nor before a `=` already written.
    ['xl', 'disk = ["a"]\nmemory = 1\ndisk += ["b"]\n|', ['disk'], ['memory']],
    ['xm', 'disk = ["a"]\ndi| = ["b"]\n', [], ['disk']],
    ['xl', 'disk = ["a"]\ndi| += ["b"]\n', ['disk'], []],
  ] as const)('keys the file sets elsewhere are left out (%s %j)', (dialect, marked, offered, left) => {
    const { text, offset } = caret(marked);
    const r = analyze(text, { dialect });
    const labels = completeAt(text, r.lineIndex, offset, r.dialect, r.tree.statements).map((i) => i.label);
    for (const k of offered) expect(labels).toContain(k);
    for (const k of left) expect(labels).not.toContain(k);
  });
  it.each([
    // [text with caret, label, text after the editor applies it]: re-checked, no XM0201.
    ['disk = ["a"]\n|', 'disk', 'disk = ["a"]\ndisk += '],
    ['vif = ["bridge=x"]\nv| += ["bridge=y"]\n', 'vif', 'vif = ["bridge=x"]\nvif += ["bridge=y"]\n'],
  ])('a list set elsewhere is offered as an append: %j', (marked, label, expected) => {
    const { text, offset } = caret(marked);
    const r = analyze(text);
    const item = completeAt(text, r.lineIndex, offset, r.dialect, r.tree.statements).find((i) => i.label === label)!;
    const done = applyLspEdits(text, [item.textEdit as TextEdit]);
    expect(done).toBe(expected);
    expect(analyze(done + '["b"]\n').diagnostics.map((d) => d.code)).not.toContain('XM0201');
  });
  it('nothing inside comments', () => {
    const { text, offset } = caret('# mem|');
    const r = analyze(text);
    expect(completeAt(text, r.lineIndex, offset)).toEqual([]);
  });
});

describe('symbols', () => {
  it('one per assignment', () => {
    const r = analyze('name = "a"  # n\nmemory = 512; vcpus = 2\ndisk = [\n  "x",\n]\n');
    const s = documentSymbols(r);
    expect(s.map((x) => x.name)).toEqual(['name', 'memory', 'vcpus', 'disk']);
    expect(at(s[2]!.selectionRange.start)).toBe('1:14');
    expect(at(s[3]!.range.end)).toBe('4:1');
  });
  it('one per name of a chained assignment, each with its own range (UTF-16 columns)', () => {
    // é is one UTF-16 unit, 😀 two: `a` is at column 16 of line 1 (17 in code points).
    const text = 'name = "x"\nkernel = "é😀"; a = b = c = [1,\n  2]\n';
    const s = documentSymbols(analyze(text, { dialect: 'xm' }));
    const spans = s.map((x) => [x.name, at(x.range.start), at(x.range.end), at(x.selectionRange.start), at(x.selectionRange.end)]);
    expect(spans).toEqual([
      ['name', '0:0', '0:10', '0:0', '0:4'],
      ['kernel', '1:0', '1:14', '1:0', '1:6'],
      ['a', '1:16', '2:4', '1:16', '1:17'],
      ['b', '1:20', '2:4', '1:20', '1:21'],
      ['c', '1:24', '2:4', '1:24', '1:25'],
    ]);
    expect(new Set(s.slice(2).map((x) => x.detail))).toEqual(new Set(['[1, 2]']));
  });
});

describe('formatting', () => {
  it('one edit to the canonical layout', () => {
    const text = 'name="a";memory=512\n';
    const edits = formatDocument(text);
    expect(applyLspEdits(text, edits)).toBe('name = "a"\nmemory = 512\n');
  });
  it('no edit for a file with syntax errors or already formatted', () => {
    expect(formatDocument('name = [1,\n', { dialect: 'xl' })).toEqual([]);
    expect(formatDocument('name = "a"\n')).toEqual([]);
  });
});

describe('code actions', () => {
  const actionsAt = (src: string) => {
    const { text, offset } = caret(src);
    const r = analyze(text);
    const diags = toLspDiagnostics(r.diagnostics, r.lineIndex, URI);
    return { text, actions: codeActions(r, { uri: URI, span: { start: offset, end: offset }, diagnostics: diags }) };
  };
  const apply = (text: string, a: { edit?: { changes?: Record<string, TextEdit[]> } }) => applyLspEdits(text, a.edit!.changes![URI]!);

  it.each([
    ['name = "a"\nkernel = "/k"\nvcpus = max|vcpus = 2\n', ['XM0513']],
    ['name = "a"\nkernel = "/k"\nacpi = apic = Tr|ue\n', ['XM0505', 'XM0513']],
    ['name = "a"\nkernel = "/k"\nmemory = 512 + \\\n  4|\n', ['XM0503', 'XM0510']],
    // The CR line end's XM0511 starts where the statement ends: the rewrite leaves it, so it is not named.
    ['name = "a"\r\nkernel = "/k"\r\nacpi = Tr|ue\r\n', ['XM0505']],
    ['\ufeffacpi = Tr|ue\n', ['XM0505']],
  ])('the xl rewrite of a statement names every xm-construct finding in it: %j', (src, codes) => {
    const { text, offset } = caret(src);
    const r = analyze(text, { dialect: 'xl' });
    const diags = toLspDiagnostics(r.diagnostics, r.lineIndex, URI);
    const rewrite = codeActions(r, { uri: URI, span: { start: offset, end: offset }, diagnostics: diags }).find((a) => a.title.startsWith('Rewrite'))!;
    // Before, only a finding starting where the value starts: the chained assignment's (at the
    // statement's start) and the continuation's were not named, so the fix was not theirs.
    expect(rewrite.diagnostics!.map((d) => d.code).sort()).toEqual(codes);
    const left = analyze(applyLspEdits(text, rewrite.edit!.changes![URI]!), { dialect: 'xl' }).diagnostics.filter((d) => d.code.startsWith('XM05'));
    expect(left.filter((d) => codes.includes(d.code))).toEqual([]);
  });
  it('survives a URI whose percent escapes are malformed (a file named a%zz.cfg sent unescaped)', () => {
    const uri = 'file:///guests/a%zz.cfg';
    const text = 'memory = 1\nacpi = True\n';
    const r = analyze(text);
    const actions = codeActions(r, { uri, span: { start: 0, end: text.length }, diagnostics: toLspDiagnostics(r.diagnostics, r.lineIndex, uri) });
    expect(actions.map((a) => a.kind)).toContain('source.convert.xl');
    expect(domainNameFromUri(uri)).toBe('a%zz');
    expect(domainNameFromUri('file:///guests/web%2001.cfg')).toBe('web 01');
  });
  it('converts a nameless xm buffer under its file name only for file: documents (decision 016)', () => {
    const text = 'memory = 512\nacpi = True\n';
    const converted = (uri: string): string => {
      const r = analyze(text);
      const all = codeActions(r, { uri, span: { start: 0, end: text.length }, diagnostics: toLspDiagnostics(r.diagnostics, r.lineIndex, uri) });
      return all.find((a) => a.kind === 'source.convert.xl')!.edit!.changes![uri]![0]!.newText;
    };
    expect(converted('file:///guests/web01.cfg')).toContain('name = "web01.cfg"');
    // An unsaved buffer's "Untitled-1" is the editor's label, not a name xm create would have given.
    expect(converted('untitled:Untitled-1')).not.toContain('Untitled-1');
  });
  it('renames a misspelled key', () => {
    const { text, actions } = actionsAt('name = "a"\nmem|roy = 512\n');
    const fix = actions.find((a) => a.title.includes('memory'))!;
    expect(fix).toBeDefined();
    expect(fix.diagnostics?.[0]?.code).toBe('XM0101');
    expect(apply(text, fix)).toBe('name = "a"\nmemory = 512\n');
  });
  // check flags the last assignment of a key only; renaming that one left `memroy = 512` unknown,
  // and in xm turned `memroy += 256` into `memory += 256` on a key never set (xm exits NameError).
  it('renames every assignment of a misspelled key and every name that reads it, from any of them', () => {
    const edited = (src: string) => {
      const { text, actions } = actionsAt(src);
      const fix = actions.find((a) => a.title.includes('"memory"') || a.title === 'Rename to memory')!;
      const edits = fix.edit!.changes![URI]!;
      return { ranges: edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]), text: apply(text, fix) };
    };
    const xm = 'name = "a"\nmemroy = 512\nmemroy += 256\nmaxmem = memroy * 2  # memroy\nextra = "memroy"\n';
    const want = { ranges: [[1, 0, 1, 6, 'memory'], [2, 0, 2, 6, 'memory'], [3, 9, 3, 15, 'memory']], text: xm.replace(/^memroy|= memroy/gm, (m) => m.replace('memroy', 'memory')) };
    expect(want.text).toBe('name = "a"\nmemory = 512\nmemory += 256\nmaxmem = memory * 2  # memroy\nextra = "memroy"\n');
    // From the flagged (last) assignment, from the first one and from the name read in maxmem.
    expect(edited(xm.replace('maxmem = memroy', 'maxmem = mem|roy'))).toEqual(want);
    expect(edited(xm.replace('memroy = 512', 'mem|roy = 512'))).toEqual(want);
    expect(edited(xm.replace('memroy += 256', 'mem|roy += 256'))).toEqual(want);
    // xl: two assignments, both renamed (xl keeps the last; the rename keeps which one that is).
    expect(edited('name = "a"\nmem|roy = 1\nmemroy = 2\n')).toEqual({ ranges: [[1, 0, 1, 6, 'memory'], [2, 0, 2, 6, 'memory']], text: 'name = "a"\nmemory = 1\nmemory = 2\n' });
  });
  it('returns only the kinds a context.only asks for (a kind covers its sub-kinds)', () => {
    const text = 'name = "a"\nmemroy = 512\nacpi = True\n';
    const r = analyze(text);
    const kinds = (only?: string[]) =>
      codeActions(r, { uri: URI, span: { start: 0, end: text.length }, diagnostics: toLspDiagnostics(r.diagnostics, r.lineIndex, URI), ...(only && { only }) }).map((a) => `${a.kind}:${a.title}`);
    expect(kinds()).toEqual(['quickfix:Rename to memory', 'quickfix:Rewrite "acpi" in xl syntax', 'source.convert.xl:Convert the whole file to xl syntax']);
    expect(kinds(['source'])).toEqual(['source.convert.xl:Convert the whole file to xl syntax']);
    expect(kinds(['source.convert'])).toEqual(['source.convert.xl:Convert the whole file to xl syntax']);
    expect(kinds(['quickfix'])).toEqual(['quickfix:Rename to memory', 'quickfix:Rewrite "acpi" in xl syntax']);
    // `source.fixAll` (VS Code's fix-on-save) and `refactor` cover none of them; `sourceX` is no sub-kind of `source`.
    expect(kinds(['source.fixAll', 'refactor', 'sourceX'])).toEqual([]);
    expect(kinds(['quickfix', 'source'])).toHaveLength(3);
  });
  it('rewrites xm constructs into xl', () => {
    const { text, actions } = actionsAt('name = "a"\nacpi = Tr|ue\nnumanode = (0, 1)\n');
    const fix = actions.find((a) => a.title.startsWith('Rewrite "acpi"'))!;
    expect(apply(text, fix)).toBe('name = "a"\nacpi = 1\nnumanode = (0, 1)\n');
    const t2 = actionsAt('name = "a"\nnumanode = (0|, 1)\n');
    expect(apply(t2.text, t2.actions.find((a) => a.title.startsWith('Rewrite'))!)).toBe('name = "a"\nnumanode = [0, 1]\n');
    const t3 = actionsAt('name = "vm%d" % 3|\nmemory = 256 * 2\n');
    expect(apply(t3.text, t3.actions.find((a) => a.title.startsWith('Rewrite'))!)).toBe('name = "vm3"\nmemory = 256 * 2\n');
    const whole = t3.actions.find((a) => a.kind === 'source.convert.xl')!;
    // The whole-file conversion adds xend's on_crash default (decision 033).
    expect(apply(t3.text, whole)).toBe('name = "vm3"\nmemory = 512\n' + ON_CRASH_LINE);
  });
  it('adds the missing name', () => {
    // The finding is at the first statement (decision 051): the quick fix is offered there.
    const { text, actions } = actionsAt('# guest\n|memory = 512\n');
    const fix = actions.find((a) => a.title.startsWith('Add'))!;
    expect(fix.diagnostics?.[0]?.code).toBe('XM0105');
    expect(apply(text, fix)).toBe('# guest\nname = "web01"\nmemory = 512\n');
  });
});
