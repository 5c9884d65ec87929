// Mutation fuzzing of every front end on real config files (docs/fuzzing.md). A dev tool, not part
// of `npm test`: it runs for a time budget, from a seed, and reports inputs that break a promise of
// the product (issue #2, "never throw on user input"): a throw, a hang, a diagnostic span outside
// the text or positions that disagree with it, a code outside the registry, JSON without
// `version`, fmt that is not idempotent or changes the config, a conversion whose xl output has
// new errors, an LSP range outside the document, an incremental check that differs from a fresh one,
// a plan JSON outside its documented shape, an LSP edit session whose diagnostics differ from opening
// its final text fresh (./fuzz-place.mjs, ./fuzz-lsp-session.mjs).
//
//   npm run build
//   nice -n 19 node scripts/fuzz.mjs --seed 1 --minutes 10 [--out DIR] [--only check,fmt,convert,lsp,cli,place,lspedit]
//   node scripts/fuzz.mjs --replay DIR/<sig>.min.bin     # run one saved input, print its failures
//
// The published API is dist/index.mjs; fmt, convert, the LSP service and the in-process CLI are not
// exported, so they are bundled from src/ here with esbuild (as vitest would load them). Inputs run
// in a child process: one that does not answer within --hang-ms is killed and saved as a hang.
import { build } from 'esbuild';
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inputSeed, mutate, rng } from './fuzz-mutations.mjs';
import { Oracles } from './fuzz-oracles.mjs';
import { PlaceOracles } from './fuzz-place.mjs';
import { LspSession } from './fuzz-lsp-session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIRS = ['/work/shared/corpus', join(root, 'fixtures')];
const MAX_FILE = 512 * 1024;

/** `--name value` options, with defaults. */
function options(argv) {
  const o = { seed: 1, minutes: 5, out: null, only: null, hangMs: 120000, start: 0, inputs: Infinity, minimizeMs: 30000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--seed') o.seed = Number(v), i++;
    else if (a === '--minutes') o.minutes = Number(v), i++;
    else if (a === '--out') o.out = v, i++;
    else if (a === '--only') o.only = v.split(','), i++;
    else if (a === '--hang-ms') o.hangMs = Number(v), i++;
    else if (a === '--start') o.start = Number(v), i++;
    else if (a === '--inputs') o.inputs = Number(v), i++;
    else if (a === '--minimize-ms') o.minimizeMs = Number(v), i++;
    else if (a === '--replay') o.replay = v, i++;
    else if (a === '--worker') o.worker = v, i++;
    else if (a === '--harness') o.harness = true;
    else throw new Error(`fuzz: unknown argument ${a}`);
  }
  o.out ??= join(tmpdir(), `xmcfg-fuzz-${o.seed}`);
  return o;
}

/** Every corpus file (sorted, so a seed picks the same files on every machine with the same corpus). */
function corpusFiles() {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && statSync(p).size <= MAX_FILE) files.push(p);
    }
  };
  for (const d of CORPUS_DIRS) if (existsSync(d)) walk(d);
  return files.sort();
}

/** Bundle the internal entry points that dist/index.mjs does not export. */
async function buildHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'xmcfg-fuzz-harness-'));
  const contents = [
    "export { checkText } from './src/check/check.js';",
    "export { formatText } from './src/format/index.js';",
    "export { convertToXl, convertToJson } from './src/convert/index.js';",
    "export * as lsp from './src/lsp/service/index.js';",
    "export { run } from './src/cli/run.js';",
    "export { fromBytes } from './src/cli/check/read-input.js';",
    "export { formatHostJson } from './src/placement/host.js';",
    "export { validateFn } from './src/schema/load-validator.js';",
    "export { attachServer } from './src/lsp/server.js';",
    "export { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';",
    "export { createMessageConnection } from 'vscode-jsonrpc/node';",
    "export { TextDocument } from 'vscode-languageserver-textdocument';",
  ].join('\n');
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'fuzz-harness.ts' },
    absWorkingDir: root, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
    outdir: dir, outExtension: { '.js': '.mjs' }, chunkNames: 'chunks/[name]-[hash]', external: ['better-sqlite3'], logLevel: 'warning', keepNames: true,
    // The bundle lives in a temporary folder: its require() and import.meta.url resolve as in src/schema
    // (the generated validator next to it, ajv, package.json two folders up).
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'src', 'schema', 'load-validator.ts')).href) },
    banner: { js: `import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(${JSON.stringify(join(root, 'package.json'))});` },
  });
  const entry = readdirSync(dir).find((f) => f.endsWith('.mjs')); // the chunks are in chunks/
  return join(dir, entry);
}

