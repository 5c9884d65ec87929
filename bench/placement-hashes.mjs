#!/usr/bin/env node
// The placement benchmark's deterministic columns as the mean over several hash constants.
//
//   node bench/placement-hashes.mjs [--src DIR] [--hashes 0,1,2,3,4] [--topologies a,b] [--scenarios churn,fill] [--detail] [--floor]
//
// One run of the shared harness resolves about ±0.05 in distance and ±25 fill guests: the constant
// in mix() (src/placement/policy-best.ts) that orders near-equal nodes moves the results that much
// with no policy change (docs/placement-bench.md). This script bundles the policy (from --src, a
// checkout or a copy of src/ with a variant, default this repository) once per offset h added to
// that constant, replays the harness's own churn and fill streams (same seeds, same guest filter,
// same commit/release and metrics as ../shared/bench/placement/run.mjs; offset 0 reproduces its
// numbers exactly) and prints per host and scenario: distance / accepted guests per offset, their
// means, the lowest minimal% over the offsets, stranded guests (summed) and max-load.
// --detail adds where the distance comes from (excess over 10 by request kind and node count);
// --floor adds, for the same accepted guests, the distance each would get alone on the empty host
// (what no placement order can go below: the part the contract fixes).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const harness = join(repo, '..', 'shared', 'bench', 'placement');
const { allTopologies, capacityMiB } = await import(pathToFileURL(join(harness, 'topologies.mjs')).href);
const { churnWorkload, fillWorkload } = await import(pathToFileURL(join(harness, 'workload.mjs')).href);
const { feasible, minimalNodes, placementDistance } = await import(pathToFileURL(join(harness, 'common.mjs')).href);

const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const src = resolve(opt('--src', repo));
const hashes = opt('--hashes', '0,1,2,3,4').split(',').map(Number);
const onlyTopo = opt('--topologies', null)?.split(',');
const scenarios = opt('--scenarios', 'churn,fill').split(',');
const detail = args.includes('--detail');
const floor = args.includes('--floor');
const HASH = 'salt ^ 0x9e3779b9';

const tmp = mkdtempSync(join(tmpdir(), 'xmcfg-hashes-'));
/** The policy bundled with `h` added to mix()'s constant. */
async function policy(h) {
  const out = join(tmp, `core-${h}.mjs`);
  const patch = {
    name: 'hash-offset',
    setup(b) {
      b.onLoad({ filter: /policy-best\.ts$/ }, (a) => {
        const text = readFileSync(a.path, 'utf8');
        if (!text.includes(HASH)) throw new Error(`${a.path}: no "${HASH}" to offset`);
        return { contents: text.replace(HASH, `salt ^ (0x9e3779b9 + ${h})`), loader: 'ts' };
      });
    },
  };
  await build({
    absWorkingDir: src,
    stdin: { contents: "export { choose } from './src/placement/choose.ts';", resolveDir: src, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: out, logLevel: 'warning', plugins: [patch],
  });
  return (await import(pathToFileURL(out).href)).choose;
}

/** place() as bench/placement-adapter.mjs does it (guest id as salt, RFC map inline). */
function placer(choose) {
  return (g, s, scratch) => {
    const n = s.nNodes;
    if (!scratch.cap) {
      const dist = new Float64Array(n * n);
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) dist[a * n + b] = s.nodes[a].distances[b];
      scratch.cap = { ids: s.nodes.map((x) => x.id), cpus: s.nodes.map((x) => x.cpus.length), free: new Array(n).fill(0), total: s.nodes.map((x) => x.memMiB), load: null, dist };
    }
    const cap = scratch.cap;
    for (let i = 0; i < n; i++) cap.free[i] = s.nodes[i].freeMiB;
    cap.load = s.vcpusPinned;
    const m = g.numa.mode;
    const d = {
      memMiB: g.memMiB, vcpus: g.vcpus, kind: m === 'auto' ? 'auto' : m === 'explicit' ? 'list' : 'count',
      count: m === 'on' ? 1 : m === 'nodes' ? g.numa.count : m === 'explicit' ? g.numa.list.length : 0,
      list: m === 'explicit' ? g.numa.list : [], salt: g.id,
    };
    const r = choose(d, cap, 'best', 0);
    if (r.refused) return null;
    const k = r.slots.length;
    const nodes = r.slots.map((p) => cap.ids[p]);
    const mem = new Array(n).fill(0);
    for (let i = 0; i < k; i++) mem[nodes[i]] += r.mem[i];
    const vmap = [];
    for (let i = 0; i < g.vcpus; i++) vmap.push(nodes[Math.floor((i * k) / g.vcpus)]);
    return { nodes, vcpuToNode: vmap, memPerNodeMiB: mem };
  };
}

