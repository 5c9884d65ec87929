/**
 * @fileoverview vNUMA rules (xl.cfg(5) and libxl, reference §c): sizes add up to maxmem, every vCPU
 * in exactly one vnode, one distance per vnode, local distance not above any remote one. xl only:
 * xm never read vnuma (create.py has no such option), so the rules' xm view has none (XM0553 notes
 * the key).
 */
import { plural, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Setting } from '../../syntax/value.js';
import { makeDiag, valueAt, keyAt, type Rule } from './context.js';

/**
 * Whether vnode `i` of the file's vnuma writes `key=` in an item xl reads (a string, or a bare
 * number). A vnode that does not is not unknown to xl: parse_vnuma_config starts each vnode at
 * memkb 0 and no vCPU, so its size counts 0 MiB and it lists no vCPU (decision 107). One that
 * writes a value normalisation refused is unknown, and its finding (XM0216) is the one to give.
 */
function vnodeWrites(vnuma: Setting | undefined, i: number, key: 'size' | 'vcpus'): boolean {
  const node = vnuma?.value.kind === 'list' ? vnuma.value.items[i] : undefined;
  if (node?.kind !== 'list') return true;
  const at = new RegExp(`^[ \\t]*${key}[ \\t]*=`);
  return node.items.some((it) => (it.kind === 'string' ? at.test(it.value) : it.kind === 'number' && at.test(it.text)));
}

/**
 * vnode sizes vs maxmem (XM0208). xl reads memory into the target only and maxmem into max_memkb
 * before parse_vnuma_config, which exits on an explicit maxmem other than the sizes' total and
 * otherwise makes the total maxmem: without maxmem, a smaller memory is the balloon target (no
 * finding), a larger one is above that maxmem (as XM0202).
 */
export const vnumaSizes: Rule = ({ config, spans, unknown, effective }) => {
  const nodes = config.vnuma;
  const vnuma = effective.get('vnuma');
  if (!Array.isArray(nodes) || nodes.length === 0 || nodes.some((n, i) => typeof n.size !== 'number' && vnodeWrites(vnuma, i, 'size'))) return [];
  const total = nodes.reduce((a, n) => a + (n.size ?? 0), 0);
  // A vnode without size= adds 0 MiB (xl's memkb starts at 0); it has no size to point at.
  const related = nodes.flatMap((n, i) => (n.size === undefined ? [] : [{ message: `vnode ${i} size`, span: valueAt(spans, `/vnuma/${i}/size`) }]));
  if (typeof config.maxmem === 'number') {
    if (config.maxmem === total) return [];
    return [
      makeDiag('XM0208', valueAt(spans, '/maxmem'), `maxmem is ${config.maxmem} MiB but the vnuma sizes add up to ${total} MiB; xl exits with "maxmem and vnuma memory size mismatch"`, {
        related,
        hint: `set maxmem = ${total}`,
      }),
    ];
  }
  // A maxmem that is written but unknown may be the total.
  if (unknown.has('maxmem') || typeof config.memory !== 'number' || config.memory <= total) return [];
  return [
    makeDiag('XM0208', valueAt(spans, '/memory'), `memory is ${config.memory} MiB but the vnuma sizes add up to ${total} MiB, which xl makes maxmem: memory is above maxmem`, {
      related,
      hint: `set memory = ${total} (or less), or make the vnode sizes add up to ${config.memory}`,
    }),
  ];
};

