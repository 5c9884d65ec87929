#!/usr/bin/env node
// rebalance search work over random mid-size ledgers (the QA pass's shape: 4-8 node hosts, 50-200
// guests reserved), seeded so a run is repeatable.
//
//   node bench/rebalance.mjs [--cases N] [--seed S] [--small] [--module BUNDLE.mjs]
//
// Prints how many cases spent the budget (XM0419) and the total trial moves. --small makes
// 2-4 node hosts with 5-25 guests (cases the search finishes). --module runs another bundle of
// src/placement/rebalance.ts (esbuild --bundle --format=esm --platform=node), e.g. an older one
// (migrate.ts before 2026-11-27).
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../scripts/seeded-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A small seeded generator (mulberry32): the same seed gives the same cases. */
export const rng = mulberry32;

/** A stored plan of `domain` booking `parts` ([node, MiB, vCPUs]), as the ledger holds it. */
function booked(domain, parts) {
  return {
    domain,
    nodes: parts.map((p) => p[0]),
    node_affinity: { nodes: parts.map((p) => p[0]), mask: '' },
    memory_per_node_mib: Object.fromEntries(parts.map((p) => [String(p[0]), p[1]])),
    vcpus: parts.flatMap((p, i) => Array.from({ length: p[2] }, (_, k) => ({ vcpu: i * 8 + k, node: p[0], cpus: [] }))),
    xl: { cpus: [], vnuma: null },
    create_flags: { value: 0, names: [] },
  };
}

/** One random host and ledger: nodes of mixed sizes, guests of common sizes placed unevenly. */
export function randomCase(rand, small = false) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const count = small ? 2 + Math.floor(rand() * 3) : 4 + Math.floor(rand() * 5);
  const guestsWanted = small ? 5 + Math.floor(rand() * 21) : 50 + Math.floor(rand() * 151);
  const nodes = Array.from({ length: count }, (_, id) => {
    const mem = pick(small ? [8192, 16384, 32768] : [65536, 131072, 262144]);
    return { id, cpus: Array.from({ length: 8 }, (_, c) => id * 8 + c), memory_mib: mem, free_mib: mem - 1024, distances: {} };
  });
  const room = nodes.map((n) => n.free_mib);
  // Skewed: node weights make some nodes far fuller than others.
  const weight = nodes.map(() => rand() ** 2);
  const total = weight.reduce((a, b) => a + b, 0);
  const plans = [];
  for (let i = 0; i < guestsWanted; i++) {
    const mem = pick([512, 1024, 1024, 2048, 2048, 4096, 4096, 8192, 16384]);
    let r = rand() * total;
    let node = 0;
    while (node < count - 1 && r > weight[node]) r -= weight[node++];
    if (room[node] < mem) node = room.findIndex((x) => x >= mem);
    if (node < 0) continue;
    room[node] -= mem;
    plans.push(booked(`g${i}`, [[node, mem, 1 + Math.floor(rand() * 4)]]));
  }
  return { host: { nodes }, plans };
}

/** Bundles src/placement/rebalance.ts into a temporary module and imports it. */
export async function loadCurrent() {
  const out = join(mkdtempSync(join(tmpdir(), 'xmcfg-rebal-')), 'rebalance.mjs');
  buildSync({ entryPoints: [join(root, 'src/placement/rebalance.ts')], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
  return import(pathToFileURL(out).href);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
  const cases = Number(opt('--cases', '80'));
  const seed = Number(opt('--seed', '1'));
  const small = args.includes('--small');
  const mod = opt('--module', null) ? await import(pathToFileURL(opt('--module')).href) : await loadCurrent();
  const rand = rng(seed);
  let cut = 0;
  let trials = 0;
  let checks = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < cases; i++) {
    const { host, plans } = randomCase(rand, small);
    const r = mod.rebalancePlan(host, plans, {});
    if (r.work.cut) cut++;
    trials += r.work.seedTrials + r.work.searchTrials;
    checks += r.work.checks;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(`${cases} cases (seed ${seed}${small ? ', small' : ''}): ${cut} hit the budget (XM0419), ${trials} trial moves, ${checks} pairs looked at, ${ms.toFixed(0)} ms\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