/** Input `index` of run `seed`: its bytes, the unmutated text it came from, its files and mutations. */
function makeInput(files, seed, index) {
  const r = rng(inputSeed(seed, index));
  const file = r.pick(files);
  const other = r.pick(files);
  const base = readFileSync(file);
  const { bytes, applied } = mutate(base, readFileSync(other), r);
  return { bytes, base: base.toString('utf8'), file, other, applied, r, extra: extraSeeds(seed, index) };
}

/** The seeds of an input's host and of its editor session: generators of their own, so minimising the config keeps them. */
function extraSeeds(seed, index) {
  const s = inputSeed(seed, index);
  return { hostSeed: (s ^ 0x686f7374) >>> 0, editSeed: (s ^ 0x65646974) >>> 0 };
}

/** The oracles with the host and placement ones and the editor session (one server per process). */
function makeOracles(lib, h) {
  const oracles = new Oracles(lib, h);
  oracles.place = new PlaceOracles(root, oracles);
  oracles.sessions = Object.fromEntries(['utf-16', 'utf-8', 'utf-32'].map((e) => [e, new LspSession(h, e)]));
  return oracles;
}

const PLACE_FRONTS = new Set(['normalize', 'plan', 'plan:reserve', 'rebalance', 'migrate-plan', 'convert:host', 'check:host', 'explain', 'schema', 'place:init']);

/** The group of oracles a front end belongs to (what --only and the minimiser run). */
function groupOf(front) {
  if (PLACE_FRONTS.has(front) || front.startsWith('host:')) return 'place';
  if (front.startsWith('lsp-edit:')) return 'lspedit';
  return front.startsWith('check') || front === 'parse' ? 'check' : front.split(':')[0];
}

const sigOf = (f) => `${f.front} | ${f.oracle} | ${f.message}`;

/** Shrink `bytes` while `still(bytes)` holds: chunks of lines, then of bytes, halving (ddmin-like), until the budget is spent. */
async function minimize(bytes, still, budgetMs) {
  const t0 = Date.now();
  let cur = bytes;
  for (const unit of ['line', 'byte']) {
    const pieces = () => {
      if (unit === 'byte') return Array.from(cur, (_, i) => cur.subarray(i, i + 1));
      const out = [];
      let s = 0;
      for (let i = cur.indexOf(10); i >= 0; i = cur.indexOf(10, i + 1)) out.push(cur.subarray(s, i + 1)), (s = i + 1);
      if (s < cur.length) out.push(cur.subarray(s));
      return out;
    };
    let ps = pieces();
    for (let n = Math.max(1, ps.length >> 1); n >= 1 && Date.now() - t0 < budgetMs; n = n >> 1) {
      for (let i = 0; i < ps.length && Date.now() - t0 < budgetMs; ) {
        const cand = Buffer.concat([...ps.slice(0, i), ...ps.slice(i + n)]);
        if (cand.length < cur.length && (await still(cand))) {
          cur = cand;
          ps = pieces();
        } else i += n;
      }
    }
  }
  return cur;
}

