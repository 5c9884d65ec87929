/**
 * @fileoverview Reads the host topology from `xl info -n` text (reference/xen-format.md §f): the
 * `cpu_topology` rows (cpu: core socket node) give each node's CPUs, the `numa_info` rows (node:
 * memsize memfree distances, MiB) give memory and the distance row. Rows xl skipped (invalid
 * entries) simply do not appear, so node ids may be sparse; a distance row is indexed by node id.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag } from './host-check.js';
import type { HostNode } from './types.js';

type Section = 'none' | 'cpu' | 'device' | 'numa';

/** Split a line on blanks (no regex: plain scan). */
function words(line: string): string[] {
  return line.split(' ').flatMap((w) => w.split('\t')).filter((w) => w !== '');
}

const isUint = (s: string): boolean => s.length > 0 && s.length < 16 && [...s].every((c) => c >= '0' && c <= '9');

/**
 * xl prints libxl's invalid entry (~0) with `%d`, so a CPU Xen knows no node for and the distance to
 * a node without a distance read `-1`: the field is absent, not a malformed row.
 */
const INVALID = '-1';

/** Parse `xl info -n` output into raw host nodes (validated afterwards by validateHost). */
export function parseXlInfo(text: string): { nodes: HostNode[] | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const cpusByNode = new Map<number, number[]>();
  const numa: Array<{ id: number; size: number; free: number; dist: number[]; line: number }> = [];
  const noNode: number[] = [];
  const numaLine = new Map<number, number>();
  let numaRows = 0;
  // Xen 4.1's xl printed `numa_info : none` (it read no NUMA data), not a section.
  let numaNone = false;
  let cpuRows = 0;
  // Xen's online node count: xl prints a numa_info row for each online node, so fewer rows is output
  // cut short (or a row lost in an edit), not an offline node.
  let nrNodes: number | null = null;
  let section: Section = 'none';
  let lineNo = 0;
  for (const rawLine of text.split('\n')) {
    lineNo++;
    const line = rawLine.replace(/\r$/, '');
    const colon = line.indexOf(':');
    const head = colon >= 0 ? line.slice(0, colon).trim() : '';
    // Section headers are `name<blanks>:` with nothing after the colon.
    if (colon >= 0 && line.slice(colon + 1).trim() === '') {
      if (head === 'cpu_topology') section = 'cpu';
      else if (head === 'device topology') section = 'device';
      else if (head === 'numa_info') section = 'numa';
      else if (!isUint(head)) section = 'none';
      continue;
    }
    if (head === 'numa_info' && line.slice(colon + 1).trim() === 'none') numaNone = true;
    if (head === 'nr_nodes' && isUint(line.slice(colon + 1).trim())) nrNodes = Number(line.slice(colon + 1).trim());
    if (section === 'none' || colon < 0) continue;
    if (head === 'cpu' || head === 'node') continue; // column headers
    if (!isUint(head)) {
      // a `key : value` line ends the extra sections (the xen_* lines follow numa_info)
      if (section !== 'device') section = 'none';
      continue;
    }
    const cols = words(line.slice(colon + 1));
    if (section === 'cpu') {
      if (cols.length < 3 || !cols.slice(0, 3).every((c) => isUint(c) || c === INVALID)) {
        diagnostics.push(hostDiag('XM0401', 'error', `xl info line ${lineNo}: cpu_topology row "${line.trim()}" is not "cpu: core socket node"`));
        continue;
      }
      cpuRows++;
      if (cols[2] === INVALID) {
        noNode.push(Number(head));
        continue;
      }
      const node = Number(cols[2]);
      const list = cpusByNode.get(node) ?? [];
      list.push(Number(head));
      cpusByNode.set(node, list);
    } else if (section === 'numa') {
      numaRows++;
      const dist = cols.length >= 3 ? cols[2]!.split(',') : [];
      if (cols.length < 3 || !isUint(cols[0]!) || !isUint(cols[1]!) || !dist.every((v) => isUint(v) || v === INVALID)) {
        diagnostics.push(hostDiag('XM0401', 'error', `xl info line ${lineNo}: numa_info row "${line.trim()}" is not "node: memsize memfree distances"`));
        continue;
      }
      // A second row of a node (pasted twice, two outputs joined): which memory is current is not known.
      const again = numaLine.get(Number(head));
      if (again !== undefined) {
        diagnostics.push(hostDiag('XM0401', 'error', `xl info line ${lineNo}: numa_info row of node ${Number(head)} repeats the one on line ${again}`));
        continue;
      }
      numaLine.set(Number(head), lineNo);
      numa.push({ id: Number(head), size: Number(cols[0]), free: Number(cols[1]), dist: dist.map((v) => (v === INVALID ? -1 : Number(v))), line: lineNo });
    }
  }
  if (numaRows === 0 && numaNone) {
    diagnostics.push(hostDiag('XM0401', 'error', 'xl info: this xl printed `numa_info : none` (Xen 4.1 reads no per-node memory), so the nodes\' memory is not known', 'write the host as JSON (the shape `xmcfg host` prints)'));
    return { nodes: null, diagnostics };
  }
  if (numaRows === 0) {
    diagnostics.push(hostDiag('XM0401', 'error', 'xl info: no numa_info section (run `xl info -n`, not `xl info`)'));
    return { nodes: null, diagnostics };
  }
  if (cpuRows === 0) {
    // xl leaves the section out when libxl_get_cpu_topology fails: every node would have no CPUs
    // and no vCPU could be pinned anywhere.
    diagnostics.push(hostDiag('XM0401', 'error', 'xl info: no cpu_topology rows, so no node has CPUs (is the output cut short, or did xl print "libxl_get_cpu_topology failed"?)'));
  }
  // xl prints the same number of distances on every row (libxl's num_dists, one per node id), so
  // a shorter row is output cut short: its missing distances would silently become the default.
  // A loop, not Math.max(...rows): spreading some 120,000 rows or more overflows the stack.
  let width = 0;
  for (const n of numa) width = Math.max(width, n.dist.length);
  for (const n of numa) {
    if (n.dist.length < width) {
      diagnostics.push(hostDiag('XM0401', 'error', `xl info line ${n.line}: numa_info row of node ${n.id} has ${n.dist.length} distances, other rows ${width} (is the output cut short?)`));
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { nodes: null, diagnostics };
  if (noNode.length > 0) {
    diagnostics.push(hostDiag('XM0411', 'warning', `xl info: CPU${noNode.length > 1 ? 's' : ''} ${noNode.join(',')} belong${noNode.length > 1 ? '' : 's'} to no node (-1); not used for placement`));
  }
  const known = new Set(numa.map((n) => n.id));
  for (const id of cpusByNode.keys()) {
    if (!known.has(id)) diagnostics.push(hostDiag('XM0411', 'warning', `xl info: CPUs on node ${id}, which has no numa_info row; ignored`));
  }
  diagnostics.push(...lostRows(nrNodes, numa.length, width, known, cpusByNode));
  const nodes: HostNode[] = numa.map((n) => {
    const distances: Record<string, number> = {};
    n.dist.forEach((d, j) => {
      // -1: no distance known; validateHost fills in the SLIT default and warns (XM0411).
      if (known.has(j) && d >= 0) distances[String(j)] = d;
    });
    return { id: n.id, cpus: (cpusByNode.get(n.id) ?? []).sort((a, b) => a - b), memory_mib: n.size, free_mib: n.free, distances };
  });
  return { nodes, diagnostics };
}

/**
 * XM0411 for numa_info rows that nr_nodes says exist but the text lacks (a node with CPUs is already
 * warned about by name): the node is left out, since its memory is not known, and the warning names
 * it when the distance columns tell which one it is.
 */
function lostRows(nrNodes: number | null, rows: number, width: number, known: ReadonlySet<number>, cpusByNode: ReadonlyMap<number, number[]>): Diagnostic[] {
  if (nrNodes === null || rows >= nrNodes) return [];
  let withCpus = 0;
  for (const id of cpusByNode.keys()) if (!known.has(id)) withCpus++;
  const lost = nrNodes - rows - withCpus;
  if (lost <= 0) return [];
  // Node ids the distance columns cover that have no row and no CPUs: offline nodes, or the lost ones.
  const candidates: number[] = [];
  for (let id = 0; id < width; id++) if (!known.has(id) && !cpusByNode.has(id)) candidates.push(id);
  const head = `xl info: nr_nodes is ${nrNodes} but numa_info has ${rows} row${rows === 1 ? '' : 's'} (is the output cut short?)`;
  const which =
    candidates.length === lost
      ? `the row of node ${candidates.join(',')} is missing: ${lost === 1 ? 'it is' : 'they are'} not used for placement`
      : `${lost} node row${lost === 1 ? '' : 's'} missing${candidates.length > 0 ? ` (among nodes ${candidates.join(',')})` : ''}: not used for placement`;
  return [hostDiag('XM0411', 'warning', `${head}; ${which}`)];
}
