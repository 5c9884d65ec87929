/**
 * Table-driven: vkb strings as xl reads them (parse_vkb_config and parse_vkb_list of
 * tools/xl/xl_parse.c at xen-project/xen ad011ad0; libxl_device_vkb's C bools and uint32 sizes
 * from libxl_types.idl). Each row's verdict and values were recorded from that C compiled with gcc
 * against glibc (docs/fuzzing.md, "Differential checks"): xl exits where a row has an error.
 */
import { xlTable } from './helpers.js';

xlTable('vkb numbers: strtoul(…, NULL, 0) into a C bool or a uint32 (XM0231 with what xl stores)', [
  // A minus wraps to a number that is not 0: the flag is on.
  ['vkb = ["backend-type=linux,feature-abs-pointer=-1"]', 'vkb', [{ spec: 'backend-type=linux,feature-abs-pointer=-1', 'backend-type': 'linux', 'feature-abs-pointer': true }], ['XM0231@2:48-2:50']],
  ['vkb = ["backend-type=qemu,feature-disable-keyboard=18446744073709551616"]', 'vkb', [{ spec: 'backend-type=qemu,feature-disable-keyboard=18446744073709551616', 'backend-type': 'qemu', 'feature-disable-keyboard': true }], ['XM0231@2:52-2:72']],
  // uint32: the low 32 bits.
  ['vkb = ["backend-type=linux,width=4294967297"]', 'vkb', [{ spec: 'backend-type=linux,width=4294967297', 'backend-type': 'linux', width: 1 }], ['XM0231@2:34-2:44']],
  ['vkb = ["backend-type=qemu,multi-touch-height=0x"]', 'vkb', [{ spec: 'backend-type=qemu,multi-touch-height=0x', 'backend-type': 'qemu', 'multi-touch-height': 0 }], ['XM0231@2:46-2:48']],
  // 4294967296 is 0: multi-touch asked for with no size, and xl exits.
  ['vkb = ["backend-type=linux,feature-multi-touch=1,multi-touch-width=4294967296"]', 'vkb', [{ spec: 'backend-type=linux,feature-multi-touch=1,multi-touch-width=4294967296', 'backend-type': 'linux', 'feature-multi-touch': true, 'multi-touch-width': 0 }], ['XM0231@2:68-2:78', 'XM0217@2:48-2:49']],
]);

xlTable('vkb items and backend-type as xl reads them', [
  // The token " " is "" after the spaces: "Unknown string "" in vkb spec", and xl exits.
  ['vkb = [" ,backend-type=linux"]', 'vkb', [{ spec: ' ,backend-type=linux', 'backend-type': 'linux' }], ['XM0222@2:9-2:10']],
  // libxl_vkb_backend_from_string takes "unknown" (libxl's "not set"); the later qemu replaces it.
  ['vkb = ["backend-type=unknown,backend-type=qemu"]', 'vkb', [{ spec: 'backend-type=unknown,backend-type=qemu', 'backend-type': 'qemu' }], ['XM0254@2:22-2:29']],
  // The last one is "unknown": "backend-type should be set in vkb spec", and xl exits.
  ['vkb = ["backend-type=qemu,backend-type=unknown"]', 'vkb', [{ spec: 'backend-type=qemu,backend-type=unknown', 'backend-type': 'qemu' }], ['XM0217@2:40-2:47']],
  // strdup(oparg): xl keeps " k".
  ['vkb = ["backend-type=qemu,unique-id= k"]', 'vkb', [{ spec: 'backend-type=qemu,unique-id= k', 'backend-type': 'qemu', 'unique-id': 'k' }], ['XM0243@2:37-2:38']],
]);
