#!/usr/bin/env node
/**
 * @fileoverview The `xmcfg` bin: runs the CLI on this process's arguments and sets the exit code
 * (never process.exit, so piped output is flushed before the process ends).
 */
import { run } from './run.js';
import { processIo } from './io.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `xmcfg check | head` closes the pipe early: stop quietly, as other Unix tools do.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`xmcfg: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
