// Pathological inputs through the built CLI, whole process: a finding on every line (`a=[`,
// `a = =`, `)`), one statement of nested brackets (`[`), random printable text and random bytes
// without NUL (with one the file is binary and not parsed). Prints wall and CPU seconds and the
// peak resident size of `xmcfg check --quiet --format json` per file; the target is 1.5 s and
// 300 MB per MiB on an idle machine. Usage: npm run build && node bench/flood.mjs [MiB, default 1]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mib = Number(process.argv[2] ?? 1);
const size = Math.round(mib * (1 << 20));
const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'xmcfg-flood-'));

/** A deterministic generator (xorshift32), so every run reads the same bytes. */
function random(seed) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** `line` repeated to `size` bytes. */
const lines = (line) => Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));

const inputs = {
  'a=[': lines('a=[\n'),
  'a = =': lines('a = =\n'),
  ')': lines(')\n'),
  '[': lines('[\n'),
  printable: (() => {
    const r = random(1);
    const b = Buffer.alloc(size);
    // Printable ASCII plus a newline or tab now and then, as in a text that is not a config.
    for (let i = 0; i < size; i++) b[i] = r() < 0.02 ? (r() < 0.5 ? 10 : 9) : 32 + Math.floor(r() * 95);
    return b;
  })(),
  'bytes (no NUL)': (() => {
    const r = random(2);
    const b = Buffer.alloc(size);
    for (let i = 0; i < size; i++) b[i] = 1 + Math.floor(r() * 255);
    return b;
  })(),
};

try {
  console.log(`${mib} MiB each: wall s, CPU s (user + sys), peak MB`);
  for (const [name, bytes] of Object.entries(inputs)) {
    const file = join(dir, 'flood.cfg');
    writeFileSync(file, bytes);
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cli, 'check', '--quiet', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    console.log(`${name.padEnd(16)} ${wall.toFixed(2).padStart(6)} ${(user + sys).toFixed(2).padStart(6)} ${(kb / 1024).toFixed(0).padStart(6)}   exit ${r.status}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
