/**
 * @fileoverview The plan as text for people (a table and a per-node bar chart of memory and vCPU
 * load before and after) and as xl config lines (`cpus`/`cpus_soft` per vCPU, `vnuma` for
 * multi-node guests) that make a plain `xl create` honour the plan.
 */
import { capacityOf, cpuWords, guestView } from './capacity.js';
import { oneLine } from './shell.js';
import { guestLabel } from './guest.js';
import type { Host, PlacementConfig, Plan, ReservationLoad } from './types.js';

/** JSON text of a plan (two-space indent, trailing newline). */
export function formatPlanJson(p: Plan): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The config's keys that keep an unplaced (`numa = "off"`) plan's memory on some nodes (off-plan.ts), or undefined. */
function keptBy(p: Plan): Plan['keptBy'] {
  return p.nodes.length === 0 ? p.keptBy : undefined;
}

/** The xl config lines that apply the plan. */
export function formatPlanXl(p: Plan): string {
  // A plan without nodes (numa = "off") places nothing but allows every node: "nodes none (mask
  // 0xf)" read as two contradicting answers, so the header says what the lines below do.
  const where =
    p.nodes.length > 0
      ? `node${p.nodes.length === 1 ? '' : 's'} ${p.nodes.join(',')} (mask ${p.node_affinity.mask})`
      : `not placed, ${keptBy(p) ? `node${p.node_affinity.nodes.length === 1 ? '' : 's'} ${p.node_affinity.nodes.join(',')} by the config's ${keptBy(p)}` : 'any node'} (mask ${p.node_affinity.mask})`;
  const lines = [`# xmcfg plan for ${oneLine(guestLabel(p.domain))}: policy ${p.policy}, ${where}`];
  if (p.xl.cpus) lines.push(`${p.affinity === 'hard' ? 'cpus' : 'cpus_soft'} = [ ${p.xl.cpus.map(q).join(', ')} ]`);
  else if (keptBy(p) !== undefined && keptBy(p) !== 'cpus') {
    // "all" would replace the config's own cpus_soft, which keeps the memory on its nodes and already makes libxl skip its placement.
    lines.push("# numa off: no pinning; the config's own cpus_soft keeps libxl from placing the guest (leave it as it is)");
  } else {
    // Without a soft affinity libxl places the guest itself (libxl__build_pre runs numa_place_domain
    // unless cpus_soft or a node map is given), which numa = "off" asks not to do; a soft affinity
    // of every CPU pins nothing and makes libxl skip it (it logs "Can't run NUMA placement, as a soft
    // affinity has been specified explicitly").
    lines.push('# numa off: no pinning, and no automatic NUMA placement by libxl (it skips it when cpus_soft is given)');
    lines.push('cpus_soft = "all"');
  }
  if (p.xl.vnuma) {
    lines.push('vnuma = [');
    p.xl.vnuma.forEach((v, i) => lines.push(`    [ ${v.map(q).join(', ')} ]${i + 1 < p.xl.vnuma!.length ? ',' : ''}`));
    lines.push(']');
  }
  return `${lines.join('\n')}\n`;
}

