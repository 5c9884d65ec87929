/**
 * @fileoverview Reads the host topology from `xl info -n` text (reference/xen-format.md §f): the
 * `cpu_topology` rows (cpu: core socket node) give each node's CPUs, the `numa_info` rows (node:
 * memsize memfree distances, MiB) give memory and the distance row. Rows xl skipped (invalid
 * entries) simply do not appear, so node ids may be sparse; a distance row is indexed by node id.
 */
import { plural, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag, MAX_CPU_ID, MAX_DISTANCE, MAX_HOST_SCHEMA_FINDINGS, MAX_NODE_ID } from './host-check.js';
import type { HostNode } from './types.js';

type Section = 'none' | 'cpu' | 'device' | 'numa';

/** Whether `s` is ASCII digits only (a loop over code units: a digit is never half of a surrogate pair). */
const isDigits = (s: string): boolean => {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
};
/** A count xmcfg reads exactly (at most 15 digits, below 2^53). */
const isUint = (s: string): boolean => s.length < 16 && isDigits(s);

/**
 * xl prints libxl's invalid entry (~0) with `%d`, so a CPU Xen knows no node for and the distance to
 * a node without a distance read `-1`: the field is absent, not a malformed row.
 */
const INVALID = '-1';

/** A blank-separated field of a line and its 1-based column. */
interface Field {
  text: string;
  col: number;
}

/** The blank-separated fields of `line` from index `from` on, with their columns. */
function fieldsOf(line: string, from: number): Field[] {
  const out: Field[] = [];
  for (let i = from; i < line.length; ) {
    if (line[i] === ' ' || line[i] === '\t') {
      i++;
      continue;
    }
    const start = i;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push({ text: line.slice(start, i), col: start + 1 });
  }
  return out;
}

/** The fields of a cpu_topology row and of a numa_info row, in order, as xl names them. */
const CPU_FIELDS = ['core', 'socket', 'node'] as const;
const NUMA_FIELDS = ['memsize', 'memfree', 'distances'] as const;

/**
 * The column names of a table header (`cpu:    core    socket     node`) after its colon, or which
 * field xmcfg reads it lacks. Rows are read by these names, so a column another xl prints between
 * them is skipped rather than read as the next field (a `die` column before `node` was read as
 * every CPU's node).
 */
function headerColumns(kind: 'cpu' | 'numa', line: string, colon: number): string[] | { col: number; message: string } {
  const columns = fieldsOf(line, colon + 1).map((f) => f.text);
  const lacks = (kind === 'cpu' ? CPU_FIELDS : NUMA_FIELDS).filter((n) => !columns.includes(n));
  if (lacks.length === 0) return columns;
  const table = kind === 'cpu' ? 'cpu_topology' : 'numa_info';
  return { col: colon + 2, message: `the ${table} header has no ${lacks.join(', ')} column${lacks.length > 1 ? 's' : ''} (xl prints ${kind === 'cpu' ? '"cpu: core socket node"' : '"node: memsize memfree distances"'})` };
}

/**
 * Why a table row cannot be read, at the line and column of the field it names: a field missing
 * (the row ends before it), or one that is not a whole number (or -1, where xl prints one); for
 * numa_info's distances, the entry at fault. `columns` are the header's names (xl's own by
 * default); columns xmcfg does not read are only counted. `cut`: the row is the text's last line
 * and has no newline, so the output stopped inside it and even a field that reads as a number may
 * be cut short (node 1 of 10, distance 2 of 21): the row is refused whole, never read as another
 * host. Null when the row reads well; then `dist` holds a numa_info row's distances as numbers (-1:
 * none), read here so that the row's million-entry text of a big host is split once.
 */
