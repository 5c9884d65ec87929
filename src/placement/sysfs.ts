/**
 * @fileoverview Reads the host topology from Linux sysfs under a root folder:
 * `ROOT/sys/devices/system/node/node<N>/{cpulist,meminfo,distance}`. Without node folders (no NUMA
 * support, containers) the host is one node: memory from `ROOT/proc/meminfo`, CPUs from
 * `ROOT/sys/devices/system/cpu/online` (else the `processor` lines of `ROOT/proc/cpuinfo`).
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_REMOTE_DISTANCE, hostDiag, MAX_CPU_ID, MAX_NODE_ID } from './host-check.js';
import type { HostNode } from './types.js';
import { idsOfRanges } from './bitmap.js';

/**
 * Everything read under ROOT, relative to it: the node folders (`nodes`, a folder read whole) and
 * the files of the no-NUMA fallback. One list, so the command line can keep its --output-file off them.
 */
export const SYSFS_PATHS = {
  hypervisor: 'sys/hypervisor/type',
  nodes: 'sys/devices/system/node',
  cpuOnline: 'sys/devices/system/cpu/online',
  meminfo: 'proc/meminfo',
  cpuinfo: 'proc/cpuinfo',
} as const;

/** The most a sysfs or /proc file may hold (a copied tree may link one to /dev/zero). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A file's text, or null when it is missing, unreadable, not a regular file or longer than
 * MAX_FILE_BYTES. Every sysfs and /proc attribute is a regular file; a FIFO in a copied tree made
 * the open wait for a writer forever, so it is opened without waiting and refused.
 */
