/**
 * @fileoverview Memory and vCPU rules: maxmem < memory, vcpus > maxvcpus, per-vCPU CPU lists longer
 * than the vCPUs, passthrough together with populate-on-demand, root/extra shadowed by cmdline.
 */
import { plural, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiag, valueAt, keyAt, maxVcpusOf, maxVcpusRelated, maxmemOf, type Rule, type RuleInput } from './context.js';
import { guestKind } from './guest-type.js';

/** maxmem below memory (XM0202). */
export const maxmemBelowMemory: Rule = ({ config, spans }) => {
  const { memory, maxmem } = config;
  if (typeof memory !== 'number' || typeof maxmem !== 'number' || maxmem >= memory) return [];
  return [
    makeDiag('XM0202', valueAt(spans, '/maxmem'), `maxmem (${maxmem} MiB) is below memory (${memory} MiB)`, {
      related: [{ message: 'memory is set here', span: valueAt(spans, '/memory') }],
      hint: `set maxmem to at least ${memory}, or lower memory`,
    }),
  ];
};

/**
 * vcpus above maxvcpus (XM0203). xl exits. xm does not refuse it: create.py's vcpu_conf (`if
 * maxvcpus and vcpus:`) sends `vcpu_avail = (1 << vcpus) - 1` and maxvcpus as the count, so xend
 * creates maxvcpus vCPUs, all online: a warning there. An xm maxvcpus below 1 is not sent that way
 * (0 is false; a negative one fails in xend and is XM0103).
 */
export const vcpusAboveMax: Rule = ({ config, spans, dialect }) => {
  const { vcpus, maxvcpus } = config;
  if (typeof vcpus !== 'number' || typeof maxvcpus !== 'number' || vcpus <= maxvcpus) return [];
  if (dialect === 'xm') {
    if (maxvcpus < 1) return [];
    return [
      makeDiag('XM0203', valueAt(spans, '/vcpus'), `vcpus (${vcpus}) is above maxvcpus (${maxvcpus}); xm sends maxvcpus as the vCPU count, so the guest starts with ${maxvcpus} vCPUs, all online`, {
        related: [{ message: 'maxvcpus is set here', span: valueAt(spans, '/maxvcpus') }],
        severity: 'warning',
        hint: `set vcpus to at most ${maxvcpus}, or raise maxvcpus`,
      }),
    ];
  }
  return [
    makeDiag('XM0203', valueAt(spans, '/vcpus'), `vcpus (${vcpus}) is above maxvcpus (${maxvcpus}); xl exits with "maxvcpus < vcpus"`, {
      related: [{ message: 'maxvcpus is set here', span: valueAt(spans, '/maxvcpus') }],
    }),
  ];
};

/** Per-vCPU CPU lists beyond the number of vCPUs (XM0204); in xm, a list of another length than vcpus (XM0237). */
export const cpuListsBeyondVcpus: Rule = ({ config, spans, unknown, dialect }) => {
  const out: Diagnostic[] = [];
  if (dialect === 'xm') return xmCpuListLength(config, spans, unknown);
  const max = maxVcpusOf(config, unknown);
  if (max === null) return out;
  for (const key of ['cpus', 'cpus_soft'] as const) {
    // xm never read cpus_soft (XM0553): its view of the config has none.
    const v = config[key];
    if (!Array.isArray(v) || v.length <= max.value) continue;
    const first = valueAt(spans, `/${key}/${max.value}`);
    const last = valueAt(spans, `/${key}/${v.length - 1}`);
    const d = makeDiag('XM0204', { start: first.start, end: last.end }, `${key} lists ${v.length} per-vCPU CPU lists but the guest has ${plural(max.value, 'vCPU')}; xl ignores the extra entries`, {
      // With vnuma, maxvcpus must be the vCPUs it lists (XM0209): only the list can change.
      hint: `drop the last ${v.length - max.value} entr${v.length - max.value === 1 ? 'y' : 'ies'}${max.ptr === '/vnuma' ? '' : `, or set ${max.ptr === '/maxvcpus' ? 'maxvcpus' : 'vcpus'} = ${v.length}`}`,
    });
    const related = maxVcpusRelated(spans, max);
    if (related) d.related = related;
    out.push(d);
  }
  return out;
};

/**
 * xm: XendConfig._parse_sxp turns a cpus list into one CPU list per vCPU and raises "vcpus and the
 * item number of cpus are not same" unless there are exactly vcpus of them (XM0237). Not judged
 * when vcpus is unknown, or when maxvcpus (a variable xm passed on as well) is written.
 */
