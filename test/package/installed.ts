/**
 * @fileoverview The package as a user installs it, shared by every test file of one vitest run:
 * `npm pack` of the built tree, installed into an empty consumer project. Packing and installing
 * take tens of seconds, so the first test file that asks does it, under a lock in the run's folder
 * (test/package/global-setup.ts makes the folder and removes it after the run); the others wait for
 * its record. Nothing is kept between runs, so a new build, or a damaged consumer, never leaks into
 * the next run. Install scripts are skipped (--ignore-scripts): better-sqlite3 is a native addon
 * only the reservation ledger loads, and building it would dominate the run; suites that need the
 * ledger stay src-only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    /** The run's scratch folder for the installed package (see global-setup.ts). */
    xmcfgPackageRun: string;
  }
}

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** True when `npm run build` has produced what the package ships; package runs skip otherwise. */
export const PACKAGE_BUILT = existsSync(join(ROOT, 'dist/cli.mjs')) && existsSync(join(ROOT, 'dist/index.mjs'));
/** Longest wait for another test file's install (npm on a loaded machine can be slow). */
const WAIT_MS = 240_000;
/** The timeout for hooks that wait for the install. */
export const INSTALL_TIMEOUT_MS = WAIT_MS + 30_000;

/** What one install left. */
export interface Installed {
  /** The consumer project (its node_modules holds xmcfg). */
  consumer: string;
  /** The consumer's node_modules/.bin/xmcfg. */
  bin: string;
  /** The URL `import('xmcfg')` resolves to from the consumer, as Node resolves it there. */
  lib: string;
  /** The paths `npm pack` put in the tarball. */
  files: string[];
  /** The version in the installed package.json. */
  version: string;
}

let mine: Promise<Installed> | undefined;

/** The installed package of this run (packed and installed on the first call of the run). */
export function installed(): Promise<Installed> {
  mine ??= obtain(inject('xmcfgPackageRun'));
  return mine;
}

async function obtain(run: string): Promise<Installed> {
  const ready = join(run, 'ready.json');
  const failed = join(run, 'failed.txt');
  let owner = true;
  try {
    mkdirSync(join(run, 'lock'));
  } catch {
    owner = false;
  }
  if (owner) {
    try {
      const record = install(join(run, 'work'));
      writeFileSync(`${ready}.tmp`, JSON.stringify(record));
      renameSync(`${ready}.tmp`, ready); // others see the record whole or not at all
      return record;
    } catch (e) {
      const detail = (e as { stderr?: string }).stderr ?? '';
      writeFileSync(failed, `${String(e)}\n${detail}`);
      throw e;
    }
  }
  for (const end = Date.now() + WAIT_MS; Date.now() < end; await sleep(200)) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as Installed;
    if (existsSync(failed)) throw new Error(`packing or installing xmcfg failed in another test file:\n${readFileSync(failed, 'utf8')}`);
  }
  throw new Error(`no installed package after ${WAIT_MS} ms (${run})`);
}

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });

function install(work: string): Installed {
  mkdirSync(work);
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
  const tarball = join(work, packed[0]!.filename);
  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball], consumer);
  // Node itself resolves the bare name from the consumer, so the exports map is what is tested.
  const lib = execFileSync(process.execPath, ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('xmcfg'))"], { cwd: consumer, encoding: 'utf8' });
  const version = (JSON.parse(readFileSync(join(consumer, 'node_modules/xmcfg/package.json'), 'utf8')) as { version: string }).version;
  return { consumer, bin: join(consumer, 'node_modules/.bin/xmcfg'), lib, files: packed[0]!.files.map((f) => f.path), version };
}
