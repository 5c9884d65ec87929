// The same files checked several times in one process, through dist/check.mjs's runCheck (the
// command's own bundle, code cache and V8 flags), to split JIT warm-up (the first pass) from the
// steady per-file cost (the later ones). Prints CPU (all threads) and wall time per pass.
//
//   node bench/passes.mjs [--passes 5] [--dist dist] DIR... [-- --format F --dialect D --max-findings N --quiet]
//
// e.g. node bench/passes.mjs /tmp/corpus/small -- --format json --quiet
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const own = sep < 0 ? argv : argv.slice(0, sep);
const extra = sep < 0 ? [] : argv.slice(sep + 1);
const take = (name, fallback) => {
  const at = own.indexOf(name);
  if (at < 0) return fallback;
  const v = own[at + 1];
  own.splice(at, 2);
  return v;
};
const passes = Number(take('--passes', '5'));
const dist = resolve(take('--dist', 'dist'));
if (own.length === 0 || !(passes > 0)) {
  process.stderr.write('usage: node bench/passes.mjs [--passes N] [--dist DIR] PATH... [-- check-options]\n');
  process.exit(2);
}
const { runCheck } = await import(pathToFileURL(resolve(dist, 'check.mjs')).href);
// runCheck takes yargs' argv: the options a run of many files is measured with.
const opt = (name) => (extra.includes(name) ? extra[extra.indexOf(name) + 1] : undefined);
const checkArgv = { paths: own, format: opt('--format'), dialect: opt('--dialect'), 'max-findings': opt('--max-findings') === undefined ? undefined : Number(opt('--max-findings')), quiet: extra.includes('--quiet') };
let bytes = 0;
const io = {
  stdout: (t) => void (bytes += t.length),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => ({ bytes: new Uint8Array(), over: false }),
  cwd: process.cwd(),
  env: {},
  stdoutIsTTY: false,
  stderrIsTTY: false,
};
for (let p = 1; p <= passes; p++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await runCheck(checkArgv, io);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  process.stdout.write(`pass ${p}: cpu ${((c.user + c.system) / 1000).toFixed(0)} ms, wall ${wall.toFixed(0)} ms, exit ${code}, report ${bytes} chars\n`);
  bytes = 0;
}
