/**
 * Table-driven: pci and cpus / cpus_soft strings as xl reads them. pci: xlu_pci_parse_spec_string
 * in tools/libs/util/libxlu_pci.c (xen-project/xen 9cd5bbf5, Xen 4.16 and later); cpus:
 * parse_vcpu_affinity, parse_cpurange, update_cpumap_range and parse_range in tools/xl/xl_parse.c
 * (TSnake41/xen 2194e248). Each row: one line (line 2 of the file), the key, the normalised value,
 * and the findings as `CODE@line:col-line:col` (UTF-16 columns, end exclusive). Read as xm, these
 * strings keep xm's verdicts (its pci parser and int() of each CPU item).
 */
import { xlTable } from './helpers.js';

const table = xlTable;

const BDF = { domain: 0, bus: 1, device: 0, function: 0 };

table('pci: the layout xlu_pci_parse_spec_string refuses ("unable to parse PCI_SPEC_STRING", exit)', [
  // parse_bdf counts only hex digits and ':' from the start: a leading blank is no address, and
  // parse_key_val then finds no '=' (ERROR_INVAL).
  ['pci = [" 01:00.0"]', 'pci', [{ spec: ' 01:00.0', ...BDF }], ['XM0215@2:9-2:17']],
  // After the address the next character must be '@', ',' or the end.
  ['pci = ["01:00.0 ,permissive=1"]', 'pci', [{ spec: '01:00.0 ,permissive=1', ...BDF, permissive: true }], ['XM0215@2:9-2:17']],
  // parse_key_val takes the text up to '=' as the key: " permissive" and "permissive " are
  // "Unknown PCI_SPEC_STRING option".
  ['pci = ["01:00.0, permissive=1"]', 'pci', [{ spec: '01:00.0, permissive=1', ...BDF, permissive: true }], ['XM0215@2:17-2:30']],
  ['pci = ["01:00.0,permissive =1"]', 'pci', [{ spec: '01:00.0,permissive =1', ...BDF, permissive: true }], ['XM0215@2:17-2:30']],
  // An empty item: the next key is read as ",permissive"; a blank last item has no '='.
  ['pci = ["01:00.0,,permissive=1"]', 'pci', [{ spec: '01:00.0,,permissive=1', ...BDF, permissive: true }], ['XM0215@2:16-2:18']],
  ['pci = ["01:00.0, "]', 'pci', [{ spec: '01:00.0, ', ...BDF }], ['XM0215@2:16-2:18']],
  // An empty or blank string is one problem, no address (xl: neither bdf nor name, ERROR_INVAL).
  ['pci = [""]', 'pci', [{ spec: '' }], ['XM0215@2:8-2:10']],
  ['pci = [" "]', 'pci', [{ spec: ' ' }], ['XM0215@2:9-2:10']],
  // `if (!(bdf_present ^ name_present)) return ERROR_INVAL;`: an address or name=, not both.
  ['pci = ["01:00.0,name=gpu"]', 'pci', [{ spec: '01:00.0,name=gpu', ...BDF, name: 'gpu' }], ['XM0215@2:22-2:25']],
  ['pci = ["bdf=01:00.0,name=gpu"]', 'pci', [{ spec: 'bdf=01:00.0,name=gpu', ...BDF, name: 'gpu' }], ['XM0215@2:26-2:29']],
]);

table('pci name= in xl: parse_key_val keeps the blanks; libxl finds a device only by a name pci-assignable-add took', [
  // strndup of the text after '=': the name is " 3" (xlu_pci_parse_spec_string accepts the spec),
  // but libxl__device_pci_assignable_add refuses names that are not isgraph() throughout or longer
  // than 64 bytes, so name2bdf finds no device and xl create fails (XM0234, at the name).
  ['pci = ["name= 3"]', 'pci', [{ spec: 'name= 3', name: ' 3' }], ['XM0234@2:14-2:16']],
  ['pci = ["name=3 ,seize=1"]', 'pci', [{ spec: 'name=3 ,seize=1', name: '3 ', seize: true }], ['XM0234@2:14-2:16']],
  ['pci = ["name=a b"]', 'pci', [{ spec: 'name=a b', name: 'a b' }], ['XM0234@2:14-2:17']],
  ['pci = ["name=ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"]', 'pci', [{ spec: 'name=ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', name: 'ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd' }], ['XM0234@2:14-2:79']],
  // A printable name of at most 64 bytes is one a device can have.
  ['pci = ["name=dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"]', 'pci', [{ spec: 'name=dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', name: 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd' }], []],
  ['pci = ["name=gpu0"]', 'pci', [{ spec: 'name=gpu0', name: 'gpu0' }], []],
  // A blank before the key or before '=' is still a key xl does not know (XM0215).
  ['pci = [" name=3"]', 'pci', [{ spec: ' name=3', name: '3' }], ['XM0215@2:9-2:16']],
]);

const cpu = (from: number, to = from, negate = false) => ({ negate, kind: 'cpu', from, to });

table('cpus: strtok_r items and strtoul numbers (parse_cpurange, parse_range)', [
  // strtok_r yields no empty token: ",," and a trailing "," are skipped.
  ['cpus = "1,,2"', 'cpus', { text: '1,,2', items: [cpu(1), cpu(2)] }, []],
  ['cpus = "0-1,"', 'cpus', { text: '0-1,', items: [cpu(0, 1)] }, []],
  // strtoul skips blanks and a "+" before a number...
  ['cpus = " 1,2- 3"', 'cpus', { text: ' 1,2- 3', items: [cpu(1), cpu(2, 3)] }, []],
  ['cpus = "+1"', 'cpus', { text: '+1', items: [cpu(1)] }, []],
  ['cpus = "^ 1,0-3"', 'cpus', { text: '^ 1,0-3', items: [cpu(1, 1, true), cpu(0, 3)] }, []],
  // ...but "Invalid pcpu range" for text after it, for a blank before "all" (strcmp), and for
  // ULONG_MAX (`*a == ULONG_MAX`, also what a larger number reads as).
  ['cpus = "1 "', 'cpus', { text: '1 ', items: [] }, ['XM0205@2:9-2:11']],
  ['cpus = " all"', 'cpus', { text: ' all', items: [] }, ['XM0205@2:9-2:13']],
  ['cpus = "18446744073709551615"', 'cpus', { text: '18446744073709551615', items: [] }, ['XM0205@2:9-2:29']],
  // No token at all: an empty affinity, which Xen refuses when libxl sets it.
  ['cpus = ","', 'cpus', { text: ',', items: [] }, ['XM0205@2:9-2:10']],
]);

table('cpus lists: entries past max_vcpus are never parsed (parse_vcpu_affinity: `j < num_cpus`)', [
  // vcpus defaults to 1: "x" is the second entry, never read (the extra entry is XM0204, a rule).
  ['cpus = ["0", "x"]', 'cpus', [{ text: '0', items: [cpu(0)] }, { text: 'x', items: [] }], []],
  ['vcpus = 2; cpus_soft = ["0", "1", "5-3"]', 'cpus_soft', [{ text: '0', items: [cpu(0)] }, { text: '1', items: [cpu(1)] }, { text: '5-3', items: [] }], []],
]);
