/**
 * The artifact users get: `npm pack`, install the tarball into an empty project, run the bin through
 * npx and import the library. The pack and install are the run's shared one (installed.ts), which
 * the fixture suites also run against. Install scripts are skipped (--ignore-scripts): the CLI is
 * bundled and `check` needs no native addon, and building better-sqlite3 would dominate the time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_TIMEOUT_MS, PACKAGE_BUILT, ROOT as root, installed } from './installed.js';

if (!PACKAGE_BUILT) process.stderr.write('test/package: dist/ is missing: run `npm run build` first (npm test does); package test skipped\n');

let files: string[];
/** This file's own folder inside the run's shared consumer, so its files meet no other suite's. */
let consumer: string;

describe.skipIf(!PACKAGE_BUILT)('npm package', () => {
  beforeAll(async () => {
    const pkg = await installed();
    files = pkg.files;
    consumer = mkdtempSync(join(pkg.consumer, 'pack-install-'));
  }, INSTALL_TIMEOUT_MS);

  it('packs the bundles and docs, not the sources or tests', () => {
    expect(files).toContain('dist/cli.mjs');
    expect(files).toContain('dist/check-worker.mjs');
    expect(files).toContain('package.json');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('fixtures/'))).toBe(false);
  });

  it('npx xmcfg check works in a fresh project', () => {
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
    expect(readdirSync(join(consumer, '../node_modules/.bin'))).toContain('xmcfg');
  });

  it.skipIf(!existsSync(join(root, 'dist/types')))('the published types compile in a TypeScript consumer', () => {
    // Every export, checked with the package's own declarations (skipLibCheck off): a declaration
    // that reaches a module the install lacks (a devDependency) fails here instead of turning the
    // config type into `any` in the user's project.
    const use = [
      "import { parse, check, normalize, schema, readHost, plan, allCodes, codeInfo, optionKeys, optionDoc, type Host, type Plan, type JsonDiagnostic, type NormalizedConfig } from 'xmcfg';",
      "const p = parse('memory = 512\\n', { dialect: 'xm' });",
      "const c = check('memory = 512\\n', { dialect: 'auto' });",
      "const n = normalize('memory = 512\\n', null);",
      'const s: Record<string, unknown> = schema();',
      'const h = readHost({ nodes: [] });',
      'const host: Host | null = h.host;',
      'const cfg: NormalizedConfig = n.config;',
      'const memory: number | undefined = cfg.memory;',
      '// @ts-expect-error memory is a number: the config type is not any',
      'const wrong: string = cfg.memory;',
      "const r = host ? plan(cfg, host, { policy: 'best', affinity: 'soft' }) : null;",
      'const pl: Plan | null | undefined = r?.plan;',
      'const kinds: number[] = p.tree.tokens.kinds;',
      'const d: JsonDiagnostic[] = [...p.diagnostics, ...c.diagnostics];',
      "export default [s, pl, d, kinds, memory, wrong, allCodes(), codeInfo('XM0101'), optionKeys(), optionDoc('memory')];",
    ];
    writeFileSync(join(consumer, 'use.ts'), use.join('\n') + '\n');
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!existsSync(join(root, 'dist/index.mjs')))('the library entry imports and checks text', () => {
    const script = "import * as x from 'xmcfg'; const r = x.check('memroy = 1\\n', {}); console.log(JSON.stringify({ keys: Object.keys(x).sort(), codes: r.diagnostics.map((d) => d.code) }));";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { keys: string[]; codes: string[] };
    for (const name of ['check', 'normalize', 'parse', 'plan', 'readHost', 'schema']) expect(out.keys).toContain(name);
    expect(out.codes).toContain('XM0101');
  });
});