function rowProblem(kind: 'cpu' | 'numa', line: string, head: string, fields: readonly Field[], cut: boolean, columns: readonly string[], dist: number[] = []): { col: number; message: string } | null {
  const wanted: readonly string[] = kind === 'cpu' ? CPU_FIELDS : NUMA_FIELDS;
  const row = kind === 'cpu' ? `cpu_topology row of CPU ${Number(head)}` : `numa_info row of node ${Number(head)}`;
  const shape = `"${kind}: ${columns.join(' ')}"`;
  const cutNote = cut ? ' (the text ends there, without a newline: is the output cut short?)' : '';
  // Ids and distances past the host's bounds, at their line and column (validateHost would name
  // nodes[k].id, a field of no file): a node mask is as wide as the highest node id.
  const above = (text: string, max: number): boolean => isDigits(text) && (text.length > 15 || Number(text) > max);
  const headMax = kind === 'cpu' ? MAX_CPU_ID : MAX_NODE_ID;
  if (above(head, headMax)) {
    const shown = head.length > 24 ? `${head.slice(0, 24)}…` : head;
    return { col: line.indexOf(head) + 1, message: `${kind === 'cpu' ? 'cpu_topology row of CPU' : 'numa_info row of node'} ${shown}: the ${kind === 'cpu' ? 'CPU' : 'node'} id is above ${headMax}, the highest a host may use` };
  }
  // Columns after the last one read may be missing: only the ones up to it are needed.
  let need = 0;
  for (let k = 0; k < columns.length; k++) if (wanted.includes(columns[k]!)) need = k;
  for (let k = 0; k <= need; k++) {
    const name = columns[k]!;
    const f = fields[k];
    if (!f && cut && k > 0 && !/[ \t]$/.test(line)) {
      // The text stops inside the field before: its value may be cut short too, so name that one.
      const p = fields[k - 1]!;
      return { col: p.col, message: `${row}: the text ends inside its ${columns[k - 1]} field (${JSON.stringify(p.text)} may be cut short), before ${name}, without a newline (is the output cut short?)` };
    }
    if (!f) return { col: line.length + 1, message: `${row} ends before its ${name} field (a row is ${shape})${cutNote}` };
    if (!wanted.includes(name)) continue;
    // Only the numa_info memory fields have no -1: xl prints a row only for a node it has memory for.
    const minusOk = kind === 'cpu';
    if (name === 'distances') {
      let col = f.col;
      const values = f.text.split(',');
      for (let j = 0; j < values.length; j++) {
        const v = values[j]!;
        if (above(v, MAX_DISTANCE)) return { col, message: `${row}: distance ${j + 1} (to node ${j}) ${v.length > 24 ? `${v.slice(0, 24)}…` : v} is above ${MAX_DISTANCE}, the highest SLIT distance` };
        if (!(isUint(v) || v === INVALID)) return { col, message: `${row}: distance ${j + 1} (to node ${j}) ${JSON.stringify(v)} is not a whole number or -1${cutNote}` };
        dist.push(v === INVALID ? -1 : Number(v));
        col += v.length + 1;
      }
    } else if (name === 'node' && above(f.text, MAX_NODE_ID)) {
      return { col: f.col, message: `${row}: node ${f.text.length > 24 ? `${f.text.slice(0, 24)}…` : f.text} is above ${MAX_NODE_ID}, the highest node id a host may use` };
    } else if (!(isUint(f.text) || (minusOk && f.text === INVALID))) {
      return { col: f.col, message: `${row}: ${name} ${JSON.stringify(f.text)} is not a whole number${minusOk ? ' or -1' : ''}${cutNote}` };
    }
  }
  if (cut) {
    const last = fields.length - 1;
    return { col: fields[last]!.col, message: `${row}: the text ends inside its ${columns[last] ?? 'last'} field, without a newline, so ${JSON.stringify(fields[last]!.text)} may be cut short (is the output cut short? If the row is whole, end the text with a newline)` };
  }
  return null;
}

/** The table a section header opens, as messages name it. */
const TABLE: Record<Exclude<Section, 'none'>, string> = { cpu: 'cpu_topology', device: 'device topology', numa: 'numa_info' };