function bar(fraction: number, width = 20): string {
  const f = Math.max(0, Math.min(1, fraction));
  const full = Math.round(f * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

/**
 * Column the prose lines of the text plan (nodes, memory, reasons) wrap at: a guest over 72 nodes
 * listed its memory on one line of 1362 characters. The node table is 87 columns with 4-digit ids;
 * commands are never wrapped (they are pasted).
 */
export const TEXT_WIDTH = 100;

/**
 * `head` and `items` joined by `sep`, broken before an item that would pass TEXT_WIDTH (an item
 * longer than the line keeps a line of its own); continuation lines start under the first item.
 */
function wrapItems(head: string, items: readonly string[], sep: string): string[] {
  const indent = ' '.repeat(head.length);
  const lines: string[] = [];
  let line = head;
  items.forEach((item, i) => {
    const piece = i + 1 < items.length ? `${item}${sep}` : item;
    if (line.length > indent.length && (line + piece).trimEnd().length > TEXT_WIDTH) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += piece;
  });
  lines.push(line.trimEnd());
  return lines;
}

/**
 * A readable plan: summary, per-vCPU table and node load before → after. With the planned `config`,
 * a node counts the CPUs its `cpus` lets the guest run on, as the plan did (guestView, decision 071).
 */
export function formatPlanText(p: Plan, host: Host, reservations: ReadonlyArray<ReservationLoad> = [], config?: PlacementConfig): string {
  const out: string[] = [];
  out.push(`Plan for ${oneLine(guestLabel(p.domain))} (policy ${p.policy}, ${p.affinity} affinity)`);
  const nodes = p.nodes.length > 0 ? p.nodes.map(String) : keptBy(p) ? [...p.node_affinity.nodes.map(String).slice(0, -1), `${p.node_affinity.nodes.at(-1)} (not placed; the config's ${keptBy(p)})`] : ['any (not placed)'];
  out.push(...wrapItems('  nodes        ', [...nodes.slice(0, -1), `${nodes[nodes.length - 1]}   mask ${p.node_affinity.mask}`], ', '));
  const memory = Object.entries(p.memory_per_node_mib).map(([id, m]) => `node ${id}: ${m} MiB`);
  out.push(...wrapItems('  memory       ', memory.length > 0 ? memory : ['-'], ', '));
  out.push(`  create flags ${p.create_flags.value} (0x${p.create_flags.value.toString(16)}${p.create_flags.names.length ? `: ${p.create_flags.names.join(', ')}` : ''})`);
  // numa = "off" places nothing, so plan() weighed no node: its table counts whole nodes.
  const cap = config && p.nodes.length > 0 ? guestView(capacityOf(host, reservations), host, config) : capacityOf(host, reservations);
  // Columns as wide as their widest entry: node ids past 9999 (sparse ids) and 10 or more vCPUs per
  // CPU pushed their rows out of line.
  const nodeW = Math.max(4, ...cap.ids.map((id) => String(id).length), ...p.vcpus.map((v) => String(v.node).length));
  if (p.vcpus.length > 0) {
    out.push('', `  vCPU  ${'node'.padStart(nodeW)}  CPUs`);
    for (const v of p.vcpus) out.push(`  ${String(v.vcpu).padStart(4)}  ${String(v.node).padStart(nodeW)}  ${p.xl.cpus?.[v.vcpu] ?? ''}`);
  }
  const rows = cap.ids.map((id, i) => {
    const node = host.nodes[i]!;
    const total = node.memory_mib || 1;
    const usedBefore = node.memory_mib - cap.free[i]!;
    const usedAfter = usedBefore + (p.memory_per_node_mib[String(id)] ?? 0);
    const cpus = cap.cpus[i]! || 1;
    const vBefore = cap.load[i]!;
    const vAfter = vBefore + p.vcpus.filter((v) => v.node === id).length;
    const pct = (x: number): string => `${Math.round((100 * x) / total)}%`.padStart(4);
    // A node without memory or without CPUs has no share to show (0% and N vCPUs per "1" CPU read
    // as a node with room): it says so, with the vCPUs a CPU-less node runs elsewhere.
    const memory = node.memory_mib > 0 ? `${bar(usedBefore / total, 10)} ${pct(usedBefore)} -> ${bar(usedAfter / total, 10)} ${pct(usedAfter)}` : 'no memory';
    const noCpus = cap.cpus[i]! > 0 ? null : `no CPUs (vCPUs ${vBefore} -> ${vAfter})`;
    // A node the config's cpus narrow says which of its CPUs the ratios count (`on 1 of its 8 CPUs`).
    const narrowed = cap.whole !== undefined && cap.whole[i] !== cap.cpus[i] ? `  on ${cpuWords(cap, i)}` : '';
    return { id, memory, noCpus, narrowed, vBefore: vBefore / cpus, vAfter: vAfter / cpus };
  });
  const ratioW = Math.max(4, ...rows.flatMap((r) => [r.vBefore.toFixed(2).length, r.vAfter.toFixed(2).length]));
  // The memory column is as wide in every row; the vCPU header starts where its bars do.
  const memW = Math.max(0, ...rows.map((r) => r.memory.length)) + 3;
  // Where the config's cpus narrow some node, the header says the ratios count the CPUs it allows.
  const per = rows.some((r) => r.narrowed) ? "vCPUs per CPU the config's cpus allow" : 'vCPUs per CPU';
  out.push('', `  ${'node'.padStart(nodeW)}  ${'memory used (before -> after)'.padEnd(memW)}${per} (before -> after)`);
  for (const r of rows) {
    const vcpus = r.noCpus ?? `${bar(r.vBefore / 2, 10)} ${r.vBefore.toFixed(2).padStart(ratioW)} -> ${bar(r.vAfter / 2, 10)} ${r.vAfter.toFixed(2).padStart(ratioW)}${r.narrowed}`;
    out.push(`  ${String(r.id).padStart(nodeW)}  ${r.memory.padEnd(memW)}${vcpus}`);
  }
  out.push('', '  why:');
  for (const r of p.reasons) out.push(...wrapItems('    - ', r.split(' '), ' '));
  if (p.commands.length > 0) {
    out.push('', '  commands:');
    for (const c of p.commands) out.push(`    ${c}`);
  }
  return `${out.join('\n')}\n`;
}
