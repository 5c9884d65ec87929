#!/usr/bin/env node
// The editor on a document of many unknown keys (XM0101 on every line), measured on the BUILT CLI
// (npm run build): time from didOpen to the first publishDiagnostics, then didChange (one character
// typed on the middle line) to its publication, and `xmcfg check` on the same file. Each XM0101's
// "did you mean" search costs an edit-distance scan of the option names: it should be paid for the
// findings published (maxDiagnostics, check --max-findings), not for every key.
// Usage: node bench/lsp-unknown-keys.mjs [--keys N] [--runs N] [--dialect D]   (XMCFG_CLI overrides dist/cli.mjs)
// Prints one human line per number and a JSON summary on the last line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, builtCli, cpuMs, median, startServer } from './lsp-client.mjs';

const cli = builtCli();
const keys = Number(arg('--keys', 88_000));
const runs = Number(arg('--runs', 3));
const dialect = arg('--dialect', 'xl');
// Every key is a different word (suggest caches its answer per word): half are short and near
// option names (mem1a, mem1b…: the search compares them with many), half long and far from all.
const lines = ['name = "bench"', 'memory = 512', 'kernel = "/boot/vmlinuz"'];
for (let i = 0; i < keys; i++) lines.push(i % 2 ? `mem${i.toString(36)} = ${i}` : `unknown_setting_${i} = ${i}`);
const text = lines.join('\n') + '\n';
const work = mkdtempSync(join(tmpdir(), 'xmcfg-unknown-keys-'));
const file = join(work, 'bench.cfg');
writeFileSync(file, text);

/** One server: didOpen → publication, then one keystroke → publication (ms each, wall clock and server CPU) and how many were published. */
async function lspRun() {
  const server = await startServer(cli, dialect);
  const { child, conn, publication } = server;
  const uri = 'file:///bench/unknown-keys.cfg';
  let got = publication(1);
  let c0 = cpuMs(child.pid);
  let t0 = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xen-config', version: 1, text } });
  const open = (await got) - t0;
  const openCpu = cpuMs(child.pid) - c0;
  const middle = lines.length >> 1;
  got = publication(2);
  c0 = cpuMs(child.pid);
  t0 = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: 'x' }] });
  const edit = (await got) - t0;
  const editCpu = cpuMs(child.pid) - c0;
  await server.stop();
  return { open, edit, openCpu, editCpu, published: server.published() };
}

const opens = [];
const editsMs = [];
const openCpus = [];
const editCpus = [];
let published = 0;
for (let i = 0; i < runs; i++) {
  const r = await lspRun();
  opens.push(r.open);
  editsMs.push(r.edit);
  openCpus.push(r.openCpu);
  editCpus.push(r.editCpu);
  published = r.published;
}
const checks = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, [cli, 'check', '--dialect', dialect, file], { encoding: 'utf8' });
  checks.push(performance.now() - t0);
}
rmSync(work, { recursive: true, force: true });
const [o, e, c, oc, ec] = [median(opens), median(editsMs), median(checks), median(openCpus), median(editCpus)];
process.stdout.write(`lsp ${keys.toLocaleString('en')} unknown keys (${(text.length / 1e6).toFixed(1)} MB, ${published} diagnostics published): didOpen->publishDiagnostics median ${o.toFixed(0)} ms (${opens.map((t) => t.toFixed(0)).join(' ')}), server CPU ${oc} ms; one keystroke->publishDiagnostics median ${e.toFixed(0)} ms (${editsMs.map((t) => t.toFixed(0)).join(' ')}), server CPU ${ec} ms\n`);
process.stdout.write(`xmcfg check on the same file: median ${c.toFixed(0)} ms (${checks.map((t) => t.toFixed(0)).join(' ')})\n`);
process.stdout.write(JSON.stringify({ keys, published, lsp_open_ms: +o.toFixed(0), lsp_open_server_cpu_ms: oc, lsp_edit_ms: +e.toFixed(0), lsp_edit_server_cpu_ms: ec, check_ms: +c.toFixed(0) }) + '\n');
