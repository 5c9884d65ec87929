/**
 * Hover on a value (src/lsp/service/value-hover.ts): what an enumerated option's value means, from
 * the catalogue's value docs; a size in MiB and GiB; the parsed fields of the disk, vif or pci entry
 * and the items of the CPU list under the caret. Cases are data: the text with `|` at the caret, the
 * dialect, what the hover must name and the source text its range must cover.
 */
import { describe, expect, it } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { analyze, hoverAt, IncrementalChecker, keyDoc } from '../../src/lsp/service/index.js';
import { optionKeys, optionDoc } from '../../src/schema/index.js';
import { openOnServer } from './open-server.js';
import { caret } from './helpers.js';

/** The text without its caret marker `|`, and the caret offset. */
function marked(src: string): { text: string; offset: number } {
  return caret(src);
}

/** Hover at the caret of `src` (`|`), read as `dialect`: its Markdown and its span as offsets. */
function hover(src: string, dialect: 'xl' | 'xm' = 'xl'): { md: string; span: [number, number] } | null {
  const { text, offset } = marked(src);
  const r = analyze(text, { dialect });
  const h = hoverAt(r, offset, text);
  if (!h) return null;
  const start = r.lineIndex.lineStart(h.range!.start.line + 1) + h.range!.start.character;
  const end = r.lineIndex.lineStart(h.range!.end.line + 1) + h.range!.end.character;
  return { md: (h.contents as MarkupContent).value, span: [start, end] };
}

/** The source text a span covers. */
function covered(src: string, span: [number, number]): string {
  return marked(src).text.slice(span[0], span[1]);
}

describe('every enumerated option documents each of its values, in the catalogue', () => {
  it('allowed values and value docs are the same set', () => {
    const enumerated = optionKeys().filter((k) => optionDoc(k)?.allowed?.length);
    expect(enumerated.length).toBeGreaterThan(20);
    for (const k of enumerated) {
      const d = optionDoc(k)!;
      expect(Object.keys(d.valueDocs ?? {}).sort(), k).toEqual(d.allowed!.map(String).sort());
      for (const v of Object.values(d.valueDocs!)) expect(v.length, `${k}: ${v}`).toBeGreaterThan(10);
    }
  });
});

// [caret text, dialect, the value the hover must be about (its catalogue name), the literal it covers]
const ENUMS: [string, 'xl' | 'xm', string, string][] = [
  ['on_crash = "coredump-re|start"\n', 'xl', 'coredump-restart', '"coredump-restart"'],
  ['on_poweroff = |"destroy"\n', 'xm', 'destroy', '"destroy"'],
  ['type = "hv|m"\n', 'xl', 'hvm', '"hvm"'],
  // xl reads type as a prefix: "h" is hvm.
  ['type = "|h"\n', 'xl', 'hvm', '"h"'],
  ['tsc_mode = "nat|ive"\n', 'xl', 'native', '"native"'],
  // The deprecated number is the enum's index; xm took numbers only.
  ['tsc_mode = |2\n', 'xm', 'native', '2'],
  ['timer_mode = 1|\n', 'xl', 'no_delay_for_missed_ticks', '1'],
  ['timer_mode = "one_missed|_tick_pending"\n', 'xl', 'one_missed_tick_pending', '"one_missed_tick_pending"'],
  // libxl's *_from_string ignores case for these.
  ['hdtype = "AH|CI"\n', 'xl', 'ahci', '"AHCI"'],
  ['passthrough = "sync|_pt"\n', 'xl', 'sync_pt', '"sync_pt"'],
  ['sve = |256\n', 'xl', '256', '256'],
  ['mca_caps = ["lm|ce"]\n', 'xl', 'lmce', '"lmce"'],
];

describe('an enumerated value: what it means, from the catalogue', () => {
  it.each(ENUMS)('%s (%s)', (src, dialect, name, literal) => {
    const key = marked(src).text.split(' ')[0]!;
    const h = hover(src, dialect)!;
    expect(h, src).not.toBeNull();
    expect(h.md.startsWith(`**${key}** = \`${name}\``)).toBe(true);
    expect(h.md).toContain(keyDoc(key)!.valueDocs![name]!);
    expect(covered(src, h.span)).toBe(literal);
  });
  it('libxl\'s "not set" name of timer_mode says what libxl uses instead', () => {
    const h = hover('timer_mode = "unkn|own"\n')!;
    expect(h.md).toContain('`no_delay_for_missed_ticks`');
    expect(h.md).toContain(keyDoc('timer_mode')!.valueDocs!.no_delay_for_missed_ticks!);
  });
  it.each([
    // Not an allowed value (check reports it), case where xl compares exactly, a number where none is read first.
    ['on_crash = "bo|gus"\n', 'xl'],
    ['vga = "Cirr|us"\n', 'xl'],
    ['sve = |1\n', 'xl'],
    ['tsc_mode = |7\n', 'xl'],
  ] as const)('nothing on %s', (src, dialect) => {
    expect(hover(src, dialect)).toBeNull();
  });
});

// [caret text, dialect, parts the hover names, the literal it covers]
const SIZES: [string, 'xl' | 'xm', string[], string][] = [
  ['memory = 40|96\n', 'xl', ['4096 MiB', '4 GiB'], '4096'],
  ['maxmem = |512\n', 'xl', ['512 MiB', '0.5 GiB'], '512'],
  ['shadow_memory = "1|6"\n', 'xl', ['16 MiB', '0.02 GiB'], '"16"'],
  ['memory = 1048576|\n', 'xl', ['1048576 MiB', '1024 GiB', '1 TiB'], '1048576'],
  ['vmtrace_buf_kb = 20|48\n', 'xl', ['2048 KiB', '2 MiB'], '2048'],
  // xm computes the expression; the hover covers it whole.
  ['memory = 512 |* 4\n', 'xm', ['2048 MiB', '2 GiB'], '512 * 4'],
];

