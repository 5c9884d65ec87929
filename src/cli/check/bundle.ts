/**
 * @fileoverview Entry of the check command's own bundle (scripts/build.mjs): one CommonJS script,
 * run from a V8 code cache by dist/check.mjs (the command) and dist/check-worker.mjs (`--jobs`).
 */
export { runCheck } from './run-check.js';
export { startWorker } from './worker.js';
export { quickCheckArgv } from '../quick-check-argv.js';
