/**
 * `check --host H` over many files validates the host once per process (issue #4, decision 094):
 * once when the CLI reads it, never again for each file (a 256-node host's 65,536 distances each
 * time), and a worker of `--jobs` none at all: it rebuilds the CheckedHost from what the main
 * thread sends. Counted by runs of the host schema validator, not timed; the findings, and the file
 * they are reported under, are those of the host validated for every file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/placement/generated/host-validator.mjs', async (importOriginal) => (await import('./host-validator-count.js')).countedHostValidator(importOriginal));

import { run } from '../../src/cli/run.js';
import { checkFileSync, loadPlacement, type FileCheckSettings, type FileOutcome, type PlacementFn, type WorkerSettings } from '../../src/cli/check/check-file.js';
import type { Target } from '../../src/cli/check/discover.js';
import { checkInParallel } from '../../src/cli/check/pool.js';
import { settingsFromMain } from '../../src/cli/check/worker.js';
import { placementDiagnostics } from '../../src/placement/check-findings.js';
import { CheckedHost, checkedHost } from '../../src/placement/host-check.js';
import { readHost } from '../../src/placement/host.js';
import { fakeIo } from '../cli/fake-io.js';
import { bigHost, validationsOf } from './host-validator-count.js';

const dir = mkdtempSync(join(tmpdir(), 'xmcfg-check-host-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const big = bigHost(256);
// Node 0's distance to itself off the SLIT scale: an XM0411 that validating the canonical host
// again repeats (CheckedHost.again is not empty), said once, under the host's name.
big.nodes[0]!.distances!['0'] = 12;
writeFileSync(join(dir, 'host.json'), JSON.stringify(big));
/** Configs with and without placement findings (XM0402 numanode off the host, XM0405 cpus off it, XM0403 too much memory). */
const CONFIGS: Record<string, string> = {
  'a-web.cfg': 'name = "web"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\nmemory = 4096\nvcpus = 4\n',
  'b-off.cfg': 'name = "off"\ntype = "hvm"\nmemory = 1024\nvcpus = 1\nnumanode = "0,300"\n',
  'c-pins.cfg': 'name = "pins"\ntype = "hvm"\nmemory = 1024\nvcpus = 2\ncpus = "5000-5003"\n',
  'd-huge.cfg': 'name = "huge"\ntype = "hvm"\nmemory = 200000\nvcpus = 2\nnumanode = 3\n',
  'e-xm.cfg': 'name = "legacy"\nkernel = "/boot/vmlinuz"\nmemory = 512\nvcpus = 2\ncpus = "1-2"\n',
};
for (const [name, text] of Object.entries(CONFIGS)) writeFileSync(join(dir, name), text);
const targets: Target[] = Object.keys(CONFIGS).map((path) => ({ path, abs: join(dir, path) }));

describe('check --host over several files', () => {
  it('validates the host once, in-process, with the same findings under each file', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    let code = -1;
    expect(await validationsOf(async () => (code = await run(['check', '--host', 'host.json', '-f', 'json', '--max-findings', '0', '--jobs', '1', ...targets.map((t) => t.path)], io)))).toBe(1);
    expect(code).toBe(1);
    // The host's own finding once, under its name; none of it under a file.
    expect([...out.stderr.matchAll(/XM04\d\d/g)].map((m) => m[0])).toEqual(['XM0411']);
    expect(out.stderr).toMatch(/^xmcfg: host 'host\.json': warning XM0411/);
    const files = (JSON.parse(out.stdout) as { files: { path: string; diagnostics: { code: string; line: number; column: number }[] }[] }).files;
    const found = files.map((f) => `${f.path} ${f.diagnostics.filter((d) => d.code.startsWith('XM04')).map((d) => `${d.code}@${d.line}:${d.column}`).join(' ')}`);
    expect(found).toEqual(['a-web.cfg ', 'b-off.cfg XM0402@5:15', 'c-pins.cfg XM0405@5:8', 'd-huge.cfg XM0403@5:12', 'e-xm.cfg ']);
    // The same as each file's findings against the raw host, validated for that file (the library's way).
    const settings: FileCheckSettings = { dialect: 'auto', defines: {}, maxFileSize: 1 << 20, host: checkedHost(readHost(JSON.stringify(big)).host!) };
    const validatedEachTime: PlacementFn = (result) => placementDiagnostics(result, big);
    for (const t of targets) expect(checkFileSync(t, settings, await loadPlacement())).toEqual(checkFileSync(t, settings, validatedEachTime));
  });

  it('sends a worker the checked host, which it rebuilds without validating', async () => {
    const main = checkedHost(readHost(JSON.stringify(big)).host!);
    expect(main.again.map((d) => d.code)).toEqual(['XM0411']);
    const settings: FileCheckSettings = { dialect: 'auto', defines: {}, maxFileSize: 1 << 20, host: main };
    // A worker that keeps what it was started with (as a structured clone, which v8.serialize is).
    const sent = join(dir, 'worker-data.bin');
    writeFileSync(join(dir, 'keep-data.mjs'), `import { parentPort, workerData } from 'node:worker_threads';
import { renameSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
// Written whole, then renamed: the main thread goes on once the name exists.
writeFileSync(${JSON.stringify(sent + '.part')}, serialize(workerData));
renameSync(${JSON.stringify(sent + '.part')}, ${JSON.stringify(sent)});
parentPort.on('message', (t) => parentPort.postMessage({ id: t.id, outcome: { kind: 'fatal', message: 'not checked here' } }));
parentPort.postMessage({ ready: true });
`);
    // The main thread waits until the worker has started, so it is not stopped unborn.
    const check = async (t: Target): Promise<FileOutcome> => {
      while (!existsSync(sent)) await new Promise((r) => setTimeout(r, 5));
      return { kind: 'fatal', message: t.path };
    };
    await checkInParallel(pathToFileURL(join(dir, 'keep-data.mjs')), targets, settings, 1, check, () => {}, () => {});
    const received = (deserialize(readFileSync(sent)) as { settings: WorkerSettings }).settings;
    const place = await loadPlacement();
    let rebuilt: FileCheckSettings | null = null;
    const outcomes: FileOutcome[] = [];
    expect(
      await validationsOf(async () => {
        rebuilt = await settingsFromMain(received);
        for (const t of targets) outcomes.push(checkFileSync(t, rebuilt, place));
      }),
    ).toBe(0);
    expect(rebuilt!.host).toBeInstanceOf(CheckedHost);
    expect(rebuilt!.host!.host).toEqual(main.host);
    expect(rebuilt!.host!.again).toEqual(main.again);
    // What the main thread finds for each file, with its own CheckedHost.
    expect(outcomes).toEqual(targets.map((t) => checkFileSync(t, settings, place)));
  });
});
