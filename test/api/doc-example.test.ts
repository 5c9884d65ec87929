/**
 * The TypeScript examples of the library's documentation, run as a user runs them: each `ts` block
 * of docs/api.md and of README.md is compiled by tsc (strict, module NodeNext, the package's own
 * declarations checked) in a project that installed the packed package, then run by Node; a `text`
 * block right after it is its output, compared exactly (trailing blanks aside). So an example that
 * imports a name the package does not export, or whose output drifted, fails here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_TIMEOUT_MS, PACKAGE_BUILT, ROOT, installed } from '../package/installed.js';

const DOCS = ['docs/api.md', 'README.md'];
const TYPES_BUILT = PACKAGE_BUILT && existsSync(join(ROOT, 'dist/types'));

interface Block {
  where: string;
  code: string;
  /** The `text` block that follows, if any. */
  output?: string;
}

/** The `ts` blocks of a Markdown file, each with the `text` block after it (blank lines and one line of prose may sit between). */
function tsBlocks(doc: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\S*)\n([\s\S]*?)^```$/gm;
  let last: { block: Block; end: number } | undefined;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    const line = markdown.slice(0, m.index).split('\n').length;
    if (m[1] === 'ts') {
      const block: Block = { where: `${doc}:${line}`, code: m[2]! };
      blocks.push(block);
      last = { block, end: m.index + m[0].length };
    } else if (m[1] === 'text' && last && markdown.slice(last.end, m.index).trim().split('\n').length <= 1) {
      last.block.output = m[2]!;
      last = undefined;
    } else last = undefined;
  }
  return blocks;
}

const blocks = DOCS.flatMap((doc) => tsBlocks(doc, readFileSync(join(ROOT, doc), 'utf8')));

describe('tsBlocks', () => {
  it('pairs a ts block with the text block after it, and only that one', () => {
    const md = '```ts\na\n```\n\nprints\n\n```text\nout\n```\n\n```ts\nb\n```\n\n```sh\nx\n```\n\n```text\nno\n```\n';
    expect(tsBlocks('d.md', md)).toEqual([
      { where: 'd.md:1', code: 'a\n', output: 'out\n' },
      { where: 'd.md:11', code: 'b\n' },
    ]);
  });

  it('finds the examples of the library docs', () => {
    expect(blocks.filter((b) => b.where.startsWith('docs/api.md')).length).toBeGreaterThanOrEqual(1);
    expect(blocks.filter((b) => b.output !== undefined).length).toBeGreaterThanOrEqual(1);
  });
});

describe.skipIf(!TYPES_BUILT)('library documentation examples', () => {
  let dir: string;
  /** What tsc said, once for every block (one tsc start takes some 15 s here). */
  let diagnostics: string;
  const nameOf = (where: string): string => where.replace(/\W/g, '-');

  beforeAll(async () => {
    dir = mkdtempSync(join((await installed()).consumer, 'doc-example-'));
    for (const b of blocks) writeFileSync(join(dir, `${nameOf(b.where)}.ts`), b.code);
    const files = blocks.map((b) => `${nameOf(b.where)}.ts`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, skipLibCheck: false, types: [], outDir: 'out' }, files }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    diagnostics = tsc.stdout + tsc.stderr;
  }, INSTALL_TIMEOUT_MS + 120_000);

  it('tsc reports nothing', () => {
    expect(diagnostics).toBe('');
  });

  it.each(blocks.map((b) => [b.where, b] as const))('%s compiles and prints what the doc shows', (where, block) => {
    const name = nameOf(where);
    expect(diagnostics.split('\n').filter((l) => l.startsWith(`${name}.ts(`)), where).toEqual([]);
    const run = spawnSync(process.execPath, [join(dir, 'out', `${name}.js`)], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'] ?? '' } });
    expect(run.stderr, where).toBe('');
    expect(run.status, where).toBe(0);
    if (block.output !== undefined) expect(run.stdout.trimEnd(), where).toBe(block.output.trimEnd());
  }, 120_000);
});
