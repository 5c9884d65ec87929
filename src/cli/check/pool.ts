/**
 * @fileoverview `check --jobs N`: a small worker_threads pool over the file list. Each worker reads
 * and checks whole files (parser and validator built once per worker) and sends plain data back;
 * results are handed on in input order as soon as every earlier file is done, whatever order they
 * finish in, so a big tree's results are never all held at once.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { Target } from './discover.js';
import { workerSettings, type FileCheckSettings, type FileOutcome } from './check-file.js';

/** How long the main thread checks before letting worker messages in (a turn costs ~10 µs). */
const YIELD_MS = 2;

/** Message to a worker: check one file. */
export interface WorkerTask {
  id: number;
  target: Target;
}

/** Message from a worker: the outcome of one task, or `ready` once it has built its parser. */
export type WorkerReply = { id: number; outcome: FileOutcome } | { ready: true };

/**
 * The bundled worker entry (dist/check-worker.mjs), found next to this module or one folder up
 * (code-split chunks live in dist/chunks/); null when running from sources, where no bundle exists.
 */
export function workerEntry(): URL | null {
  for (const rel of ['./check-worker.mjs', '../check-worker.mjs']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/**
 * Check targets with the main thread plus `workers` worker threads pulling from one queue. The main
 * thread starts at once, so the ~0.1–0.4 s a worker needs to load the bundle and build its parser
 * is never waited for: a small tree is done before the workers have started. `deliver` gets each
 * outcome in input order once all earlier ones are delivered: only outcomes that finished ahead of
 * a slower earlier file are held (a few per worker).
 */
export async function checkInParallel(
  entry: URL,
  targets: readonly Target[],
  settings: FileCheckSettings,
  workers: number,
  check: (t: Target) => Promise<FileOutcome>,
  onDone: (done: number) => void,
  deliver: (outcome: FileOutcome, index: number) => void,
  stats: { main: number; workers: number } = { main: 0, workers: 0 },
): Promise<void> {
  const ahead = new Map<number, FileOutcome>();
  let delivered = 0;
  let next = 0;
  let done = 0;
  const finish = (id: number, o: FileOutcome): void => {
    ahead.set(id, o);
    onDone(++done);
    for (let r = ahead.get(delivered); r !== undefined; r = ahead.get(delivered)) {
      ahead.delete(delivered);
      deliver(r, delivered++);
    }
  };
  // Loaded here, not at start-up: node:worker_threads costs a plain `check one.cfg` ~2 ms.
  const { Worker: WorkerThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const pool: { worker: Worker; inFlight: Set<number> }[] = [];
  const data = { settings: workerSettings(settings) };
  const workersDone = Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolveWorker) => {
        const worker = new WorkerThread(entry, { workerData: data });
        const inFlight = new Set<number>();
        pool.push({ worker, inFlight });
        // Two tasks in flight per worker hide the message round-trip.
        const feed = (): void => {
          while (inFlight.size < 2 && next < targets.length) {
            const id = next++;
            inFlight.add(id);
            worker.postMessage({ id, target: targets[id]! } satisfies WorkerTask);
          }
          if (inFlight.size === 0) void worker.terminate();
        };
        worker.on('message', (reply: WorkerReply) => {
          // Tasks go out only once the worker is warm, so the main thread keeps the rest meanwhile.
          if ('ready' in reply) return feed();
          inFlight.delete(reply.id);
          stats.workers++;
          finish(reply.id, reply.outcome);
          feed();
        });
        worker.on('error', (err) => {
          // A crashed worker (out of memory, a bug) fails only the files it was holding.
          for (const id of inFlight) finish(id, { kind: 'fatal', message: `internal error while checking '${targets[id]!.path}': ${err.name}: ${err.message}` });
          inFlight.clear();
        });
        worker.on('exit', () => resolveWorker());
      }),
    ),
  );
  let lastYield = performance.now();
  while (next < targets.length) {
    const id = next++;
    finish(id, await check(targets[id]!));
    stats.main++;
    // Reading is synchronous, so `await check()` only runs microtasks: without a macrotask turn
    // now and then, the workers' `ready` and result messages wait until the main thread is done.
    if (performance.now() - lastYield >= YIELD_MS) {
      await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
      lastYield = performance.now();
    }
  }
  // Workers still booting have nothing left to do: stop them instead of waiting for them. Busy
  // ones stop themselves after their last reply.
  for (const w of pool) if (w.inFlight.size === 0) void w.worker.terminate();
  await workersDone;
  // Anything left (a worker died holding it) is reported, never dropped.
  for (let i = delivered; i < targets.length; i++) {
    const o = ahead.get(i) ?? { kind: 'fatal', message: `internal error: '${targets[i]!.path}' was not checked` };
    ahead.delete(i);
    deliver(o, i);
  }
}
