/**
 * Table-driven: values the option audit of decision 081 found read otherwise than xl and xm read
 * them. uuid: libxl_uuid_from_string (tools/libs/light/libxl_uuid.c, Linux: libuuid's uuid_parse,
 * 36 characters with the hyphens at 8, 13, 18, 23) against xend's uuid.fromString (every hyphen
 * dropped, 32 hex digits; XendConfig._uuid_sanity_check writes them back grouped). pci vslot:
 * parse_vslot's sscanf "%x" (tools/libs/util/libxlu_pci.c, xen-project/xen 9cd5bbf5), which takes
 * an optional 0x. usbdev: libxl_device_usbdev's uint8 hostbus and hostaddr (libxl_types.idl).
 * Each xl row: one line (line 2 of the file), the key, the normalised value, the findings as
 * `CODE@line:col-line:col`.
 */
import { describe, expect, it } from 'vitest';
import { findingSpans, norm, xlTable } from './helpers.js';

const UUID = '5b7a8f6c-0c2d-4e3a-9a4b-1d2e3f4a5b6c';

xlTable('uuid in xl: libxl_uuid_from_string wants 8-4-4-4-12 with hyphens', [
  [`uuid = "${UUID}"`, 'uuid', UUID, []],
  [`uuid = "${UUID.toUpperCase()}"`, 'uuid', UUID.toUpperCase(), []],
  // "Failed to parse UUID" and exit: reported, and left out of the config.
  ['uuid = "5b7a8f6c0c2d4e3a9a4b1d2e3f4a5b6c"', 'uuid', undefined, ['XM0110@2:8-2:42']],
  ['uuid = "5b7a8f6c-0c2d4e3a9a4b1d2e3f4a5b6c"', 'uuid', undefined, ['XM0110@2:8-2:43']],
  // Not 32 hex digits: kept for the schema's pattern, which reports it (XM0110) in either dialect.
  ['uuid = "1234"', 'uuid', '1234', []],
]);

describe('uuid in xm: xend drops the hyphens and regroups the 32 digits', () => {
  for (const [written, value] of [
    ['5b7a8f6c0c2d4e3a9a4b1d2e3f4a5b6c', UUID],
    ['5b7a-8f6c0c2d4e3a9a4b1d2e3f4a5b6c', UUID],
    [UUID, UUID],
    ['5B7A8F6C0C2D4E3A9A4B1D2E3F4A5B6C', UUID.toUpperCase()],
  ] as const) {
    it(written, () => {
      const r = norm(`name = "t"\nuuid = "${written}"\n`, 'xm');
      expect(r.config.uuid).toBe(value);
      expect(r.diagnostics).toEqual([]);
    });
  }
  it('keeps a value that is not 32 hex digits for the schema to report', () => {
    expect(norm('name = "t"\nuuid = "5b7a8f6c"\n', 'xm').config.uuid).toBe('5b7a8f6c');
  });
});

const BDF = { domain: 0, bus: 1, device: 0, function: 0 };

xlTable('pci vslot in xl: parse_vslot reads sscanf "%x", 0x included', [
  ['pci = ["01:00.0@0x1f"]', 'pci', [{ spec: '01:00.0@0x1f', ...BDF, vslot: 31 }], []],
  ['pci = ["01:00.0,vslot=0X05"]', 'pci', [{ spec: '01:00.0,vslot=0X05', ...BDF, vslot: 5 }], []],
  // Above 0x1f stays "unable to parse PCI_SPEC_STRING".
  ['pci = ["01:00.0@0x20"]', 'pci', [{ spec: '01:00.0@0x20', ...BDF }], ['XM0215@2:17-2:21']],
]);

describe('pci vslot in xm: pci.py takes hex digits only', () => {
  it('refuses 0x', () => {
    const text = 'name = "t"\npci = ["01:00.0@0x1f"]\n';
    expect(findingSpans(text, norm(text, 'xm').diagnostics)).toEqual(['XM0215@2:17-2:21']);
  });
});

