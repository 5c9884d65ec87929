#!/usr/bin/env node
/**
 * @fileoverview The `xmcfg` bin: runs the CLI on this process's arguments and sets the exit code
 * (never process.exit on success, so piped output is flushed before the process ends).
 */
import { run } from './run.js';
import { processIo } from './io.js';

/** One line for an unexpected error; the stack only with XMCFG_DEBUG set. */
function fatal(e: unknown): never {
  const detail = e instanceof Error ? (process.env.XMCFG_DEBUG ? (e.stack ?? e.message) : `${e.name}: ${e.message}`) : String(e);
  process.stderr.write(`xmcfg: internal error: ${detail}\n`);
  process.exit(2);
}

// Whatever escapes the runner (a bug in a stream or timer callback) still ends as exit 2 with one
// line, never as Node's stack-trace dump.
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

/** The status a shell reports for a process SIGPIPE ended (128 + 13). */
const SIGPIPE_STATUS = 141;

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `xmcfg check | head` closes the pipe early: stop quietly, with the status other Unix tools end
  // with (SIGPIPE ends them; Node ignores that signal). It was 0, "clean", for a run cut short whose
  // files had errors, so `set -o pipefail` (GitHub Actions' bash) passed the step.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? SIGPIPE_STATUS);
  // `xmcfg check > /dev/full`, a full disk in CI: the output failed, not xmcfg ("internal error").
  if (typeof e.code === 'string') {
    process.stderr.write(`xmcfg: cannot write standard output: ${e.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '')}\n`);
    process.exit(2);
  }
  fatal(e);
});

run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
}, fatal);