function fresh(topo) {
  const n = topo.nodes.length;
  return { nNodes: n, nodes: topo.nodes.map((x) => ({ ...x })), vcpusPinned: new Array(n).fill(0) };
}
function maxLoad(s) {
  let hi = 0;
  for (let j = 0; j < s.nNodes; j++) hi = Math.max(hi, s.vcpusPinned[j] / s.nodes[j].cpus.length);
  return hi;
}
const kindOf = (g, used) => (g.numa.mode === 'auto' ? `auto, ${Math.min(used, 3)}${used >= 3 ? '+' : ''} node${used > 1 ? 's' : ''}` : g.numa.mode === 'explicit' ? `numanode= ${g.numa.list.length} node${g.numa.list.length > 1 ? 's' : ''}` : g.numa.mode === 'on' ? 'numa=on' : 'numanodes=2');

/** One stream, accumulated into `acc` (the harness's runOne, deterministic columns only). */
function replay(topo, stream, place, acc) {
  const s = fresh(topo);
  const scratch = {};
  const empty = floor ? { scratch: {}, state: fresh(topo) } : null;
  const live = new Map();
  for (const ev of stream) {
    if (ev.type === 'create') {
      const g = ev.guest;
      const couldFit = feasible(g, s);
      const minimal = minimalNodes(g, s);
      const res = place(g, { ...s, nodes: s.nodes.map((x) => ({ ...x })), vcpusPinned: [...s.vcpusPinned] }, scratch);
      if (!res) {
        if (couldFit) acc.stranded++;
      } else {
        const used = new Set(res.vcpuToNode);
        res.memPerNodeMiB.forEach((m, j) => m > 0 && used.add(j));
        if (used.size <= minimal) acc.minimal++;
        const dd = placementDistance(res, s, g.memMiB);
        acc.ok++;
        acc.ds += dd * g.memMiB;
        acc.dw += g.memMiB;
        const kind = kindOf(g, used.size);
        const add = (key, v) => {
          const c = (acc.kinds[key] ??= { ex: 0, fl: 0, w: 0, n: 0 });
          c.ex += (v - 10) * g.memMiB;
          c.w += g.memMiB;
          c.n++;
          return c;
        };
        if (detail) {
          const alone = empty ? placementDistance(place(g, empty.state, empty.scratch), empty.state, g.memMiB) : 10;
          for (const key of [kind, `${topo.name} ${kind}`]) add(key, dd).fl += (alone - 10) * g.memMiB;
        }
        res.memPerNodeMiB.forEach((m, j) => (s.nodes[j].freeMiB -= m));
        for (const j of res.vcpuToNode) s.vcpusPinned[j]++;
        live.set(g.id, res);
      }
    } else {
      const res = live.get(ev.id);
      if (res) {
        res.memPerNodeMiB.forEach((m, j) => (s.nodes[j].freeMiB += m));
        for (const j of res.vcpuToNode) s.vcpusPinned[j]--;
        live.delete(ev.id);
      }
    }
    acc.load += maxLoad(s);
    acc.events++;
  }
}

// The harness's streams: same seeds and the same filter of requests no allocator could ever place.
const seed = 20070101;
const streams = [];
allTopologies().forEach((topo, ti) => {
  if (onlyTopo && !onlyTopo.includes(topo.name)) return;
  const empty = fresh(topo);
  const accept = (g) => feasible(g, empty);
  const cap = capacityMiB(topo);
  for (const scen of scenarios) {
    for (let k = 0; k < (scen === 'churn' ? 3 : 25); k++) {
      const sd = seed + 1000 * ti + 100 * k + (scen === 'fill' ? 7 : 0);
      const nNodes = topo.nodes.length;
      streams.push({ topo, scen, events: scen === 'churn' ? churnWorkload({ seed: sd, nNodes, capacityMiB: cap, events: 2500, accept }) : fillWorkload({ seed: sd, nNodes, capacityMiB: cap, accept }) });
    }
  }
});

