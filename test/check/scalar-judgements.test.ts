/**
 * Table-driven: the judgements of scalar options that `convert --to json` alone used to make, now
 * made by the check (normaliser, schema, rules), so `check`, the editor and `convert` agree. Each
 * row: the lines after `name = "t"` (line 1; a boot line is added after them), the findings (errors and warnings) as
 * `CODE@line:col-line:col` (UTF-16 columns, end exclusive), and optionally the normalised value of a key.
 */
import { describe, it, expect } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';

type Row = [lines: string, findings: string[], value?: [key: string, value: unknown]];

/**
 * Check `name = "t"` plus `lines` (xl) and list the findings as code@start-end. A last line gives
 * the guest something to boot (else a PV guest is refused, XM0227) unless `lines` set it.
 */
function findings(lines: string): { found: string[]; config: Record<string, unknown> } {
  // The bootloader reads the guest's first disk (else XM0252): one is added unless `lines` set disk.
  const boot = /^(kernel|bootloader|firmware)\s*=/m.test(lines) ? '' : `bootloader = "pygrub"\n${/^disk\s*=/m.test(lines) ? '' : 'disk = ["/dev/vg/t,raw,xvda,rw"]\n'}`;
  const text = `name = "t"\n${lines}\n${boot}`;
  const r = checkText(text, { dialect: 'xl' });
  const li = new LineIndex(text);
  const at = (o: number) => `${li.position(o).line}:${li.position(o).column}`;
  const found = r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}@${at(d.span.start)}-${at(d.span.end)}`);
  return { found, config: r.config as Record<string, unknown> };
}

function table(title: string, rows: Row[]) {
  describe(title, () => {
    for (const [lines, expected, value] of rows) {
      it(lines, () => {
        const r = findings(lines);
        expect(r.found).toEqual(expected);
        if (value) expect(r.config[value[0]]).toEqual(value[1]);
      });
    }
  });
}

const OEM_100 = `smbios = [${Array.from({ length: 100 }, () => '"oem=x"').join(', ')}]`;

table('viridian, smbios, mca_caps, llc_colors (at the item)', [
  ['type = "hvm"\nviridian = ["base", "warp_drive"]', ['XM0217@3:21-3:33'], ['viridian', ['base']]],
  ['type = "hvm"\nviridian = ["!Crash_Ctl", "all", "defaults"]', [], ['viridian', ['!crash_ctl', 'all', 'defaults']]],
  // xl compares "all" exactly.
  ['type = "hvm"\nviridian = ["ALL"]', ['XM0217@3:13-3:18'], ['viridian', []]],
  // A single value is read as a boolean number, without a word: xl ignores "freq" (XM0108).
  ['type = "hvm"\nviridian = "freq"', ['XM0108@3:12-3:18'], ['viridian', undefined]],
  ['type = "hvm"\nviridian = 1', [], ['viridian', true]],
  ['type = "hvm"\nsmbios = ["bios_vendor=Xen 4", "BIOS_Version=1"]', [], ['smbios', ['bios_vendor=Xen 4', 'bios_version=1']]],
  // xl splits at "=" with strchr and trims nothing: "bios_vendor " is no SMBIOS type ("xl: unknown
  // smbios type"), an empty value is refused ("xl: empty value not allowed for smbios").
  ['type = "hvm"\nsmbios = ["bios_vendor = Xen"]', ['XM0222@3:12-3:24'], ['smbios', []]],
  ['type = "hvm"\nsmbios = ["bios_vendor=Xen", " colour=red"]', ['XM0222@3:31-3:38'], ['smbios', ['bios_vendor=Xen']]],
  ['type = "hvm"\nsmbios = ["bios_vendor="]', ['XM0217@3:11-3:25'], ['smbios', []]],
  ['type = "hvm"\nsmbios = ["oem= x"]', [], ['smbios', ['oem= x']]],
  ['type = "hvm"\nsmbios = ["oem"]', ['XM0217@3:11-3:16'], ['smbios', []]],
  ['type = "hvm"\n' + OEM_100, ['XM0217@3:902-3:909']],
  ['type = "hvm"\nmca_caps = ["lmce", "cmci"]', ['XM0104@3:21-3:27']],
  ['type = "hvm"\nmca_caps = ["LMCE"]', ['XM0104@3:13-3:19']],
  ['llc_colors = ["0-3", "8", "7-5", "x"]', ['XM0217@2:27-2:32', 'XM0217@2:34-2:37'], ['llc_colors', ['0-3', '8']]],
  ['llc_colors = ["0-4095", "4096"]', ['XM0217@2:25-2:31'], ['llc_colors', ['0-4095']]],
]);

table('libxl enums: the schema, names in any case', [
  ['tsc_mode = "NATIVE"', [], ['tsc_mode', 'native']],
  ['tsc_mode = "warp"', ['XM0104@2:12-2:18']],
  ['passthrough = "Share_PT"', [], ['passthrough', 'share_pt']],
  ['passthrough = "on"', ['XM0104@2:15-2:19']],
  ['type = "hvm"\ntimer_mode = "Delay_For_Missed_Ticks"', [], ['timer_mode', 'delay_for_missed_ticks']],
  ['type = "hvm"\ntimer_mode = "late"', ['XM0104@3:14-3:20']],
  ['tee = "tz"', ['XM0104@2:7-2:11']],
  // On an HVM guest: a PV domain has no HAP, and Xen refuses altp2m for it (XM0234).
  ['type = "hvm"\naltp2m = "Mixed"', [], ['altp2m', 'mixed']],
  ['altp2m = "full"', ['XM0104@2:10-2:16']],
  // xl reads altp2m as a number 0-3 too.
  ['type = "hvm"\naltp2m = 1', [], ['altp2m', 1]],
  ['altp2m = 4', ['XM0103@2:10-2:11']],
  ['type = "hvm"\nbios = "unknown"', [], ['bios', 'unknown']],
  ['type = "hvm"\nbios = "OVMF"', [], ['bios', 'ovmf']],
  ['type = "hvm"\nbios = "uefi"', ['XM0104@3:8-3:14']],
  ['gic_version = "V3"', [], ['gic_version', 'v3']],
  ['gic_version = "v4"', ['XM0104@2:15-2:19']],
  ['vuart = "pl011"', ['XM0104@2:9-2:16']],
  ['sve = 512', [], ['sve', 512]],
  ['sve = 100', ['XM0104@2:7-2:10']],
  ['sve = 4096', ['XM0104@2:7-2:11']],
  // xl reads sve as a string: libxl_sve_type's names are "hw", "disabled" and the lengths; "0" is none of them.
  ['sve = "HW"', [], ['sve', 'hw']],
  ['sve = "disabled"', [], ['sve', 'disabled']],
  ['sve = "256"', [], ['sve', '256']],
  ['sve = 0', ['XM0104@2:7-2:8']],
]);

table('vcpus below 1: xl starts 1 vCPU (parse_config_data: if (vcpus < 1) vcpus = 1)', [
  ['vcpus = 0', ['XM0257@2:9-2:10'], ['vcpus', 1]],
  ['vcpus = "-2"', ['XM0257@2:9-2:13'], ['vcpus', 1]],
  ['vcpus = 0\nmaxvcpus = 2', ['XM0257@2:9-2:10'], ['vcpus', 1]],
  // max_vcpus is 1 too: the second list is never read
  ['vcpus = 0\ncpus = ["0", "1"]', ['XM0257@2:9-2:10', 'XM0204@3:14-3:17'], ['vcpus', 1]],
  ['vcpus = 1', [], ['vcpus', 1]],
]);

table('nr_spis: domain_vgic_init rounds up to 32 and refuses more than 988 (xen/arch/arm/vgic.c)', [
  ['nr_spis = 960', [], ['nr_spis', 960]],
  ['nr_spis = 961', ['XM0256@2:11-2:14']],
  ['nr_spis = 988', ['XM0256@2:11-2:14']],
  ['nr_spis = 989', ['XM0256@2:11-2:14']],
  // the eSPI range (rounded 4064-5088), taken only by a Xen built with CONFIG_GICV3_ESPI: XM0259
  ['nr_spis = 4032', ['XM0256@2:11-2:15']],
  ['nr_spis = 4033', ['XM0259@2:11-2:15']],
  ['nr_spis = 4064', ['XM0259@2:11-2:15']],
  ['nr_spis = 5088', ['XM0259@2:11-2:15']],
  ['nr_spis = 5089', ['XM0256@2:11-2:15']],
  // xl's uint32: UINT32_MAX is "not set", and 2^32 + 1 is 1
  ['nr_spis = 4294967295', []],
  ['nr_spis = 4294967297', []],
]);

table('arm_sci (a spec string)', [
  ['arm_sci = "type=scmi_smc_multiagent,agent_id=2"', [], ['arm_sci', { spec: 'type=scmi_smc_multiagent,agent_id=2', type: 'scmi_smc_multiagent', agent_id: 2 }]],
  ['arm_sci = "type=scmi_mmio"', ['XM0217@2:17-2:26']],
  ['arm_sci = "type=scmi_smc,agent_id=300"', ['XM0217@2:35-2:38']],
  ['arm_sci = "type=scmi_smc,agent=1"', ['XM0218@2:26-2:31']],
]);

table('cross-field: timer_mode on PV, VNC display twice', [
  ['timer_mode = "no_delay_for_missed_ticks"', ['XM0221@2:14-2:41']],
  ['type = "pv"\ntimer_mode = 1', ['XM0107@3:14-3:15', 'XM0221@3:14-3:15']],
  ['builder = "generic"\ntimer_mode = "no_delay_for_missed_ticks"', ['XM0107@2:1-2:8', 'XM0221@3:14-3:41']],
  ['type = "pvh"\ntimer_mode = "no_delay_for_missed_ticks"', []],
  ['type = "hvm"\nvnclisten = "0.0.0.0:3"\nvncdisplay = 3', ['XM0220@4:14-4:15']],
  ['type = "hvm"\nvnclisten = "0.0.0.0:3"\nvncdisplay = 0', []],
  ['type = "hvm"\nvnc = 0\nvnclisten = "0.0.0.0:3"\nvncdisplay = 3', []],
  ['type = "hvm"\nvnclisten = "0.0.0.0"\nvncdisplay = 3', []],
  ['vnc = 1\nvnclisten = "0.0.0.0:3"\nvncdisplay = 3', ['XM0220@4:14-4:15']],
  // A PV guest without vnc = 1 does not use the top-level VNC options; with a vfb, the vfb's own are used.
  ['vnclisten = "0.0.0.0:3"\nvncdisplay = 3', []],
  ['vnc = 1\nvnclisten = "0.0.0.0:3"\nvncdisplay = 3\nvfb = ["vnc=1"]', []],
  ['vfb = ["vnc=1,vncdisplay=2,vnclisten=0.0.0.0:3"]', ['XM0217@2:26-2:27']],
  // xl's vfb has no type= (skipped; XM0218 where the guest gets other than what type= asked) and
  // libxl turns VNC on unless vnc=0.
  ['vfb = ["type=vnc,vnclisten=0.0.0.0:3,vncdisplay=2"]', ['XM0217@2:49-2:50']],
  ['vfb = ["type=sdl,vnclisten=0.0.0.0:3,vncdisplay=2"]', ['XM0218@2:9-2:13', 'XM0217@2:49-2:50']],
  ['vfb = ["vnc=0,sdl=1,vnclisten=0.0.0.0:3,vncdisplay=2"]', []],
]);

table('vkb: whole-spec checks', [
  ['vkb = ["backend-type=linux"]', []],
  ['vkb = ["unique-id=k1"]', ['XM0217@2:9-2:21']],
  ['vkb = ["backend-type=qemu,feature-multi-touch=1"]', ['XM0217@2:47-2:48']],
]);
