/**
 * checkInParallel hands outcomes on in input order as soon as the earlier ones are done, and a
 * worker that dies holding files fails those files (internal error) without dropping or
 * reordering any: `check` streams its report from these deliveries.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInParallel } from '../../src/cli/check/pool.js';
import type { FileOutcome } from '../../src/cli/check/check-file.js';
import type { Target } from '../../src/cli/check/discover.js';

let dir: string;
let marker: string;
let entry: URL;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-pool-'));
  marker = join(dir, 'took-a-task');
  // A worker that is ready at once, and dies on its first task after saying it took it.
  writeFileSync(
    join(dir, 'dying-worker.mjs'),
    `import { parentPort } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
parentPort.on('message', () => { writeFileSync(${JSON.stringify(marker)}, 'x'); throw new Error('worker died'); });
parentPort.postMessage({ ready: true });
`,
  );
  entry = pathToFileURL(join(dir, 'dying-worker.mjs'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkInParallel', () => {
  it('delivers every file once, in input order, with the files a dead worker held as internal errors', async () => {
    const targets: Target[] = Array.from({ length: 8 }, (_, i) => ({ path: `f${i}.cfg`, abs: join(dir, `f${i}.cfg`) }));
    const checked = (t: Target): FileOutcome => ({ kind: 'checked', file: { path: t.path, dialect: 'xl', text: '', diagnostics: [] } });
    // The main thread holds the first file until the worker has taken (and died on) others.
    const check = async (t: Target): Promise<FileOutcome> => {
      if (t.path === 'f0.cfg') while (!existsSync(marker)) await new Promise((r) => setTimeout(r, 5));
      return checked(t);
    };
    const delivered: { index: number; outcome: FileOutcome }[] = [];
    await checkInParallel(entry, targets, { dialect: 'xl', defines: {}, maxFileSize: 1024, host: null }, 1, check, () => {}, (outcome, index) => delivered.push({ index, outcome }));
    expect(delivered.map((d) => d.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const fatal = delivered.filter((d) => d.outcome.kind === 'fatal');
    // The worker had up to two files in flight (the files after the one the main thread held).
    expect(fatal.map((d) => d.index)).toEqual(fatal.length === 1 ? [1] : [1, 2]);
    for (const d of fatal) expect(d.outcome).toEqual({ kind: 'fatal', message: `internal error while checking 'f${d.index}.cfg': Error: worker died` });
  });
});
