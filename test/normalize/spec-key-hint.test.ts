/**
 * A misspelt key inside a device string gets the "did you mean" an unknown top-level key gets
 * (XM0101), from the same search, at the key's span, with the rename as a fix (the language
 * server's quick fix): vif `modle=` → model, disk `acess=` → access, pci `msitrans=` → msitranslate
 * (a unique abbreviation), vkb `backend-typ=` → backend-type; also a vnuma item's `pnod=` and an smbios
 * `bios_vender=`. Before: no hint, no fix.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { analyze, codeActions, toLspDiagnostics } from '../../src/lsp/service/index.js';
import { applyLspEdits } from '../lsp/helpers.js';

const HEAD = 'name = "d"\nkernel = "/k"\nmemory = 512\n';
const CASES = [
  ['vif = [ "modle=e1000,bridge=xenbr0" ]\n', 'modle', 'model', 'XM0218', 'xl'],
  ['disk = [ "vdev=xvda,acess=rw,target=/x.img" ]\n', 'acess', 'access', 'XM0222', 'xl'],
  ['pci = [ "01:00.0,msitrans=1" ]\n', 'msitrans', 'msitranslate', 'XM0222', 'xl'],
  ['vkb = [ "backend-type=linux,widht=10" ]\n', 'widht', 'width', 'XM0222', 'xl'],
  ['vif = [ "modle=e1000" ]\n', 'modle', 'model', 'XM0222', 'xm'],
  ['pci = [ "01:00.0,msitrans=1" ]\n', 'msitrans', 'msitranslate', 'XM0222', 'xm'],
] as const;

describe('a misspelt key in a device string', () => {
  it.each(CASES)('%s: hint and fix at the key (%s → %s, %s, %s)', (line, key, meant, code, dialect) => {
    const text = HEAD + line;
    const found = checkText(text, { dialect }).diagnostics.filter((d) => d.code === code);
    expect(found.map((d) => [d.span.start, d.span.end, d.hint, d.fixes])).toEqual([
      [
        text.indexOf(key),
        text.indexOf(key) + key.length,
        `did you mean "${meant}"?`,
        [{ title: `Rename to ${meant}`, edits: [{ span: { start: text.indexOf(key), end: text.indexOf(key) + key.length }, text: meant }] }],
      ],
    ]);
  });

  // vnuma and smbios keys are read by their own readers (vnuma.ts, scalars.ts), with the same hint and fix.
  it.each([
    ['vnuma = [ [ "pnod=0", "size=512", "vcpus=0", "vdistances=10" ] ]\n', 'pnod', 'pnode', 'XM0218', 'xl'],
    ['vnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistance=10" ] ]\n', 'vdistance', 'vdistances', 'XM0218', 'xl'],
    ['type = "hvm"\nsmbios = [ "bios_vender=Xen" ]\n', 'bios_vender', 'bios_vendor', 'XM0222', 'xl'],
  ] as const)('%s: hint and fix at the key (%s → %s, %s, %s)', (line, key, meant, code, dialect) => {
    const text = HEAD + line;
    const found = checkText(text, { dialect }).diagnostics.filter((d) => d.code === code);
    const at = text.indexOf(key);
    expect(found.map((d) => [d.span.start, d.span.end, d.hint, d.fixes])).toEqual([
      [at, at + key.length, `did you mean "${meant}"?`, [{ title: `Rename to ${meant}`, edits: [{ span: { start: at, end: at + key.length }, text: meant }] }]],
    ]);
  });

  it('the language server offers the rename as a preferred quick fix', () => {
    const text = HEAD + 'disk = [ "vdev=xvda,acess=rw,target=/x.img" ]\n';
    const r = analyze(text);
    const at = text.indexOf('acess') + 2;
    const actions = codeActions(r, { uri: 'file:///g.cfg', span: { start: at, end: at }, diagnostics: toLspDiagnostics(r.diagnostics, r.lineIndex, 'file:///g.cfg') });
    const fix = actions.find((a) => a.title === 'Rename to access')!;
    expect([fix.kind, fix.isPreferred, fix.diagnostics?.map((d) => d.code)]).toEqual(['quickfix', true, ['XM0222']]);
    expect(applyLspEdits(text, fix.edit!.changes!['file:///g.cfg']!)).toBe(HEAD + 'disk = [ "vdev=xvda,access=rw,target=/x.img" ]\n');
  });

  it('no fix where the string has escapes (its items map to the whole value), still the hint', () => {
    const text = HEAD + 'vif = [ "modle=e1000,script=a\\\\b" ]\n';
    const [d] = checkText(text, { dialect: 'xl' }).diagnostics.filter((x) => x.code === 'XM0218');
    expect([d?.hint, d?.fixes]).toEqual(['did you mean "model"?', undefined]);
  });
});
