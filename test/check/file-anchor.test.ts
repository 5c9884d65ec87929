/**
 * Findings about something the file lacks (no name, nothing to boot, a default the placement rests
 * on) point at the key that causes them, else at the file's anchor: the first statement, never a
 * zero-width mark at 1:1 and never inside a comment (decision 051). The CLI's lean check (no tree,
 * streaming for a big file), a capped check, the editor's incremental check and the library agree.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { STREAM_MIN_CHARS } from '../../src/syntax/parse.js';
import { IncrementalChecker } from '../../src/lsp/service/incremental.js';
import { toLspDiagnostics } from '../../src/lsp/service/diagnostics.js';
import { placementDiagnostics } from '../../src/placement/check-findings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Host } from '../../src/placement/types.js';

/** `CODE "covered text"` for each finding of `codes`, in order. */
function at(text: string, diags: readonly Diagnostic[], codes: readonly string[]): string[] {
  return diags.filter((d) => codes.includes(d.code)).map((d) => `${d.code} ${JSON.stringify(text.slice(d.span.start, d.span.end))}@${d.span.start}`);
}

const MISSING = ['XM0105', 'XM0106', 'XM0227', 'XM0234', 'XM0241', 'XM0242', 'XM0404'];

describe('the file anchor', () => {
  it('is the first statement, after leading comments and blanks, without its trailing comment', () => {
    const text = '# web server\n\n  memory = 512  # MiB\nvcpus = 2\n';
    const r = checkText(text, { dialect: 'xl' });
    const start = text.indexOf('memory');
    expect(at(text, r.diagnostics, MISSING)).toEqual([`XM0105 "memory = 512"@${start}`, `XM0227 "memory = 512"@${start}`]);
    expect(r.anchor).toEqual({ start, end: start + 'memory = 512'.length });
  });

  it('is the key of a first statement over several lines (its first line ends in a comment)', () => {
    const text = 'disk = [ "phy:/dev/vg0/a,xvda,w",  # root\n  "phy:/dev/vg0/b,xvdb,w" ]\nkernel = "/k"\n';
    expect(at(text, checkText(text, { dialect: 'xl' }).diagnostics, MISSING)).toEqual(['XM0105 "disk"@0']);
  });

  it('is the header of a first Python block (xm), or its first word when the header spans lines', () => {
    const text = 'if 1:\n    pass\nkernel = "/k"\n';
    expect(at(text, checkText(text, { dialect: 'xm' }).diagnostics, MISSING)).toEqual(['XM0106 "if 1:"@0']);
    const long = 'if (1 or  # why\n    2):\n    pass\nkernel = "/k"\n';
    expect(at(long, checkText(long, { dialect: 'xm' }).diagnostics, MISSING)).toEqual(['XM0106 "if"@0']);
  });

  it('covers the first comment whole in a file without statements; is {0,0} in an empty or all-blank file (no throw)', () => {
    const text = '\n# nothing here yet   \n# still nothing\n';
    const r = checkText(text, { dialect: 'xl' });
    expect(at(text, r.diagnostics, MISSING)).toEqual(['XM0105 "# nothing here yet"@1', 'XM0227 "# nothing here yet"@1']);
    // No character to point at: the one zero-width anchor.
    for (const text of ['', '\n\n  \t\n']) {
      const r = checkText(text, { dialect: 'xl' });
      expect(r.diagnostics.filter((d) => MISSING.includes(d.code)).map((d) => [d.code, d.span])).toEqual([
        ['XM0105', { start: 0, end: 0 }],
        ['XM0227', { start: 0, end: 0 }],
      ]);
    }
  });

  it('is the same without the tree (the CLI), streamed (a big file), capped and incremental (the editor)', () => {
    const small = '# g\n\nmemory = 512\n';
    const big = `# g\n\nmemory = 512\n${'# filler line of a generated file\n'.repeat(Math.ceil(STREAM_MIN_CHARS / 30))}`;
    expect(big.length).toBeGreaterThan(STREAM_MIN_CHARS);
    for (const text of [small, big]) {
      const want = at(text, checkText(text).diagnostics, MISSING);
      expect(want).toEqual(['XM0105 "memory = 512"@5', 'XM0227 "memory = 512"@5']);
      expect(at(text, checkText(text, { keepTree: false }).diagnostics, MISSING)).toEqual(want);
      expect(at(text, checkText(text, { maxFindings: 5 }).diagnostics, MISSING)).toEqual(want);
      expect(at(text, new IncrementalChecker().check(text).diagnostics, MISSING)).toEqual(want);
    }
  });

  it('reaches the editor as a non-empty range on the first statement', () => {
    const text = '# g\n\nmemory = 512\n';
    const r = checkText(text);
    const lsp = toLspDiagnostics(r.diagnostics, r.lineIndex, 'file:///g.cfg').filter((d) => d.code === 'XM0105');
    expect(lsp.map((d) => d.range)).toEqual([{ start: { line: 2, character: 0 }, end: { line: 2, character: 12 } }]);
  });

  it('is where a --define finding goes (xm: it has no place in the file)', () => {
    const text = '# g\nname = "g"\nkernel = "/k"\n';
    const r = checkText(text, { dialect: 'xm', defines: { memory: 'lots' } });
    const moved = r.diagnostics.filter((d) => d.span.end > 0 && d.span.start === text.indexOf('name'));
    expect(moved.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.span.end > d.span.start)).toBe(true);
  });
});