/** The child: runs inputs from `start`, reports each, saves and minimises each new failure signature. */
async function worker(o) {
  const lib = await import(pathToFileURL(join(root, 'dist', 'index.mjs')).href);
  const h = await import(pathToFileURL(o.worker).href);
  const oracles = makeOracles(lib, h);
  const files = corpusFiles();
  const seen = new Set();
  const deadline = Date.now() + o.minutes * 60000;
  for (let index = o.start; Date.now() < deadline && index < o.start + o.inputs; index++) {
    const inp = makeInput(files, o.seed, index);
    writeFileSync(join(o.out, 'current.bin'), inp.bytes);
    writeFileSync(join(o.out, 'current.json'), JSON.stringify({ index, file: inp.file, other: inp.other, applied: inp.applied }));
    process.send({ type: 'begin', index });
    const res = await oracles.run(inp.bytes, inp.r, inp.base, o.only, inp.extra);
    if (res.failures.some((f) => f.oracle === 'slow')) {
      // Timed again (the machine is shared, the first inputs warm the JIT up): slow only if slow twice.
      oracles.counting = false;
      const again = await oracles.run(inp.bytes, rng(inputSeed(o.seed, index)), inp.base, o.only, inp.extra);
      oracles.counting = true;
      const still = new Set(again.failures.filter((f) => f.oracle === 'slow').map((f) => f.front));
      res.failures = res.failures.filter((f) => f.oracle !== 'slow' || still.has(f.front));
      for (const f of res.failures) if (f.oracle === 'slow') f.ms = Math.min(f.ms, again.failures.find((g) => g.oracle === 'slow' && g.front === f.front)?.ms ?? f.ms);
    }
    const fresh = [];
    for (const f of res.failures) {
      const sig = sigOf(f);
      if (seen.has(sig)) continue;
      seen.add(sig);
      const id = createHash('sha1').update(sig).digest('hex').slice(0, 10);
      writeFileSync(join(o.out, `${id}.bin`), inp.bytes);
      const meta = { sig, index, seed: o.seed, file: relative(root, inp.file), other: relative(root, inp.other), applied: inp.applied, base: inp.file };
      // The input's host (its bytes beside the config's) and editor session, for the front ends that read them.
      if (res.host) meta.host = { kind: res.host.kind, sample: res.host.name, applied: res.host.applied };
      if (res.host?.bytes) writeFileSync(join(o.out, `${id}.host.bin`), res.host.bytes);
      if (res.placeConfig && groupOf(f.front) === 'place') writeFileSync(join(o.out, `${id}.cfg.bin`), res.placeConfig);
      if (res.edits && groupOf(f.front) === 'lspedit') meta.edits = res.edits;
      writeFileSync(join(o.out, `${id}.json`), JSON.stringify(meta, null, 2));
      if (f.oracle !== 'slow') {
        const group = [groupOf(f.front)];
        const still = async (b) => (await oracles.run(b, rng(inputSeed(o.seed, index)), inp.base, group, inp.extra)).failures.some((g) => sigOf(g) === sig);
        process.send({ type: 'minimizing', index });
        oracles.counting = false;
        const small = await minimize(inp.bytes, still, o.minimizeMs);
        oracles.counting = true;
        writeFileSync(join(o.out, `${id}.min.bin`), small);
      }
      fresh.push({ ...f, id });
    }
    process.send({ type: 'done', index, failures: res.failures.map(sigOf), fresh, counts: oracles.counts, slow: res.failures.filter((f) => f.oracle === 'slow').map((f) => ({ front: f.front, ms: f.ms })) });
  }
  oracles.place.dispose();
  process.disconnect();
  // The editor session's server keeps its streams open: end the process once the last report is sent.
  setTimeout(() => process.exit(0), 500);
}

/** Replay one saved input (its .json next to it names the seed and index) and print what fails. */
async function replay(o) {
  const lib = await import(pathToFileURL(join(root, 'dist', 'index.mjs')).href);
  const h = await import(pathToFileURL(await buildHarness()).href);
  const bytes = readFileSync(o.replay);
  const metaFile = o.replay.replace(/(\.min)?\.bin$/, '.json');
  const meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, 'utf8')) : { seed: 1, index: 0, base: null };
  const base = meta.base && existsSync(meta.base) ? readFileSync(meta.base, 'utf8') : '';
  const oracles = makeOracles(lib, h);
  const res = await oracles.run(bytes, rng(inputSeed(meta.seed, meta.index)), base, o.only, extraSeeds(meta.seed, meta.index));
  oracles.place.dispose();
  console.log(JSON.stringify({ input: bytes.toString('utf8'), host: res.host && { ...res.host, bytes: res.host.bytes?.toString('utf8') }, edits: res.edits, failures: res.failures.map((f) => f.detail ?? sigOf(f)), times: res.times }, null, 2));
  process.exit(res.failures.length ? 1 : 0);
}

