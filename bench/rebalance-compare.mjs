#!/usr/bin/env node
// Old rebalance search against the current one on random small cases: where the old one finished
// within its budget, the current one must propose the same moves.
//
//   node bench/rebalance-compare.mjs OLD.mjs [--cases N] [--seed S]
//
// OLD.mjs: an esbuild bundle of an older rebalancePlan (src/placement/rebalance.ts; before
// 2026-11-27 it lived in src/placement/migrate.ts), e.g. in a checkout of REV:
//   npx esbuild src/placement/rebalance.ts --bundle --format=esm --platform=node --outfile=/tmp/old.mjs
import { pathToFileURL } from 'node:url';
import { loadCurrent, randomCase, rng } from './rebalance.mjs';

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const old = await import(pathToFileURL(args[0]).href);
const cur = await loadCurrent();
const cases = Number(opt('--cases', '3000'));
const rand = rng(Number(opt('--seed', '7')));
let compared = 0;
let same = 0;
let oldCut = 0;
let newCut = 0;
let oldTrials = 0;
let newTrials = 0;
for (let i = 0; i < cases; i++) {
  const { host, plans } = randomCase(rand, true);
  const options = { threshold: [0, 2, 5, 10, 20][Math.floor(rand() * 5)], maxMoves: 1 + Math.floor(rand() * 6) };
  const a = old.rebalancePlan(host, plans, options);
  const b = cur.rebalancePlan(host, plans, options);
  oldTrials += a.work.seedTrials + a.work.searchTrials;
  newTrials += b.work.seedTrials + b.work.searchTrials;
  if (b.work.cut) newCut++;
  if (a.work.cut) {
    oldCut++;
    continue;
  }
  compared++;
  if (JSON.stringify(a.moves) === JSON.stringify(b.moves) && a.after === b.after) same++;
  else process.stdout.write(`case ${i} differs: ${JSON.stringify(options)}\n  old ${JSON.stringify(a.moves)}\n  new ${JSON.stringify(b.moves)}\n`);
}
process.stdout.write(`${cases} cases: old cut ${oldCut}, new cut ${newCut}; ${same} of ${compared} finished by the old search propose the same moves; trial moves old ${oldTrials}, new ${newTrials}\n`);
