// Same-run A/B of whole-process wall time for builds of xmcfg (copies of dist/), alternating run
// by run so that the drift of a shared machine hits every variant alike; prints the median, min and
// max of each, and `node -e 0` alongside as the floor.
//
//   node bench/ab.mjs --runs 21 old=/tmp/old/dist new=dist -- check fixtures/examples/web.cfg
//
// A copy of dist/ elsewhere needs node_modules next to it only for commands that load
// better-sqlite3 (placement); `check` does not.
import { spawnSync } from 'node:child_process';
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

for (let i = 0; i < runs; i++) {
  for (const v of variants) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, v.cmd, { stdio: 'ignore' });
    v.times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    v.status.add(r.status);
  }
}
const ms = (x) => `${x.toFixed(1)} ms`;
for (const v of variants) {
  const t = [...v.times].sort((a, b) => a - b);
  process.stdout.write(`${v.name.padEnd(12)} median ${ms(t[t.length >> 1])}  min ${ms(t[0])}  max ${ms(t[t.length - 1])}  exit ${[...v.status].join(',')}  (${runs} runs)\n`);
}
