/**
 * Run a command that writes into a FIFO, with `cat` reading the other end, for the tests that
 * `-o FIFO` writes in place instead of renaming a regular file over the FIFO.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';

/** Make `fifo`, run `write` while `cat` reads it; the command's result, what `cat` got, and whether `fifo` is still a FIFO. */
export async function throughFifo<R>(fifo: string, write: () => Promise<R>): Promise<{ result: R; got: string; stillFifo: boolean }> {
  if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error(`mkfifo ${fifo} failed`);
  const reader = spawn('cat', [fifo]);
  let got = '';
  reader.stdout.on('data', (b: Buffer) => (got += b.toString()));
  const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
  const killer = setTimeout(() => reader.kill(), 10_000);
  const result = await write();
  // A command that replaced the FIFO never opened it: `cat` would wait for a writer forever.
  if (!lstatSync(fifo).isFIFO()) reader.kill();
  await done;
  clearTimeout(killer);
  return { result, got, stillFifo: lstatSync(fifo).isFIFO() };
}
