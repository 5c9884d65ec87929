/**
 * @fileoverview The plan as text for people (a table and a per-node bar chart of memory and vCPU
 * load before and after) and as xl config lines (`cpus`/`cpus_soft` per vCPU, `vnuma` for
 * multi-node guests) that make a plain `xl create` honour the plan.
 */
import { capacityOf } from './capacity.js';
import { oneLine } from './shell.js';
import { guestLabel } from './guest.js';
import type { Host, Plan, ReservationLoad } from './types.js';

/** JSON text of a plan (two-space indent, trailing newline). */
export function formatPlanJson(p: Plan): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The xl config lines that apply the plan. */
export function formatPlanXl(p: Plan): string {
  const lines = [`# xmcfg plan for ${oneLine(guestLabel(p.domain))}: policy ${p.policy}, node${p.nodes.length === 1 ? '' : 's'} ${p.nodes.join(',') || 'none'} (mask ${p.node_affinity.mask})`];
  if (p.xl.cpus) lines.push(`${p.affinity === 'hard' ? 'cpus' : 'cpus_soft'} = [ ${p.xl.cpus.map(q).join(', ')} ]`);
  else {
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

/** A readable plan: summary, per-vCPU table and node load before → after. */
export function formatPlanText(p: Plan, host: Host, reservations: ReadonlyArray<ReservationLoad> = []): string {
  const out: string[] = [];
  out.push(`Plan for ${oneLine(guestLabel(p.domain))} (policy ${p.policy}, ${p.affinity} affinity)`);
  out.push(`  nodes        ${p.nodes.join(', ') || 'none (not placed)'}   mask ${p.node_affinity.mask}`);
  out.push(`  memory       ${Object.entries(p.memory_per_node_mib).map(([id, m]) => `node ${id}: ${m} MiB`).join(', ') || '-'}`);
  out.push(`  create flags ${p.create_flags.value} (0x${p.create_flags.value.toString(16)}${p.create_flags.names.length ? `: ${p.create_flags.names.join(', ')}` : ''})`);
  if (p.vcpus.length > 0) {
    out.push('', '  vCPU  node  CPUs');
    for (const v of p.vcpus) out.push(`  ${String(v.vcpu).padStart(4)}  ${String(v.node).padStart(4)}  ${p.xl.cpus?.[v.vcpu] ?? ''}`);
  }
  const cap = capacityOf(host, reservations);
  out.push('', '  node  memory used (before -> after)                      vCPUs per CPU (before -> after)');
  cap.ids.forEach((id, i) => {
    const node = host.nodes[i]!;
    const total = node.memory_mib || 1;
    const usedBefore = node.memory_mib - cap.free[i]!;
    const usedAfter = usedBefore + (p.memory_per_node_mib[String(id)] ?? 0);
    const cpus = cap.cpus[i]! || 1;
    const vBefore = cap.load[i]!;
    const vAfter = vBefore + p.vcpus.filter((v) => v.node === id).length;
    const pct = (x: number): string => `${Math.round((100 * x) / total)}%`.padStart(4);
    out.push(
      `  ${String(id).padStart(4)}  ${bar(usedBefore / total, 10)} ${pct(usedBefore)} -> ${bar(usedAfter / total, 10)} ${pct(usedAfter)}   ` +
        `${bar(vBefore / cpus / 2, 10)} ${(vBefore / cpus).toFixed(2)} -> ${bar(vAfter / cpus / 2, 10)} ${(vAfter / cpus).toFixed(2)}`,
    );
  });
  out.push('', '  why:');
  for (const r of p.reasons) out.push(`    - ${r}`);
  if (p.commands.length > 0) {
    out.push('', '  commands:');
    for (const c of p.commands) out.push(`    ${c}`);
  }
  return `${out.join('\n')}\n`;
}