const rows = new Map(); // "scenario|host" -> per-hash accumulators
const blank = () => ({ ok: 0, stranded: 0, minimal: 0, ds: 0, dw: 0, load: 0, events: 0, kinds: {} });
try {
  for (const h of hashes) {
    const place = placer(await policy(h));
    for (const st of streams) {
      const acc = blank();
      replay(st.topo, st.events, place, acc);
      for (const key of [`${st.scen}|all`, `${st.scen}|${st.topo.name}`]) {
        const list = rows.get(key) ?? rows.set(key, hashes.map(blank)).get(key);
        const t = list[hashes.indexOf(h)];
        for (const f of ['ok', 'stranded', 'minimal', 'ds', 'dw', 'load', 'events']) t[f] += acc[f];
        if (key.endsWith('|all')) {
          for (const [k, c] of Object.entries(acc.kinds)) {
            const x = (t.kinds[k] ??= { ex: 0, fl: 0, w: 0, n: 0 });
            for (const f of ['ex', 'fl', 'w', 'n']) x[f] += c[f];
          }
        }
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`| scenario | host | ${hashes.map((h) => `+${h}: dist / ok`).join(' | ')} | mean dist | mean ok | minimal% (lowest) | stranded | max-load |`);
console.log(`|---|---|${hashes.map(() => '---').join('|')}|---|---|---|---|---|`);
const order = [...rows.keys()].sort((a, b) => (a.split('|')[0] + (a.endsWith('|all') ? '' : a)).localeCompare(b.split('|')[0] + (b.endsWith('|all') ? '' : b)));
for (const key of order) {
  const [scen, host] = key.split('|');
  const list = rows.get(key);
  const cells = list.map((t) => `${(t.ds / t.dw).toFixed(3)} / ${t.ok}`);
  console.log(`| ${scen} | ${host} | ${cells.join(' | ')} | ${mean(list.map((t) => t.ds / t.dw)).toFixed(3)} | ${mean(list.map((t) => t.ok)).toFixed(1)} | ${(100 * Math.min(...list.map((t) => t.minimal / t.ok))).toFixed(2)} | ${list.reduce((a, t) => a + t.stranded, 0)} | ${mean(list.map((t) => t.load / t.events)).toFixed(2)} |`);
}
if (detail) {
  for (const scen of scenarios) {
    const list = rows.get(`${scen}|all`);
    const w = list.reduce((a, t) => a + t.dw, 0);
    const merged = {};
    for (const t of list) for (const [k, c] of Object.entries(t.kinds)) {
      const x = (merged[k] ??= { ex: 0, fl: 0, w: 0, n: 0 });
      for (const f of ['ex', 'fl', 'w', 'n']) x[f] += c[f];
    }
    console.log(`\n${scen}: excess over 10 (units of the "all" row's distance), by request kind and node count, all offsets`);
    console.log(`\n| hosts | kind | guests per offset | share of memory % | mean dist | excess |${floor ? ' floor (alone on the empty host) |' : ''}`);
    console.log(`|---|---|---|---|---|---|${floor ? '---|' : ''}`);
    for (const k of Object.keys(merged).sort((a, b) => (/^\d/.test(a) ? 1 : 0) - (/^\d/.test(b) ? 1 : 0) || a.localeCompare(b))) {
      const c = merged[k];
      const host = /^\d/.test(k) ? k.split(' ')[0] : 'all';
      const kind = host === 'all' ? k : k.slice(host.length + 1);
      console.log(`| ${host} | ${kind} | ${(c.n / list.length).toFixed(0)} | ${((100 * c.w) / w).toFixed(2)} | ${(10 + c.ex / c.w).toFixed(2)} | ${(c.ex / w).toFixed(3)} |${floor ? ` ${(c.fl / w).toFixed(3)} |` : ''}`);
    }
  }
}
