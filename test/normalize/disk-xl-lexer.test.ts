/**
 * Table-driven: xl disk strings where xmcfg's reader and xlu_disk_parse (libxlu_disk.c and the
 * libxlu_disk_l.l scanner, xen-project/xen 1eb013ef / 3ae0d316, compiled with flex 2.6.4 and run on
 * random specs: docs/fuzzing.md, "Differential checks") disagreed. Each row's
 * expected value and verdict is what the compiled parser gave. Docs: docs/xl-conformance.md,
 * "disk strings against the compiled lexer".
 */
import { xlTable } from './helpers.js';

xlTable('disk: a target is needed unless the disk is a CD-ROM', [
  // xlu_disk_parse: `if (!disk->pdev_path && !disk->removable)` "no target specified (and device not removable)".
  ['disk = ["vdev=xvda"]', 'disk', [{ spec: 'vdev=xvda', vdev: 'xvda' }], ['XM0213@2:10-2:19']],
  ['disk = ["vdev=xvda,discard"]', 'disk', [{ spec: 'vdev=xvda,discard', vdev: 'xvda', discard: true }], ['XM0213@2:10-2:27']],
  // A CD-ROM is removable: no medium is fine. An empty target (first field, or target=) is a target.
  ['disk = ["vdev=hdc,cdrom"]', 'disk', [{ spec: 'vdev=hdc,cdrom', vdev: 'hdc', devtype: 'cdrom' }], []],
  ['disk = ["vdev=hdc,devtype=cdrom,devtype=disk"]', 'disk', [{ spec: 'vdev=hdc,devtype=cdrom,devtype=disk', vdev: 'hdc', devtype: 'disk' }], ['XM0213@2:10-2:45']],
  ['disk = ["vdev=xvda,target="]', 'disk', [{ spec: 'vdev=xvda,target=', vdev: 'xvda', target: '' }], []],
  ['disk = [",,xvda"]', 'disk', [{ spec: ',,xvda', target: '', vdev: 'xvda' }], []],
  // The vdev is checked first; an empty string has neither.
  ['disk = [""]', 'disk', [{ spec: '' }], ['XM0213@2:9-2:11']],
]);

xlTable('disk: a deprecated prefix is a token of its own', [
  // What follows it is any item: a key, a flag, target=.
  ['disk = ["phy:vdev=xvda,target=/x"]', 'disk', [{ spec: 'phy:vdev=xvda,target=/x', driver: 'phy', backendtype: 'phy', vdev: 'xvda', target: '/x' }], []],
  ['disk = ["raw:format=raw,vdev=xvda,target=/x"]', 'disk', [{ spec: 'raw:format=raw,vdev=xvda,target=/x', driver: 'raw', format: 'raw', vdev: 'xvda', target: '/x' }], []],
  ['disk = ["phy:discard,/x,xvda"]', 'disk', [{ spec: 'phy:discard,/x,xvda', driver: 'phy', backendtype: 'phy', discard: true, target: '/x', vdev: 'xvda' }], []],
  // Blanks after it are skipped by the whitespace rule, between prefixes too.
  ['disk = ["aio: /x,xvda"]', 'disk', [{ spec: 'aio: /x,xvda', driver: 'aio', format: 'raw', target: '/x', vdev: 'xvda' }], []],
  ['disk = ["tap: aio:/x,xvda"]', 'disk', [{ spec: 'tap: aio:/x,xvda', driver: 'tap:aio', backendtype: 'tap', format: 'raw', target: '/x', vdev: 'xvda' }], []],
  // At the end of the string no positional token follows it: there is no target.
  ['disk = ["vdev=xvda,phy:"]', 'disk', [{ spec: 'vdev=xvda,phy:', vdev: 'xvda', driver: 'phy', backendtype: 'phy' }], ['XM0213@2:10-2:24']],
  // backendtype= read before the prefix is the disk's backend; the prefix sets none.
  ['disk = ["backendtype=standalone,tap:/x,xvda"]', 'disk', [{ spec: 'backendtype=standalone,tap:/x,xvda', backendtype: 'standalone', driver: 'tap', target: '/x', vdev: 'xvda' }], []],
]);

