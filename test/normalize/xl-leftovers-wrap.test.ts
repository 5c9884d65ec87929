/**
 * Table-driven: the third round of xl leftovers in docs/xl-conformance.md ("Leftovers: vnuma vCPU
 * numbers past an int, blanks at the end of vlan=, netdev= and COLO values"; decision 031).
 * Sources: parse_range and parse_vnuma_config (tools/xl/xl_parse.c, TSnake41/xen 2194e248),
 * libxl_bitmap_set (`int bit`, tools/libs/light/libxl_utils.c), libxl__vnuma_config_check
 * (libxl_vnuma.c), parse_nic_config and xen-network-common.sh's _vif_vlan_membership (the bridge
 * VLAN series, v4, May 2024). Each row: one line (line 2 of the file), the key, the normalised
 * value, and the findings as `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { xlTable } from './helpers.js';

const vnode = { pnode: 0, size: 1024, vdistances: [10] };
const vnuma = (vcpus: string) => `vnuma = [["pnode=0", "size=1024", "vcpus=${vcpus}", "vdistances=10"]]`;

xlTable('vnuma vcpus: each number goes to libxl_bitmap_set as an int', [
  // 2^32 + k keeps its low 32 bits: vCPU k (XM0250, a warning), normalised as xl assigns it.
  [vnuma('4294967296'), 'vnuma', [{ ...vnode, vcpus: [0] }], ['XM0250@2:42-2:52']],
  [vnuma('0,4294967297'), 'vnuma', [{ ...vnode, vcpus: [0, 1] }], ['XM0250@2:44-2:54']],
  [vnuma('4294967296-4294967297'), 'vnuma', [{ ...vnode, vcpus: [0, 1] }], ['XM0250@2:42-2:63']],
  // A negative int sets no bit, but max_vcpus++ counts it: the vnodes never cover the count (XM0209 at the item; vcpus left unset).
  [vnuma('-2'), 'vnuma', [vnode], ['XM0209@2:42-2:44']],
  [vnuma('0,-2'), 'vnuma', [vnode], ['XM0209@2:44-2:46']],
  [vnuma('2147483648'), 'vnuma', [vnode], ['XM0209@2:42-2:52']],
  [vnuma('18446744073709551614'), 'vnuma', [vnode], ['XM0209@2:42-2:62']],
  // 4294967295 is the int -1 (no bit), then 4294967296 is vCPU 0: still one vCPU short.
  [vnuma('4294967295-4294967296'), 'vnuma', [vnode], ['XM0209@2:42-2:63']],
  // "-0" is 0 for strtoul, and 2^31 - 1 is an int as written.
  [vnuma('-0'), 'vnuma', [{ ...vnode, vcpus: [0] }], []],
  // More than any guest has: xl counts each number (XM0216, as before).
  [vnuma('0-4294967296'), 'vnuma', [vnode], ['XM0216@2:42-2:54']],
]);

xlTable('vnuma vcpus: the ends parse_range leaves, whatever its verdict', [
  // No leading digit: strtoul returns 0 and parse_range has set both ends to it: vCPU 0.
  [vnuma('x'), 'vnuma', [{ ...vnode, vcpus: [0] }], ['XM0231@2:42-2:43']],
  [vnuma('0-1,all'), 'vnuma', [{ ...vnode, vcpus: [0, 1, 0] }], ['XM0231@2:46-2:49']],
  // Backwards: parse_range refuses it, and `for (; s <= e; s++)` runs no time.
  [vnuma('0,3-2'), 'vnuma', [{ ...vnode, vcpus: [0] }], ['XM0231@2:44-2:47']],
]);

xlTable('blanks at the end of vif vlan=, netdev= and the COLO values', [
  // netdev= is gatewaydev= under its old name: the blank is kept as gatewaydev's is (XM0243), next to the deprecation.
  ['vif = ["netdev=eth0 ,bridge=xenbr0"]', 'vif', [{ spec: 'netdev=eth0 ,bridge=xenbr0', bridge: 'xenbr0', other: { netdev: 'eth0' } }], ['XM0107@2:9-2:15', 'XM0243@2:20-2:21']],
  // The COLO socket and filter values go through replace_string like bridge=.
  ['vif = ["colo_sock_mirror_ip=10.0.0.1 ,colo_checkpoint_port=9000  "]', 'vif', [{ spec: 'colo_sock_mirror_ip=10.0.0.1 ,colo_checkpoint_port=9000  ', other: { colo_sock_mirror_ip: '10.0.0.1', colo_checkpoint_port: '9000' } }], ['XM0243@2:37-2:38', 'XM0243@2:64-2:66']],
  ['vif = ["colo_filter_mirror_outdev=eth1 ,bridge=xenbr0"]', 'vif', [{ spec: 'colo_filter_mirror_outdev=eth1 ,bridge=xenbr0', bridge: 'xenbr0', other: { colo_filter_mirror_outdev: 'eth1' } }], ['XM0243@2:39-2:40']],
  // vlan=: _vif_vlan_membership splits the terms with an unquoted ${terms[@]}: the blank is dropped, as ip='s is.
  ['vif = ["vlan=10 ,bridge=xenbr0"]', 'vif', [{ spec: 'vlan=10 ,bridge=xenbr0', bridge: 'xenbr0', other: { vlan: '10' } }], []],
]);
