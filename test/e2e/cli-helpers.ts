/** Spawning the built CLI for end-to-end tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** The bundled bin the package ships. */
export const CLI = resolve('dist/cli.mjs');
/** True when `npm run build` has produced the bin; tests skip (with a message) otherwise. */
export const BUILT = existsSync(CLI);
if (!BUILT) process.stderr.write(`test/e2e: ${CLI} is missing: run \`npm run build\` first (npm test does); end-to-end tests are skipped\n`);

/** Output of one run of the bin. */
export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node dist/cli.mjs ...args` with colours off unless the env says otherwise. */
export function xmcfg(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Spawned {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_WORKSPACE: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? resolve('fixtures/cli'), input: options.input, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace lines ("    at fn (file:1:2)") anywhere. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}

/**
 * A copy of the built dist/ in a temporary folder (`dist` in `dir`, with `files` written next to
 * it) made before this test file's tests and removed after them: tests that change or damage
 * built files leave the real build alone.
 */
export function privateDist(prefix: string, files: Record<string, string> = {}): { readonly dir: string; readonly dist: string } {
  const at = { dir: '', dist: '' };
  beforeAll(() => {
    if (!BUILT) return;
    at.dir = mkdtempSync(join(tmpdir(), prefix));
    at.dist = join(at.dir, 'dist');
    cpSync(resolve('dist'), at.dist, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(at.dir, name), text);
  });
  afterAll(() => {
    if (at.dir) rmSync(at.dir, { recursive: true, force: true });
  });
  return at;
}