xlTable('disk: colo-port as glibc atoi reads it', [
  // (int) strtol: a long, cut to its low 32 bits.
  ['disk = ["vdev=xvda,colo-port=4294967297,target=/x"]', 'disk', [{ spec: 'vdev=xvda,colo-port=4294967297,target=/x', vdev: 'xvda', colo_port: 1, target: '/x' }], []],
  ['disk = ["vdev=xvda,colo-port=2147483648,target=/x"]', 'disk', [{ spec: 'vdev=xvda,colo-port=2147483648,target=/x', vdev: 'xvda', colo_port: -2147483648, target: '/x' }], []],
  // 2^32 is 0, which setcoloport refuses ("unknown value for colo_port"); past a long's range strtol gives LONG_MAX, whose low 32 bits are -1.
  ['disk = ["vdev=xvda,colo-port=4294967296,target=/x"]', 'disk', [{ spec: 'vdev=xvda,colo-port=4294967296,target=/x', vdev: 'xvda', target: '/x' }], ['XM0213@2:30-2:40']],
  ['disk = ["vdev=xvda,colo-port=99999999999999999999,target=/x"]', 'disk', [{ spec: 'vdev=xvda,colo-port=99999999999999999999,target=/x', vdev: 'xvda', colo_port: -1, target: '/x' }], []],
  ['disk = ["vdev=xvda,colo-port=9000,target=/x"]', 'disk', [{ spec: 'vdev=xvda,colo-port=9000,target=/x', vdev: 'xvda', colo_port: 9000, target: '/x' }], []],
  // atoi skips the blanks before the number and stops at those after it: xl reads 7, and keeps no blank.
  ['disk = ["vdev=xvda,colo-port= 7 ,target=/x"]', 'disk', [{ spec: 'vdev=xvda,colo-port= 7 ,target=/x', vdev: 'xvda', colo_port: 7, target: '/x' }], []],
]);

xlTable('disk: grant_usage reads one digit', [
  // `grant_usage=0,?` matches one character: the rest is the next token (here the target, then respecified).
  ['disk = ["grant_usage=1x,vdev=xvda"]', 'disk', [{ spec: 'grant_usage=1x,vdev=xvda', grant_usage: true, target: 'x', vdev: 'xvda' }], []],
  ['disk = ["grant_usage=01,vdev=xvda,target=/x"]', 'disk', [{ spec: 'grant_usage=01,vdev=xvda,target=/x', grant_usage: false, target: '1', vdev: 'xvda' }], ['XM0213@2:42-2:44']],
  // Blanks then a comma: the comma alone is an empty positional parameter (the target here).
  ['disk = ["grant_usage=1 ,vdev=xvda,target=/x"]', 'disk', [{ spec: 'grant_usage=1 ,vdev=xvda,target=/x', grant_usage: true, target: '/x', vdev: 'xvda' }], []],
  ['disk = ["vdev=xvda,grant_usage=2,target=/x"]', 'disk', [{ spec: 'vdev=xvda,grant_usage=2,target=/x', vdev: 'xvda', target: '/x' }], ['XM0213@2:32-2:33']],
]);

xlTable('disk: a "=" that ends the string is not read', [
  // The "." rule takes it, and "bad disk syntax" needs a character after it.
  ['disk = ["/x,raw,xvda,w="]', 'disk', [{ spec: '/x,raw,xvda,w=', target: '/x', format: 'raw', vdev: 'xvda', access: 'rw' }], []],
  ['disk = ["/x,,xvda,trusted="]', 'disk', [{ spec: '/x,,xvda,trusted=', target: '/x', vdev: 'xvda', trusted: true }], []],
  // Read as a positional parameter: here one too many.
  ['disk = ["/x,,xvda,r,grant_usage="]', 'disk', [{ spec: '/x,,xvda,r,grant_usage=', target: '/x', vdev: 'xvda', access: 'ro' }], ['XM0213@2:21-2:32']],
  // Not at the end: "bad disk syntax".
  ['disk = ["/x,,xvda,trusted=,r"]', 'disk', [{ spec: '/x,,xvda,trusted=,r', target: '/x', vdev: 'xvda' }], ['XM0213@2:19-2:27']],
]);

xlTable('disk: a flag followed by blanks is a positional parameter', [
  // `discard,?` ends at the comma; `[^=,]*,` reads "discard " with its blank, here the target.
  ['disk = ["discard ,,xvda"]', 'disk', [{ spec: 'discard ,,xvda', target: 'discard', vdev: 'xvda' }], ['XM0213@2:10-2:18']],
]);