/** Every vCPU in exactly one vnode, matching maxvcpus (XM0209). */
export const vnumaVcpus: Rule = ({ config, spans, unknown, effective }) => {
  const nodes = config.vnuma;
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  const out: Diagnostic[] = [];
  const owner = new Map<number, number>();
  let listed = 0;
  nodes.forEach((n, i) => {
    for (const c of n.vcpus ?? []) {
      listed++;
      const prev = owner.get(c);
      if (prev !== undefined) {
        out.push(
          makeDiag('XM0209', valueAt(spans, `/vnuma/${i}/vcpus`), `vCPU ${c} is in vnode ${prev} and again in vnode ${i}`, {
            hint: `remove vCPU ${c} from one of the two vnodes`,
            related: [{ message: `vnode ${prev} lists it here`, span: valueAt(spans, `/vnuma/${prev}/vcpus`) }],
          }),
        );
      } else owner.set(c, i);
    }
  });
  // A vnode without vcpus= lists no vCPU (xl's bitmap starts empty); one whose vcpus= was refused is unknown.
  const vnuma = effective.get('vnuma');
  if (nodes.some((n, i) => n.vcpus === undefined && vnodeWrites(vnuma, i, 'vcpus'))) return out;
  // The vCPU count is maxvcpus, else what vnuma lists: xl reads only maxvcpus into max_vcpus before
  // parse_vnuma_config, which sets it to the listed count when it is not set (vcpus is the number
  // online at start). None of them when the key that would decide it is written but unknown.
  if (typeof config.maxvcpus !== 'number' && (unknown.has('maxvcpus') || (typeof config.vcpus !== 'number' && unknown.has('vcpus')))) return out;
  const ptr = typeof config.maxvcpus === 'number' ? '/maxvcpus' : null;
  const n = ptr === null ? listed : config.maxvcpus!;
  if (ptr !== null && listed !== n) {
    out.push(makeDiag('XM0209', valueAt(spans, '/maxvcpus'), `maxvcpus is ${n} but vnuma lists ${listed} vCPUs; xl exits with "vnuma vcpus and maxvcpus= mismatch"`, { related: [{ message: 'vnuma', span: keyAt(spans, '/vnuma') }], hint: `set maxvcpus = ${listed}, or list ${plural(n, 'vCPU')} in the vnodes` }));
    return out;
  }
  if (ptr === null && typeof config.vcpus === 'number' && config.vcpus > listed) {
    out.push(makeDiag('XM0209', valueAt(spans, '/vcpus'), `vcpus is ${config.vcpus} but vnuma lists ${listed} vCPUs, which become maxvcpus; xl exits with "maxvcpus < vcpus"`, { related: [{ message: 'vnuma', span: keyAt(spans, '/vnuma') }], hint: `set vcpus = ${listed}, or list ${config.vcpus} vCPUs in the vnodes` }));
    return out;
  }
  const missing: number[] = [];
  for (let c = 0; c < n && missing.length < 9; c++) if (!owner.has(c)) missing.push(c);
  const beyond = [...owner.keys()].filter((c) => c >= n).sort((a, b) => a - b);
  if (missing.length > 0) {
    out.push(makeDiag('XM0209', valueAt(spans, '/vnuma'), `vCPU${missing.length > 1 ? 's' : ''} ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''} of 0..${n - 1} ${missing.length > 1 ? 'are' : 'is'} in no vnode`, { hint: `add ${missing.length > 1 ? 'them' : 'it'} to the vcpus= of a vnode` }));
  }
  if (beyond.length > 0) {
    const i = owner.get(beyond[0]!)!;
    out.push(makeDiag('XM0209', valueAt(spans, `/vnuma/${i}/vcpus`), `vnuma lists vCPU ${beyond[0]} but the guest has ${plural(n, 'vCPU')} (0..${n - 1})`, {
      hint: `list only vCPUs 0..${n - 1}${ptr === null ? '' : ', or raise maxvcpus'}`,
      ...(ptr && { related: [{ message: 'maxvcpus is set here', span: valueAt(spans, ptr) }] }),
    }));
  }
  return out;
};

/** One distance per vnode, and the local distance no greater than any remote one (XM0210, XM0211). */
export const vnumaDistances: Rule = ({ config, spans }) => {
  const nodes = config.vnuma;
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  const out: Diagnostic[] = [];
  nodes.forEach((n, i) => {
    const d = n.vdistances;
    if (d === undefined) return;
    const at = valueAt(spans, `/vnuma/${i}/vdistances`);
    if (d.length !== nodes.length) {
      out.push(makeDiag('XM0210', at, `vnode ${i} has ${d.length} vdistances but there are ${nodes.length} vnodes (one distance to each vnode, itself included)`, { hint: `give ${nodes.length} distances, one to each vnode in order` }));
      return;
    }
    const local = d[i]!;
    const j = d.findIndex((x, k) => k !== i && x < local);
    if (j !== -1) out.push(makeDiag('XM0211', at, `vnode ${i}: distance to vnode ${j} (${d[j]}) is smaller than its local distance (${local}, position ${i})`));
  });
  return out;
};

/** Xen's largest vnode count: XEN_DOMCTL_setvnumainfo refuses nr_vnodes² distances beyond one 4 KiB page of 4-byte entries (XSA-77). */
export const MAX_VNODES = 32;

/**
 * More vnodes than Xen takes (XM0255): vnuma_alloc (common/domctl.c) returns EINVAL when
 * nr_vnodes * nr_vnodes > PAGE_SIZE / sizeof(unsigned int), so `xl create` fails after xl and
 * libxl accepted the file. Reported at the first vnode past the limit.
 */
export const vnumaTooMany: Rule = ({ config, spans }) => {
  const nodes = config.vnuma;
  if (!Array.isArray(nodes) || nodes.length <= MAX_VNODES) return [];
  return [
    makeDiag('XM0255', valueAt(spans, `/vnuma/${MAX_VNODES}`), `vnuma has ${nodes.length} vnodes; Xen takes at most ${MAX_VNODES} (the vnode distance table must fit one 4 KiB page), so xl create fails with "Invalid argument"`, {
      related: [{ message: 'vnuma', span: keyAt(spans, '/vnuma') }],
      hint: `merge vnodes that sit on the same physical node, down to ${MAX_VNODES} or fewer`,
    }),
  ];
};
