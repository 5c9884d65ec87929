/** @fileoverview The real `Io` of the bin: process streams, environment and working folder. */
import { fstatSync } from 'node:fs';
import type { Io, StdinBytes } from './types.js';

/** Io bound to this process. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: readAllStdin,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Standard input's bytes up to `maxBytes`; leaving the loop early stops reading (the stream is destroyed). */
async function readAllStdin(maxBytes: number): Promise<StdinBytes> {
  // Node's stdin stream ends without an error on a folder (`xmcfg check - < /etc/xen`), so the folder
  // read as an empty config: refused as `cat` refuses it (EISDIR), the callers' "cannot read" (exit 2).
  if (stdinIsFolder()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    if (total + b.length > maxBytes) {
      chunks.push(b.subarray(0, maxBytes - total));
      return { bytes: Buffer.concat(chunks), over: true };
    }
    chunks.push(b);
    total += b.length;
  }
  return { bytes: Buffer.concat(chunks), over: false };
}

/** True when standard input is a folder; false when it cannot be asked (the stream then says what it can). */
function stdinIsFolder(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}
