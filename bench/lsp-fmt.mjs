#!/usr/bin/env node
// Editor and formatter numbers for the lead's bench, measured on the BUILT CLI (npm run build):
//   1. LSP: didChange → publishDiagnostics latency for a one-character change in a 5,000-line
//      config, over stdio (target ≤ 50 ms); then hover, completion and documentSymbol latency;
//   2. fmt: MB/s of `xmcfg fmt --check` on the 10 MB generated file (target ≥ 20 MB/s), whole
//      process (start-up, read, parse, format, verify).
// Usage: node bench/lsp-fmt.mjs [--runs N] [--edits N] [--big FILE] [--no-lsp] [--no-fmt] [--crlf] [--dialect D] [--lines N] [--max-symbols N]
//        (XMCFG_CLI=path overrides dist/cli.mjs)
// --no-lsp measures fmt only (quick A/B of two builds: run it once with XMCFG_CLI set to each);
// --no-fmt measures the LSP only; --crlf gives the LSP document CRLF line ends (Windows editors);
// --dialect sets the server's dialect setting (default auto); --lines sets the LSP document's
// length (default 5,000; the edits land on its middle line; 200,000 lines is a 4.9 MB document:
// `node bench/lsp-fmt.mjs --no-fmt --lines 200000 --edits 10`).
// Prints one human line per number and a JSON summary on the last line.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, builtCli, cpuMs as cpuOf, median, pct, root, startServer } from './lsp-client.mjs';

const cli = builtCli();
const runs = Number(arg('--runs', 3));
const lsp = !process.argv.includes('--no-lsp');
const fmt = !process.argv.includes('--no-fmt');
const eol = process.argv.includes('--crlf') ? '\r\n' : '\n';
const dialect = arg('--dialect', 'auto');
const edits = Number(arg('--edits', 30));
const lineCount = Number(arg('--lines', 5000));
// Inputs: the bench generator's corpus (10 MB file plus small configs for the 5,000-line document).
const work = mkdtempSync(join(tmpdir(), 'xmcfg-lsp-fmt-'));
let big = arg('--big', null);
const gen = join(root, '..', 'shared', 'bench', 'gen_corpus.py');
const genPath = existsSync(gen) ? gen : '/work/shared/bench/gen_corpus.py';
execFileSync('python3', [genPath, work, '--files', '200', '--big-mb', big || !fmt ? '0' : '10', '--seed', '1'], { stdio: 'ignore' });
big ??= join(work, 'big', 'big.cfg');

// 1. fmt throughput.
let fmtMs = NaN;
let fmtMBps = NaN;
let size = 0;
if (fmt) {
  size = statSync(big).size;
  const fmtTimes = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'fmt', '--check', big], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) {
      process.stderr.write(`bench: fmt failed (exit ${r.status}): ${r.stderr}\n`);
      process.exit(2);
    }
    fmtTimes.push(ms);
  }
  fmtMs = median(fmtTimes);
  fmtMBps = size / 1e6 / (fmtMs / 1000);
  process.stdout.write(`fmt --check ${(size / 1e6).toFixed(1)} MB: median ${fmtMs.toFixed(0)} ms over ${runs} runs = ${fmtMBps.toFixed(1)} MB/s (target >= 20); runs: ${fmtTimes.map((t) => t.toFixed(0)).join(' ')} ms\n`);
  if (!lsp) {
    rmSync(work, { recursive: true, force: true });
    process.stdout.write(JSON.stringify({ fmt_mb_per_s: +fmtMBps.toFixed(1), fmt_ms: +fmtMs.toFixed(0), fmt_bytes: size }) + '\n');
    process.exit(0);
  }
}