/** The parent: builds the harness, runs workers until the budget is spent, restarts after a hang. */
async function main(o) {
  mkdirSync(o.out, { recursive: true });
  const harness = await buildHarness();
  const t0 = Date.now();
  const budgetEnd = t0 + o.minutes * 60000;
  const summary = { seed: o.seed, start: o.start, inputs: 0, counts: {}, signatures: {}, slow: [], hangs: [], command: process.argv.slice(1).join(' ') };
  let next = o.start;
  let stop = false;
  let deaths = 0;
  while (!stop && Date.now() < budgetEnd && next < o.start + o.inputs) {
    const minutes = (budgetEnd - Date.now()) / 60000;
    const args = ['--worker', harness, '--seed', String(o.seed), '--minutes', String(minutes), '--out', o.out, '--start', String(next), '--inputs', String(o.start + o.inputs - next), '--minimize-ms', String(o.minimizeMs)];
    if (o.only) args.push('--only', o.only.join(','));
    const child = fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--stack-size=984'] });
    await new Promise((resolveRun) => {
      let current = null;
      let timer = null;
      let latest = {};
      const arm = (ms) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          summary.hangs.push(current);
          copyFileSync(join(o.out, 'current.bin'), join(o.out, `hang-${current}.bin`));
          copyFileSync(join(o.out, 'current.json'), join(o.out, `hang-${current}.json`));
          console.log(`fuzz: input ${current} did not finish in ${ms} ms: saved as hang-${current}.bin`);
          child.kill('SIGKILL');
        }, ms);
      };
      child.on('message', (m) => {
        if (m.type === 'begin') (current = m.index), arm(o.hangMs);
        else if (m.type === 'minimizing') arm(o.minimizeMs * 3 + o.hangMs);
        else if (m.type === 'done') {
          clearTimeout(timer);
          deaths = 0;
          summary.inputs++;
          next = m.index + 1;
          latest = m.counts;
          for (const f of m.fresh) console.log(`fuzz: input ${m.index}: ${f.front} ${f.oracle}: ${f.message} (${o.out}/${f.id}.min.bin)`);
          for (const s of m.failures) {
            const e = (summary.signatures[s] ??= { count: 0, first: m.index });
            e.count++;
          }
          for (const x of m.slow) summary.slow.push({ index: m.index, ...x });
          if (summary.inputs % 500 === 0) console.log(`fuzz: ${summary.inputs} inputs, ${Object.keys(summary.signatures).length} failure kinds, ${Math.round((Date.now() - t0) / 1000)} s`);
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        // Each worker counts from zero: its last report is added to the run's.
        for (const [k, v] of Object.entries(latest)) summary.counts[k] = (summary.counts[k] ?? 0) + v;
        if (current === null) (stop = true), console.log('fuzz: the worker ended before its first input');
        // A killed worker (hang) resumes after the input that hung; a crash (out of memory) too.
        if (current !== null && current >= next) {
          if (++deaths >= 5) (stop = true), console.log('fuzz: five inputs in a row killed the worker: stopping (a harness bug?)');
          if (!summary.hangs.includes(current)) summary.hangs.push(current), console.log(`fuzz: the worker died on input ${current}`);
          next = current + 1;
        }
        resolveRun();
      });
    });
  }
  summary.seconds = Math.round((Date.now() - t0) / 1000);
  writeFileSync(join(o.out, 'summary.json'), JSON.stringify(summary, null, 2));
  console.log(JSON.stringify({ seed: o.seed, inputs: summary.inputs, seconds: summary.seconds, counts: summary.counts, failures: summary.signatures, slow: summary.slow, hangs: summary.hangs }, null, 2));
  process.exitCode = Object.keys(summary.signatures).length || summary.hangs.length ? 1 : 0;
}

const o = options(process.argv.slice(2));
if (o.harness) console.log(await buildHarness()); // for debugging: import it, call the internals
else if (o.worker) await worker(o);
else if (o.replay) await replay(o);
else await main(o);
