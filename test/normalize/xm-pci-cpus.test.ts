/**
 * xm's `pci` (xen/util/pci.py parse_pci_name_extended and check_pci_opts, through create.py's
 * preprocess_pci) and `cpus` / `cpu` (xend's XendConfig._parse_sxp and _convert_cpus_to_list), as
 * Python 2.7.18 reads them, checked with the rules (XM0237, XM0273 are theirs): each row's verdict and values were recorded from scratch copies of those
 * functions (docs/fuzzing.md, "Differential checks"; decision 113). The file is `name`, `kernel`,
 * then the row on line 3.
 */
import { describe, expect, it } from 'vitest';
import { xmChecked } from './helpers.js';

/** A pci string; xm's devices as [physical function, virtual function] with the address, null when xm refuses, 'none' when it assigns nothing; the findings. */
type PciRow = [spec: string, dev: { domain: number; bus: number; slot: number; fns: [number, number][]; vslot?: number; msitranslate?: boolean; power_mgmt?: boolean } | null | 'none', findings: string[]];

const PCI: PciRow[] = [
  ['"01:00.0"', { domain: 0, bus: 1, slot: 0, fns: [[0, 0]] }, []],
  // `[:,]` and `[.,]`: a comma separates the fields too, and the domain is tried first.
  ['"01,00,0"', { domain: 0, bus: 1, slot: 0, fns: [[0, 0]] }, []],
  ['"0,1,2,3"', { domain: 0, bus: 1, slot: 2, fns: [[3, 0]] }, []],
  // No blank before the address, at most two digits of bus.
  ['"001:00.0"', null, ['XM0215@3:10-3:13']],
  ['" 01:00.0"', null, ['XM0215@3:10-3:13']],
  // Function lists, ranges and PHYS=VIRT: the lowest automatic function becomes virtual function 0.
  ['"01:00.0,1"', { domain: 0, bus: 1, slot: 0, fns: [[0, 0], [1, 1]] }, []],
  ['"01:00.0-3,msitranslate=1"', { domain: 0, bus: 1, slot: 0, fns: [[0, 0], [1, 1], [2, 2], [3, 3]], msitranslate: true }, []],
  ['"01:00.1,2"', { domain: 0, bus: 1, slot: 0, fns: [[1, 0], [2, 2]] }, []],
  ['"01:00.2=0,0=1"', { domain: 0, bus: 1, slot: 0, fns: [[2, 0], [0, 1]] }, []],
  // "Virtual device does not include virtual function 0", "Duplicate functions", int("0.1", 16).
  ['"01:00.1-3"', null, ['XM0215@3:16-3:19']],
  ['"01:00.0,0"', null, ['XM0215@3:16-3:19']],
  ['"01:00.0.1"', null, ['XM0215@3:16-3:19']],
  // The virtual slot is `[01]?` and one hex digit.
  ['"01:00.0@01f"', null, ['XM0215@3:18-3:21']],
  ['"01:00.0@1f"', { domain: 0, bus: 1, slot: 0, fns: [[0, 0]], vslot: 0x1f }, []],
  // Options: no blank, one "=", empty items dropped, the value's case ignored.
  ['"01:00.0, msitranslate=1"', null, ['XM0222@3:18-3:31']],
  ['"01:00.0,,power_mgmt=YES,"', { domain: 0, bus: 1, slot: 0, fns: [[0, 0]], power_mgmt: true }, []],
  ['"01:00.0,msitranslate=1=2"', null, ['XM0215@3:18-3:34']],
  ['"01:00.0,permissive=1"', null, ['XM0222@3:18-3:28']],
  // A range of three parts gives no function: accepted, nothing assigned (XM0272).
  ['"01:00.0-1-2"', { domain: 0, bus: 1, slot: 0, fns: [] }, ['XM0272@3:16-3:21']],
  // Slot 20: create.py reads it, xend finds no such device; "*" there finds no function (XM0272).
  ['"01:20.0"', null, ['XM0215@3:13-3:15']],
  ['"01:20.*"', 'none', ['XM0272@3:13-3:15']],
  // Python's `$` matches before a final newline.
  ['"01:00.0\\n"', { domain: 0, bus: 1, slot: 0, fns: [[0, 0]] }, []],
];

