/**
 * Property: any generated valid config, written as xl or xm text, normalises without error
 * findings and its normalised config passes the compiled schema (and the rules stay quiet).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/syntax/index.js';
import { normalize } from '../../src/normalize/index.js';
import { validateConfig } from '../../src/schema/index.js';
import { validateFn } from '../../src/schema/load-validator.js';
import { runRules } from '../../src/check/rules/index.js';

const q = (s: string) => JSON.stringify(s);
const hex2 = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
const mac = fc.tuple(hex2, hex2, hex2).map(([a, b, c]) => `00:16:3e:${a}:${b}:${c}`);
const action = fc.constantFrom('destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart');
const cpuItem = fc.oneof(
  fc.nat(63).map(String),
  fc.tuple(fc.nat(31), fc.nat(31)).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
  fc.nat(63).map((n) => `^${n}`),
);
// The last item adds CPUs: a list whose "^" items remove every CPU it added ("3,^3") is an empty
// hard affinity, which libxl refuses (XM0205), so it is no valid guest.
const cpuAdd = fc.oneof(fc.nat(63).map(String), fc.tuple(fc.nat(31), fc.nat(31)).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
const cpuList = fc.tuple(fc.array(cpuItem, { maxLength: 3 }), cpuAdd).map(([a, last]) => [...a, last].join(','));
const vdev = fc.tuple(fc.constantFrom('xvd', 'hd', 'sd'), fc.constantFrom('a', 'b', 'c', 'd')).map(([p, l]) => p + l);
const path = fc.stringMatching(/^\/[a-z0-9]{1,8}(\/[a-z0-9]{1,8}){0,2}$/);
const legacyDisk = (modes: string[]) => fc.tuple(fc.constantFrom('phy:', 'file:', 'tap:aio:'), path, vdev, fc.constantFrom(...modes)).map(([p, t, v, m]) => `${p}${t},${v},${m}`);
const xmDisk = legacyDisk(['r', 'w', 'w!']);
// libxlu's setaccess has no "w!" (xm's shared write): "unknown value for access".
const xlDisk = fc.oneof(
  legacyDisk(['r', 'w']),
  fc.tuple(fc.constantFrom('raw', 'qcow2', 'vhd'), vdev, fc.constantFrom('ro', 'rw'), path).map(([f, v, a, t]) => `format=${f}, vdev=${v}, access=${a}, target=${t}`),
  fc.tuple(path, fc.constantFrom('raw', 'qcow', 'qed'), vdev, fc.constantFrom('r', 'rw')).map(([t, f, v, a]) => `${t},${f},${v},${a}`),
);
const vif = fc.tuple(mac, fc.constantFrom('xenbr0', 'br1'), fc.constantFrom('e1000', 'rtl8139', 'virtio-net')).map(([m, b, mo]) => `mac=${m},bridge=${b},model=${mo}`);
// permissive= is xl's; xm's pci options were msitranslate and power_mgmt only.
const pci = fc.tuple(fc.nat(0xff), fc.nat(0x1f), fc.nat(7), fc.boolean()).map(([b, d, f, p]) => `0000:${b.toString(16).padStart(2, '0')}:${d.toString(16).padStart(2, '0')}.${f}${p ? ',permissive=1' : ''}`);

/** A valid guest: memory <= maxmem, vcpus <= maxvcpus, vnuma consistent, NUMA keys consistent. */
const guest = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  memory: fc.integer({ min: 64, max: 65536 }),
  extraMem: fc.integer({ min: 0, max: 4096 }),
  vcpus: fc.integer({ min: 1, max: 16 }),
  extraVcpus: fc.integer({ min: 0, max: 8 }),
  hvm: fc.boolean(),
  hap: fc.boolean(),
  cpus: fc.option(cpuList, { nil: undefined }),
  onCrash: action,
  onReboot: fc.constantFrom('destroy', 'restart', 'rename-restart', 'preserve'),
  disks: fc.array(fc.nat(), { maxLength: 3 }),
  vifs: fc.array(vif, { maxLength: 3 }),
  pcis: fc.array(pci, { maxLength: 2 }),
  numa: fc.option(fc.oneof(fc.constant('numa = "on"'), fc.constant('numa = "off"'), fc.integer({ min: 1, max: 2 }).map((n) => `numanodes = ${n}`), fc.constant('numanode = [0, 1]')), { nil: undefined }),
  vnodes: fc.integer({ min: 0, max: 3 }),
});

