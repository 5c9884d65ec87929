// Inputs of the host and placement oracles (./fuzz-place.mjs) for scripts/fuzz.mjs: host samples
// of fixtures/hosts and their structural mutations (host JSON, `xl info -n` text, a sysfs-style
// tree), example guests with placement lines, odd config objects and options for the library's
// plan(), `-D NAME=VALUE` defines and odd `explain` arguments. Every choice comes from the generator
// it is given, so one seed and index always make the same host.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mutate } from './fuzz-mutations.mjs';

const WEIRD_NUMBERS = ['-1', '0', '1e400', '1.5', '65535', '65536', '4294967296', '9007199254740993', '"1"', 'null', 'true', '[]', '{}', '-0', '1e3', '0x10', '99999999999999999999'];
const DEFINE_NAMES = ['memory', 'maxmem', 'vcpus', 'maxvcpus', 'name', 'vmid', 'cpus', 'numa', 'numanodes', 'numanode', 'vnuma', 'type', 'builder', 'hap', 'kernel', 'xm_vars', 'x', '', '1a', 'memory.x', 'é', 'cpu_cap', 'vncviewer'];
const DEFINE_VALUES = ['1024', '', '-1', '0', '9'.repeat(40), '0x10', '1.5', '"x"', "'", '"', 'a b', '[1,2]', '(', '\\', 'é', '\ud83d', '\u0000', '\r\n', '\n', 'x=y', '=', 'True', 'None', '1,2', '0-3', 'auto', 'off', 'hvm', '"""', 'a'.repeat(5000), '# c', '[[', 'memory', '-', '%s'];
export const EXPLAIN_ARGS = ['', 'XM', 'xm', '0', '00', '000', '0000', '00000', 'XM0', 'XM00', 'XM04', 'XM0040', 'xm0040', '40', 'XM40', '0040', 'XM9999', 'XM-1', '-1', 'XM0040XM', '٤٠', 'XM٤٠', '1e1', '0x28', ' 40', '40 ', 'XM 40', '9'.repeat(400), 'XM\u0000', '\ud83d', 'XM04xx', '*', '.', '--', '-', '--help', '--format', 'json', 'XM0101', 'XM0411', 'XM1', 'XM0', 'Xm0041', '+40', '4.0', 'XM00040', 'XM040'];

/** Lines a plannable config may get: the placement keys with ordinary and odd values. */
const PLACE_LINES = [
  'memory = 1024', 'memory = 65536', 'memory = 1', 'memory = 40000', 'maxmem = 8192', 'vcpus = 1', 'vcpus = 8', 'vcpus = 64', 'maxvcpus = 12',
  'cpus = "0-3"', 'cpus = "4-7,^5"', 'cpus = "all"', 'cpus = ["0", "1-2"]', 'cpus = "nodes:1"', 'cpus_soft = "0-1"', 'cpus = "65535"',
  "numa = 'on'", "numa = 'off'", 'numa = "auto"', 'numanodes = 2', 'numanodes = 3', 'numanodes = 0', 'numanode = 1', 'numanode = 0, 1', 'numanode = 65', 'numanode = 4, 4',
  'vnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]',
  'vnuma = [ [ "pnode=9", "size=1024", "vcpus=0-3", "vdistances=10" ] ]', 'type = "hvm"', 'builder = "hvm"', 'hap = 0', 'name = "x"', 'name = ""', 'shadow_memory = 64',
  `name = "${'n'.repeat(120)}"`, 'name = "a b"', 'name = "é"',
];

/** A config the allocator can plan (an example guest with placement lines added or changed), for the half of the inputs that are not the corpus's. */
export function plannable(root, r) {
  const f = r.pick(['web.cfg', 'legacy.xm']);
  const lines = readFileSync(join(root, 'fixtures', 'examples', f), 'utf8').split('\n');
  // At the end: a line put inside the disk list would make a syntax error, refused before planning.
  for (let k = r.int(4); k > 0; k--) lines.push(r.pick(PLACE_LINES));
  // A name of its own, often: the examples' names are booked in the ledger already.
  if (r.chance(0.6)) lines.push(`name = "fz${r.int(50)}"`);
  return Buffer.from(lines.join(r.chance(0.1) ? '\r\n' : '\n'), 'utf8');
}

/** The host sample of each kind, read once: [kind, name, bytes] or a sysfs tree's folder. */
export function samples(root) {
  const dir = join(root, 'fixtures', 'hosts');
  return readdirSync(dir).sort().map((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return { kind: 'sysfs', name: f, dir: p };
    return { kind: f.endsWith('.json') ? 'json' : 'xl-info', name: f, bytes: readFileSync(p) };
  });
}

