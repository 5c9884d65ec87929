// Adapter between the shared placement benchmark (../shared/bench/placement, `--allocator` plug-in
// contract: place(guest, hostState) -> {nodes, vcpuToNode, memPerNodeMiB} | {error}) and xmcfg's
// allocator. It bundles src/placement/choose.ts with esbuild on first import (into .bench-out/,
// which git ignores), so it always measures the current source and needs no `npm run build`.
// It calls the same policy code `plan()` uses (choose, then the RFC vCPU map inline); it skips
// building the full plan JSON (strings, commands), which is presentation, not placement.
// The guest id is the request id that orders near-equal choices (plan() uses a hash of the domain
// name), the harness's vCPU counts are maxvcpus, and its per-call hostState becomes a capacity view;
// topology-only parts (distance matrix, neighbour and pair lists, search buffers) are cached (see
// topology()), and the capacity view is refilled in place on every call.
// XMCFG_POLICY=best|round-robin|most-free picks the policy (default best).
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, '.bench-out', 'placement-core.mjs');
mkdirSync(dirname(outFile), { recursive: true });
buildSync({
  absWorkingDir: root,
  stdin: {
    contents: "export { choose } from './src/placement/choose.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: outFile,
  logLevel: 'warning',
});
const core = await import(pathToFileURL(outFile).href);

const policy = process.env.XMCFG_POLICY || 'best';
export const name = `xmcfg-${policy}`;
export const description = `xmcfg allocator, policy ${policy} (src/placement)`;

const NO_LIST = Object.freeze([]);

/**
 * Topology parts that never change within a run (distance matrix, neighbour and pair lists, the
 * search workspace), plus the capacity view and demand object every call refills in place: the hot
 * path allocates only the result the harness keeps. Cached in the run's scratch object and, when the
 * host's distance rows and CPU lists are frozen arrays (the harness's are), across runs on the same
 * host too: every stream starts with a fresh scratch, and rebuilding the lists (sorting all pairs)
 * landed in the first multi-node placement of each stream.
 */
const shared = new WeakMap();

function topology(s) {
  const cached = s.scratch.xmcfg;
  if (cached !== undefined && cached.n === s.nNodes) return cached;
  const row0 = s.nodes.length > 0 ? s.nodes[0].distances : undefined;
  let topo = row0 !== undefined && Object.isFrozen(row0) ? shared.get(row0) : undefined;
  if (topo !== undefined && !sameHost(topo, s)) topo = undefined;
  if (topo === undefined) {
    topo = build(s);
    if (topo.frozen) shared.set(row0, topo);
  }
  s.scratch.xmcfg = topo;
  return topo;
}

/** The cached topology was built from exactly these (frozen) rows. */
function sameHost(topo, s) {
  if (topo.n !== s.nNodes) return false;
  for (let i = 0; i < topo.n; i++) if (s.nodes[i].distances !== topo.rows[i] || s.nodes[i].cpus !== topo.cpuLists[i]) return false;
  return true;
}

function build(s) {
  const n = s.nNodes;
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) dist[a * n + b] = s.nodes[a].distances[b];
  const ids = s.nodes.map((x) => x.id);
  const rows = s.nodes.map((x) => x.distances);
  const cpuLists = s.nodes.map((x) => x.cpus);
  const frozen = n > 0 && rows.every((r) => Object.isFrozen(r)) && cpuLists.every((c) => Object.isFrozen(c));
  const total = s.nodes.map((x) => x.memMiB);
  const cap = { ids, cpus: cpuLists.map((c) => c.length), free: new Array(n).fill(0), total, load: s.vcpusPinned, dist, near: undefined, pairs: undefined, byCpus: undefined, work: undefined, sockets: undefined };
  const d = { memMiB: 0, vcpus: 0, kind: 'auto', count: 0, list: NO_LIST, salt: 0 };
  return { n, ids, cap, d, rows, cpuLists, frozen };
}

export function place(guest, s) {
  const topo = topology(s);
  const { n, ids, cap, d } = topo;
  const free = cap.free;
  const nodes = s.nodes;
  for (let i = 0; i < n; i++) free[i] = nodes[i].freeMiB;
  cap.load = s.vcpusPinned;
  const numa = guest.numa;
  const mode = numa.mode;
  d.memMiB = guest.memMiB;
  d.vcpus = guest.vcpus;
  d.kind = mode === 'auto' ? 'auto' : mode === 'explicit' ? 'list' : 'count';
  d.count = mode === 'on' ? 1 : mode === 'nodes' ? numa.count : mode === 'explicit' ? numa.list.length : 0;
  d.list = mode === 'explicit' ? numa.list : NO_LIST;
  d.salt = guest.id;
  const r = core.choose(d, cap, policy, s.scratch.cursor ?? 0);
  if (r.refused === true) return { error: r.code + ': ' + r.message };
  if (r.cursor !== undefined) s.scratch.cursor = r.cursor;
  // The result, built with plain loops (the RFC map inline): vCPU i on slot floor(i·k/vcpus).
  const slots = r.slots;
  const k = slots.length;
  const out = new Array(k);
  const mem = new Array(n).fill(0);
  for (let i = 0; i < k; i++) {
    out[i] = ids[slots[i]];
    mem[out[i]] += r.mem[i];
  }
  const v = guest.vcpus;
  const vmap = new Array(v);
  for (let i = 0; i < v; i++) vmap[i] = out[Math.floor((i * k) / v)];
  return { nodes: out, vcpuToNode: vmap, memPerNodeMiB: mem };
}
