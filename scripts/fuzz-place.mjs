// Host readers, placement commands and the odd-argument commands for scripts/fuzz.mjs. Each input
// gets a host of its own, drawn from a generator of its own (so minimising the config leaves it as
// it is): a fixtures/hosts sample (host JSON, `xl info -n` text or a sysfs-style tree), often with a
// structural mutation and a byte mutation on top (./fuzz-hosts.mjs makes them). Then, besides the
// library's readHost and plan,
// through the in-process CLI: `host` (JSON, --from-xl-info, --from-sysfs), `plan` (json, text, xl),
// `plan --reserve` into a copy of a ledger, `rebalance` and `migrate-plan` on that ledger,
// `convert --host`, `check --host`, each with random `-D NAME=VALUE` defines, and `explain` and
// `schema` with odd arguments. Oracles: no throw and no internal error, exit status 0, 1 or 2,
// JSON output with `version: 1` and, for a plan, the documented §5 shape; `FILE:LINE:COLUMN` of a
// finding inside the config; a host that reads round-trips through `xmcfg host`'s JSON.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mutate } from './fuzz-mutations.mjs';
import { defines, EXPLAIN_ARGS, generatedHost, mutateConfigObject, mutateHostJson, mutateSysfs, mutateXlInfo, planOptions, plannable, samples } from './fuzz-hosts.mjs';

/** The documented shape of `plan -f json` (SPEC §5): a list of problems, empty when it fits. */
export function planShapeProblems(p) {
  const out = [];
  const ints = (a) => Array.isArray(a) && a.every((x) => Number.isInteger(x) && x >= 0);
  if (p?.version !== 1) out.push(`version ${p?.version}`);
  if (!(p.domain === null || typeof p.domain === 'string')) out.push('domain');
  if (!['best', 'round-robin', 'most-free'].includes(p.policy)) out.push(`policy ${p.policy}`);
  if (!['hard', 'soft'].includes(p.affinity)) out.push(`affinity ${p.affinity}`);
  // `numa = "off"`: no nodes and no vCPU map, the memory booked over the node affinity (placement.md).
  const off = Array.isArray(p.nodes) && p.nodes.length === 0 && Array.isArray(p.vcpus) && p.vcpus.length === 0;
  if (!ints(p.nodes) || (p.nodes.length === 0 && !off)) out.push('nodes');
  const na = p.node_affinity;
  if (!na || !ints(na.nodes) || typeof na.mask !== 'string' || !/^0x[0-9a-f]+$/.test(na.mask)) out.push('node_affinity');
  else {
    const mask = na.nodes.reduce((m, n) => m | (1n << BigInt(n)), 0n);
    if (`0x${mask.toString(16)}` !== na.mask) out.push(`node_affinity mask ${na.mask} of ${na.nodes}`);
    if (!off && [...na.nodes].sort((a, b) => a - b).join() !== [...new Set(p.nodes ?? [])].sort((a, b) => a - b).join()) out.push('node_affinity nodes differ from nodes');
  }
  const mem = p.memory_per_node_mib;
  const booked = off ? (na?.nodes ?? []) : (p.nodes ?? []);
  if (!mem || typeof mem !== 'object' || !Object.values(mem).every((v) => Number.isInteger(v) && v >= 0)) out.push('memory_per_node_mib');
  else if (!Object.keys(mem).every((k) => booked.includes(Number(k)))) out.push('memory_per_node_mib on a node not in nodes');
  if (!Array.isArray(p.vcpus) || !p.vcpus.every((v, i) => v.vcpu === i && (p.nodes ?? []).includes(v.node) && ints(v.cpus))) out.push('vcpus');
  if (!p.create_flags || !Number.isInteger(p.create_flags.value) || !Array.isArray(p.create_flags.names)) out.push('create_flags');
  if (!p.xl || !(p.xl.cpus === null || Array.isArray(p.xl.cpus) || typeof p.xl.cpus === 'string') || !('vnuma' in p.xl)) out.push('xl');
  if (!Array.isArray(p.commands) || !p.commands.every((c) => typeof c === 'string')) out.push('commands');
  if (!Array.isArray(p.reasons) || !p.reasons.every((c) => typeof c === 'string')) out.push('reasons');
  return out;
}

/** The host, placement and command oracles, for one worker (a temporary folder of its own). */
export class PlaceOracles {
  constructor(root, oracles) {
    this.o = oracles;
    this.lib = oracles.lib;
    this.h = oracles.h;
    this.samples = samples(root);
    this.dir = mkdtempSync(join(tmpdir(), 'xmcfg-fuzz-place-'));
    this.ledger = join(this.dir, 'base.db');
    this.root = root;
  }

