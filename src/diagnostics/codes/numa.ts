/** @fileoverview XM03xx codes: the NUMA options numa, numanodes, numanode (spec §3). */
import { defineCodes } from '../registry.js';

export const numaCodes = defineCodes({
  XM0301: {
    severity: 'error',
    title: 'bad numa value',
    explanation: 'numa accepts "on", on, 1, True (one-node placement) or "off", 0, False (no placement). Any other value leaves the NUMA request undefined.',
    bad: 'numa = "yes"',
    good: 'numa = "on"',
  },
  XM0302: {
    severity: 'error',
    title: 'numa off with numanode(s)',
    explanation: 'numa = "off" turns placement off, while numanodes / numanode ask for it. Remove one of them. (With numa = "off" alone, plan pins nothing and restricts no node.)',
    bad: 'numa = "off"\nnumanode = 0,1',
    good: 'numanode = 0,1',
  },
  XM0303: {
    severity: 'error',
    title: 'numanodes differs from the numanode list',
    explanation: 'numanodes gives the number of nodes and numanode lists them; the count must equal the number of listed nodes. Drop numanodes (it is implied by the list) or fix the list.',
    bad: 'numanodes = 3\nnumanode = 0,1',
    good: 'numanode = 0,1',
  },
  XM0304: {
    severity: 'error',
    title: 'numanodes below 1',
    explanation: 'numanodes is the number of host nodes to place the guest on and must be at least 1. Use numa = "off" to turn placement off.',
    bad: 'numanodes = 0',
    good: 'numanodes = 1',
  },
  XM0305: {
    severity: 'error',
    title: 'node listed twice',
    explanation: 'Each host node may appear only once in numanode. A repeated node does not give the guest more memory or CPUs there.',
    bad: 'numanode = 0,0,1',
    good: 'numanode = 0,1',
  },
  XM0306: {
    severity: 'warning',
    title: 'more NUMA nodes than vCPUs',
    explanation: 'vCPUs are spread over the nodes in proportion (vCPU i goes to node floor(i * k / maxvcpus); without maxvcpus, xl takes the vCPUs vnuma lists, else vcpus), so with more nodes than vCPUs some nodes get no vCPU. `xmcfg plan` still splits the memory evenly over every node and lets the nearest vCPUs also run on the CPUs of a node without vCPUs (without vnuma Xen takes memory only from the nodes of the CPUs the vCPUs may run on), so those vCPUs run farther from part of their memory. Lower numanodes or add vCPUs.',
    bad: 'vcpus = 1\nnumanodes = 2',
    good: 'vcpus = 2\nnumanodes = 2',
  },
  XM0307: {
    severity: 'error',
    title: 'bad numanode(s) value',
    explanation: 'numanodes is a positive integer; numanode is a node id, a tuple 0,1, a list [0, 1], or a string "0,1" / "0-1" of non-negative node ids.',
    bad: 'numanode = "a-b"',
    good: 'numanode = "0-1"',
  },
});
