/**
 * `convert --to json` on the shared corpus: it never throws, and every option of the catalogue
 * (devices here, scalars in json-scalar-where.ts) that a file sets, and xl reads for that guest
 * type, shows up where libxl keeps it. An option that is neither found nor listed as not emitted
 * (and named in docs/cli.md) fails the coverage test.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { toLibxlJson } from '../../src/convert/index.js';
import { deviceOptions } from '../../src/normalize/catalogue/devices.js';
import { OPTION_KEYS } from '../../src/normalize/catalogue/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCALAR_NOT_EMITTED, SCALAR_WHERE, guestType, type Where } from './json-scalar-where.js';
import { run } from '../../src/cli/run.js';
import { corpusFiles, CORPUS } from '../format/corpus.js';
import { fakeIo } from '../cli/fake-io.js';

type Obj = Record<string, any>;

/** Where each option lands in the JSON: true when it is there. `only` limits it to the guest types xl reads it for. */
const DEVICE_WHERE: Record<string, Where> = {
  disk: { found: (j, c) => j.disks?.length === c.disk.length },
  vif: { found: (j, c) => j.nics?.length === c.vif.length },
  pci: { found: (j, c) => j.pcidevs?.length === c.pci.length },
  vfb: { found: (j, c) => j.vfbs?.length === c.vfb.length },
  channel: { found: (j, c) => j.channels?.length === c.channel.length },
  usbctrl: { found: (j, c) => j.usbctrls?.length === c.usbctrl.length },
  usbdev: { found: (j, c) => j.usbdevs?.length === c.usbdev.length && j.usbdevs.every((u: Obj) => u['type.hostdev'] !== undefined && u.type === undefined) },
  serial: { only: ['hvm'], found: (j, c) => (c.serial.length === 1 ? j.b_info['type.hvm'].serial === c.serial[0].spec : j.b_info['type.hvm'].serial_list?.length === c.serial.length) },
  vtpm: { found: (j, c) => j.vtpms?.length === c.vtpm.length },
  p9: { found: (j, c) => j.p9s?.length === c.p9.length },
  pvcalls: { found: (j, c) => j.pvcallsifs?.length === c.pvcalls.length },
  vdispl: { found: (j, c) => j.vdispls?.length === c.vdispl.length },
  vkb: { found: (j, c) => j.vkbs?.filter((k: Obj) => k.devid >= (c.vfb?.length ?? 0)).length === c.vkb.length },
  virtio: { found: (j, c) => j.virtios?.length === c.virtio.length },
  vsnd: { found: (j, c) => j.vsnds?.length === c.vsnd.length },
  rdm: { only: ['hvm'], found: (j) => j.b_info['type.hvm'].rdm !== undefined },
  rdm_mem_boundary: { only: ['hvm'], found: (j, c) => j.b_info['type.hvm'].rdm_mem_boundary_memkb === c.rdm_mem_boundary * 1024 },
  pci_permissive: { found: (j, c) => pciDefault(j, c, 'permissive') },
  pci_msitranslate: { found: (j, c) => pciDefault(j, c, 'msitranslate') },
  pci_seize: { found: (j, c) => pciDefault(j, c, 'seize') },
  pci_power_mgmt: { found: (j, c) => pciDefault(j, c, 'power_mgmt') },
  dtdev: { found: (j, c) => j.dtdevs?.length === c.dtdev.length },
  ioports: { found: (j, c) => j.b_info.ioports?.length === c.ioports.length },
  iomem: { found: (j, c) => j.b_info.iomem?.length === c.iomem.length },
  irqs: { found: (j, c) => j.b_info.irqs?.length === c.irqs.length },
  usb: { only: ['hvm'], found: (j, c) => j.b_info['type.hvm'].usb === (c.usb ? 'True' : 'False') },
  usbversion: { only: ['hvm'], found: (j, c) => j.b_info['type.hvm'].usbversion === c.usbversion },
  usbdevice: { only: ['hvm'], found: (j, c) => (c.usbdevice.length === 1 ? j.b_info['type.hvm'].usbdevice === c.usbdevice[0] : j.b_info['type.hvm'].usbdevice_list?.length === c.usbdevice.length) },
  // xl turns e820_host on itself for a PV guest with PCI devices.
  e820_host: { only: ['pv'], found: (j, c) => j.b_info['type.pv'].e820_host === (c.e820_host || c.pci?.length ? 'True' : 'False') },
  soundhw: { only: ['hvm'], found: (j, c) => j.b_info['type.hvm'].soundhw === c.soundhw },
  vkb_device: { only: ['hvm'], found: (j, c) => j.b_info['type.hvm'].vkb_device === (c.vkb_device ? 'True' : 'False') },
  // none is libxl's default, which xl leaves out.
  vendor_device: { only: ['hvm'], found: (j, c) => (c.vendor_device === 'none' ? j.b_info['type.hvm'].vendor_device === undefined : j.b_info['type.hvm'].vendor_device === c.vendor_device) },
};