/**
 * A made-up host JSON for the `best` policy's last resorts (session 23: compact.ts, near-reach.ts):
 * 2 to 33 nodes, distances asymmetric most of the time (any value 11-255 off the diagonal), and
 * many full nodes (free 0, 1 or 64 MiB), some without CPUs, so fewer nodes have free memory than a
 * `numanodes` asks for and pinning reaches nodes that cannot hold the guest.
 */
export function generatedHost(r) {
  const n = r.pick([2, 3, 4, 6, 8, 16, 33]);
  const fullShare = r.pick([0.3, 0.6, 0.9, 1]);
  let cpu = 0;
  const nodes = Array.from({ length: n }, (_, id) => {
    const cpus = Array.from({ length: r.pick([0, 1, 2, 4, 8]) }, () => cpu++);
    const memory = r.pick([1024, 4096, 16384, 65536]);
    const free = r.chance(fullShare) ? r.pick([0, 0, 1, 64]) : r.int(memory + 1);
    return { id, cpus, memory_mib: memory, free_mib: free, distances: {} };
  });
  const symmetric = r.chance(0.3);
  for (const a of nodes) for (const b of nodes) a.distances[b.id] = a === b ? 10 : symmetric && b.id < a.id ? b.distances[a.id] : r.pick([11, 12, 15, 16, 20, 21, 22, 28, 30, 40, 254, 255]);
  return Buffer.from(JSON.stringify({ nodes }, null, r.chance(0.5) ? 2 : 0));
}

/** A structural mutation of host JSON (parsed), else null when it does not parse. */
export function mutateHostJson(bytes, r) {
  let data;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const nodes = Array.isArray(data?.nodes) ? data.nodes : [];
  // Those JSON.parse reads (1e400 and the long ones are written in as text below).
  const weird = () => JSON.parse(r.pick(['-1', '0', '1.5', '65535', '65536', '4294967296', '"1"', 'null', 'true', '[]', '{}', '-0', '1e3']));
  for (let k = 1 + r.int(3); k > 0 && nodes.length; k--) {
    const n = r.pick(nodes);
    const op = r.int(10);
    if (op === 0) n.id = weird();
    else if (op === 1) n.free_mib = r.chance(0.5) ? weird() : n.memory_mib + 1 + r.int(100);
    else if (op === 2) n.cpus = r.pick([[], [weird()], [...(n.cpus ?? []), ...(n.cpus ?? [])], [1e9], null, 'x']);
    else if (op === 3) n.distances = r.pick([{}, null, { [String(n.id)]: weird() }, { '-1': 10 }, { x: 10 }, { 99999: 10, ...(n.distances ?? {}) }]);
    else if (op === 4) nodes.push(structuredClone(n));
    else if (op === 5) nodes.splice(nodes.indexOf(n), 1);
    else if (op === 6) n.vcpus_placed = weird();
    else if (op === 7) n.memory_mib = weird();
    else if (op === 8) data.version = weird();
    // Keys an object's prototype has: a lookup `distances[k]` or `in` that is not an own-key test finds them.
    else n.distances = { ...(n.distances ?? {}), [r.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'length'])]: r.pick([10, 20, null]) };
  }
  let text = JSON.stringify(data, null, r.pick([0, 2]));
  // Numbers JSON.stringify cannot write: put them in as text.
  if (r.chance(0.3)) text = text.replace(/(?<=: ?)\d+/, r.pick(['1e400', '99999999999999999999', '9007199254740993', '-0', '1.0']));
  // A key repeated in one object (XM0401 with both positions).
  if (r.chance(0.15)) text = text.replace(/"free_mib": ?(\d+)/, (m) => `${m}, ${m}`);
  return Buffer.from(text, 'utf8');
}

