/**
 * Table-driven: the xl readers' leftovers of docs/xl-conformance.md (pci bdf=, cpus numbers and
 * empty affinities, nested lists, blanks in disk and pci values, vnuma vnodes). Sources: parse_bdf and
 * xlu_pci_parse_spec_string (tools/libs/util/libxlu_pci.c, xen-project/xen 9cd5bbf5); parse_range,
 * update_cpumap_range, parse_vcpu_affinity, parse_vnuma_config and the device loops of parse_config_data
 * (tools/xl/xl_parse.c, TSnake41/xen 2194e248); xlu_cfg_get_listitem (libxlu_cfg.c);
 * libxlu_disk_l.l. Each row: one line (line 2 of the file), the key, the normalised value, and the
 * findings as `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { xlTable } from './helpers.js';

const BDF = { domain: 0, bus: 1, device: 0, function: 0 };

xlTable('pci bdf=: parse_bdf(pci, val, NULL) never looks past the function', [
  // The positional "01:00.0xyz" stays refused (the address must end at '@', ',' or the end). bdf=:
  // the address is read, the rest ignored (XM0231: what xl uses), an @vslot included.
  ['pci = ["bdf=01:00.0xyz"]', 'pci', [{ spec: 'bdf=01:00.0xyz', ...BDF }], ['XM0231@2:20-2:23']],
  ['pci = ["bdf=01:00.0@3"]', 'pci', [{ spec: 'bdf=01:00.0@3', ...BDF }], ['XM0231@2:20-2:22']],
  ['pci = ["bdf=01:00.*x"]', 'pci', [{ spec: 'bdf=01:00.*x', ...BDF, function: -1 }], ['XM0231@2:20-2:21']],
]);

xlTable('pci values keep their blanks: atoi and sscanf skip them, parse_bdf ignores them after the address', [
  ['pci = ["01:00.0,permissive= 1,vslot= 3 "]', 'pci', [{ spec: '01:00.0,permissive= 1,vslot= 3 ', ...BDF, permissive: true, vslot: 3 }], []],
  ['pci = ["bdf=01:00.0 "]', 'pci', [{ spec: 'bdf=01:00.0 ', ...BDF }], []],
  // parse_bdf counts hex digits and ':' from the value's first character (rdm_policy= and name=
  // keep a blank too, and stay refused).
  ['pci = ["bdf= 01:00.0"]', 'pci', [{ spec: 'bdf= 01:00.0', ...BDF }], ['XM0215@2:9-2:21']],
]);
