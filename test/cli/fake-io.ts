/** An in-memory Io for running the CLI in-process. */
import type { Io } from '../../src/cli/types.js';

/** What a run wrote. */
export interface Captured {
  stdout: string;
  stderr: string;
}

/** A fake Io; stdin is the given text (or fails when `stdin` is an Error). */
export function fakeIo(options: { cwd: string; stdin?: string | Error; env?: Record<string, string>; tty?: boolean }): { io: Io; out: Captured } {
  const out: Captured = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    readStdin: async () => {
      if (options.stdin instanceof Error) throw options.stdin;
      return options.stdin ?? '';
    },
    cwd: options.cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
  };
  return { io, out };
}