function readText(path: string): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) return null;
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** CPU ids a kernel list may expand to (the host schema's CPU ids stop at MAX_CPU_ID). */
const MAX_CPU_IDS = MAX_CPU_ID + 1;

/** Expand a kernel cpulist ("0-3,8-11", may be empty for CPU-less nodes) into CPU ids (null: not one). */
export function expandKernelCpuList(text: string): number[] | null {
  return idsOfRanges(text, MAX_CPU_IDS);
}

/**
 * Value in kB of a meminfo field (`Node 0 MemFree:  123 kB` in node `node`'s file, `MemFree:  123 kB`
 * in /proc/meminfo), null when the field is absent, or why its line cannot be read.
 */
function meminfoKb(text: string, field: string, node: number | null = null): number | null | { problem: string } {
  for (const line of text.split('\n')) {
    const i = line.indexOf(`${field}:`);
    if (i < 0) continue;
    // The field itself, not one ending in its name: `Node 0 SwapMemFree:` read as MemFree.
    const before = line.slice(0, i).trim();
    const of = /^Node\s+(\d+)$/.exec(before);
    if (before !== '' && !of) continue;
    // Another node's line (a meminfo copied between folders) would give this node its memory.
    if (of && node !== null && Number(of[1]) !== node) return { problem: `has node ${of[1]}'s ${field}, not node ${node}'s` };
    // Blanks or tabs between the fields: the kernel pads with spaces, copied trees may not. The
    // kernel prints decimal kB: Number() also took "0x400" and "1e6" as counts.
    const [num = '', unit = ''] = line.slice(i + field.length + 1).trim().split(/\s+/);
    if (!/^\d+$/.test(num)) continue;
    // The kernel always prints kB; a figure in another unit (or none) read as kB is off by 1024.
    if (unit.toLowerCase() !== 'kb') return { problem: `gives ${field} in ${unit === '' ? 'no unit' : JSON.stringify(unit.slice(0, 8))}, not kB` };
    return Number(num);
  }
  return null;
}

/** Read the host's nodes from sysfs under `root` (raw; validated afterwards by validateHost). */
export function readSysfs(root: string): { nodes: HostNode[] | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Under Xen, Linux (dom0 included) sees its own memory and virtual topology, not the
  // hypervisor's free memory per node: a plan made from it books memory Xen may not have.
  if (readText(join(root, SYSFS_PATHS.hypervisor))?.trim() === 'xen') {
    diagnostics.push(hostDiag('XM0411', 'warning', "sysfs under Xen shows this domain's memory, not the hypervisor's free memory per node", 'give --host the output of `xl info -n`'));
  }
  const base = join(root, SYSFS_PATHS.nodes);
  let entries: string[] = [];
  try {
    entries = readdirSync(base);
  } catch {
    entries = [];
  }
  // The kernel's `node%d`: digits without a leading zero (node01 would be a second node 1).
  const folders = entries.filter((e) => e.startsWith('node') && e.length > 4 && [...e.slice(4)].every((c) => c >= '0' && c <= '9') && (e.length === 5 || e[4] !== '0'));
  // An id past the bound is refused by its folder (it was left out without a word when it had 6
  // digits or more, and named as nodes[k].id, a field of no file, below that).
  const tooHigh = folders.filter((e) => e.length > 4 + String(MAX_NODE_ID).length || Number(e.slice(4)) > MAX_NODE_ID);
  if (tooHigh.length > 0) {
    const shown = tooHigh.slice(0, 8).map((e) => join(base, e.length > 24 ? `${e.slice(0, 24)}…` : e));
    const more = tooHigh.length > shown.length ? ` and ${tooHigh.length - shown.length} more` : '';
    diagnostics.push(hostDiag('XM0401', 'error', `sysfs: node folder ${shown.join(', ')}${more}: node id above ${MAX_NODE_ID}, the highest a host may use`));
    return { nodes: null, diagnostics };
  }
  let ids = folders.map((e) => Number(e.slice(4))).sort((a, b) => a - b);
  // Only online nodes count: the kernel's distance files list online nodes only, and an offline
  // node's folder (a copied tree, a node going away) has no usable meminfo.
  const onlineText = readText(join(base, 'online'));
  const online = onlineText === null ? null : expandKernelCpuList(onlineText);
  if (onlineText !== null && online === null) {
    diagnostics.push(hostDiag('XM0411', 'warning', `sysfs: ${join(base, 'online')} is not a node list; every node folder is read`));
  }
  if (online !== null) {
    const on = new Set(online);
    const offline = ids.filter((id) => !on.has(id));
    if (offline.length > 0) {
      diagnostics.push(hostDiag('XM0411', 'warning', `sysfs: node${offline.length > 1 ? 's' : ''} ${offline.join(',')} ${offline.length > 1 ? 'are' : 'is'} not in ${join(base, 'online')}; left out`));
      ids = ids.filter((id) => on.has(id));
    }
  }
  if (ids.length === 0) return singleNode(root, diagnostics);
  const nodes: HostNode[] = [];
  const noDistance: number[] = [];
  for (const id of ids) {
    const dir = join(base, `node${id}`);
    const cpuText = readText(join(dir, 'cpulist'));
    const cpus = cpuText === null ? null : expandKernelCpuList(cpuText);
    if (cpus === null) {
      const why = cpuText === null ? 'is missing or unreadable' : `is not a CPU list of at most ${MAX_CPU_IDS} CPUs`;
      diagnostics.push(hostDiag('XM0401', 'error', `sysfs: ${join(dir, 'cpulist')} ${why}`));
      continue;
    }
    const mem = readText(join(dir, 'meminfo'));
    const total = mem === null ? null : meminfoKb(mem, 'MemTotal', id);
    const free = mem === null ? null : meminfoKb(mem, 'MemFree', id);
    if (typeof total !== 'number' || typeof free !== 'number') {
      const bad = [total, free].find((v) => v !== null && typeof v === 'object') as { problem: string } | undefined;
      diagnostics.push(hostDiag('XM0401', 'error', `sysfs: ${join(dir, 'meminfo')} ${bad?.problem ?? 'lacks MemTotal/MemFree'}`));
      continue;
    }
    const distances: Record<string, number> = {};
    const distText = readText(join(dir, 'distance'));
    if (distText === null) noDistance.push(id);
    else {
      // The kernel lists distances to every online node in id order.
      const vals = distText.trim().split(/\s+/).filter((v) => v !== '');
      // Decimal only, as the kernel prints them (Number() took "2e1" as 20 and "0x14" as 20).
      const bad = vals.find((v) => !/^\d+$/.test(v));
      if (vals.length === ids.length && bad === undefined) {
        vals.forEach((v, j) => (distances[String(ids[j])] = Number(v)));
      } else {
        const why = bad !== undefined ? `holds "${bad.length > 20 ? `${bad.slice(0, 20)}…` : bad}", not a distance` : `has ${vals.length} values for ${ids.length} nodes`;
        diagnostics.push(hostDiag('XM0411', 'warning', `sysfs: ${join(dir, 'distance')} ${why}; ignored`));
      }
    }
    nodes.push({ id, cpus, memory_mib: Math.floor(total / 1024), free_mib: Math.floor(free / 1024), distances });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { nodes: null, diagnostics };
  // The kernel writes a distance file for every online node: one missing (a copied tree) would
  // silently give the node the SLIT default 20 to every other, whatever the others say.
  if (nodes.length > 1 && noDistance.length > 0) {
    const which = noDistance.length > 8 ? `${noDistance.slice(0, 8).join(',')} and ${noDistance.length - 8} more` : noDistance.join(',');
    diagnostics.push(hostDiag('XM0411', 'warning', `sysfs: no distance file in the folder of node${noDistance.length > 1 ? 's' : ''} ${which}; assuming ${DEFAULT_REMOTE_DISTANCE} to every other node`));
  }
  return { nodes, diagnostics };
}

/** The no-NUMA fallback: one node holding every CPU and all of /proc/meminfo. */
function singleNode(root: string, diagnostics: Diagnostic[]): { nodes: HostNode[] | null; diagnostics: Diagnostic[] } {
  const mem = readText(join(root, SYSFS_PATHS.meminfo));
  const total = mem === null ? null : meminfoKb(mem, 'MemTotal');
  const free = mem === null ? null : (meminfoKb(mem, 'MemFree') ?? meminfoKb(mem, 'MemAvailable'));
  if (typeof total !== 'number' || typeof free !== 'number') {
    const bad = [total, free].find((v) => v !== null && typeof v === 'object') as { problem: string } | undefined;
    const why = bad ? `${join(root, SYSFS_PATHS.meminfo)} ${bad.problem}` : `no readable ${join(root, SYSFS_PATHS.meminfo)}`;
    diagnostics.push(hostDiag('XM0401', 'error', `sysfs: no node folders under ${join(root, SYSFS_PATHS.nodes)} and ${why}`));
    return { nodes: null, diagnostics };
  }
  let cpus: number[] | null = null;
  const online = readText(join(root, SYSFS_PATHS.cpuOnline));
  if (online !== null) cpus = expandKernelCpuList(online);
  if (cpus === null) {
    const info = readText(join(root, SYSFS_PATHS.cpuinfo));
    const count = info === null ? 0 : info.split('\n').filter((l) => l.startsWith('processor')).length;
    cpus = Array.from({ length: count }, (_, i) => i);
  }
  if (cpus.length === 0) diagnostics.push(hostDiag('XM0411', 'warning', 'sysfs: could not count the CPUs; the single node has none'));
  return { nodes: [{ id: 0, cpus, memory_mib: Math.floor(total / 1024), free_mib: Math.floor(free / 1024), distances: { '0': 10 } }], diagnostics };
}