describe('findings about what is missing point at their cause when the file writes it', () => {
  it('XM0227 at the type or builder that makes the guest PV or PVH', () => {
    const text = '# g\nname = "g"\ntype = "pvh"\n';
    expect(at(text, checkText(text, { dialect: 'xl' }).diagnostics, MISSING)).toEqual([`XM0227 "\\"pvh\\""@${text.indexOf('"pvh"')}`]);
  });

  it('XM0241 at the bootloader that has no disk to read; XM0242 at the empty kernel or bootloader', () => {
    const boot = '# g\nname = "g"\nbootloader = "pygrub"\n';
    expect(at(boot, checkText(boot, { dialect: 'xm' }).diagnostics, MISSING)).toEqual([`XM0241 "\\"pygrub\\""@${boot.indexOf('"pygrub"')}`]);
    const kernel = '# g\nname = "g"\nkernel = ""\ndisk = [ "phy:/dev/vg0/g,xvda,w" ]\n';
    expect(at(kernel, checkText(kernel, { dialect: 'xm' }).diagnostics, MISSING)).toEqual([`XM0242 "\\"\\""@${kernel.indexOf('""')}`]);
    const loader = '# g\nname = "g"\nbootloader = ""\ndisk = [ "phy:/dev/vg0/g,xvda,w" ]\n';
    expect(at(loader, checkText(loader, { dialect: 'xm' }).diagnostics, MISSING)).toEqual([`XM0242 "\\"\\""@${loader.indexOf('""')}`]);
  });

  it('XM0234 for a refused xm file name (nothing in the file causes it) at the anchor', () => {
    const text = '# g\nkernel = "/k"\n';
    expect(at(text, checkText(text, { dialect: 'xm', fileName: 'guests/bad name.cfg' }).diagnostics, MISSING)).toEqual(['XM0234 "kernel = \\"/k\\""@4']);
  });

  it('a placement finding that rests on the default memory (check --host) at the anchor', () => {
    const host: Host = { nodes: [{ id: 0, cpus: [0, 1], memory_mib: 1024, free_mib: 16, distances: { '0': 10 } }] };
    const text = '# g\nname = "g"\nkernel = "/k"\n';
    const r = checkText(text, { dialect: 'xl' });
    expect(at(text, placementDiagnostics(r, host), MISSING)).toEqual(['XM0404 "name = \\"g\\""@4']);
  });
});