  /** Book the example guests on the two-node host once: the ledger migrate-plan and rebalance read. */
  async init() {
    if (this.inited) return;
    this.inited = true;
    const host = join(this.root, 'fixtures', 'hosts', 'two-node.json');
    for (const f of ['web.cfg', 'legacy.xm']) await this.cli({ failures: [], times: {} }, () => {}, 'place:init', ['plan', join(this.root, 'fixtures', 'examples', f), '--host', host, '--reserve', '--ledger', this.ledger], new Uint8Array());
  }

  /** This input's host: { kind, path, applied } (written under the worker's folder). */
  makeHost(r) {
    // A fifth of the hosts are made up for the fallbacks of `best` (asymmetric distances, full nodes).
    const s = r.chance(0.2) ? { kind: 'json', name: 'generated', bytes: generatedHost(r) } : r.pick(this.samples);
    if (s.kind === 'sysfs') {
      const dir = join(this.dir, 'sysfs');
      rmSync(dir, { recursive: true, force: true });
      cpSync(s.dir, dir, { recursive: true });
      return { kind: 'sysfs', path: dir, name: s.name, applied: r.chance(0.6) ? mutateSysfs(dir, r) : [] };
    }
    let bytes = s.bytes;
    const applied = [];
    if (r.chance(0.5)) {
      const m = s.kind === 'json' ? mutateHostJson(bytes, r) : mutateXlInfo(bytes, r);
      if (m) bytes = m, applied.push('structural');
    }
    if (r.chance(0.2)) {
      const m = mutate(bytes, r.pick(this.samples.filter((x) => x.bytes)).bytes, r);
      bytes = m.bytes;
      applied.push(...m.applied);
    }
    const path = join(this.dir, s.kind === 'json' ? 'host.json' : 'info.txt');
    writeFileSync(path, bytes);
    return { kind: s.kind, path, name: s.name, applied, bytes };
  }