/** Device-catalogue options xl does not read (xm only, or ignored by xl), and cpuid (docs/cli.md says why). */
const DEVICE_NOT_EMITTED = ['vif2', 'nics', 'vscsi', 'vusb', 'irq', 'cpuid', 'cpuid_check', 'blkif', 'netif', 'tpmif', 'parallel', 'interface', 'ip', 'gateway', 'netmask', 'hostname', 'dhcp', 'nfs_server', 'nfs_root'];

/** A pci_* default shows in every PCI device that does not set the field itself (libxl prints only true). */
function pciDefault(j: Obj, c: Obj, field: string): boolean {
  const devs: Obj[] = c.pci ?? [];
  return devs.every((p, i) => j.pcidevs[i][field] === ((p[field] ?? c[`pci_${field}`]) === true ? true : undefined));
}

const WHERE: Record<string, Where> = { ...DEVICE_WHERE, ...SCALAR_WHERE };
const NOT_EMITTED = [...DEVICE_NOT_EMITTED, ...SCALAR_NOT_EMITTED];

const isSet = (v: unknown) => v !== undefined && !(Array.isArray(v) && v.length === 0);

describe('convert --to json covers the catalogue', () => {
  it('each device option is emitted or listed as not emitted', () => {
    const keys = Object.keys(deviceOptions).sort();
    expect([...Object.keys(DEVICE_WHERE), ...DEVICE_NOT_EMITTED].sort()).toEqual(keys);
  });
  it('each option is emitted or listed as not emitted, exactly once', () => {
    expect([...Object.keys(WHERE), ...NOT_EMITTED].sort()).toEqual([...OPTION_KEYS].sort());
  });
  it('docs/cli.md names every option that is not emitted', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/cli.md'), 'utf8');
    expect(NOT_EMITTED.filter((k) => !doc.includes(`\`${k}\``))).toEqual([]);
  });
});

/** true when the check reported an error inside the value of `key`. */
function refused(r: ReturnType<typeof checkText>, key: string): boolean {
  const at = r.spans.get(`/${key}`)?.value;
  return at !== undefined && r.diagnostics.some((d) => d.severity === 'error' && d.span.start >= at.start && d.span.end <= at.end);
}

describe('convert --to json on the corpus', () => {
  const files = corpusFiles();
  it('has files', () => expect(files.length).toBeGreaterThan(50));
  const seen = new Set<string>();
  for (const f of files) {
    it(`${f.path}: never throws, emits every option it sets`, async () => {
      const r = checkText(f.text);
      let json: Obj | undefined;
      expect(() => (json = toLibxlJson(r.config))).not.toThrow();
      const c = r.config as Obj;
      for (const [key, w] of Object.entries(WHERE)) {
        // Options whose values the check refused are reported instead (exit 1).
        if (!isSet(c[key]) || refused(r, key)) continue;
        if (w.only && !w.only.includes(guestType(c))) continue;
        seen.add(key);
        expect({ key, found: w.found(json as Obj, c) }).toEqual({ key, found: true });
      }
      // Decision 015: --to json prints the JSON of the --to xl conversion (fed back on standard
      // input, named as the file so that a nameless xm guest keeps its file's name).
      const { io, out: printed } = fakeIo({ cwd: CORPUS });
      const exit = await run(['convert', f.path, '--to', 'json'], io);
      expect([0, 1]).toContain(exit);
      const xl = fakeIo({ cwd: CORPUS });
      const xlExit = await run(['convert', f.path, '--to', 'xl'], xl.io);
      if (exit === 0) {
        expect(xlExit).toBe(0);
        const again = fakeIo({ cwd: CORPUS, stdin: xl.out.stdout });
        expect(await run(['convert', '-', '--stdin-filepath', f.path, '--to', 'json'], again.io)).toBe(0);
        expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(again.out.stdout));
      }
    });
  }
  it('the corpus sets some of the device options', () => expect([...seen].filter((k) => k in DEVICE_WHERE).length).toBeGreaterThan(5));
  it('the corpus sets many of the scalar options', () => expect([...seen].filter((k) => k in SCALAR_WHERE).length).toBeGreaterThan(30));
});