type Guest = typeof guest extends fc.Arbitrary<infer T> ? T : never;

function render(g: Guest, dialect: 'xl' | 'xm', disks: string[]): string {
  const lines: string[] = [`name = ${q(g.name)}`];
  const maxvcpus = g.vcpus + g.extraVcpus;
  let maxmem = g.memory + (g.pcis.length > 0 ? 0 : g.extraMem);
  lines.push(`vcpus = ${g.vcpus}`, `maxvcpus = ${maxvcpus}`);
  if (dialect === 'xl') lines.push(`type = ${q(g.hvm || g.vnodes > 0 ? 'hvm' : 'pv')}`);
  else lines.push(`builder = ${q(g.hvm ? 'hvm' : 'linux')}`);
  // xl refuses a PV guest with nothing to boot (XM0227); xend boots an xm one through pygrub, which
  // fails without a disk (XM0241), so an xm PV guest gets its kernel too.
  if (dialect === 'xl' ? !(g.hvm || g.vnodes > 0) : !g.hvm) lines.push('kernel = "/boot/vmlinuz"');
  lines.push(`hap = ${g.hap ? 1 : 0}`, `on_crash = ${q(g.onCrash)}`, `on_reboot = ${q(g.onReboot)}`);
  if (g.cpus !== undefined) lines.push(`cpus = ${q(g.cpus)}`);
  if (disks.length) lines.push(`disk = [ ${disks.map(q).join(', ')} ]`);
  if (g.vifs.length) lines.push(`vif = [ ${g.vifs.map(q).join(', ')} ]`);
  if (g.pcis.length) lines.push(`pci = [ ${g.pcis.map((p) => q(dialect === 'xm' ? p.replace(',permissive=1', ',msitranslate=1') : p)).join(', ')} ]`);
  if (dialect === 'xm' && g.numa !== undefined && (maxvcpus >= 2 || g.numa === 'numa = "on"' || g.numa === 'numa = "off"' || g.numa === 'numanodes = 1')) lines.push(g.numa);
  if (dialect === 'xl' && g.vnodes > 0) {
    const k = Math.min(g.vnodes, maxvcpus);
    const size = 256;
    maxmem = size * k;
    const nodes: string[] = [];
    for (let i = 0; i < k; i++) {
      const mine: number[] = [];
      for (let c = 0; c < maxvcpus; c++) if (Math.floor((c * k) / maxvcpus) === i) mine.push(c);
      const dist = Array.from({ length: k }, (_, j) => (j === i ? 10 : 20)).join(',');
      nodes.push(`[ "pnode=${i}", "size=${size}", "vcpus=${mine.join(',')}", "vdistances=${dist}" ]`);
    }
    lines.push(`vnuma = [ ${nodes.join(', ')} ]`);
    lines.push(`memory = ${maxmem}`, `maxmem = ${maxmem}`);
  } else lines.push(`memory = ${g.memory}`, `maxmem = ${maxmem}`);
  return lines.join('\n') + '\n';
}

describe('property: valid configs normalise cleanly and pass the schema', () => {
  for (const dialect of ['xl', 'xm'] as const) {
    it(dialect, () => {
      fc.assert(
        fc.property(guest, fc.array(dialect === 'xl' ? xlDisk : xmDisk, { maxLength: 3 }), (g, disks) => {
          const text = render(g, dialect, disks);
          const parsed = parse(text, { dialect });
          expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const n = normalize(parsed.settings, { dialect });
          expect(n.diagnostics).toEqual([]);
          expect(validateFn(n.config)).toBe(true);
          const findings = [...validateConfig(n.config, n.spans, { dialect }), ...runRules(n.config, n.spans, parsed.settings, { dialect })];
          expect(findings.filter((d) => d.severity === 'error')).toEqual([]);
          expect(JSON.parse(JSON.stringify(n.config))).toEqual(n.config);
        }),
        { numRuns: 150 },
      );
    });
  }
});
