/**
 * Table-driven: vdispl strings as xl reads them (parse_vdispl_config and the vdispl loop of
 * tools/xl/xl_parse.c at xen-project/xen ad011ad0, with split_string_into_pair before its 2023
 * predicate; libxl_device_vdispl's bool be_alloc and uint32 sizes). Each row's verdict and values
 * were recorded from that C compiled with gcc against glibc (docs/fuzzing.md, "Differential
 * checks"): xl exits (or reads an uninitialised resolution) where a row has an error.
 */
import { xlTable } from './helpers.js';

xlTable('vdispl connectors=: strtok at ";" and ":", sscanf("%ux%u") into uint32', [
  // Empty items vanish, a minus wraps, 32 bits are kept, a third ":" run is ignored; the blank
  // before c1 stays in its id (XM0243).
  ['vdispl = ["connectors=c0:-1x 4294967297;; c1:0x10:zz"]', 'vdispl', [{ spec: 'connectors=c0:-1x 4294967297;; c1:0x10:zz', connectors: [{ unique_id: 'c0', width: 4294967295, height: 1 }, { unique_id: 'c1', width: 0, height: 10 }] }], ['XM0231@2:23-2:53', 'XM0243@2:42-2:43']],
  // Leading and doubled colons are skipped; be-alloc is a C bool (-1 is on).
  ['vdispl = ["connectors=::c0::8x9,be-alloc=-1"]', 'vdispl', [{ spec: 'connectors=::c0::8x9,be-alloc=-1', 'be-alloc': true, connectors: [{ unique_id: 'c0', width: 8, height: 9 }] }], ['XM0231@2:23-2:32', 'XM0231@2:42-2:44']],
  ['vdispl = ["connectors=c0:800x600x3"]', 'vdispl', [{ spec: 'connectors=c0:800x600x3', connectors: [{ unique_id: 'c0', width: 800, height: 600 }] }], ['XM0231@2:23-2:35']],
  // sscanf reads the width only (rc 1): "Can't parse connector resolution", and xl exits.
  ['vdispl = ["connectors=c0:8"]', 'vdispl', [{ spec: 'connectors=c0:8' }], ['XM0217@2:26-2:27']],
  // No ":": split_string_into_pair fails and the resolution is never set (undefined behaviour).
  ['vdispl = ["connectors=c0"]', 'vdispl', [{ spec: 'connectors=c0' }], ['XM0217@2:23-2:25']],
  // The same with the id left out: strtok skips the leading ":", so "600x1024" is the id and there is no resolution.
  ['vdispl = ["connectors=:600x1024"]', 'vdispl', [{ spec: 'connectors=:600x1024' }], ['XM0217@2:23-2:32']],
  // An earlier connectors= is read too, before the last replaces it.
  ['vdispl = ["connectors=c0,connectors=c1:1x2"]', 'vdispl', [{ spec: 'connectors=c0,connectors=c1:1x2', connectors: [{ unique_id: 'c1', width: 1, height: 2 }] }], ['XM0217@2:23-2:25']],
  // The token " " is "": "Unknown string "" in vdispl spec", and xl exits.
  ['vdispl = [" ,connectors=c0:1x2"]', 'vdispl', [{ spec: ' ,connectors=c0:1x2', connectors: [{ unique_id: 'c0', width: 1, height: 2 }] }], ['XM0222@2:12-2:13']],
]);
