/**
 * Child process of the ledger concurrency tests. Modes:
 *   reserve DB HOSTFILE NAME MEMORY VCPUS GOFILE  wait for GOFILE, then Ledger.reserve one numa=on guest
 *   hang DB NAME                                   open a write transaction, insert half a reservation, print "inside", block
 *   loop DB HOSTFILE PREFIX                        reserve guests PREFIX-0, PREFIX-1, ... until killed
 *   open DB GOFILE                                 wait for GOFILE, open (create) the ledger, print its diagnostics
 *   writer DB MS                                   hold a raw write transaction on DB (made if new) for MS ms, print "inside"
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ledger } from '../../../src/placement/ledger.js';
import type { Host } from '../../../src/placement/types.js';

const [mode, db, ...rest] = process.argv.slice(2);
const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (mode === 'reserve') {
  const [hostFile, name, memory, vcpus, go] = rest;
  const host = JSON.parse(readFileSync(hostFile!, 'utf8')) as Host;
  while (!existsSync(go!)) sleep(2);
  const { ledger, diagnostics } = Ledger.open(db!, { busyTimeoutMs: 30_000 });
  if (!ledger) {
    process.stdout.write(JSON.stringify({ name, plan: null, diagnostics }));
    process.exit(2);
  }
  const r = ledger.reserve({ name, memory: Number(memory), vcpus: Number(vcpus), numa: { mode: 'auto', node_count: 1 } }, host);
  ledger.close();
  process.stdout.write(JSON.stringify({ name, plan: r.plan, diagnostics: r.diagnostics }));
  process.exit(r.plan ? 0 : r.diagnostics.some((d) => d.code === 'XM0408') ? 2 : 1);
} else if (mode === 'hang') {
  const [name] = rest;
  const opened = Ledger.open(db!);
  opened.ledger?.close();
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const raw = new Database(db!, { timeout: 30_000 });
  raw.exec('BEGIN IMMEDIATE');
  raw.prepare("INSERT INTO reservations (domain, created, policy, plan) VALUES (?, 'now', 'best', '{}')").run(name);
  raw.prepare('INSERT INTO reservation_nodes (domain, node, memory_mib, vcpus) VALUES (?, 0, 999999, 1)').run(name);
  process.stdout.write('inside\n');
  for (;;) sleep(1000);
} else if (mode === 'open') {
  const [go] = rest;
  while (!existsSync(go!)) sleep(1);
  const { ledger, diagnostics } = Ledger.open(db!, { busyTimeoutMs: 30_000 });
  ledger?.close();
  // Code and message: a rare failure under load showed only "XM0408", not which of its causes.
  process.stdout.write(JSON.stringify(diagnostics.map((d) => `${d.code} ${d.message}`)));
} else if (mode === 'writer') {
  // What another opener's migration looks like from outside: a write lock on a not-yet-WAL file.
  const [ms] = rest;
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const raw = new Database(db!);
  raw.exec('BEGIN IMMEDIATE');
  process.stdout.write('inside\n');
  sleep(Number(ms));
  raw.exec('COMMIT');
  raw.close();
} else if (mode === 'loop') {
  const [hostFile, prefix] = rest;
  const host = JSON.parse(readFileSync(hostFile!, 'utf8')) as Host;
  const { ledger } = Ledger.open(db!, { busyTimeoutMs: 30_000 });
  process.stdout.write('started\n');
  for (let i = 0; ; i++) {
    ledger!.reserve({ name: `${prefix}-${i}`, memory: 64, vcpus: 1 }, host);
    if (i % 5 === 0) ledger!.release(`${prefix}-${i - 3}`);
  }
}