describe('xm pci strings as parse_pci_name_extended reads them', () => {
  for (const [spec, dev, findings] of PCI) {
    it(spec, () => {
      const { r, spans, refused } = xmChecked(`pci = [ ${spec} ]`);
      expect(spans).toEqual(findings);
      const item = (r.config.pci as Record<string, unknown>[])[0]!;
      expect(refused).toBe(dev === null);
      if (dev === null) return;
      if (dev === 'none') return expect(item.function).toBeUndefined();
      const fns = (item.functions as { function: number; vfunction: number }[] | undefined)?.map((f) => [f.function, f.vfunction]) ?? (item.function === undefined ? [] : [[item.function, 0]]);
      expect({ domain: item.domain, bus: item.bus, slot: item.device, fns, vslot: item.vslot, msitranslate: item.msitranslate, power_mgmt: item.power_mgmt }).toEqual({ vslot: undefined, msitranslate: undefined, power_mgmt: undefined, ...dev });
    });
  }
});

/** Lines of vcpus / cpu / cpus; each vCPU's CPUs as xend reads them (null: xend refuses); the findings. */
type CpusRow = [lines: string, cpus: number[][] | null, findings: string[]];

const CPUS: CpusRow[] = [
  ['cpus = "0-3,^1"', [[0, 2, 3]], []],
  // An item is not trimmed: int(" ^1") fails.
  ['cpus = "0-3, ^1"', null, ['XM0205@3:13-3:16']],
  // int() skips blanks around a number and takes a "+".
  ['cpus = "+1, 2 , 3 - 4"', [[1, 2, 3, 4]], []],
  // A range running backwards adds nothing; a "^" item on an empty list is never read.
  ['cpus = "3-1"', [[]], ['XM0272@3:9-3:12']],
  ['cpus = "^x,2"', [[2]], ['XM0272@3:9-3:11']],
  ['cpus = "2,^x"', null, ['XM0205@3:11-3:13']],
  ['cpus = ""', [[]], []],
  ['cpus = "1,,2"', null, ['XM0205@3:10-3:12']],
  ['cpus = "1-2-3"', null, ['XM0205@3:9-3:14']],
  ['cpus = "^1-3"', null, ['XM0205@3:9-3:13']],
  // A number has no .split.
  ['cpus = 3', null, ['XM0102@3:8-3:9']],
  // The nested form of xend's own config.sxp: int() of each element.
  ['vcpus = 2\ncpus = [[0, "2"], [1]]', [[0, 2], [1]], []],
  ['vcpus = 2\ncpus = ["0-1", ""]', [[0, 1], []], []],
  // cpu goes in front of cpus: "2,^2,^x" leaves the list empty before "^x".
  ['cpu = 2\ncpus = "^2,^x"', [[]], ['XM0107@3:1-3:4', 'XM0272@4:12-4:14']],
  ['cpu = 2\ncpus = "^x"', null, ['XM0107@3:1-3:4', 'XM0205@4:9-4:11']],
  // "2,['1']" and "2,": xend cannot read the joined string.
  ['cpu = 2\ncpus = ["1"]', null, ['XM0107@3:1-3:4', 'XM0273@4:8-4:13']],
  ['cpu = 2\ncpus = ""', null, ['XM0107@3:1-3:4', 'XM0273@4:8-4:10']],
];

type Item = { negate: boolean; from: number; to: number };

/** Each vCPU's CPUs from the normalised cpus (cpu in front), as xend's list of CPUs per vCPU. */
function perVcpu(cpus: unknown, cpu: unknown, vcpus: number): number[][] {
  const lists = (Array.isArray(cpus) ? cpus : Array.from({ length: vcpus }, () => cpus)) as { items: Item[] }[];
  return lists.map((l) => {
    const set = new Set<number>(typeof cpu === 'number' ? [cpu] : []);
    for (const it of l.items) for (let c = it.from; c <= it.to; c++) it.negate ? set.delete(c) : set.add(c);
    return [...set].sort((a, b) => a - b);
  });
}

describe('xm cpus and cpu as xend reads them', () => {
  for (const [lines, cpus, findings] of CPUS) {
    it(lines, () => {
      const { r, spans, refused } = xmChecked(lines);
      expect(spans).toEqual(findings);
      expect(refused).toBe(cpus === null);
      if (cpus === null) return;
      expect(perVcpu(r.config.cpus, r.config.cpu, Number(r.config.vcpus ?? 1))).toEqual(cpus);
    });
  }
});