/** A line as xl info prints its fields (`host                   : xen1`, `numa_info              :`). */
const XL_INFO_LINE = /^[a-z][a-z0-9_]*[ \t]*:/m;

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
  // The table the text's last non-blank line is in (xl prints numa_info, then the xen_* lines):
  // text that stops in cpu_topology or device topology is cut short, not plain `xl info`.
  let endsIn: { section: Section; line: number } = { section: 'none', line: 0 };
  const lines = text.split('\n');
  // xl ends every line with a newline: a last line without one is where the output stopped.
  const cutLine = lines[lines.length - 1]!.trim() !== '' ? lines.length : 0;
  let cut = false;
  let lineNo = 0;
  // Row findings past MAX_HOST_SCHEMA_FINDINGS are counted, not listed (200,000 rows of ids above
  // MAX_NODE_ID gave 134,464 findings); the row the text is cut in is always listed.
  let unlisted = 0;
  // Each table's column names, from its header line (xl's own until one is read).
  const columns: { cpu: readonly string[]; numa: readonly string[] } = { cpu: CPU_FIELDS, numa: NUMA_FIELDS };
  const rowFinding = (at: number, message: string): void => {
    if (at === cutLine || diagnostics.length < MAX_HOST_SCHEMA_FINDINGS) diagnostics.push(hostDiag('XM0401', 'error', message));
    else unlisted++;
  };
  for (const rawLine of lines) {
    lineNo++;
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() !== '') endsIn = { section, line: lineNo };
    const colon = line.indexOf(':');
    const head = colon >= 0 ? line.slice(0, colon).trim() : '';
    // Section headers are `name<blanks>:` with nothing after the colon; in a table, `  1:` alone is
    // a row that lost its fields.
    if (colon >= 0 && line.slice(colon + 1).trim() === '' && !(isDigits(head) && (section === 'cpu' || section === 'numa'))) {
      if (head === 'cpu_topology') section = 'cpu';
      else if (head === 'device topology') section = 'device';
      else if (head === 'numa_info') section = 'numa';
      else if (!isDigits(head)) section = 'none';
      if (line.trim() !== '') endsIn = { section, line: lineNo };
      continue;
    }
    if (head === 'numa_info' && line.slice(colon + 1).trim() === 'none') numaNone = true;
    if (head === 'nr_nodes' && isUint(line.slice(colon + 1).trim())) nrNodes = Number(line.slice(colon + 1).trim());
    if (section === 'none') continue;
    if (colon < 0) {
      // A row cut before its colon ("   1"): which node or CPU it was for is not known.
      if (lineNo === cutLine) {
        diagnostics.push(hostDiag('XM0401', 'error', `xl info line ${lineNo}, column ${line.length + 1}: the text ends inside a ${TABLE[section]} row, before its colon, without a newline (is the output cut short?)`));
        cut = true;
      }
      continue;
    }
    if ((head === 'cpu' && section === 'cpu') || (head === 'node' && section === 'numa')) {
      const cols = headerColumns(section, line, colon);
      if (Array.isArray(cols)) columns[section] = cols;
      else {
        // A header the text ends in lost its last columns to the cut, not to another xl.
        const cutHere = lineNo === cutLine;
        rowFinding(lineNo, `xl info line ${lineNo}, column ${cols.col}: ${cols.message}${cutHere ? ' (the text ends there, without a newline: is the output cut short?)' : ''}`);
        if (cutHere) cut = true;
      }
      continue;
    }
    if (head === 'cpu' || head === 'node') continue; // a header in the wrong table: not a row
    if (!isDigits(head)) {
      // a `key : value` line ends the extra sections (the xen_* lines follow numa_info)
      if (section !== 'device') section = 'none';
      if (line.trim() !== '') endsIn = { section, line: lineNo };
      continue;
    }
    if (section === 'device') continue;
    const fields = fieldsOf(line, colon + 1);
    const cols = columns[section];
    const at = (name: string): Field => fields[cols.indexOf(name)]!;
    const dist: number[] = [];
    const bad = rowProblem(section, line, head, fields, lineNo === cutLine, cols, dist);
    if (bad && lineNo === cutLine) cut = true;
    if (section === 'cpu') {
      if (bad) {
        rowFinding(lineNo, `xl info line ${lineNo}, column ${bad.col}: ${bad.message}`);
        continue;
      }
      cpuRows++;
      if (at('node').text === INVALID) {
        noNode.push(Number(head));
        continue;
      }
      const node = Number(at('node').text);
      const list = cpusByNode.get(node) ?? [];
      list.push(Number(head));
      cpusByNode.set(node, list);
    } else {
      numaRows++;
      if (bad) {
        rowFinding(lineNo, `xl info line ${lineNo}, column ${bad.col}: ${bad.message}`);
        continue;
      }
      // A second row of a node (pasted twice, two outputs joined): which memory is current is not known.
      const again = numaLine.get(Number(head));
      if (again !== undefined) {
        rowFinding(lineNo, `xl info line ${lineNo}: numa_info row of node ${Number(head)} repeats the one on line ${again}`);
        continue;
      }
      numaLine.set(Number(head), lineNo);
      numa.push({ id: Number(head), size: Number(at('memsize').text), free: Number(at('memfree').text), dist, line: lineNo });
    }
  }
  const countUnlisted = (): void => {
    if (unlisted > 0) diagnostics.push(hostDiag('XM0401', 'error', `xl info: ${plural(unlisted, 'more row')} with problems not listed`));
    unlisted = 0;
  };
  countUnlisted();
  // Stopped inside a table: what the rest of the output held is not known.
  if (cut) return { nodes: null, diagnostics };
  if (numaRows === 0 && !numaNone && (endsIn.section === 'cpu' || endsIn.section === 'device')) {
    diagnostics.push(hostDiag('XM0401', 'error', `xl info line ${endsIn.line}: the text ends in the ${TABLE[endsIn.section]} table, before numa_info (is the output cut short?)`));
    return { nodes: null, diagnostics };
  }
  // The numa_info heading (or its column header) and then nothing: cut short, not plain `xl info`.
  if (numaRows === 0 && !numaNone && endsIn.section === 'numa') {
    diagnostics.push(hostDiag('XM0401', 'error', `xl info line ${endsIn.line}: the text ends in the numa_info table, before its first row (is the output cut short?)`));
    return { nodes: null, diagnostics };
  }
  if (numaRows === 0 && numaNone) {
    diagnostics.push(hostDiag('XM0401', 'error', 'xl info: this xl printed `numa_info : none` (Xen 4.1 reads no per-node memory), so the nodes\' memory is not known', 'write the host as JSON (the shape `xmcfg host` prints)'));
    return { nodes: null, diagnostics };
  }
  // Not a line of `xl info` in it (a config or other file given by mistake): say what was expected,
  // rather than advise `xl info -n` to someone who never ran `xl info`.
  if (numaRows === 0 && !XL_INFO_LINE.test(text)) {
    diagnostics.push(hostDiag('XM0401', 'error', 'neither host JSON nor `xl info -n` output: no line of it reads `key : value` as xl info prints', 'give the output of `xl info -n` or the JSON `xmcfg host` prints'));
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
      rowFinding(n.line, `xl info line ${n.line}: numa_info row of node ${n.id} has ${n.dist.length} distances, other rows ${width} (is the output cut short?)`);
    }
  }
  countUnlisted();
  if (diagnostics.some((d) => d.severity === 'error')) return { nodes: null, diagnostics };
  if (noNode.length > 0) {
    diagnostics.push(hostDiag('XM0411', 'warning', `xl info: CPU${noNode.length > 1 ? 's' : ''} ${noNode.join(',')} belong${noNode.length > 1 ? '' : 's'} to no node (-1); not used for placement`));
  }
  const known = new Set(numa.map((n) => n.id));
  for (const id of cpusByNode.keys()) {
    if (!known.has(id)) diagnostics.push(hostDiag('XM0411', 'warning', `xl info: CPUs on node ${id}, which has no numa_info row; ignored`));
  }
  diagnostics.push(...lostRows(nrNodes, numa.length, width, known, cpusByNode));
  // Each column's key and whether a node has it, worked out once, not for each of the n² entries.
  const keyOf: Array<string | null> = [];
  for (let j = 0; j < width; j++) keyOf.push(known.has(j) ? String(j) : null);
  const nodes: HostNode[] = numa.map((n) => {
    const distances: Record<string, number> = {};
    for (let j = 0; j < n.dist.length; j++) {
      const key = keyOf[j]!;
      const d = n.dist[j]!;
      // -1: no distance known; validateHost fills in the SLIT default and warns (XM0411).
      if (key !== null && d >= 0) distances[key] = d;
    }
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
  const head = `xl info: nr_nodes is ${nrNodes} but numa_info has ${plural(rows, 'row')} (is the output cut short?)`;
  const which =
    candidates.length === lost
      ? `the row of node ${candidates.join(',')} is missing: ${lost === 1 ? 'it is' : 'they are'} not used for placement`
      : `${plural(lost, 'node row')} missing${candidates.length > 0 ? ` (among nodes ${candidates.join(',')})` : ''}: not used for placement`;
  return [hostDiag('XM0411', 'warning', `${head}; ${which}`)];
}