function xmCpuListLength(config: RuleInput['config'], spans: RuleInput['spans'], unknown: RuleInput['unknown']): Diagnostic[] {
  const joined = xmCpuJoin(config, spans, unknown);
  if (joined !== null) return [joined];
  const v = config.cpus;
  if (!Array.isArray(v) || unknown.has('vcpus') || unknown.has('maxvcpus') || config.maxvcpus !== undefined) return [];
  const vcpus = typeof config.vcpus === 'number' ? config.vcpus : 1;
  if (v.length === vcpus) return [];
  const d = makeDiag('XM0237', valueAt(spans, '/cpus'), `cpus lists ${v.length} per-vCPU CPU list(s) but vcpus is ${vcpus}; xend refuses it ("vcpus and the item number of cpus are not same")`, {
    hint: `give exactly ${vcpus} entr${vcpus === 1 ? 'y' : 'ies'}, one per vCPU, or a single string for all of them`,
  });
  if (config.vcpus !== undefined) d.related = [{ message: 'vcpus is set here', span: valueAt(spans, '/vcpus') }];
  return [d];
}

/**
 * xm: XendConfig._parse_sxp puts the deprecated cpu in front of cpus, `"%s,%s" % (str(cfg['cpu']),
 * cfg['cpus'])`, and reads the result as one CPU list: a cpus list becomes its repr ("2,['0-1']")
 * and an empty cpus a trailing empty item ("2,"), both of which fail (XM0273).
 */
function xmCpuJoin(config: RuleInput['config'], spans: RuleInput['spans'], unknown: RuleInput['unknown']): Diagnostic | null {
  const v = config.cpus;
  if (config.cpu === undefined || unknown.has('cpu') || unknown.has('cpus') || v === undefined) return null;
  const list = Array.isArray(v);
  if (!list && (v as { text?: unknown }).text !== '') return null;
  const d = makeDiag('XM0273', valueAt(spans, '/cpus'), list ? `xend joins cpu and cpus into one CPU list string, "${String(config.cpu)},[…]", with the list written out as Python shows it, and fails to read it` : `xend joins cpu and the empty cpus into "${String(config.cpu)},", whose empty last item it fails to read`, {
    hint: list ? 'drop cpu, and name its CPU in each entry of cpus' : 'drop cpus = "", or drop cpu',
  });
  d.related = [{ message: 'cpu is set here', span: valueAt(spans, '/cpu') }];
  return d;
}

/** root / extra next to cmdline: xl ignores them (XM0219). */
export const rootExtraWithCmdline: Rule = ({ config, spans, dialect }) => {
  if (typeof config.cmdline !== 'string') return [];
  return (['root', 'extra'] as const)
    .filter((k) => config[k] !== undefined)
    .map((k) =>
      makeDiag('XM0219', keyAt(spans, `/${k}`), `xl ignores ${k} because cmdline is set`, {
        related: [{ message: 'cmdline is set here', span: keyAt(spans, '/cmdline') }],
        hint: `move the ${k} text into cmdline`,
      }),
    );
};

/** PCI passthrough with populate-on-demand (memory < maxmem on HVM/PVH) (XM0212). */
export const passthroughWithPod: Rule = ({ config, spans, dialect, unknown }) => {
  const { memory } = config;
  const max = maxmemOf(config, unknown);
  if (typeof memory !== 'number' || max === null || memory >= max.value) return [];
  const maxmem = max.value;
  // A PV guest has no populate-on-demand; a guest type that is not known may be PV.
  const kind = guestKind(config, dialect, unknown);
  if (kind === null || kind === 'pv') return [];
  const hasPci = Array.isArray(config.pci) && config.pci.length > 0;
  const pt = config.passthrough;
  // passthrough is xl's (XM0553 in xm): xm never read it, so its view has none and it enables nothing.
  const ptOn = pt !== undefined && pt !== 'disabled';
  if (!hasPci && !ptOn) return [];
  const by = hasPci ? '/pci' : '/passthrough';
  return [
    makeDiag('XM0212', valueAt(spans, '/memory'), `memory (${memory} MiB) below maxmem (${maxmem} MiB) means populate-on-demand, which libxl refuses with ${hasPci ? 'PCI passthrough' : 'passthrough enabled'}`, {
      related: [
        { message: max.ptr === '/vnuma' ? `the vnuma sizes add up to ${maxmem} MiB, which xl makes maxmem` : 'maxmem is set here', span: valueAt(spans, max.ptr) },
        { message: hasPci ? 'PCI devices are passed through here' : 'passthrough is set here', span: valueAt(spans, by) },
      ],
      hint: `set memory = ${maxmem}`,
    }),
  ];
};