/** A structural mutation of `xl info -n` text: a number of its numa_info or cpu_topology rows, or a row, changed. */
export function mutateXlInfo(bytes, r) {
  const lines = bytes.toString('utf8').split('\n');
  const rows = lines.map((l, i) => (/^\s*\d+:/.test(l) || /^(node|cpu):/.test(l) ? i : -1)).filter((i) => i >= 0);
  for (let k = 1 + r.int(3); k > 0 && rows.length; k--) {
    const i = r.pick(rows);
    const op = r.int(5);
    if (op === 0) lines[i] = lines[i].replace(/\d+/g, (m) => (r.chance(0.3) ? r.pick(WEIRD_NUMBERS).replace(/"/g, '') : m));
    else if (op === 1) lines.splice(i, 0, lines[i]);
    else if (op === 2) lines[i] = '';
    else if (op === 3) lines[i] = lines[i].replace(/(\d+),(\d+)/, r.pick(['$1', '$1,$2,$2', '$1,,$2', '$1, $2', '-$1,$2']));
    else lines[i] = lines[i] + r.pick([' 7', ',10', ' x', '\t', '   99']);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Paths in a sysfs tree copy, relative to its root. */
function treeFiles(dir, at = '') {
  const out = [];
  for (const e of readdirSync(join(dir, at), { withFileTypes: true })) {
    const rel = join(at, e.name);
    if (e.isDirectory()) out.push(rel + '/', ...treeFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** Mutate the sysfs tree copied to `dir` in place: a file's content, a node folder's name, a file removed or added. */
export function mutateSysfs(dir, r) {
  const applied = [];
  for (let k = 1 + r.int(2); k > 0; k--) {
    const all = treeFiles(dir);
    const files = all.filter((f) => !f.endsWith('/'));
    const op = r.int(5);
    if (op <= 1 && files.length) {
      const f = r.pick(files);
      const b = readFileSync(join(dir, f));
      const t = b.toString('utf8');
      const changed = r.chance(0.5)
        ? Buffer.from(t.replace(/\d+/g, (m) => (r.chance(0.3) ? r.pick(['-1', '0', '99999999999999999999', '1-0', '3-1', '0-65536', '', '1,,2', '4294967295', '0x1', ' ']) : m)))
        : mutate(b, b, r).bytes;
      writeFileSync(join(dir, f), changed);
      applied.push(`content ${f}`);
    } else if (op === 2) {
      const nodes = all.filter((f) => /node\d+\/$/.test(f));
      if (!nodes.length) continue;
      const from = r.pick(nodes);
      const to = from.replace(/node\d+\/$/, r.pick(['node65536', 'node99999999999999999999', 'node007', 'node01', 'node00', 'nodex', 'node-1', 'node1', 'node2', 'node4294967296']));
      if (!existsSync(join(dir, to))) cpSync(join(dir, from), join(dir, to), { recursive: true }), rmSync(join(dir, from), { recursive: true }), applied.push(`rename ${from} ${to}`);
    } else if (op === 3 && files.length) {
      const f = r.pick(files);
      rmSync(join(dir, f));
      applied.push(`remove ${f}`);
    } else {
      const nodes = all.filter((f) => /node\d+\/$/.test(f));
      const base = nodes.length ? r.pick(nodes) : 'sys/devices/system/node/node0/';
      const name = r.pick(['cpulist', 'meminfo', 'distance', 'cpumap']);
      mkdirSync(join(dir, base), { recursive: true });
      writeFileSync(join(dir, base, name), r.pick(['', '\n', '0-1\n', 'Node 0 MemTotal: 1 kB\n', '10 20 30\n', '\u0000', '0-4294967295\n']));
      applied.push(`write ${base}${name}`);
    }
  }
  return applied;
}

/** A copy of a normalised config with one placement key set to an odd value (the library's callers may pass anything). */
export function mutateConfigObject(config, r) {
  const c = structuredClone(config ?? {});
  const key = r.pick(['memory', 'maxmem', 'vcpus', 'maxvcpus', 'cpus', 'cpus_soft', 'numa', 'vnuma', 'type', 'hap', 'name', 'shadow_memory', 'passthrough']);
  c[key] = r.pick([-1, 0, 1.5, 1e300, 65536, '1', null, [], {}, [[]], { mode: 'nodes', nodes: [] }, { mode: 'nodes', nodes: [99999] }, { mode: 'count', count: 0 }, { mode: 'count', count: 1e9 }, { mode: 'off' }, { mode: 'x' }, [{ pnode: 1e9, size: 1, vcpus: [0] }], [{ pnode: 0, size: -1, vcpus: [] }], 'all', [0, [1, 2]], { all: true }]);
  return c;
}

/** Library plan() options: any the API takes (a value of the wrong kind is XM0413 and no plan, decision 066), odd cursors among them. */
export function planOptions(r) {
  const o = {};
  if (r.chance(0.3)) o.policy = r.pick(['best', 'round-robin', 'most-free']);
  if (r.chance(0.2)) o.affinity = r.pick(['hard', 'soft']);
  if (r.chance(0.3)) o.cursor = r.pick([0, 1, -1, 2, 5, 65, 65535, 65536, 2 ** 53 - 1, -(2 ** 40)]);
  if (r.chance(0.2)) o.dialect = r.pick(['xl', 'xm']);
  return o;
}

/** A random `-D NAME=VALUE` list (often none). */
export function defines(r) {
  const out = [];
  // Mostly well-formed (a malformed one is a usage error before anything is read).
  for (let k = r.chance(0.7) ? 0 : 1 + r.int(2); k > 0; k--) out.push('-D', `${r.chance(0.9) ? r.pick(DEFINE_NAMES.slice(0, 17)) : r.pick(DEFINE_NAMES)}${r.chance(0.9) ? '=' : r.pick(['', '=='])}${r.pick(DEFINE_VALUES)}`);
  return out;
}
