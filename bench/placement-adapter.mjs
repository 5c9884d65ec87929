// Adapter between the shared placement benchmark (../shared/bench/placement, `--allocator` plug-in
// contract: place(guest, hostState) -> {nodes, vcpuToNode, memPerNodeMiB} | {error}) and xmcfg's
// allocator. It bundles src/placement/choose.ts with esbuild on first import (into .bench-out/,
// which git ignores), so it always measures the current source and needs no `npm run build`.
// It calls the same policy code `plan()` uses (choose + the RFC vCPU map); it skips building the
// full plan JSON (strings, commands), which is presentation, not placement.
// The guest id is the request id that orders near-equal choices (plan() uses a hash of the domain
// name), the harness's vCPU counts are maxvcpus, and its per-call hostState becomes a capacity view;
// topology-only parts (distance matrix, neighbour and pair lists) are cached in the run's scratch.
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
    contents: "export { choose } from './src/placement/choose.ts'; export { rfcSlots } from './src/placement/split.ts';",
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

/** Topology parts that never change within a run, cached in the run's scratch object. */
function topology(s) {
  if (s.scratch.topo && s.scratch.topo.n === s.nNodes) return s.scratch.topo;
  const n = s.nNodes;
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) dist[a * n + b] = s.nodes[a].distances[b];
  const topo = { n, ids: s.nodes.map((x) => x.id), cpus: s.nodes.map((x) => x.cpus.length), dist, near: undefined, pairs: undefined };
  s.scratch.topo = topo;
  return topo;
}

export function place(guest, s) {
  const topo = topology(s);
  const cap = { ids: topo.ids, cpus: topo.cpus, free: s.nodes.map((x) => x.freeMiB), load: s.vcpusPinned, dist: topo.dist, near: topo.near, pairs: topo.pairs };
  const mode = guest.numa.mode;
  const d = {
    memMiB: guest.memMiB,
    vcpus: guest.vcpus,
    kind: mode === 'auto' ? 'auto' : mode === 'explicit' ? 'list' : 'count',
    count: mode === 'on' ? 1 : mode === 'nodes' ? guest.numa.count : mode === 'explicit' ? guest.numa.list.length : 0,
    list: mode === 'explicit' ? guest.numa.list : [],
    salt: guest.id,
  };
  const r = core.choose(d, cap, policy, s.scratch.cursor ?? 0);
  topo.near = cap.near;
  topo.pairs = cap.pairs;
  if (r.refused) return { error: `${r.code}: ${r.message}` };
  if (r.cursor !== undefined) s.scratch.cursor = r.cursor;
  const mem = new Array(s.nNodes).fill(0);
  r.slots.forEach((p, i) => (mem[topo.ids[p]] += r.mem[i]));
  const slotOf = core.rfcSlots(guest.vcpus, r.slots.length);
  return { nodes: r.slots.map((p) => topo.ids[p]), vcpuToNode: slotOf.map((k) => topo.ids[r.slots[k]]), memPerNodeMiB: mem };
}
