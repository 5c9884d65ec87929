/**
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP while `check -o FILE` writes its report: the hidden temporary
 * file beside FILE is removed, FILE keeps what it held (or stays absent), and the process ends by
 * the signal itself (the shell's 130/143/129). Without an output file the signal ends the run as
 * Node's default does. No timing: the tests wait for the temporary file to exist (and hold
 * standard input open, or give the run a large tree) before signalling.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, CLI } from '../e2e/cli-helpers.js';

let dir: string;
/** Files in the generated tree: with a finding each, the json report is ~3 MB (about 50 chunks). */
const FILES = 4000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-signal-'));
  mkdirSync(join(dir, 'tree'));
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, 'tree', `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(sub);
    writeFileSync(join(sub, `vm${i}.cfg`), `name = "vm${i}"\nmemory = 512\nmemroy = 1\nvcpus = 2\nbootloader = "pygrub"\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The hidden temporary files `openAtomic` makes for `target` in `folder`. */
function temporaries(folder: string, target: string): string[] {
  return readdirSync(folder).filter((n) => n.startsWith(`.${target}.`) && n.endsWith('.tmp'));
}

/** Resolves once `test` holds, checking whenever the event loop is free (no time limit of its own). */
async function until(test: () => boolean, child: ChildProcessWithoutNullStreams): Promise<void> {
  while (!test()) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('the run ended before the signal could be sent');
    await new Promise((r) => setImmediate(r));
  }
}

/** How the child ended. */
function ended(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

function spawnCheck(folder: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, 'check', ...args], { cwd: folder, env: { ...process.env, NO_COLOR: '1' } });
}

describe.skipIf(!BUILT)('check -o and a signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} while standard input is awaited: temporary file removed, old report kept, ended by ${signal}`, async () => {
      const folder = join(dir, `stdin-${signal}`);
      mkdirSync(folder);
      writeFileSync(join(folder, 'report.json'), 'old report\n');
      // The tree's report is streamed into the temporary file; then the run waits for standard input.
      const child = spawnCheck(folder, ['../tree/d0', '-', '-f', 'json', '--jobs', '1', '-o', 'report.json']);
      const result = ended(child);
      await until(() => temporaries(folder, 'report.json').some((n) => statSync(join(folder, n)).size > 0), child);
      child.kill(signal);
      const r = await result;
      expect({ code: r.code, signal: r.signal }).toEqual({ code: null, signal });
      expect(temporaries(folder, 'report.json')).toEqual([]);
      expect(readFileSync(join(folder, 'report.json'), 'utf8')).toBe('old report\n');
      expect(r.stderr).toBe('');
    });
  }

  for (const format of ['json', 'sarif']) {
    it(`SIGINT while a large tree is checked (-f ${format}): no temporary file, no report, ended by SIGINT`, async () => {
      const folder = join(dir, `tree-${format}`);
      mkdirSync(folder);
      const child = spawnCheck(folder, ['../tree', '-f', format, '--jobs', '1', '-o', 'report.out']);
      const result = ended(child);
      // json streams: wait until the first chunk is in (the run is inside its loop over files);
      // sarif is written at the end, so its temporary file is still empty then.
      await until(() => temporaries(folder, 'report.out').some((n) => format === 'sarif' || statSync(join(folder, n)).size > 0), child);
      child.kill('SIGINT');
      const r = await result;
      expect({ code: r.code, signal: r.signal }).toEqual({ code: null, signal: 'SIGINT' });
      expect(readdirSync(folder)).toEqual([]);
    });
  }

  it('SIGINT while a FIFO named as an input waits for its writer: temporary file removed, ended by SIGINT', async () => {
    const folder = join(dir, 'fifo');
    mkdirSync(folder);
    if (spawnSync('mkfifo', [join(folder, 'wait.cfg')]).status !== 0) throw new Error('mkfifo failed');
    // Nobody writes the FIFO: the run waits there, its temporary file open.
    const child = spawnCheck(folder, ['../tree/d0', 'wait.cfg', '-f', 'json', '--jobs', '1', '-o', 'report.json']);
    const result = ended(child);
    // A non-blocking open for writing succeeds once the run has the FIFO open for reading: it is
    // at the FIFO. The writer stays open and silent, so the run then waits in its read.
    let writer = -1;
    await until(() => {
      try {
        writer = openSync(join(folder, 'wait.cfg'), constants.O_WRONLY | constants.O_NONBLOCK);
        return true;
      } catch {
        return false;
      }
    }, child);
    expect(temporaries(folder, 'report.json')).toHaveLength(1);
    child.kill('SIGINT');
    const r = await result;
    closeSync(writer);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(readdirSync(folder)).toEqual(['wait.cfg']);
  });

  it('SIGINT without an output file: the run ends by SIGINT as before, nothing written in the folder', async () => {
    const folder = join(dir, 'stdout');
    mkdirSync(folder);
    const child = spawnCheck(folder, ['../tree/d0', '-', '-f', 'json', '--jobs', '1']);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const result = ended(child);
    await until(() => out.length > 0, child);
    child.kill('SIGINT');
    const r = await result;
    expect({ code: r.code, signal: r.signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(existsSync(folder) && readdirSync(folder)).toEqual([]);
  });
});