xlTable('usbdev hostbus/hostaddr: libxl_device_usbdev keeps them in 8 bits (uint8)', [
  ['usbdev = ["hostbus=1,hostaddr=255"]', 'usbdev', [{ spec: 'hostbus=1,hostaddr=255', hostbus: 1, hostaddr: 255 }], []],
  // strtoul reads 257, the uint8 field keeps 1: XM0253 says so, the value is what xl uses.
  ['usbdev = ["hostbus=257,hostaddr=3"]', 'usbdev', [{ spec: 'hostbus=257,hostaddr=3', hostbus: 1, hostaddr: 3 }], ['XM0253@2:20-2:23']],
  ['usbdev = ["hostbus=1,hostaddr=0x100"]', 'usbdev', [{ spec: 'hostbus=1,hostaddr=0x100', hostbus: 1, hostaddr: 0 }], ['XM0253@2:31-2:36']],
]);

// Left by the audit (decision 082). rdm_policy: parse_rdm_policy → libxl_rdm_reserve_policy_from_string
// (libxlu_pci.c 9cd5bbf5), whose enum names its "not set" value "invalid" (libxl_types.idl);
// libxl__device_pci_setdefault makes that strict. Any other name: "Unknown RDM policy", exit.
xlTable('pci rdm_policy in xl: libxl\'s "invalid" is taken and becomes strict', [
  ['pci = ["01:00.0,rdm_policy=invalid"]', 'pci', [{ spec: '01:00.0,rdm_policy=invalid', ...BDF, rdm_policy: 'strict' }], ['XM0254@2:28-2:35']],
  ['pci = ["01:00.0,rdm_policy=INVALID"]', 'pci', [{ spec: '01:00.0,rdm_policy=INVALID', ...BDF, rdm_policy: 'strict' }], ['XM0254@2:28-2:35']],
  ['pci = ["01:00.0,rdm_policy=loose"]', 'pci', [{ spec: '01:00.0,rdm_policy=loose', ...BDF }], ['XM0215@2:28-2:33']],
]);

// parse_bdf counts colons over hex digits and ':' only, then sscanf "%x" (0x allowed) reads each
// field: a 0x after the last colon (device) or in the function reads; one before it miscounts.
xlTable('pci address in xl: sscanf "%x" takes 0x in the device and function', [
  ['pci = ["01:0x1f.0"]', 'pci', [{ spec: '01:0x1f.0', domain: 0, bus: 1, device: 31, function: 0 }], []],
  ['pci = ["0000:01:0X1f.0x3"]', 'pci', [{ spec: '0000:01:0X1f.0x3', domain: 0, bus: 1, device: 31, function: 3 }], []],
  ['pci = ["bdf=01:0x1f.0"]', 'pci', [{ spec: 'bdf=01:0x1f.0', domain: 0, bus: 1, device: 31, function: 0 }], []],
  // Each refusal at the field to fix (decision 090): the device, the bus the count stopped at.
  ['pci = ["01:0x20.0"]', 'pci', [{ spec: '01:0x20.0' }], ['XM0215@2:12-2:16']],
  ['pci = ["0x01:1f.0"]', 'pci', [{ spec: '0x01:1f.0' }], ['XM0215@2:9-2:13']],
  ['pci = ["0000:0x01:1f.0"]', 'pci', [{ spec: '0000:0x01:1f.0' }], ['XM0215@2:14-2:18']],
]);

describe('pci address in xm: pci.py takes hex digits only', () => {
  it('refuses 0x in the device', () => {
    const text = 'name = "t"\npci = ["01:0x1f.0"]\n';
    expect(findingSpans(text, norm(text, 'xm').diagnostics)).toEqual(['XM0215@2:12-2:16']);
  });
});

// libxl_timer_mode names -1 "unknown" (libxl_types.idl); libxl_timer_mode_from_string takes it and
// libxl__domain_build_info_setdefault turns LIBXL_TIMER_MODE_DEFAULT into no_delay_for_missed_ticks.
xlTable('timer_mode "unknown" in xl: libxl\'s default', [
  ['timer_mode = "unknown"', 'timer_mode', 'no_delay_for_missed_ticks', ['XM0254@2:14-2:23']],
  ['timer_mode = "UNKNOWN"', 'timer_mode', 'no_delay_for_missed_ticks', ['XM0254@2:14-2:23']],
]);
