/**
 * @fileoverview The two implementations the data-driven suites run against: the sources (src/,
 * in-process) and the package as installed in a consumer project (its library through the bare
 * name `xmcfg`, its CLI through node_modules/.bin/xmcfg). A suite loops over `implementations()`
 * and puts the name in its describe title, so a failure names the fixture and what was tested.
 */
import { spawn } from 'node:child_process';
import { INSTALL_TIMEOUT_MS, PACKAGE_BUILT, installed } from './installed.js';

/** The public library: what `import('xmcfg')` gives (src/index.ts). */
export type Lib = typeof import('../../src/index.js');

/** What one run of the CLI gave. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Input of one CLI run; `env` is the whole environment the CLI sees (PATH aside). */
export interface CliInput {
  cwd: string;
  stdin?: string;
  env?: Record<string, string>;
}

/** One implementation under test. */
export interface Impl {
  name: 'src' | 'package';
  /** Why this implementation's runs are skipped, or null. */
  skip: string | null;
  /**
   * Whether a suite may run its CLI cases at once: the package's runs are separate processes that
   * mostly wait on start-up, the sources' share one module graph (left serial, as they always ran).
   */
  concurrent: boolean;
  /** The library (async: the package one waits for the run's install). */
  lib(): Promise<Lib>;
  /** A CLI runner (async for the same reason). */
  cli(): Promise<(argv: string[], input: CliInput) => Promise<CliResult>>;
  /** The version `--version` prints. */
  version(): Promise<string>;
}

/** Timeout for the beforeAll hooks that load an implementation (the package waits for its install). */
export const LOAD_TIMEOUT_MS = INSTALL_TIMEOUT_MS;

const src: Impl = {
  name: 'src',
  skip: null,
  concurrent: false,
  lib: () => import('../../src/index.js'),
  async cli() {
    const [{ run }, { fakeIo }] = await Promise.all([import('../../src/cli/run.js'), import('../cli/fake-io.js')]);
    return async (argv, input) => {
      const { io, out } = fakeIo(input);
      const code = await run(argv, io);
      return { code, ...out };
    };
  },
  version: async () => (await import('../../src/cli/version.js')).VERSION,
};

const pkg: Impl = {
  name: 'package',
  skip: PACKAGE_BUILT ? null : 'dist/ is missing: run `npm run build` first (npm test does)',
  concurrent: true,
  async lib() {
    const { lib } = await installed();
    // Loaded as a user's process loads it: without the grammar validations that test/syntax/load.ts
    // turns on (through the environment, read when the grammar is built) for the sources.
    const validate = process.env['XMCFG_VALIDATE_GRAMMAR'];
    delete process.env['XMCFG_VALIDATE_GRAMMAR'];
    try {
      return (await import(/* @vite-ignore */ lib)) as Lib;
    } finally {
      if (validate !== undefined) process.env['XMCFG_VALIDATE_GRAMMAR'] = validate;
    }
  },
  async cli() {
    const { bin } = await installed();
    // The bin link itself is run (its `#!/usr/bin/env node` line included), as a user's shell would.
    return (argv, input) => runBin(bin, argv, input);
  },
  version: async () => (await installed()).version,
};

/** Run the bin without blocking, so that a suite can run its package cases concurrently. */
function runBin(bin: string, argv: string[], input: CliInput): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(bin, argv, { cwd: input.cwd, env: { PATH: process.env['PATH'] ?? '', ...input.env }, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // a CLI that exits before reading its input is not a test failure here
    child.stdin.end(input.stdin ?? '');
  });
}

/** Every implementation, the sources first. */
export function implementations(): Impl[] {
  if (pkg.skip) process.stderr.write(`test: package runs skipped: ${pkg.skip}\n`);
  return [src, pkg];
}
