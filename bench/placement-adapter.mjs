// Adapter between the shared placement benchmark (../shared/bench/placement, `--allocator` plug-in
// contract: place(guest, hostState) -> {nodes, vcpuToNode, memPerNodeMiB} | {error}) and xmcfg's
// allocator. It bundles src/placement/choose.ts with esbuild on first import (into .bench-out/,
// which git ignores), so it always measures the current source and needs no `npm run build`.
// It calls the same policy code `plan()` uses (choose, then the RFC vCPU map inline); it skips
// building the full plan JSON (strings, commands), which is presentation, not placement.
// The guest id is the request id that orders near-equal choices (plan() uses a hash of the domain
// name), the harness's vCPU counts are maxvcpus, and its per-call hostState becomes a capacity view;
// topology-only parts (distance matrix, neighbour and pair lists, search buffers) are cached in the
// run's scratch, and the capacity view is refilled in place on every call.
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
 * Topology parts that never change within a run, cached in the run's scratch object, plus the
 * capacity view and demand object every call refills in place: the hot path allocates only the
 * result the harness keeps (a placement at 64 nodes must not feed the garbage collector).
 */
function topology(s) {
  const cached = s.scratch.xmcfg;
  if (cached !== undefined && cached.n === s.nNodes) return cached;
  const n = s.nNodes;
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) dist[a * n + b] = s.nodes[a].distances[b];
  const ids = s.nodes.map((x) => x.id);
  const cap = { ids, cpus: s.nodes.map((x) => x.cpus.length), free: new Array(n).fill(0), load: s.vcpusPinned, dist, near: undefined, pairs: undefined, byCpus: undefined, work: undefined };
  const d = { memMiB: 0, vcpus: 0, kind: 'auto', count: 0, list: NO_LIST, salt: 0 };
  const topo = { n, ids, cap, d };
  s.scratch.xmcfg = topo;
  return topo;
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