  /** Every host, placement and command oracle on config `bytes` (`text` decoded) with this input's host. */
  async run(out, fail, inputBytes, inputText, inputStarts, host, r, badRange, lineStarts) {
    await this.init();
    // Half the inputs plan the mutated file; half an example guest with placement lines (most corpus files are refused before planning).
    const own = r.chance(0.5) ? plannable(this.root, r) : null;
    if (own) out.placeConfig = own;
    const bytes = own ?? inputBytes;
    const text = own ? this.h.fromBytes(own).text : inputText;
    const starts = own ? lineStarts(text) : inputStarts;
    const cfg = new Uint8Array(bytes);
    const none = new Uint8Array();
    // The host readers, in the library and through `xmcfg host`.
    if (host.kind !== 'sysfs') {
      const htext = this.h.fromBytes(host.bytes).text;
      for (const format of ['json', 'xl-info']) {
        const res = this.o.step(out, `host:lib-${format}`, () => this.lib.readHost(htext, { format }));
        if (!res) continue;
        for (const d of res.diagnostics) if (!this.codes().has(d.code)) fail(`host:lib-${format}`, 'unknown-code', d.code);
        if (res.host) this.roundTrip(fail, `host:lib-${format}`, res.host);
      }
    } else {
      const res = this.o.step(out, 'host:lib-sysfs', () => this.lib.readHost(host.path, { format: 'sysfs' }));
      if (res?.host) this.roundTrip(fail, 'host:lib-sysfs', res.host);
    }
    // The library's plan() on the config's normalised form and the host as an object (not validated first: plan validates it), with odd options.
    const cfgResult = this.o.step(out, 'host:lib-plan', () => this.lib.check(text, { dialect: 'auto' }));
    let hostObject = null;
    try {
      hostObject = host.kind === 'sysfs' ? this.lib.readHost(host.path, { format: 'sysfs' }).host : JSON.parse(this.h.fromBytes(host.bytes).text);
    } catch {
      hostObject = host.kind === 'xl-info' ? this.lib.readHost(this.h.fromBytes(host.bytes).text, { format: 'xl-info' }).host : null;
    }
    if (cfgResult && hostObject) {
      const config = r.chance(0.3) ? mutateConfigObject(cfgResult.config, r) : cfgResult.config;
      const options = planOptions(r);
      const before = JSON.stringify([config, hostObject, options]);
      const res = this.o.step(out, 'host:lib-plan', () => this.lib.plan(config, hostObject, options));
      if (res) {
        for (const d of res.diagnostics ?? []) if (!this.codes().has(d.code)) fail('host:lib-plan', 'unknown-code', d.code);
        if (res.plan) {
          const problems = planShapeProblems(res.plan);
          if (problems.length) fail('host:lib-plan', 'shape', `plan: ${problems.join('; ')}`);
          // No node booked past its free memory (the host as readHost validates it: plan() read it so).
          const valid = this.o.step(out, 'host:lib-plan', () => this.lib.readHost(hostObject).host);
          const free = new Map((valid?.nodes ?? []).map((x) => [String(x.id), x.free_mib]));
          for (const [k, mib] of Object.entries(res.plan.memory_per_node_mib ?? {})) {
            if (free.has(k) && mib > free.get(k)) fail('host:lib-plan', 'overbooked', `node ${k} booked ${mib} MiB, free ${free.get(k)} MiB`);
          }
          this.o.step(out, 'host:lib-plan', () => JSON.stringify(res.plan));
        }
        // SPEC §7: plan must not mutate the objects it is given.
        if (JSON.stringify([config, hostObject, options]) !== before) fail('host:lib-plan', 'mutates', 'plan() changed an object it was given');
      }
    }
    const hostArgs = host.kind === 'sysfs' ? ['--from-sysfs', host.path] : host.kind === 'xl-info' && r.chance(0.5) ? ['--from-xl-info', host.path] : [host.path];
    const h = await this.cli(out, fail, 'host:cli', ['host', ...hostArgs], none);
    if (h?.code === 0) this.json(fail, 'host:cli', h.so);
    // The host the placement commands read: a file (--host) or a tree (--sysfs-root).
    const where = host.kind === 'sysfs' ? ['--sysfs-root', host.path] : ['--host', host.path];
    const ledger = join(this.dir, 'ledger.db');
    cpSync(this.ledger, ledger);
    const stdinName = r.pick([[], ['--stdin-filepath', 'guests/fuzz.cfg']]);
    const fmt = r.pick(['json', 'json', 'text', 'xl']);
    const planDefines = defines(r);
    const p = await this.cli(out, fail, 'plan', ['plan', '-', ...where, '-f', fmt, '--ledger', ledger, ...r.pick([[], ['--policy', r.pick(['round-robin', 'most-free'])], ['--affinity', 'soft']]), ...stdinName, ...planDefines], cfg);
    this.positions(fail, 'plan', p, text, starts, badRange);
    // `-f xl` prints lines to add to the guest's xl config: with them added it has no error it had not.
    if (p?.code === 0 && fmt === 'xl' && planDefines.length === 0) {
      const before = this.o.step(out, 'plan', () => this.h.checkText(text, { dialect: 'auto' }));
      if (before?.dialect === 'xl') {
        const after = this.o.step(out, 'plan', () => this.h.checkText(`${text}\n${p.so}`, { dialect: 'xl' }));
        const had = new Set(before.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
        for (const d of after?.diagnostics ?? []) if (d.severity === 'error' && !had.has(d.code)) fail('plan', 'xl-lines', `the config with plan -f xl's lines has ${d.code}`);
      }
    }
    // `-f text` wraps its prose, node list, memory per node and reasons at 100 columns (docs/placement.md); commands and the bar table are not wrapped.
    if (p?.code === 0 && fmt === 'text') {
      const long = p.so.split('\n').find((l) => l.length > 100 && !/^\s*(xl |\d+\s+\[|node\s+memory used)/.test(l) && / /.test(l.slice(l.search(/\S/) + 14, 100)));
      if (long) fail('plan', 'wrap', `-f text line of ${long.length} columns: ${long.slice(0, 60)}`);
    }
    if (p?.code === 0 && fmt === 'json') {
      const j = this.json(fail, 'plan', p.so);
      const problems = j ? planShapeProblems(j) : [];
      if (problems.length) fail('plan', 'shape', `plan JSON: ${problems.join('; ')}`);
    }
    const booked = await this.cli(out, fail, 'plan:reserve', ['plan', '-', ...where, '-f', 'json', '--reserve', '--ledger', ledger, '--stdin-filepath', 'guests/fuzz.cfg', ...defines(r)], cfg);
    this.positions(fail, 'plan:reserve', booked, text, starts, badRange);
    const domain = booked?.code === 0 ? (this.json(fail, 'plan:reserve', booked.so)?.domain ?? 'web01') : r.pick(['web01', 'legacy', 'nosuch']);
    const rb = await this.cli(out, fail, 'rebalance', ['rebalance', ...where, '--ledger', ledger, '-f', 'json', ...r.pick([[], ['--threshold', r.pick(['0', '0.5', '100', '5'])], ['--max-moves', r.pick(['0', '1', '12'])]])], none);
    if (rb?.code === 0) {
      const j = this.json(fail, 'rebalance', rb.so);
      if (j) {
        const moves = Array.isArray(j.moves) ? j.moves : null;
        if (!moves || !['moves', 'within-threshold', 'no-feasible-move', 'no-moves-allowed'].includes(j.outcome)) fail('rebalance', 'shape', `outcome ${j.outcome}, moves ${typeof j.moves}`);
        else if ((j.outcome === 'moves') !== (moves.length > 0)) fail('rebalance', 'shape', `outcome ${j.outcome} with ${moves.length} moves`);
        else if (moves.length && !(j.spread_after < j.spread_before)) fail('rebalance', 'spread', `moves that do not lower the spread: ${j.spread_before} -> ${j.spread_after}`);
      }
    }
    const targets = Array.from({ length: 1 + r.int(2) }, () => ['--to-node', r.pick(['0', '1', '2', '4', '65', '65535', '65536', '00', '1'])]).flat();
    const mp = await this.cli(out, fail, 'migrate-plan', ['migrate-plan', domain, ...targets, ...where, '--ledger', ledger, '-f', 'json'], none);
    if (mp?.code === 0) {
      const j = this.json(fail, 'migrate-plan', mp.so);
      if (j?.plan) {
        const problems = planShapeProblems(j.plan);
        if (problems.length) fail('migrate-plan', 'shape', `plan JSON: ${problems.join('; ')}`);
        const want = [...new Set(targets.filter((_, i) => i % 2 === 1).map(Number))].sort((a, b) => a - b).join();
        if ([...new Set(j.plan.nodes)].sort((a, b) => a - b).join() !== want) fail('migrate-plan', 'targets', `the plan after the move is on ${j.plan.nodes}, not on the --to-node nodes`);
      }
    }
    if (host.kind !== 'sysfs') {
      const to = r.pick(['xl', 'json']);
      const cvDefines = defines(r);
      const cv = await this.cli(out, fail, 'convert:host', ['convert', '-', '--to', to, '--host', host.path, ...cvDefines], cfg);
      this.positions(fail, 'convert:host', cv, text, starts, badRange);
      // As for convert without --host (fuzz-oracles.mjs): the xl output has no error that neither the conversion nor a check of the input reported.
      if (cv?.code === 0 && to === 'xl' && cvDefines.length === 0) {
        const back = this.o.step(out, 'convert:host', () => this.h.checkText(cv.so, { dialect: 'xl' }));
        const had = new Set([...cv.se.matchAll(/(?:error|warning)[ \[](XM\d{4})/g)].map((m) => m[1]));
        for (const dialect of ['auto', 'xl', 'xm']) for (const d of this.h.checkText(text, { dialect }).diagnostics) if (d.severity === 'error') had.add(d.code);
        if (had.has('XM0241')) had.add('XM0227');
        for (const d of back?.diagnostics ?? []) if (d.severity === 'error' && !had.has(d.code)) fail('convert:host', 'new-error', `the xl output has ${d.code}, which the conversion did not report`);
      }
      const ck = await this.cli(out, fail, 'check:host', ['check', '-', '--host', host.path, '--format', 'json', ...defines(r)], cfg);
      if (ck && ck.so) {
        const j = this.json(fail, 'check:host', ck.so);
        for (const f of j?.files ?? []) for (const d of f.diagnostics ?? []) {
          if (!this.codes().has(d.code)) fail('check:host', 'unknown-code', d.code);
          const bad = d.line !== undefined ? badRange(d, text, starts) : null;
          if (bad) fail('check:host', 'range', `${d.code} ${bad}`);
        }
      }
    }
    // normalize: its JSON has the schema's shape, but for required keys the file does not set (docs/cli.md).
    const nz = await this.cli(out, fail, 'normalize', ['normalize', '-', ...r.pick([[], ['--dialect', r.pick(['xl', 'xm'])]]), ...defines(r)], new Uint8Array(inputBytes));
    if (nz && (nz.code === 0 || nz.code === 1)) {
      const j = this.o.step(out, 'normalize', () => JSON.parse(nz.so));
      if (j !== undefined && !this.h.validateFn(j)) {
        // A required key the file does not set stays missing: on exit 1, and on exit 0 for an xm file without `name` (XM0106 is a note).
        const errs = (this.h.validateFn.errors ?? []).filter((e) => e.keyword !== 'required');
        if (errs.length) fail('normalize', 'schema', `normalize (exit ${nz.code}) prints JSON the schema refuses: ${errs[0].instancePath || '/'} ${errs[0].keyword}`);
      }
    }
    // explain and schema with odd arguments.
    const ex = await this.cli(out, fail, 'explain', ['explain', ...Array.from({ length: 1 + r.int(3) }, () => r.pick(EXPLAIN_ARGS))], none);
    if (ex && ex.code === 0 && ex.so === '') fail('explain', 'empty', 'exit 0 with nothing printed');
    const sc = await this.cli(out, fail, 'schema', ['schema', ...r.pick([[], ['x'], ['--format', 'json'], ['-D', 'a=b'], ['--', '-']])], none);
    if (sc?.code === 0) this.step(fail, 'schema', () => JSON.parse(sc.so));
  }

  /** Remove the worker's folder. */
  dispose() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The CLI in process, with this worker's folder as its home (the default ledger is never the user's). */
  async cli(out, fail, front, argv, stdin) {
    const res = await this.o.cliRun(out, fail, front, argv, stdin, { XDG_STATE_HOME: this.dir, HOME: this.dir });
    if (process.env.FUZZ_DEBUG) console.error(`[${front}] ${argv.map((a) => a.slice(0, 40)).join(' ')} -> ${res?.code}: ${res?.se.split('\n')[0].slice(0, 200)}`);
    // How often each command gets as far as exit 0: a fuzzer whose every plan is refused tests little.
    if (res?.code === 0 && this.o.counting) this.o.counts[`${front} exit 0`] = (this.o.counts[`${front} exit 0`] ?? 0) + 1;
    return res;
  }

  /** The registry's codes. */
  codes() {
    return (this._codes ??= new Set(this.lib.allCodes().map((c) => c.code)));
  }

  /** A host that read is read again, the same, from the JSON `xmcfg host` prints of it. */
  roundTrip(fail, front, host) {
    const again = this.lib.readHost(this.h.formatHostJson(host), { format: 'json' });
    if (!again.host || JSON.stringify(again.host) !== JSON.stringify(host)) fail(front, 'round-trip', `host JSON of a host that read does not read the same: ${again.diagnostics.map((d) => d.code).join(',') || 'differs'}`);
  }

  /** stdout parsed as JSON with `version: 1`, else a failure (and null). */
  json(fail, front, so) {
    try {
      const j = JSON.parse(so);
      if (j?.version !== 1) fail(front, 'version', `JSON without version 1 (${j?.version})`);
      return j;
    } catch (e) {
      fail(front, 'json', `stdout is not JSON: ${String(e.message).slice(0, 80)}`);
      return null;
    }
  }

  /** `NAME:LINE:COLUMN:` positions on stderr of a command reading the config on stdin: inside it. */
  positions(fail, front, res, text, starts, badRange) {
    if (!res) return;
    const found = [
      ...[...res.se.matchAll(/^(?:<stdin>|-|guests\/fuzz\.cfg):(\d+):(\d+): (?:error|warning|info|note) (XM\d{4})/gm)].map((m) => [m[3], m[1], m[2]]),
      // convert's form: `error[XM0003]: …` and ` --> FILE:LINE:COLUMN` under it.
      ...[...res.se.matchAll(/^(?:error|warning|info|note)\[(XM\d{4})\][^\n]*\n\s*--> (?:<stdin>|-|guests\/fuzz\.cfg):(\d+):(\d+)/gm)].map((m) => [m[1], m[2], m[3]]),
    ];
    for (const [code, line, column] of found) {
      const d = { code, line: Number(line), column: Number(column), endLine: Number(line), endColumn: Number(column) };
      if (!this.codes().has(d.code)) fail(front, 'unknown-code', d.code);
      const bad = badRange(d, text, starts);
      if (bad) fail(front, 'range', `${d.code} ${bad}`);
    }
  }

  /** A throw of `fn` as a failure. */
  step(fail, front, fn) {
    try {
      return fn();
    } catch (e) {
      fail(front, 'throws', `${e?.name}: ${e?.message}`);
      return undefined;
    }
  }
}
