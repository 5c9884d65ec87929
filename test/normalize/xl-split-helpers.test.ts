/**
 * Table-driven: values xl's split helpers fail on (docs/xl-conformance.md, "Empty lists and empty
 * pairs: split_string_into_string_list and split_string_into_pair"). Sources: both helpers and the
 * p9, channel, vnuma, vdispl and vsnd readers of parse_config_data (tools/xl/xl_parse.c,
 * TSnake41/xen 2194e248): a string with no item is counted as one and copied with strdup(NULL) (xl
 * crashes), and a pair with nothing after "=" is refused (xl exits). Each row: one line (line 2 of
 * the file), the key, the normalised value, and the findings as `CODE@line:col-line:col`.
 */
import { xlTable } from './helpers.js';

const vnuma = (...items: string[]) => `vnuma = [[${items.map((i) => JSON.stringify(i)).join(', ')}]]`;

xlTable('p9 and channel: split_string_into_string_list(buf, ",") and split_string_into_pair(…, isspace)', [
  // No item at all: counted as one, strdup(NULL): a crash.
  ['p9 = [""]', 'p9', [{ spec: '' }], ['XM0217@2:7-2:9']],
  ['p9 = [",,"]', 'p9', [{ spec: ',,' }], ['XM0217@2:8-2:10']],
  ['channel = [""]', 'channel', [{ spec: '' }], ['XM0217@2:12-2:14']],
  // "key=" alone: "failed to parse 9pfs configuration" / "failed to parse channel configuration", exit.
  ['p9 = ["tag=,path=/x"]', 'p9', [{ spec: 'tag=,path=/x', path: '/x' }], ['XM0217@2:8-2:12']],
  ['p9 = ["tag=a,path=/x,max-files="]', 'p9', [{ spec: 'tag=a,path=/x,max-files=', tag: 'a', path: '/x' }], ['XM0217@2:22-2:32']],
  ['channel = ["connection=pty,name=a,path="]', 'channel', [{ spec: 'connection=pty,name=a,path=', connection: 'pty', name: 'a' }], ['XM0217@2:35-2:40']],
  // …and the channel checks after the loop are not reached.
  ['channel = ["name=,connection=pty"]', 'channel', [{ spec: 'name=,connection=pty', connection: 'pty' }], ['XM0217@2:13-2:18']],
  // A blank after "=" is a value for split_string_into_pair (trimmed to ""): read.
  ['p9 = ["tag= ,path=/x"]', 'p9', [{ spec: 'tag= ,path=/x', tag: '', path: '/x' }], []],
]);

xlTable('vdispl connectors= and vsnd sample lists: split_string_into_string_list(oparg, ";")', [
  ['vdispl = ["connectors="]', 'vdispl', [{ spec: 'connectors=' }], ['XM0217@2:11-2:24']],
  ['vdispl = ["connectors=;,backend=0"]', 'vdispl', [{ spec: 'connectors=;,backend=0', backend: '0' }], ['XM0217@2:23-2:24']],
  ['vsnd = [["card,sample-rates=", "pcm", "stream,type=p"]]', 'vsnd', [[{ spec: 'card,sample-rates=', element: 'card' }, { spec: 'pcm', element: 'pcm' }, { spec: 'stream,type=p', type: 'p', element: 'stream' }]], ['XM0217@2:10-2:30']],
  ['vsnd = [["card,sample-formats=;", "pcm", "stream,type=p"]]', 'vsnd', [[{ spec: 'card,sample-formats=;', element: 'card' }, { spec: 'pcm', element: 'pcm' }, { spec: 'stream,type=p', type: 'p', element: 'stream' }]], ['XM0217@2:31-2:32']],
]);

const node = { pnode: 0, size: 1024 };

xlTable('vnuma: split_string_into_pair(buf, "=", …, isspace), then split_string_into_string_list(value, ",")', [
  // Nothing after "=": "failed to split … into pair", exit, for any key (an unknown one too).
  [vnuma('pnode=0', 'size=1024', 'vcpus=', 'vdistances=10'), 'vnuma', [{ ...node, vdistances: [10] }], ['XM0216@2:35-2:43']],
  [vnuma('pnode=0', 'size=1024', 'vcpus=0', 'vdistances=10', 'foo='), 'vnuma', [{ ...node, vcpus: [0], vdistances: [10] }], ['XM0216@2:63-2:69']],
  // A value that trims to no item: the crash.
  [vnuma('pnode=0', 'size=1024', 'vcpus= ,', 'vdistances=10'), 'vnuma', [{ ...node, vdistances: [10] }], ['XM0216@2:35-2:45']],
  [vnuma('pnode=0', 'size=1024', 'vcpus=0', 'vdistances= '), 'vnuma', [{ ...node, vcpus: [0] }], ['XM0216@2:46-2:60']],
  // An unknown key with a value (a blank) is still only skipped.
  [vnuma('pnode=0', 'size=1024', 'vcpus=0', 'vdistances=10', 'foo= '), 'vnuma', [{ ...node, vcpus: [0], vdistances: [10] }], ['XM0218@2:64-2:67']],
]);

xlTable('virtio type=virtio…: parse_virtio_list joins the next strtok item, and strlen(NULL) when there is none', [
  ['virtio = ["type=virtio"]', 'virtio', [{ spec: 'type=virtio' }], ['XM0217@2:17-2:23']],
  ['virtio = ["backend=0,type=virtio-disk,,"]', 'virtio', [{ spec: 'backend=0,type=virtio-disk,,', backend: '0' }], ['XM0217@2:27-2:38']],
  // With an item after it, xl joins the two: the type is "virtio,device22".
  ['virtio = ["type=virtio,device22"]', 'virtio', [{ spec: 'type=virtio,device22', type: 'virtio,device22' }], []],
]);
