/** @fileoverview XM04xx codes: placement against a host. */
import { defineCodes } from '../registry.js';

export const placementCodes = defineCodes({
  XM0401: {
    severity: 'error',
    title: 'invalid host topology',
    explanation:
      'The host description given with --host (JSON, `xl info -n` text or sysfs) is malformed: a required field is missing, a value has the wrong type or range, a key is written twice in one JSON object (JSON keeps only the last, so which value is meant is not known; the message gives the line and column of both), a node id appears twice, a CPU belongs to two nodes or no node has a CPU. The library\'s readHost, check and plan say it also of a host object that cannot be read as JSON data: a getter that throws, a revoked Proxy, an object that holds itself, nesting deeper than 64 levels, a list of more than 1,048,576 items (decision 066). The message names the field. Nothing is planned against a host that cannot be trusted.',
    bad: '{ "nodes": [ { "id": 0, "cpus": [0,1], "memory_mib": 4096 } ] }',
    good: '{ "nodes": [ { "id": 0, "cpus": [0,1], "memory_mib": 4096, "free_mib": 3072 } ] }',
  },
  XM0402: {
    severity: 'error',
    title: 'NUMA node not on this host',
    explanation:
      'The config names a NUMA node (numanode = …, or a migration target) that the host does not have. Node ids may be sparse, so check the ids `xmcfg host` prints rather than counting nodes.',
    bad: 'numanode = 0,4   # host nodes: 0,1',
    good: 'numanode = 0,1',
  },
  XM0403: {
    severity: 'error',
    title: 'listed nodes lack memory',
    explanation:
      'The nodes the config lists with numanode do not have enough free memory together (after live reservations in the ledger) to hold the guest. The message says how much each listed node has free (a node without memory, such as a CPU-only node, is named as having none) and how much is missing. List other nodes, let the allocator choose (numa = "on" / numanodes = k), or lower memory.',
    bad: 'memory = 65536\nnumanode = 1   # node 1 has 30122 MiB free',
    good: 'memory = 65536\nnumanodes = 3',
  },
  XM0404: {
    severity: 'error',
    title: 'no node set holds the guest',
    explanation:
      'No choice of nodes the request allows can hold the guest: numa = "on" needs one node with the memory free, numanodes = k needs k nodes that together hold it (the k freest are checked) and a guest without NUMA keys needs the host to hold it. The host may also have fewer nodes than numanodes asks for. The message names the freest candidates and the shortfall in MiB. With --policy most-free (and round-robin, which falls back to it), numanodes = k also needs k nodes that have some memory free, each to hold a share: the message then names the nodes that have memory and those that lack it (full, or without memory at all).',
    bad: 'numa = "on"\nmemory = 49152   # every node has 32768 MiB',
    good: 'numa = "on"\nnumanodes = 2\nmemory = 49152',
  },
  XM0405: {
    severity: 'error',
    title: 'cpus outside the NUMA nodes',
    explanation:
      'The config pins its vCPUs (cpus = …) to CPUs that do not belong to the NUMA nodes it asks for, or to CPUs the host does not have (one string naming none of its CPUs, or one entry of a per-vCPU list naming none, whatever the other entries name). The vCPUs would run far from their memory, or creation fails with an empty affinity (Xen refuses that vCPU\'s mask: "setting affinity failed on vcpu"). Pin to CPUs of the listed nodes (`cpus = "nodes:1"`), or drop cpus and let the plan pin.',
    bad: 'numanode = 1     # node 1 has CPUs 4-7\ncpus = "0-3"',
    good: 'numanode = 1\ncpus = "4-7"',
  },
  XM0406: {
    severity: 'warning',
    title: 'vCPUs overcommit a node',
    explanation:
      'The plan puts more vCPUs of this guest on a node than the node has CPUs they may run on (the node\'s CPUs within each vCPU\'s hard affinity: a cpus that keeps one CPU of a node leaves its vCPUs that one; the finding is then at cpus). The RFC allows it (numa = "on" forces one node), but the vCPUs share CPUs and throughput drops; a guest this wide is usually better spread with numanodes = k. A guest without NUMA keys that has more vCPUs than the host (or the nodes its cpus reach) has CPUs is spread over the nodes as evenly as their CPUs allow, and the nodes that still get more vCPUs than CPUs are named in this warning. One finding names every such node (as ranges, `nodes 0-3,7`): one at cpus for the nodes cpus narrows, one at vcpus for the others. A node without CPUs is the extreme case, with a finding of its own: its vCPUs run on the CPUs of the nearest nodes that have some, and unless the plan\'s vnuma names the node (HVM and PVH guests over several nodes), Xen takes the guest\'s memory from the nodes of those CPUs, so the message names the MiB the xl lines cannot keep on it.',
    bad: 'vcpus = 16\nnuma = "on"   # nodes have 8 CPUs',
    good: 'vcpus = 16\nnumanodes = 2',
  },
  XM0407: {
    severity: 'error',
    title: 'domain already reserved',
    explanation:
      'plan --reserve found a live reservation for a domain of the same name in the ledger. Reservations are keyed by domain name so one guest is never booked twice; release the old one first (`xmcfg release NAME`) or rename the guest.',
    bad: '$ xmcfg plan web.cfg --reserve   # web is already reserved',
    good: '$ xmcfg release web && xmcfg plan web.cfg --reserve',
  },
  XM0408: {
    severity: 'error',
    title: 'ledger unusable',
    explanation:
      'The reservation ledger (SQLite) could not be used: another process held its lock past the wait, the file is corrupt or not an xmcfg ledger, or it was written by a newer xmcfg. Nothing is planned from a ledger that cannot be read, because a plan that ignores reservations could book memory twice. Retry, or move the file aside (a new ledger is created).',
    bad: '$ xmcfg plan web.cfg --ledger /tmp/not-a-database --reserve',
    good: '$ xmcfg plan web.cfg --ledger ~/.local/state/xmcfg/ledger.db --reserve',
  },
  XM0409: {
    severity: 'error',
    title: 'migration target cannot hold the guest',
    explanation:
      'A local live migration (xl migrate NAME localhost onto other nodes) copies the guest while the source copy keeps running, so for a while the host holds it twice. The target nodes do not have the whole guest free on top of everything already placed. Free memory there, or pick a target with room.',
    bad: '$ xmcfg migrate-plan web --to-node 1   # node 1: 1024 MiB free, web: 4096 MiB',
    good: '$ xmcfg migrate-plan web --to-node 2   # node 2: 20480 MiB free',
  },
  XM0410: {
    severity: 'error',
    title: 'no reservation for this domain',
    explanation:
      'release, migrate-plan and rebalance work on guests recorded in the ledger by plan --reserve; the named domain has no reservation there. Check the name with `xmcfg ledger list`, or the --ledger path.',
    bad: '$ xmcfg release wbe',
    good: '$ xmcfg release web',
  },
  XM0411: {
    severity: 'warning',
    title: 'questionable host topology',
    explanation:
      'The host description is usable but odd: free memory above the node size (clamped), a distance matrix with missing or unknown entries (missing ones are taken as 20, the SLIT remote default), a node whose distance to itself is not 10 (SLIT distances are relative to it), a remote distance below the local one, a sysfs distance file that does not list one decimal value per node (ignored), CPUs on a node without memory data or on no node at all (`-1` in `xl info -n`), fewer `xl info -n` numa_info rows than its nr_nodes (output cut short: the node whose row is lost is left out), node folders sysfs does not list as online, or sysfs read under Xen (it shows the domain\'s own memory, not the hypervisor\'s). Plans on such a host may not pick the nearest nodes, or may count memory Xen does not have.',
    bad: '{ "nodes": [ { "id": 0, "cpus": [0], "memory_mib": 1024, "free_mib": 2048, "distances": {"0": 10} } ] }',
    good: '{ "nodes": [ { "id": 0, "cpus": [0], "memory_mib": 2048, "free_mib": 2048, "distances": {"0": 10} } ] }',
  },
  XM0412: {
    severity: 'info',
    title: 'memory split unevenly',
    explanation:
      'A multi-node guest normally gets memory on each node in proportion to the vCPUs placed there. One of the chosen nodes could not hold its share, so the rest went to the other nodes: the guest is placed, but some vCPUs reach more of their memory across the interconnect.',
    bad: 'numanode = 0,1\nvcpus = 2\nmemory = 8192   # node 0: 2048 MiB free',
    good: 'numanode = 1,2\nvcpus = 2\nmemory = 8192',
  },
  XM0413: {
    severity: 'error',
    title: 'plan input not known',
    explanation:
      'plan, plan --reserve and convert --to xl --host make no plan when a key the plan\'s demand is made of (the guest\'s memory, its vCPUs and their pinning, its NUMA request, and hap, which sets the creation flags) is written but its value is not known: its expression is not evaluated (an xm call or an unbound name), it is assigned only inside a block xmcfg does not read (an xm `if`, `for`, `def`), or the value is rejected. A plan would put the dialect\'s default (xl: maxmem or 32 MiB, xm: 128 MiB; one vCPU, automatic placement) in its place and place, or book in the ledger, a guest the file does not describe. The finding is at the key; the finding at the value says why it is not known. Write the value as a plain setting. The library\'s plan() says the same, at 1:1, of a config object whose keys it reads (vnuma and builder among them) hold a value of the wrong kind or one that cannot be read as JSON data (a getter that throws, a revoked Proxy, a cycle; decision 066), and of its own options (policy, affinity, cursor, dialect) when one is outside its type or cannot be read, or they are not an object.',
    bad: 'name = "web"\nkernel = "/boot/vmlinuz"\nmemory = 4096\nvcpus = cpu_count()',
    good: 'name = "web"\nkernel = "/boot/vmlinuz"\nmemory = 4096\nvcpus = 4',
  },
  XM0414: {
    severity: 'error',
    title: 'guest cannot move by local live migration',
    explanation:
      'migrate-plan moves a guest with `xl migrate -C CONFIG NAME localhost`, which saves and restores it. Two kinds of reserved guest cannot move that way: a guest with a virtual NUMA layout, whether its plan gave it one (vnuma = …) or its config has its own (the plan then follows that vnuma\'s pnodes) — xl cannot save or migrate a vNUMA guest, and the layout names its physical nodes —, and a guest reserved with numa = "off" (it was never placed, and the ledger has no vCPU map to move). Shut the guest down, change its placement (numanode = …, or pnode= in vnuma) and create it again.',
    bad: '$ xmcfg migrate-plan db --to-node 2   # db was planned on nodes 0,1 with vnuma',
    good: '$ xl shutdown db; xmcfg release db; xmcfg plan db.cfg --reserve --format xl   # with numanode = 2,3',
  },
  XM0415: {
    severity: 'error',
    title: 'more vCPUs than a Xen domain may have',
    explanation:
      'maxvcpus (or vcpus, when maxvcpus is not set) is above the most vCPUs Xen gives a domain of the guest\'s type: 128 for HVM and PVH guests (HVM_MAX_VCPUS), 8192 for PV guests (MAX_VIRT_CPUS on x86). The hypervisor refuses to create the domain (arch_sanitise_domain_config: "Requested vCPUs (N) exceeds max (M)", EINVAL). check reports it with or without --host (no host is needed to know it), and plan makes no plan for such a guest: it would pin vCPUs that can never exist.',
    bad: 'type = "hvm"\nmaxvcpus = 256',
    good: 'type = "hvm"\nmaxvcpus = 128',
  },
  XM0416: {
    severity: 'warning',
    title: 'cpus name CPUs the host lacks',
    explanation:
      'The config pins its vCPUs (cpus = …) to a list that names CPUs this host does not have, next to some it has. The vCPUs run only on the CPUs that exist, so the pinning is narrower than it reads, and the config pins differently on another host. (When no CPU of the list, or of one vCPU\'s entry in a per-vCPU list, exists at all, that affinity is empty and creation fails: that is XM0405, an error.) List the host\'s own CPUs (`xmcfg host` prints them), or pin by node (`cpus = "nodes:0"`).',
    bad: 'cpus = "0-99"   # the host has CPUs 0-7',
    good: 'cpus = "0-7"',
  },
  XM0417: {
    severity: 'warning',
    title: 'plan pins vCPUs outside cpus',
    explanation:
      'The config pins its vCPUs (cpus = …), but some of them are planned on a node none of whose CPUs the pinning allows: the node that numanode lists for them, the target node of a move (migrate-plan --to-node, whatever NUMA keys the file has), or, when the allocator chooses, because the nodes the pinning reaches cannot hold the guest. The plan pins those vCPUs to their node\'s CPUs instead, so its `cpus` lines replace the config\'s for them. Planned with --affinity soft, the plan\'s `cpus_soft` lines give those vCPUs their node\'s CPUs while the config\'s `cpus` stay their hard affinity: libxl warns that the soft affinity is unreachable, and Xen runs them on the config\'s CPUs. Pin the vCPUs to CPUs of their nodes, or drop cpus and let the plan pin. migrate-plan says the same of a move\'s target nodes, from the cpus the ledger stored with the guest\'s plan: it keeps the pins that fall on the target and pins the other vCPUs to the target\'s CPUs, or all of them when the cpus name no CPU of the target (decision 050).',
    bad: 'numanode = 0,1\nvcpus = 2\ncpus = "0-3"   # node 1 has CPUs 4-7',
    good: 'numanode = 0,1\nvcpus = 2\ncpus = "0-7"',
  },
  XM0418: {
    severity: 'warning',
    title: 'reservation on a node the host lacks',
    explanation:
      'A reservation in the ledger books memory or vCPUs on a node this host does not have, so plan, migrate-plan and rebalance cannot subtract it from any node: that part is not counted, and the free memory they see may be memory the guest holds. The parts on nodes the host has are still counted; rebalance never proposes moving such a guest. Usually the ledger was kept for another host (a shared --ledger, a --host file of another machine, or no --host, so this machine\'s sysfs was read), or the host lost a node since the booking. Compare `xmcfg ledger list` with the host, pass the right --host or --ledger, and release the reservation of a guest that is gone.',
    bad: '$ xmcfg plan db.cfg --host two-node.json   # the ledger books web on node 3',
    good: '$ xmcfg plan db.cfg --host four-node.json',
  },
  XM0419: {
    severity: 'warning',
    title: 'rebalance search cut short',
    explanation:
      'rebalance looks for the list of migrations that moves the least memory, first with a greedy list, then with an exact search; both share one budget of trial moves and of guest-and-node pairs looked at, so the command always ends quickly. This run spent the budget before the search was done: the moves it prints are feasible, but a list moving less memory, or one that reaches the threshold, may exist. It happens with thousands of guests of different sizes and a large --max-moves. Run it again after the printed moves, raise --threshold, or lower --max-moves.',
    bad: '$ xmcfg rebalance --threshold 0 --max-moves 100000   # 20,000 guests of different sizes',
    good: '$ xmcfg rebalance --threshold 10 --max-moves 5',
  },
  XM0420: {
    severity: 'error',
    title: 'vnuma names a node the host cannot take',
    explanation:
      "A vnode of the config's own `vnuma` has a `pnode` that this host does not offer. xl checks each pnode against the host's node count (physinfo `nr_nodes`, the number of online nodes, not the highest node id) and exits with \"invalid pnode number\" for one that is not below it; a pnode below the count that no node has (node ids may be sparse) fails when libxl allocates the vnode's memory on exactly that node. Either way `xl create` fails. `xmcfg host` prints the node ids; on a host with sparse ids, only the ones below the node count can be named, so leave `vnuma` out and let `xmcfg plan` pin the guest instead.",
    bad: 'type = "hvm"\nmemory = 2048\nmaxvcpus = 2\nvnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10,21"], ["pnode=2", "size=1024", "vcpus=1", "vdistances=21,10"]]   # host nodes: 0,1',
    good: 'type = "hvm"\nmemory = 2048\nmaxvcpus = 2\nvnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10,21"], ["pnode=1", "size=1024", "vcpus=1", "vdistances=21,10"]]',
  },
  XM0421: {
    severity: 'error',
    title: 'vnuma lists more vCPUs than the host has CPUs',
    explanation:
      "Without `maxvcpus`, xl makes the number of vCPUs the config's own `vnuma` lists the guest's maximum, and first compares it with the host's online CPUs: more vCPUs than CPUs and `xl create` exits with \"vnuma specifies more vcpus than pcpus, use maxvcpus= to override this check\". Setting `maxvcpus` to the listed count skips that check (the vCPUs then share CPUs); otherwise list no more vCPUs than the host has.",
    bad: 'type = "hvm"\nmemory = 2048\nvnuma = [["pnode=0", "size=1024", "vcpus=0-5", "vdistances=10,21"], ["pnode=1", "size=1024", "vcpus=6-9", "vdistances=21,10"]]   # the host has CPUs 0-7',
    good: 'type = "hvm"\nmemory = 2048\nmaxvcpus = 10\nvnuma = [["pnode=0", "size=1024", "vcpus=0-5", "vdistances=10,21"], ["pnode=1", "size=1024", "vcpus=6-9", "vdistances=21,10"]]',
  },
  XM0422: {
    severity: 'error',
    title: 'migration target node has no CPUs',
    explanation:
      "migrate-plan moves a guest by pinning its vCPUs to the target's CPUs; a migrated guest keeps its virtual topology, so it gets no vnuma, and without vnuma Xen takes a guest's memory only from the nodes of the CPUs its vCPUs run on. A target node without CPUs (a memory-only node) would be booked in the ledger while the guest's memory went to the nodes whose CPUs its vCPUs borrow. Name target nodes that have CPUs (`xmcfg host` lists them).",
    bad: '$ xmcfg migrate-plan web --to-node 2   # node 2 has memory but no CPUs',
    good: '$ xmcfg migrate-plan web --to-node 1   # node 1 has CPUs 4-7',
  },
  XM0423: {
    severity: 'warning',
    title: 'cpus leave out a node the plan gives memory',
    explanation:
      "The plan puts part of the guest's memory on a node none of whose CPUs the config's own pinning (cpus = …) allows. That happens when the guest has fewer vCPUs than the nodes numanodes or numanode asks for: a node that gets memory but no vCPU lends its CPUs to the nearest vCPUs, because without vnuma Xen takes a guest's memory only from the nodes of the CPUs its vCPUs may run on. The config's cpus take those CPUs away again, so `xl create` puts that node's share on the other nodes, while the plan and the ledger book it there. Add the node's CPUs to cpus, drop cpus and let the plan pin, or ask for no more nodes than the guest has vCPUs.",
    bad: 'vcpus = 2\nnumanodes = 4\ncpus = "0-3,8-11"   # nodes of 4 CPUs: nodes 1 and 3 get memory, no CPU',
    good: 'vcpus = 2\nnumanodes = 4\ncpus = "0-15"',
  },
  XM0424: {
    severity: 'warning',
    title: "vnuma's pnodes are not the plan's nodes",
    explanation:
      "The config asks xmcfg for a placement (numa, numanodes or numanode) and also sets a vnuma of its own with pnodes. The NUMA keys decide the plan, but libxl allocates each vnode's memory on exactly its pnode, so `xl create` puts the guest's memory on the pnodes while the plan pins the vCPUs to other nodes and the ledger books memory there. Drop the NUMA keys (a complete vnuma then places the guest by itself), or drop vnuma and let the plan write vnuma lines of its own.",
    bad: 'type = "hvm"\nmemory = 2048\nmaxvcpus = 2\nnumanode = 0\nvnuma = [["pnode=1", "size=2048", "vcpus=0-1", "vdistances=10"]]',
    good: 'type = "hvm"\nmemory = 2048\nmaxvcpus = 2\nvnuma = [["pnode=1", "size=2048", "vcpus=0-1", "vdistances=10"]]',
  },
  XM0425: {
    severity: 'warning',
    title: 'cpus_soft leaves out a node the plan gives memory',
    explanation:
      "The plan pins the vCPUs (cpus lines) and the config keeps its own soft affinity (cpus_soft = …). Without vnuma Xen takes a guest's memory only from the nodes of the CPUs that are in both the hard and the soft affinity (domain_update_node_affinity), so a planned node none of whose CPUs cpus_soft names gets none of the memory the plan and the ledger book on it: `xl create` puts it on the other nodes. It happens when numanode or numanodes ask for nodes cpus_soft leaves out, or when the nodes cpus_soft names cannot hold the guest. Add the node's CPUs to cpus_soft, drop cpus_soft, or plan with --affinity soft (its cpus_soft lines replace the config's). migrate-plan says the same of a move's target nodes, from the cpus_soft the ledger stored with the guest's plan. Decisions 042, 046.",
    bad: 'vcpus = 2\nnumanodes = 2\ncpus_soft = "node:0"   # the plan takes nodes 0 and 1',
    good: 'vcpus = 2\nnumanodes = 2\ncpus_soft = "node:0-1"',
  },
  XM0426: {
    severity: 'warning',
    title: "cpus_soft shares no CPU with a vCPU's planned pins",
    explanation:
      "The plan pins a vCPU to the CPUs of its node (cpus lines) while the config's own cpus_soft gives that vCPU CPUs none of which are among them. libxl warns \"All cpus in soft affinity of vcpu N are unreachable. Only hard affinity will be considered for scheduling\" and the soft affinity does nothing for that vCPU (and, when it shares no CPU with any pin, for the guest's memory either). The config asks for two placements that exclude each other: drop cpus_soft, ask for the nodes whose CPUs it names, or plan with --affinity soft (its cpus_soft lines replace the config's). migrate-plan says the same of a move's target, from the cpus_soft the ledger stored with the guest's plan. Decisions 042, 046.",
    bad: 'vcpus = 2\nnumanode = 0\ncpus_soft = "node:1"',
    good: 'vcpus = 2\nnumanode = 1\ncpus_soft = "node:1"',
  },
  XM0427: {
    severity: 'warning',
    title: "reservation's cpus name no CPU of the host",
    explanation:
      "The ledger keeps the cpus of a reserved guest's config beside its plan (decision 050), and that cpus (the one list, or some vCPU's entry of a per-vCPU list) names no CPU of this host. The host description lost those CPUs since the booking (CPUs offlined or renumbered, a --host file of another machine, no --host so this machine's sysfs was read), or the ledger belongs to another host. The guest's file would fail `xl create` here (an empty affinity, XM0405), and which of the host's nodes its pins meant is not known. migrate-plan still plans a move it is asked for, pinning the vCPUs to the target's CPUs (its cpus lines replace the file's); rebalance counts the guest as load and never proposes moving it. Compare the cpus in the guest's file with `xmcfg host`, pass the right --host or --ledger, and fix cpus before the guest is created again.",
    bad: '$ xmcfg rebalance --host now.json   # web was reserved with cpus = "8-11"; now.json has CPUs 0-7',
    good: '$ xmcfg rebalance --host then.json   # the host web was reserved on, CPUs 0-15',
  },
  XM0428: {
    severity: 'warning',
    title: "reservation's cpus_soft name no CPU of the host",
    explanation:
      "The ledger keeps the cpus_soft of a reserved guest's config beside its plan (decision 046), and that cpus_soft (the one list, or some vCPU's entry of a per-vCPU list) names no CPU of this host. The host description lost those CPUs since the booking (CPUs offlined or renumbered, a --host file of another machine, no --host so this machine's sysfs was read), or the ledger belongs to another host. No node keeps that vCPU's soft affinity (Xen would ignore it anywhere here), and which of the host's nodes it meant is not known: rebalance counts the guest as load and never proposes moving it (before, it was left out without a word), and migrate-plan says this on every outcome (the move planned, nothing to do, XM0409), in place of XM0426 for those vCPUs (decision 073). Compare the cpus_soft in the guest's file with `xmcfg host`, pass the right --host or --ledger, and fix cpus_soft before the guest is created again. Decisions 072, 073.",
    bad: '$ xmcfg rebalance --host now.json   # web was reserved with cpus_soft = "8-11"; now.json has CPUs 0-7',
    good: '$ xmcfg rebalance --host then.json   # the host web was reserved on, CPUs 0-15',
  },
  XM0429: {
    severity: 'warning',
    title: 'node item of cpus keeps only CPUs below 64',
    explanation:
      "A `node:N` or `nodes:A-B` item of `cpus` or `cpus_soft` (also under `^`) names a node with CPUs numbered 64 or more on this host. xl fills such an item through a temporary map sized for NUMA nodes, not CPUs (libxl_node_bitmap_alloc: the hypervisor's MAX_NUMNODES, 64 bits on a default x86 build), and libxl silently ignores a CPU past the map's size: `xl create` pins the vCPUs only to the node's CPUs below 64 (`cpus = \"node:1\"` on a host of 2 × 48 CPUs is CPUs 48-63), and `^node:1` removes only those. xmcfg's plans, ledger and findings resolve the item the same way (decision 106). Plain CPU numbers are not cut: write the node's CPUs as numbers (`xmcfg host` lists them).",
    bad: 'vcpus = 4\ncpus = "node:1"   # node 1 has CPUs 48-95',
    good: 'vcpus = 4\ncpus = "48-95"',
  },
});
