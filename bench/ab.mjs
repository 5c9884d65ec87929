// Same-run A/B of whole-process wall time for builds of xmcfg (copies of dist/), alternating run
// by run so that the drift of a shared machine hits every variant alike; prints the median, min and
// max of each, the median and quartiles of its paired differences with the first, and `node -e 0` as the floor.
// --cpu measures the process's own CPU time (user + system, read at exit by a preloaded hook)
// instead: on a loaded machine it varies much less than wall time (waiting for a core is not in it).
// --main-cpu measures the main thread's CPU time only (Linux: /proc/thread-self/stat, in 10 ms
// ticks): V8 compiles optimised code and marks on background threads, which a free second core
// runs beside the main thread, so on an idle 2-core machine the wall time follows the main thread.
//
//   node bench/ab.mjs --runs 21 [--cpu | --main-cpu] old=/tmp/old/dist new=dist -- check fixtures/examples/web.cfg
//
// A copy of dist/ elsewhere needs node_modules next to it only for commands that load
// better-sqlite3 (placement); `check` does not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep < 0) {
  process.stderr.write('usage: node bench/ab.mjs [--runs N] [--no-bare] name=DIST... -- xmcfg-args...\n');
  process.exit(2);
}
const opts = argv.slice(0, sep);
const args = argv.slice(sep + 1);
const runsAt = opts.indexOf('--runs');
const runs = runsAt >= 0 ? Number(opts[runsAt + 1]) : 11;
const variants = opts.filter((o, i) => o.includes('=') && opts[i - 1] !== '--runs').map((o) => {
  const [name, dist] = o.split('=');
  return { name, cmd: [join(resolve(dist), 'cli.mjs'), ...args], times: [], status: new Set() };
});
if (!opts.includes('--no-bare')) variants.push({ name: 'node -e 0', cmd: ['-e', '0'], times: [], status: new Set() });
const mainCpu = opts.includes('--main-cpu');
const cpu = mainCpu || opts.includes('--cpu');
const tmp = mkdtempSync(join(tmpdir(), 'xmcfg-ab-'));
const hook = join(tmp, 'cpu.cjs');
writeFileSync(
  hook,
  mainCpu
    ? "process.on('exit', () => { const fs = require('node:fs'); const s = fs.readFileSync('/proc/thread-self/stat', 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); fs.writeSync(3, String(((+f[11]) + (+f[12])) * 10)); });\n"
    : "process.on('exit', () => { const r = process.resourceUsage(); require('node:fs').writeSync(3, String((r.userCPUTime + r.systemCPUTime) / 1000)); });\n",
);

for (let i = 0; i < runs; i++) {
  for (const v of variants) {
    const t0 = process.hrtime.bigint();
    // With --cpu the hook writes the child's CPU milliseconds to fd 3 (a pipe).
    const r = spawnSync(process.execPath, cpu ? ['-r', hook, ...v.cmd] : v.cmd, { stdio: ['ignore', 'ignore', 'ignore', ...(cpu ? ['pipe'] : [])], encoding: 'utf8' });
    v.times.push(cpu ? Number(r.output[3]) : Number(process.hrtime.bigint() - t0) / 1e6);
    v.status.add(r.status);
  }
}
rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`${mainCpu ? 'main-thread CPU time (user + system, 10 ms ticks)' : cpu ? 'CPU time (user + system)' : 'wall time'}, ${process.execPath} ${process.version}\n`);
const ms = (x) => `${x.toFixed(1)} ms`;
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const v of variants) {
  const t = [...v.times].sort((a, b) => a - b);
  // Paired with the first variant's run of the same round: steadier than comparing medians when
  // the machine's load changes during the run.
  const diffs = v.times.map((x, i) => x - variants[0].times[i]).sort((x, y) => x - y);
  const diff = median(diffs);
  // The spread of the paired differences: their quartiles, and how many rounds this variant was the faster.
  const q = (f) => diffs[Math.min(diffs.length - 1, Math.floor(f * diffs.length))];
  const sign = (x) => `${x >= 0 ? '+' : ''}${ms(x)}`;
  const paired = v === variants[0] ? '' : `  paired vs ${variants[0].name} ${sign(diff)} (quartiles ${sign(q(0.25))} .. ${sign(q(0.75))}, faster in ${diffs.filter((x) => x < 0).length}/${diffs.length})`;
  process.stdout.write(`${v.name.padEnd(12)} median ${ms(t[t.length >> 1])}  min ${ms(t[0])}  max ${ms(t[t.length - 1])}${paired}  exit ${[...v.status].join(',')}  (${runs} runs)\n`);
}
