// `npm run bench`: measures xmcfg against its baselines side by side, in one run, and writes the
// table to test/bench/latest.md. Whole-process wall times (median of several runs, spawn to exit)
// and peak RSS (from GNU time); the corpus comes from the shared generator.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const out = join(root, '.bench-out');
const cli = join(root, 'dist', 'cli.mjs');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;

function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
}

/** Run a command `runs` times under GNU time; median wall seconds and max peak RSS (MiB). */
function measure(cmd, args, runs = RUNS) {
  const walls = [];
  let rss = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    // Wall time from our own clock (GNU time's %e has 10 ms steps, too coarse for a ~0.1 s start).
    const t0 = process.hrtime.bigint();
    const r = sh('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const last = r.stderr.trim().split('\n').pop() ?? '';
    const kb = Number(last.split(' ')[1]);
    walls.push(wall);
    rss = Math.max(rss, kb / 1024);
    status = r.status ?? -1;
  }
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(walls.length / 2)], rss, status };
}

function corpus() {
  const dir = join(out, 'corpus');
  if (!existsSync(join(dir, 'big', 'big.cfg'))) {
    mkdirSync(dir, { recursive: true });
    const r = sh('python3', [join(shared, 'bench', 'gen_corpus.py'), dir]);
    process.stderr.write(r.stdout);
  }
  const dir20 = join(out, 'corpus20');
  if (!existsSync(join(dir20, 'big', 'big.cfg'))) {
    mkdirSync(dir20, { recursive: true });
    sh('python3', [join(shared, 'bench', 'gen_corpus.py'), dir20, '--files', '1', '--big-mb', '20']);
  }
  return { small: join(dir, 'small'), big: join(dir, 'big', 'big.cfg'), big20: join(dir20, 'big', 'big.cfg') };
}

const rows = [];
const row = (what, ours, base, ratioText, target, ok) => rows.push({ what, ours, base, ratioText, target, ok });
const s = (x) => `${(x * 1000).toFixed(0)} ms`;

if (!existsSync(cli)) {
  process.stderr.write('bench: dist/cli.mjs is missing; run `npm run build` first\n');
  process.exit(2);
}
const c = corpus();
const py = join(shared, 'bench', 'pyparse.py');
const mb = statSync(c.big).size / 1e6;
const mb20 = statSync(c.big20).size / 1e6;

// 1. The 2,000-file corpus: whole process, xmcfg check (parse, normalise, validate) vs Python exec.
// Alternating run by run (the machine's speed drifts), with two floors: a Node process that only
// reads the files, and one that also runs a minimal byte tokenizer over them (bench/floor.mjs).
const floor = join(root, 'bench', 'floor.mjs');
const runsOf = { ours: [], py: [], read: [], lex: [] };
for (let i = 0; i < RUNS; i++) {
  runsOf.ours.push(measure('node', [cli, 'check', '--quiet', '--format', 'json', c.small], 1));
  runsOf.py.push(measure('python3', [py, 'exec', c.small], 1));
  runsOf.read.push(measure('node', [floor, c.small, '--read-only'], 1));
  runsOf.lex.push(measure('node', [floor, c.small], 1));
}
const medOf = (rs) => rs.map((r) => r.wall).sort((a, b) => a - b)[Math.floor(rs.length / 2)];
const ours = { wall: medOf(runsOf.ours) };
const pyx = { wall: medOf(runsOf.py) };
row('check 2,000 files (2 MB), whole process', s(ours.wall), `${s(pyx.wall)} (python exec)`, `${(pyx.wall / ours.wall).toFixed(2)}× faster`, '≥ 2× faster', pyx.wall / ours.wall >= 2);
for (const [what, rs] of [['floor: node reads the 2,000 files, nothing else', runsOf.read], ['floor: node reads them and runs a byte tokenizer', runsOf.lex]]) {
  const w = medOf(rs);
  row(what, s(w), `${s(pyx.wall)} (python exec)`, `${(pyx.wall / w).toFixed(2)}× faster`, '(reference)', true);
}

// 2. Cold start on one file vs bare Node, alternating run by run: this machine's speed drifts
// (shared cores, frequency), and a block of one then a block of the other compared two states.
const one = join(c.small, 'vm-00000.cfg');
const coldRuns = [];
const bareRuns = [];
for (let i = 0; i < RUNS * 3; i++) {
  coldRuns.push(measure('node', [cli, 'check', one], 1));
  bareRuns.push(measure('node', ['-e', '0'], 1));
}
const cold = { wall: medOf(coldRuns) };
const bare = { wall: medOf(bareRuns) };
row('cold start, check one file', s(cold.wall), `${s(bare.wall)} (node -e 0)`, `${(cold.wall / bare.wall).toFixed(2)}× node`, '≤ 2× node', cold.wall / bare.wall <= 2);

// 3. The 10 MB and 20 MB files: time, peak memory, linearity.
const big = measure('node', [cli, 'check', '--quiet', '--format', 'json', c.big], 3);
const big20 = measure('node', [cli, 'check', '--quiet', '--format', 'json', c.big20], 3);
const pyBig = measure('python3', [py, 'exec', c.big], 1);
row(`check ${mb.toFixed(0)} MB file`, `${s(big.wall)}, ${big.rss.toFixed(0)} MiB peak`, `${s(pyBig.wall)}, ${pyBig.rss.toFixed(0)} MiB (python exec)`, `${(pyBig.wall / big.wall).toFixed(2)}× faster`, '≤ 300 MiB', big.rss <= 300);
const lin = big20.wall / mb20 / (big.wall / mb);
row(`check ${mb20.toFixed(0)} MB file`, `${s(big20.wall)}, ${big20.rss.toFixed(0)} MiB peak`, '-', `time per MB ${lin.toFixed(2)}× the 10 MB run`, 'linear (≤ 1.3×)', lin <= 1.3);

// 4. Editor and formatter numbers, when their script exists.
let extra = '';
const scripts = { 'lsp-fmt.mjs': ['--big', c.big, ...(quick ? ['--runs', '2'] : [])], 'placement.mjs': quick ? ['--quick'] : [] };
for (const [script, args] of Object.entries(scripts)) {
  const p = join(root, 'bench', script);
  if (!existsSync(p)) continue;
  const r = sh('node', [p, ...args], { cwd: root });
  extra += `\n## bench/${script}\n\n${(r.stdout || r.stderr).trim()}\n`;
}

const host = sh('sh', ['-c', "nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; node --version; python3 --version"]).stdout.trim().split('\n');
let md = `# xmcfg benchmark (latest run)\n\nCommand: \`npm run bench\` (bench/run.mjs). Machine: ${host[0]} cores,${host[1]}, Node ${host[2]}, ${host[3]}.\n`;
md += `Whole-process wall time (spawn to exit), median of ${RUNS} runs (cold start: ${RUNS * 3}, alternating with \`node -e 0\`); peak RSS from GNU time.\n\n`;
md += '| measurement | xmcfg | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n';
for (const r of rows) md += `| ${r.what} | ${r.ours} | ${r.base} | ${r.ratioText} | ${r.target} | ${r.target === '(reference)' ? '-' : r.ok ? 'yes' : '**no**'} |\n`;
md += extra;
process.stdout.write(md);
if (!quick) writeFileSync(join(root, 'test', 'bench', 'latest.md'), md);