// 2. LSP latency on a 5,000-line (--lines) document made of generated configs, repeated as needed.
const lines = [];
const smalls = readdirSync(join(work, 'small')).sort();
while (lines.length < lineCount) {
  for (const f of smalls) {
    for (const l of readFileSync(join(work, 'small', f), 'utf8').split('\n')) if (lines.length < lineCount) lines.push(l);
  }
}
const middle = lineCount >> 1;
let text = lines.join(eol) + eol;
const uri = `file:///bench/${lineCount}-lines.cfg`;
// --max-symbols sets the server's outline cap (default: the server's, 5,000).
const maxSymbols = arg('--max-symbols', null);
const server = await startServer(cli, dialect, maxSymbols === null ? {} : { maxSymbols: Number(maxSymbols) });
const { child, conn, publication } = server;
let got = publication(1);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xen-config', version: 1, text } });
await got;
// The server warms up after its first publication (server.ts, warmUp): let it finish, as the first
// keystrokes after opening a file come later than that.
await new Promise((r) => setTimeout(r, 1000));
// The server's CPU time (Linux /proc; NaN elsewhere), clock ticks of 10 ms: per edit on average,
// a number a loaded machine does not inflate as it does wall-clock latency.
const cpuMs = () => cpuOf(child.pid);
// The first line of a generated config is a comment: type a character into it, then delete it.
const latencies = [];
const cpu0 = cpuMs();
for (let v = 2; v < 2 + edits; v++) {
  const insert = v % 2 === 0;
  const change = insert
    ? { range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: '#' }
    : { range: { start: { line: middle, character: 0 }, end: { line: middle, character: 1 } }, text: '' };
  got = publication(v);
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
  latencies.push((await got) - t0);
  // Let the server settle as a typist would (about 100 ms between keys).
  await new Promise((r) => setTimeout(r, 100));
}
const cpuPerEdit = (cpuMs() - cpu0) / edits;
// Requests on the last version (its check is cached): hover and completion on the key of the first
// assignment from the middle line on, the outline of the whole document.
const keyLine = lines.findIndex((l, i) => i >= middle && /^[a-z_]+\s*=/.test(l));
const at = { textDocument: { uri }, position: { line: keyLine, character: 2 } };
const requests = { hover: ['textDocument/hover', at], completion: ['textDocument/completion', at], documentSymbol: ['textDocument/documentSymbol', { textDocument: { uri } }] };
const requestMs = {};
// The server's CPU time per request (as cpuPerEdit): wall-clock medians swing by 2x on a loaded machine.
const requestCpuMs = {};
// Answer sizes (items of the last answer): the outline is capped by the server's maxSymbols.
const requestItems = {};
for (const [name, [method, params]] of Object.entries(requests)) {
  const times = [];
  const c0 = cpuMs();
  for (let i = 0; i < edits; i++) {
    const t0 = performance.now();
    const answer = await conn.sendRequest(method, params);
    requestItems[name] = Array.isArray(answer) ? answer.length : answer?.items?.length ?? 1;
    times.push(performance.now() - t0);
  }
  requestCpuMs[name] = (cpuMs() - c0) / edits;
  requestMs[name] = median(times);
}
await server.stop();
rmSync(work, { recursive: true, force: true });
const lat = median(latencies);
process.stdout.write(
  `lsp didChange->publishDiagnostics, ${lineCount.toLocaleString('en')} ${eol === '\n' ? 'LF' : 'CRLF'} lines, dialect ${dialect} (${(text.length / 1e3).toFixed(0)} KB, ${server.published()} diagnostics published): median ${lat.toFixed(1)} ms, p90 ${pct(latencies, 0.9).toFixed(1)} ms over ${edits} edits (target <= 50), server CPU ${cpuPerEdit.toFixed(1)} ms per edit; edits in order: ${latencies.map((t) => t.toFixed(0)).join(' ')} ms\n`,
);
process.stdout.write(`lsp requests on the same document, median over ${edits}: ${Object.entries(requestMs).map(([k, v]) => `${k} ${v.toFixed(1)} ms (server CPU ${requestCpuMs[k].toFixed(1)} ms, ${requestItems[k]} items)`).join(', ')}\n`);
process.stdout.write(
  JSON.stringify({ fmt_mb_per_s: +fmtMBps.toFixed(1), fmt_ms: +fmtMs.toFixed(0), fmt_bytes: size, lsp_latency_ms_median: +lat.toFixed(1), lsp_latency_ms_p90: +pct(latencies, 0.9).toFixed(1), lsp_server_cpu_ms_per_edit: +cpuPerEdit.toFixed(1), lsp_lines: lineCount, lsp_eol: eol === '\n' ? 'lf' : 'crlf', lsp_dialect: dialect, lsp_request_ms_median: Object.fromEntries(Object.entries(requestMs).map(([k, v]) => [k, +v.toFixed(1)])), lsp_request_server_cpu_ms: Object.fromEntries(Object.entries(requestCpuMs).map(([k, v]) => [k, +v.toFixed(1)])), lsp_request_items: requestItems }) + '\n',
);
