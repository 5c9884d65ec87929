/**
 * @fileoverview The progress line of long `check` runs: on stderr, only when stderr is a terminal,
 * only after the run has taken a while, redrawn at most ten times a second and erased at the end.
 */
import type { Io } from '../types.js';

/** Shows "checking N/M files" on a terminal. */
export interface Progress {
  update(done: number): void;
  /** Erase the line for now (other text is about to be written to the terminal); the next update redraws it. */
  clear(): void;
  finish(): void;
}

/** A progress line for `total` files; silent unless stderr is a TTY. */
export function createProgress(io: Io, total: number, now: () => number = Date.now, delayMs = 500): Progress {
  if (!io.stderrIsTTY || total < 2) return { update() {}, clear() {}, finish() {} };
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const t = now();
      if (t - start < delayMs || t - last < 100) return;
      last = t;
      shown = true;
      io.stderr(`\r\u001b[Kchecking ${done}/${total} files…`);
    },
    clear() {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
      // Redrawn at the next update, not 100 ms later: the report may be written in a burst.
      last = 0;
    },
    finish() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
