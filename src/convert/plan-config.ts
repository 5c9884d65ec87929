/**
 * @fileoverview The config `convert --to xl --host` plans from: the file's reading, with `cpus_soft`
 * as the converted file holds it. cpus_soft is xl's alone (xm ignored it, XM0553), so the xm reading
 * parses its CPU lists by xm's rules, and leaves it out when those find anything wrong; but the
 * converted file keeps the line for xl to apply, unless convert comments it out (xl-refused.ts).
 * Planned from the xm reading, `numa = "off"` booked the memory where xl would not put it
 * (`"4294967300"` is CPU 4 to xl, a CPU no host has to xm), and a line convert comments out
 * (`"4-7 "`, which xl refuses) still kept the plan from writing `cpus_soft = "all"`, so libxl would
 * have placed the guest itself.
 */
import type { CheckResult } from '../check/check.js';
import { parseCpuList, type CpuList } from '../normalize/cpulist.js';
import { isCpuList } from '../placement/pinning.js';
import type { PlacementConfig } from '../placement/types.js';

/** A CPU list as xl's parse_cpurange reads its text (strtok_r items, no trimming, numbers wrapped as libxl does). */
function asXlReads(l: CpuList): CpuList {
  return parseCpuList(l.text, { xl: true }).list;
}

/**
 * The plan's config and whether the converted file keeps a cpus_soft of its own (`ownSoft`): none
 * when convert comments every assignment out (`refused`), else the xm reading's lists read again as
 * xl reads them. A file read as xl is planned from as it stands.
 */
export function convertPlanConfig(res: CheckResult, refused: ReadonlySet<string>): { config: PlacementConfig; ownSoft: boolean } {
  const config = { ...(res.config as unknown as PlacementConfig) };
  const written = res.settings.some((s) => s.key === 'cpus_soft' && s.span.end > s.span.start);
  if (res.dialect !== 'xm') return { config, ownSoft: res.settings.some((s) => s.key === 'cpus_soft') };
  if (refused.has('cpus_soft')) {
    delete config.cpus_soft;
    return { config, ownSoft: false };
  }
  const v = config.cpus_soft;
  if (isCpuList(v)) config.cpus_soft = asXlReads(v);
  else if (Array.isArray(v)) config.cpus_soft = v.map((l) => (isCpuList(l) ? asXlReads(l) : l));
  return { config, ownSoft: written };
}
