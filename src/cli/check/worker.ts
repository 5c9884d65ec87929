/**
 * @fileoverview Worker-thread side of `check --jobs N` (dist/check-worker.mjs calls `startWorker`
 * from the check bundle): checks the files the pool sends, one message per file.
 */
import { createRequire } from 'node:module';
import { checkFile, checkSource, loadPlacement, type FileCheckSettings } from './check-file.js';
import type { WorkerReply, WorkerTask } from './pool.js';

/** Serve the pool: build the parser and validator (and the allocator for --host), then check each file sent. */
export async function startWorker(): Promise<void> {
  // Required here so that the check command's start-up (same bundle) does not load worker_threads.
  const { parentPort, workerData } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const settings = (workerData as { settings: FileCheckSettings }).settings;
  parentPort?.on('message', (task: WorkerTask) => {
    void checkFile(task.target, settings).then((outcome) => parentPort!.postMessage({ id: task.id, outcome } satisfies WorkerReply));
  });
  checkSource('', '', [], settings);
  if (settings.host) await loadPlacement();
  parentPort?.postMessage({ ready: true } satisfies WorkerReply);
}
