/**
 * What `xmcfg check` loads at start-up (no timing: which code). Runs on a private copy of dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT, privateDist } from './cli-helpers.js';

const FIXTURES = resolve('fixtures/examples');
// A loader hook that appends every module URL Node loads to a log file.
const copy = privateDist('xmcfg-startup-', {
  'hooks.mjs': "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(process.env.XMCFG_TEST_LOAD_LOG, url + '\\n');\n  return next(url, context);\n}\n",
  'register.mjs': "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
});

/** Run the copied bin; with `log`, also the files it loaded (paths relative to the copy of dist/). */
function run(args: string[], log = false): { code: number | null; stdout: string; stderr: string; loaded: string[] } {
  const logFile = join(copy.dir, `load-${Math.random().toString(36).slice(2)}.log`);
  const pre = log ? ['--import', pathToFileURL(join(copy.dir, 'register.mjs')).href] : [];
  const r = spawnSync(process.execPath, [...pre, join(copy.dist, 'cli.mjs'), ...args], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XMCFG_TEST_LOAD_LOG: logFile } });
  const loaded = log && existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').filter((u) => u.includes('/dist/')).map((u) => u.slice(u.indexOf('/dist/') + 6)) : [];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

/** Chunks only other commands (or yargs' option parsing) need; esbuild names them after their module. */
const NOT_FOR_CHECK = /^chunks\/(yargs|lsp-run|fmt-run|convert-run|format|placement-run|normalize-run|explain-run|schema|host)-[A-Z0-9]+\.mjs$/;

describe.skipIf(!BUILT)('start-up of the built xmcfg check', () => {
  it('loads neither yargs nor the code of other commands for a plain check', () => {
    const r = run(['check', 'web.cfg'], true);
    expect(r.code).toBe(0);
    expect(r.loaded).toContain('cli.mjs');
    // The check command is its own bundle (dist/check.mjs): a handful of files, not one per shared module.
    expect(r.loaded).toContain('check.mjs');
    expect(r.loaded.length).toBeLessThanOrEqual(10);
    expect(r.loaded.filter((f) => NOT_FOR_CHECK.test(f))).toEqual([]);
    // The LSP chunk is the one with the protocol's method names.
    expect(r.loaded.filter((f) => readFileSync(join(copy.dist, f), 'utf8').includes('textDocument/'))).toEqual([]);
  });

  it('still loads yargs for everything past the plain check forms (so the test above can fail)', () => {
    const r = run(['check', '--help'], true);
    expect(r.code).toBe(0);
    expect(r.loaded.some((f) => /^chunks\/yargs-/.test(f))).toBe(true);
  });

  it('bundles the option catalogue as data, not the TypeBox code that builds it', () => {
    const marker = 'TypeBox.Kind';
    expect(readFileSync(resolve('node_modules/@sinclair/typebox/build/esm/type/symbols/symbols.mjs'), 'utf8')).toContain(marker);
    const files = [...readdirSync(copy.dist).filter((f) => f.endsWith('.mjs')), ...readdirSync(join(copy.dist, 'chunks')).map((f) => `chunks/${f}`)];
    expect(files.filter((f) => readFileSync(join(copy.dist, f), 'latin1').includes(marker))).toEqual([]);
  });

  it('runs the check bundle as one script from its code cache (no module per chunk)', () => {
    const r = run(['check', 'web.cfg'], true);
    expect(r.code).toBe(0);
    // The parser (chevrotain's lexer message marks it) is in the script, not in an ES module loaded.
    const marker = 'Unable to Tokenize';
    expect(readFileSync(join(copy.dist, 'check.script.js'), 'utf8')).toContain(marker);
    expect(r.loaded.filter((f) => readFileSync(join(copy.dist, f), 'utf8').includes(marker))).toEqual([]);
    expect(readFileSync(join(copy.dist, 'check.mjs'), 'utf8')).toContain('check.v8cache');
  });
  // What a missing, stale or damaged code cache does: test/e2e/code-cache.test.ts.
});
