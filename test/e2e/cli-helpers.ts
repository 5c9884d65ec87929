/** Spawning the built CLI for end-to-end tests. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

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
