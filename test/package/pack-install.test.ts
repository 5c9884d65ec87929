/**
 * The artifact users get: `npm pack`, install the tarball into an empty project, run the bin through
 * npx and import the library. Install scripts are skipped (--ignore-scripts): the CLI is bundled and
 * `check` needs no native addon, and building better-sqlite3 would dominate the test's time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve('.');
const built = existsSync(join(root, 'dist/cli.mjs'));
if (!built) process.stderr.write('test/package: dist/ is missing: run `npm run build` first (npm test does); package test skipped\n');

let work: string;
let tarball: string;
let files: string[];

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });

describe.skipIf(!built)('npm package', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'xmcfg-pkg-'));
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root)) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path);
    const consumer = join(work, 'consumer');
    execFileSync('mkdir', [consumer]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball], consumer);
  }, 120_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs the bundles and docs, not the sources or tests', () => {
    expect(files).toContain('dist/cli.mjs');
    expect(files).toContain('dist/check-worker.mjs');
    expect(files).toContain('package.json');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('fixtures/'))).toBe(false);
  });

  it('npx xmcfg check works in a fresh project', () => {
    const consumer = join(work, 'consumer');
    writeFileSync(join(consumer, 'guest.cfg'), 'name = "guest"\nmemroy = 512\nkernel = "/boot/vmlinuz"\n');
    const r = spawnSync('npx', ['--no-install', 'xmcfg', 'check', 'guest.cfg', '--format', 'json'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { version: number; files: { path: string; diagnostics: { code: string; line: number; column: number }[] }[] };
    expect(out.version).toBe(1);
    expect(out.files[0]!.path).toBe('guest.cfg');
    expect(out.files[0]!.diagnostics.find((d) => d.code === 'XM0101')).toMatchObject({ line: 2, column: 1 });
    const stylish = spawnSync('npx', ['--no-install', 'xmcfg', 'check', 'guest.cfg'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(stylish.stdout).toContain(' --> guest.cfg:2:1');
    expect(readdirSync(join(consumer, 'node_modules/.bin'))).toContain('xmcfg');
  });

  it.skipIf(!existsSync(join(root, 'dist/types')))('the published types compile in a TypeScript consumer', () => {
    const consumer = join(work, 'consumer');
    writeFileSync(join(consumer, 'use.ts'), "import { check } from 'xmcfg';\nconst r = check('memory = 512\\n', {});\nconst codes: string[] = r.diagnostics.map((d) => d.code);\nexport default codes;\n");
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!existsSync(join(root, 'dist/index.mjs')))('the library entry imports and checks text', () => {
    const consumer = join(work, 'consumer');
    const script = "import * as x from 'xmcfg'; const r = x.check('memroy = 1\\n', {}); console.log(JSON.stringify({ keys: Object.keys(x).sort(), codes: r.diagnostics.map((d) => d.code) }));";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { keys: string[]; codes: string[] };
    for (const name of ['check', 'normalize', 'parse', 'plan', 'readHost', 'schema']) expect(out.keys).toContain(name);
    expect(out.codes).toContain('XM0101');
  });
});
