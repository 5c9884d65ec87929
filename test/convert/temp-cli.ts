/** Shared helpers of the convert tests that run the in-process CLI in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

/** What one `xmcfg convert` run gave. */
export interface ConvertResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A fresh folder per test (named `prefix…`, removed after it) and `convert ARGS` run there with
 * `stdin`; `dir()` is the current test's folder.
 */
export function convertInTempDir(prefix: string): { dir: () => string; convert: (args: string[], stdin?: string) => Promise<ConvertResult> } {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir: () => dir,
    convert: async (args, stdin) => {
      const { io, out } = fakeIo({ cwd: dir, stdin });
      const code = await run(['convert', ...args], io);
      return { code, ...out };
    },
  };
}

/** `CODE line:column` (with `withPath`, `CODE path:line:column`) of each finding in a stylish report, in order. */
export function stylishFindings(stderr: string, withPath = false): string[] {
  return [...stderr.matchAll(/^\w+\[(XM\d{4})\]: [^\n]*\n --> ([^\n]*):(\d+):(\d+)$/gm)].map((m) =>
    withPath ? `${m[1]} ${m[2]}:${m[3]}:${m[4]}` : `${m[1]} ${m[3]}:${m[4]}`,
  );
}