describe('a size: in MiB and GiB', () => {
  it.each(SIZES)('%s (%s)', (src, dialect, parts, literal) => {
    const h = hover(src, dialect)!;
    const key = marked(src).text.split(' ')[0]!;
    expect(h.md).toBe(`**${key}** = ${parts.join(' = ')}`);
    expect(covered(src, h.span)).toBe(literal);
  });
  it('nothing on a size that is not a number', () => {
    expect(hover('memory = "lo|ts"\n')).toBeNull();
  });
});

// [caret text, dialect, field lines the hover lists, the literal it covers]
const SPECS: [string, 'xl' | 'xm', string[], string][] = [
  ['disk = ["phy:/dev/vg/a,xvda,w", "file:/i.img,xv|db,r"]\n', 'xl', ['- target: `/i.img`', '- vdev: `xvdb`', '- access: `ro`'], '"file:/i.img,xvdb,r"'],
  ['disk = ["phy:/dev/vg/a,xv|da,w"]\n', 'xm', ['- target: `/dev/vg/a`', '- vdev: `xvda`', '- access: `rw`'], '"phy:/dev/vg/a,xvda,w"'],
  ['disk = ["vdev=xvda, target=/d|ev/x"]\n', 'xl', ['- vdev: `xvda`', '- target: `/dev/x`'], '"vdev=xvda, target=/dev/x"'],
  ['vif = ["mac=00:16:3e:00:00:01,bridge=xen|br0"]\n', 'xl', ['- mac: `00:16:3e:00:00:01`', '- bridge: `xenbr0`'], '"mac=00:16:3e:00:00:01,bridge=xenbr0"'],
  ['pci = ["01:00.|0,permissive=1"]\n', 'xl', ['- bdf: `01:00.0`', '- permissive: `true`'], '"01:00.0,permissive=1"'],
  ['cpus = "0-3,^|1"\n', 'xl', ['- CPUs 0-3', '- not CPU 1'], '"0-3,^1"'],
  ['cpus = ["0", "nodes:|1"]\n', 'xl', ['- the CPUs of node 1 numbered below 64'], '"nodes:1"'],
  ['cpus_soft = "a|ll"\n', 'xl', ['- every CPU'], '"all"'],
];

describe('a spec string: the parsed fields of the entry under the caret', () => {
  it.each(SPECS)('%s (%s)', (src, dialect, lines, literal) => {
    const h = hover(src, dialect)!;
    const body = h.md.split('\n').filter((l) => l.startsWith('- '));
    expect(body).toEqual(lines);
    expect(covered(src, h.span)).toBe(literal);
  });
  it('a per-vCPU cpus entry names its vCPU', () => {
    expect(hover('cpus = ["0", "nodes:|1"]\n')!.md.startsWith('**cpus** (vCPU 1)')).toBe(true);
  });
});

describe('no value hover', () => {
  it.each([
    'name = "w|eb"\n',
    'memroy = 5|12\n',
    'acpi = |1\n',
    'cpus = "0-|x"\n',
    'memory = 512 |\n# x\n',
    '# memory = 5|12\n',
  ])('%j', (src) => {
    // A free string, an unknown key, a boolean, a broken CPU list, after a value, a comment.
    expect(hover(src)).toBeNull();
  });
});

describe('the client\'s markup kind', () => {
  it('plain text to a client that reads no Markdown, Markdown otherwise', async () => {
    const uri = 'file:///guests/v.cfg';
    const text = 'name = "v"\non_crash = "coredump-restart"\n';
    for (const [format, kind] of [[['plaintext'], 'plaintext'], [['markdown', 'plaintext'], 'markdown']] as const) {
      const { c } = await openOnServer(uri, text, { dialect: 'xl' }, {}, { textDocument: { hover: { contentFormat: format } } });
      const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 15 } })) as { contents: MarkupContent; range: unknown };
      c.dispose();
      expect(h.contents.kind).toBe(kind);
      expect(h.range).toEqual({ start: { line: 1, character: 11 }, end: { line: 1, character: 29 } });
      if (kind === 'plaintext') {
        expect(h.contents.value.startsWith('on_crash = coredump-restart\n')).toBe(true);
        expect(h.contents.value).not.toMatch(/\*\*|`/);
      } else expect(h.contents.value.startsWith('**on_crash** = `coredump-restart`')).toBe(true);
    }
  });
});

describe('after an edit, from the incremental check', () => {
  it('finds the setting of the value at the caret in every chunk (settings in source order)', () => {
    const actions = ['destroy', 'preserve', 'coredump-restart'];
    const lines = ['name = "a"', ...Array.from({ length: 400 }, (_, k) => (k % 3 === 0 ? `on_crash = "${actions[(k / 3) % 3]}"` : `zz${k} = ${k}`)), 'memory = 2048', ''];
    const checker = new IncrementalChecker();
    checker.check(lines.join('\n'));
    lines[201] = 'zz200 = 201';
    const text = lines.join('\n');
    const r = checker.check(text);
    const lineStart = (n: number) => lines.slice(0, n).reduce((o, l) => o + l.length + 1, 0);
    for (const k of [0, 3, 6, 201, 399]) {
      const h = hoverAt(r, lineStart(k + 1) + 13, text)!;
      expect((h.contents as MarkupContent).value.startsWith(`**on_crash** = \`${actions[(k / 3) % 3]}\``), String(k)).toBe(true);
    }
    expect((hoverAt(r, lineStart(401) + 10, text)!.contents as MarkupContent).value).toBe('**memory** = 2048 MiB = 2 GiB');
  });
});
