/**
 * What a conversion loses is reported as XM0555 at the statement it commented out (a Python block
 * over its whole extent, an assignment that reads a name the block may set, a value xl has no form
 * for, a key xm did not read), beside the stderr note; comments outside those statements are kept
 * where they were, and the ones inside go into the commented-out text.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToXl } from '../../src/convert/index.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

const SRC = [
  '# guest web (head comment)',
  'name = "g"  # trailing comment',
  'vcpus = 1',
  'if big:  # the block',
  '    vcpus = 4',
  'memory = 256 * vcpus  # folded',
  'extra = None',
  'kernel = "/k"',
  'import os',
  '',
].join('\n');

/** `CODE start-line:col-end-line:col` of each finding, in the order given. */
function spans(text: string, ds: readonly { code: string; span: { start: number; end: number } }[]): string[] {
  const li = new LineIndex(text);
  return ds.map((d) => {
    const s = li.position(d.span.start);
    const e = li.position(d.span.end);
    return `${d.code} ${s.line}:${s.column}-${e.line}:${e.column}`;
  });
}

describe('convert reports what it loses (XM0555) and keeps the comments', () => {
  it('one finding per commented-out statement, over its whole span; the notes name the same lines', () => {
    const r = conv(SRC, { fileName: 'web.xm', defines: { big: 1 } });
    expect(r.ok).toBe(true);
    expect(spans(SRC, r.diagnostics.filter((d) => d.code === 'XM0555'))).toEqual(['XM0555 4:1-5:14', 'XM0555 6:1-6:21', 'XM0555 7:1-7:13', 'XM0555 9:1-9:10']);
    expect(r.diagnostics.every((d) => d.code !== 'XM0555' || d.severity === 'warning')).toBe(true);
    expect(r.notes.map((n) => /^line (\d+):/.exec(n)?.[1])).toEqual(['4', '6', '7', '9']);
    expect(r.text).toBe(
      [
        '# guest web (head comment)',
        'name = "g"  # trailing comment',
        'vcpus = 1',
        '# xmcfg convert: xl has no Python statements: if big:  # the block',
        '#     vcpus = 4',
        '# xmcfg convert: it reads vcpus, which a Python statement may set: memory = 256 * vcpus  # folded',
        '# xmcfg convert: no xl value (None): extra = None',
        'kernel = "/k"',
        '# xmcfg convert: xl has no Python statements: import os',
        '',
      ].join('\n'),
    );
  });

  it('a file with nothing lost has no XM0555', () => {
    expect(conv('# c\nname = "g"  # t\nmemory = 256 * 2\nkernel = "/k"\n').diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('the CLI prints them at their lines for both targets (warnings: exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmcfg-convert-lost-'));
    try {
      writeFileSync(join(dir, 'web.xm'), SRC);
      for (const to of ['xl', 'json']) {
        const { io, out } = fakeIo({ cwd: dir });
        expect(await run(['convert', 'web.xm', '--to', to, '-D', 'big=1'], io), to).toBe(0);
        const at = [...out.stderr.matchAll(/^warning\[(XM0555)\]: [^\n]*\n --> web\.xm:(\d+):(\d+)$/gm)].map((m) => `${m[1]} ${m[2]}:${m[3]}`);
        expect(at, to).toEqual(['XM0555 4:1', 'XM0555 6:1', 'XM0555 7:1', 'XM0555 9:1']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
