/**
 * @fileoverview Worker-thread side of `check --jobs N` (dist/check-worker.mjs calls `startWorker`
 * from the check bundle): checks the files the pool sends, one message per file.
 */
import { createRequire } from 'node:module';
import { checkFile, checkSource, loadPlacement, type FileCheckSettings, type WorkerSettings } from './check-file.js';
import type { WorkerReply, WorkerTask } from './pool.js';

/** Serve the pool: build the parser and validator (and the allocator for --host), then check each file sent. */
export async function startWorker(): Promise<void> {
  // Required here so that the check command's start-up (same bundle) does not load worker_threads.
  const { parentPort, workerData } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  // Before any task: the pool sends tasks only after `ready`.
  const settings = await settingsFromMain((workerData as { settings: WorkerSettings }).settings);
  parentPort?.on('message', (task: WorkerTask) => {
    void checkFile(task.target, settings).then((outcome) => parentPort!.postMessage({ id: task.id, outcome } satisfies WorkerReply));
  });
  checkSource('', '', [], settings);
  if (settings.host) await loadPlacement();
  parentPort?.postMessage({ ready: true } satisfies WorkerReply);
}

/**
 * The settings the main thread sent, with the host a CheckedHost again. Built from the main
 * thread's validation, not validated here: a worker validated a big host once more, and its files
 * once each before decision 094 (a 1,024-node host: a million distances each time).
 */
export async function settingsFromMain(sent: WorkerSettings): Promise<FileCheckSettings> {
  if (!sent.host) return { ...sent, host: null };
  // Loaded only for --host, as the placement check is.
  const { CheckedHost } = await import('../../placement/host-check.js');
  return { ...sent, host: new CheckedHost(sent.host.host, sent.host.again) };
}
