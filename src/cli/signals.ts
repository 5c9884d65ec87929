/**
 * @fileoverview Ctrl-C (SIGINT), SIGTERM and SIGHUP while a command writes a file atomically
 * (`check -o`, `convert -o`, `fmt`): the temporary file beside the target is removed and the process
 * then ends by the same signal, so the shell reports 130, 143 or 129 as for any other command and a
 * script's loop stops as it would. The target keeps its old content (or stays absent): it is
 * replaced only by the final rename. Handlers are installed only while a temporary file exists (and
 * one loop turn after, so a signal caught meanwhile is not lost), so at any other time a signal
 * ends the process as Node's default does.
 *
 * Node runs signal listeners on the event loop, so a long synchronous loop must let it turn
 * ({@link yieldTurn}) for the listener to run while the file is being written.
 */

/** The signals handled, with the status a shell reports for a process they end (128 + number). */
export const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type HandledSignal = keyof typeof SIGNAL_STATUS;

/** Temporary files being written, by the function that removes each (synchronously, never throwing). */
const live = new Map<number, () => void>();
let nextId = 0;
let installed = false;
let releasePending = false;

/** Remove every temporary file still being written. */
function removeAll(): void {
  for (const remove of live.values()) {
    try {
      remove();
    } catch {
      // Ending anyway: one file that cannot be removed must not keep the others.
    }
  }
  live.clear();
}

/** Remove the temporary files, then end by the signal itself (its default action is restored first). */
function onSignal(signal: HandledSignal): void {
  removeAll();
  uninstall();
  process.kill(process.pid, signal);
  // The default action ends the process at once; should something keep it alive (another listener
  // for the same signal), still end with the status the shell would have reported.
  setTimeout(() => process.exit(SIGNAL_STATUS[signal]), 1000);
}

/** On `exit` (process.exit after an internal error): nothing is left behind either. */
function onExit(): void {
  removeAll();
}

const listeners = Object.fromEntries(Object.keys(SIGNAL_STATUS).map((s) => [s, () => onSignal(s as HandledSignal)])) as Record<HandledSignal, () => void>;

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of Object.keys(listeners) as HandledSignal[]) process.on(s, listeners[s]);
  process.on('exit', onExit);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of Object.keys(listeners) as HandledSignal[]) process.removeListener(s, listeners[s]);
  process.removeListener('exit', onExit);
}

/**
 * Register a temporary file being written (`remove` deletes it); returns the function to call once
 * it is renamed into place or removed. The handlers stay one loop turn longer: a signal that arrived
 * during the last synchronous write is delivered then, and ends the process as it would have.
 */
export function trackTemporary(remove: () => void): () => void {
  const id = nextId++;
  live.set(id, remove);
  install();
  return () => {
    live.delete(id);
    if (live.size > 0 || releasePending) return;
    releasePending = true;
    setImmediate(() => {
      releasePending = false;
      if (live.size === 0) uninstall();
    });
  };
}

/**
 * A function for long synchronous loops (checking or formatting file after file): awaited after each
 * step, it lets the event loop turn once every `everyMs` milliseconds (or now, with `true`), so a
 * signal listener (and a deferred release) runs promptly. A turn costs ~10 µs.
 */
export function yieldTurn(everyMs = 2): (force?: boolean) => Promise<void> | void {
  let last = Date.now();
  return (force = false) => {
    const now = Date.now();
    if (!force && now - last < everyMs) return;
    last = now;
    return new Promise<void>((r) => setImmediate(r));
  };
}
