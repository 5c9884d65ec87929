/**
 * @fileoverview Worker-thread entry of `check --jobs N` (bundled as dist/check-worker.mjs): checks
 * the files the pool sends, one message per file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, checkSource, loadPlacement, type FileCheckSettings } from './check-file.js';
import type { WorkerReply, WorkerTask } from './pool.js';

const settings = (workerData as { settings: FileCheckSettings }).settings;

parentPort?.on('message', (task: WorkerTask) => {
  void checkFile(task.target, settings).then((outcome) => parentPort!.postMessage({ id: task.id, outcome } satisfies WorkerReply));
});

// Build the parser and validator (and load the allocator for --host) before asking for work.
checkSource('', '', [], settings);
if (settings.host) await loadPlacement();
parentPort?.postMessage({ ready: true } satisfies WorkerReply);
