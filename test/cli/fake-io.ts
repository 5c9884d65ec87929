/** An in-memory Io for running the CLI in-process. */
import type { Io } from '../../src/cli/types.js';

/** What a run wrote. */
export interface Captured {
  stdout: string;
  stderr: string;
}

/** A fake Io; stdin is the given text or bytes (or fails when `stdin` is an Error), cut at the reader's limit like the real one. */
export function fakeIo(options: { cwd: string; stdin?: string | Uint8Array | Error; env?: Record<string, string>; tty?: boolean }): { io: Io; out: Captured } {
  const out: Captured = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    readStdin: async (maxBytes) => {
      if (options.stdin instanceof Error) throw options.stdin;
      const all = typeof options.stdin === 'string' || options.stdin === undefined ? Buffer.from(options.stdin ?? '', 'utf8') : options.stdin;
      return all.length > maxBytes ? { bytes: all.subarray(0, maxBytes), over: true } : { bytes: all, over: false };
    },
    cwd: options.cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
  };
  return { io, out };
}
