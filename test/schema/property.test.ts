/**
 * Property: any generated valid config, written as xl or xm text, normalises without error
 * findings and its normalised config passes the compiled schema and the schema `xmcfg schema`
 * prints, compiled by Ajv strict (and the rules stay quiet). The configs use every form of the
 * NUMA keys spec §3 lists and the spec strings of both dialects (disk, vif, pci, vfb, channel,
 * usbdev, serial, CPU lists including per-vCPU lists and xl's all / node: forms, vnuma).
 */
import { beforeAll, describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
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
// xl's own forms (xm knew N, N-M and ^N only): all, node:/nodes: and their removals, added to by a last item.
const xlCpuList = fc.oneof(
  cpuList,
  fc.constantFrom('all', 'all,^7', 'nodes:0', 'node:0-1,^3', 'nodes:0-1,^node:1', '^node:1,2', '1,node:1,^6', 'all,^node:1,0'),
);
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
/** The vdev of a generated disk: two disks with one vdev cannot be created (XM0262), so a valid config has none. */
const diskVdev = (spec: string): string => /(?:^|[ ,])(?:vdev=)?((?:xvd|hd|sd)[a-d])(?:,|$)/.exec(spec)?.[1] ?? spec;
const vif = fc.tuple(mac, fc.constantFrom('xenbr0', 'br1'), fc.constantFrom('e1000', 'rtl8139', 'virtio-net')).map(([m, b, mo]) => `mac=${m},bridge=${b},model=${mo}`);
// permissive= is xl's; xm's pci options were msitranslate and power_mgmt only.
const pci = fc.tuple(fc.nat(0xff), fc.nat(0x1f), fc.nat(7), fc.boolean()).map(([b, d, f, p]) => `0000:${b.toString(16).padStart(2, '0')}:${d.toString(16).padStart(2, '0')}.${f}${p ? ',permissive=1' : ''}`);

const vfb = (dialect: 'xl' | 'xm') =>
  fc.oneof(
    fc.tuple(fc.nat(99), fc.boolean()).map(([d, u]) => `vnc=1,vnclisten=127.0.0.1,vncdisplay=${d},vncunused=${u ? 1 : 0}`),
    fc.constant('sdl=1,display=:0'),
    ...(dialect === 'xm' ? [fc.constant('type=vnc,vncunused=1')] : []),
  );
const channel = fc.oneof(
  fc.constant('name=org.qemu.guest_agent.0,connection=pty'),
  path.map((p) => `name=org.example.${p.length},connection=socket,path=${p}`),
);
const usbdev = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 127 })).map(([b, a]) => `hostbus=${b},hostaddr=${a}`);
const serial = fc.constantFrom('pty', 'file:/var/log/guest.serial', 'tcp:127.0.0.1:4555,server,nowait', 'unix:/run/guest.sock');
/** Every form of the NUMA keys spec §3 lists, as one or two lines: [xl text, xm text, nodes it asks for]. */
const numaForms: [string, string, number][] = [
  ['numa = "on"', 'numa = on', 1],
  ['numa = 1', 'numa = True', 1],
  ['numa = "off"', 'numa = False', 0],
  ['numa = 0', 'numa = "off"', 0],
  ['numanodes = 2', 'numanodes = 2', 2],
  ['numa = "on"\nnumanodes = 2', 'numa = "on"\nnumanodes = 2', 2],
  ['numanode = [0, 1]', 'numanode = 0, 1', 2],
  ['numanode = "0,1"', 'numanode = (0, 1)', 2],
  ['numanode = "0-1"', 'numanode = "0-1"', 2],
  ['numanode = 1', 'numanode = 1', 1],
  ['numanodes = 2\nnumanode = [0, 1]', 'numanodes = 2\nnumanode = [0, 1]', 2],
];

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
  xlCpus: fc.option(fc.oneof(xlCpuList.map((c) => [c]), fc.array(xlCpuList, { minLength: 1, maxLength: 4 })), { nil: undefined }),
  cpusSoft: fc.option(xlCpuList, { nil: undefined }),
  perVcpu: fc.boolean(),
  channels: fc.array(channel, { maxLength: 2 }),
  usbdevs: fc.array(usbdev, { maxLength: 2 }),
  serial: fc.option(serial, { nil: undefined }),
  onCrash: action,
  onReboot: fc.constantFrom('destroy', 'restart', 'rename-restart', 'preserve'),
  disks: fc.array(fc.nat(), { maxLength: 3 }),
  vifs: fc.array(vif, { maxLength: 3 }),
  pcis: fc.array(pci, { maxLength: 2 }),
  numa: fc.option(fc.nat(numaForms.length - 1), { nil: undefined }),
  vnodes: fc.integer({ min: 0, max: 3 }),
});

type Guest = typeof guest extends fc.Arbitrary<infer T> ? T : never;

function render(g: Guest, dialect: 'xl' | 'xm', disks: string[], vfbs: string[]): string {
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
  if (dialect === 'xl') {
    // A per-vCPU list has at most maxvcpus entries (more is XM0204, a warning; xl ignores them).
    if (g.xlCpus !== undefined) lines.push(`cpus = ${g.xlCpus.length === 1 && !g.perVcpu ? q(g.xlCpus[0]!) : `[ ${g.xlCpus.slice(0, maxvcpus).map(q).join(', ')} ]`}`);
    if (g.cpusSoft !== undefined) lines.push(`cpus_soft = ${q(g.cpusSoft)}`);
    if (g.channels.length) lines.push(`channel = [ ${g.channels.map(q).join(', ')} ]`);
    if (g.usbdevs.length) lines.push(`usbdev = [ ${g.usbdevs.map(q).join(', ')} ]`);
  } else if (g.cpus !== undefined) {
    // xm: a list holds one CPU list per vCPU, exactly vcpus of them (XendConfig).
    lines.push(`cpus = ${g.perVcpu ? `[ ${Array.from({ length: g.vcpus }, () => q(g.cpus!)).join(', ')} ]` : q(g.cpus)}`);
  }
  if (vfbs.length) lines.push(`vfb = [ ${vfbs.map(q).join(', ')} ]`);
  // serial is an HVM guest's (xl ignores it for PV: XM0230, a warning).
  if (g.serial !== undefined && (g.hvm || (dialect === 'xl' && g.vnodes > 0))) lines.push(`serial = ${q(g.serial)}`);
  if (disks.length) lines.push(`disk = [ ${disks.map(q).join(', ')} ]`);
  if (g.vifs.length) lines.push(`vif = [ ${g.vifs.map(q).join(', ')} ]`);
  if (g.pcis.length) lines.push(`pci = [ ${g.pcis.map((p) => q(dialect === 'xm' ? p.replace(',permissive=1', ',msitranslate=1') : p)).join(', ')} ]`);
  // More nodes than vCPUs is a warning (XM0306), left out so that the rules stay quiet.
  if (g.numa !== undefined && numaForms[g.numa]![2] <= maxvcpus) lines.push(numaForms[g.numa]![dialect === 'xl' ? 0 : 1]);
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
  let printed: ReturnType<Ajv['compile']>;
  beforeAll(async () => {
    // The schema as `xmcfg schema` prints it, compiled as docs/cli.md tells a user to: Ajv strict, the annotation keyword declared.
    const { io, out } = fakeIo({ cwd: process.cwd() });
    expect(await run(['schema'], io)).toBe(0);
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajv.addKeyword('x-xmcfg');
    printed = ajv.compile(JSON.parse(out.stdout) as object);
  });

  for (const dialect of ['xl', 'xm'] as const) {
    it(dialect, () => {
      fc.assert(
        fc.property(guest, fc.uniqueArray(dialect === 'xl' ? xlDisk : xmDisk, { maxLength: 3, selector: diskVdev }), fc.array(vfb(dialect), { maxLength: 2 }), (g, disks, vfbs) => {
          const text = render(g, dialect, disks, vfbs);
          const parsed = parse(text, { dialect });
          expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const n = normalize(parsed.settings, { dialect });
          expect(n.diagnostics).toEqual([]);
          expect(validateFn(n.config)).toBe(true);
          // What `xmcfg normalize` prints (JSON), against what `xmcfg schema` prints.
          expect(printed(JSON.parse(JSON.stringify(n.config))), JSON.stringify(printed.errors)).toBe(true);
          const findings = [...validateConfig(n.config, n.spans, { dialect }), ...runRules(n.config, n.spans, parsed.settings, { dialect })];
          expect(findings.filter((d) => d.severity === 'error')).toEqual([]);
          expect(JSON.parse(JSON.stringify(n.config))).toEqual(n.config);
        }),
        { numRuns: 150 },
      );
    });
  }
});
