/**
 * @fileoverview The cross-field (XM02xx), NUMA (XM03xx) and dialect-key (XM055x) rules over a
 * normalised config, with what xl itself says about the boot options of each guest type and the
 * settings it warns about. Spec-string problems (bad disk/vif/pci/CPU list) are reported by
 * normalize, which parses them; host-dependent checks (XM04xx) live with the allocator.
 */
import { pushAll, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Dialect, Setting } from '../../syntax/value.js';
import type { SingleByteCodec } from '../../syntax/source-decode.js';
import type { NormalizedConfig, SpanMap } from '../../normalize/index.js';
import { makeDiag, ruleInput, type RawUtf8, type Rule } from './context.js';
import type { UnknownValues } from '../unknown-values.js';
import { maxmemBelowMemory, vcpusAboveMax, cpuListsBeyondVcpus, passthroughWithPod, rootExtraWithCmdline } from './resources.js';
import { typeVsBuilder, pvWithVnuma, unknownBuilder, guestKind } from './guest-type.js';
import { vnumaSizes, vnumaVcpus, vnumaDistances, vnumaTooMany } from './vnuma.js';
import { numaConflicts } from './numa.js';
import { dialectKeys, dialectValues } from './dialect-keys.js';
import { timerModeOnPv, vncDisplayTwice } from './consoles-timers.js';
import { hvmKernelIsHvmloader, biosPathWithoutBios, pvBoot, xmPvBoot, hvmBootOrder } from './boot.js';
import { duplicateDiskVdev, numericVdevOnHvm, passthroughDisabledWithDevices } from './devices.js';
import { dmOverrideWithoutVersion, bootloaderArgsString, msrRelaxed } from './xl-warnings.js';
import { ignoredForGuestType } from './type-only.js';
import { domainName } from './name.js';
import { xenstoreValueBytes } from './xenstore-bytes.js';
import { usbctrlForGuest, usbdevHost, usbdevPorts } from './usb.js';
import { altp2mCount, vcpusBitmap, capAboveVcpus, videoramForVga, usbversionWithUsb, spiceRedirectionCount, hapNestedAltp2m, vmtraceSize, tscNativeParavirt, armGicVcpus, vcpusAboveXenMax, nrSpisLimit } from './creation.js';

export { guestKind };
export type { Rule, RuleInput } from './context.js';

/** Every rule, in a fixed order (output is sorted by the caller anyway). */
export const RULES: readonly Rule[] = [
  maxmemBelowMemory,
  vcpusAboveMax,
  cpuListsBeyondVcpus,
  passthroughWithPod,
  rootExtraWithCmdline,
  unknownBuilder,
  typeVsBuilder,
  pvWithVnuma,
  timerModeOnPv,
  vncDisplayTwice,
  hvmKernelIsHvmloader,
  biosPathWithoutBios,
  pvBoot,
  xmPvBoot,
  hvmBootOrder,
  duplicateDiskVdev,
  numericVdevOnHvm,
  passthroughDisabledWithDevices,
  dmOverrideWithoutVersion,
  bootloaderArgsString,
  msrRelaxed,
  ignoredForGuestType,
  altp2mCount,
  vcpusBitmap,
  capAboveVcpus,
  videoramForVga,
  usbversionWithUsb,
  spiceRedirectionCount,
  usbctrlForGuest,
  usbdevHost,
  usbdevPorts,
  hapNestedAltp2m,
  vmtraceSize,
  tscNativeParavirt,
  armGicVcpus,
  vcpusAboveXenMax,
  nrSpisLimit,
  domainName,
  xenstoreValueBytes,
  vnumaSizes,
  vnumaVcpus,
  vnumaDistances,
  vnumaTooMany,
  numaConflicts,
  dialectKeys,
  dialectValues,
];

/** Options of {@link runRules}. */
export interface RuleOptions {
  dialect: Dialect;
  /** The settings' effective map when the caller has it (normalize's): saves building it again. */
  effective?: ReadonlyMap<string, Setting>;
  /** Keys written whose value is unknown (see unknownValues); none when absent. */
  unknown?: UnknownValues;
  /** The file's path (CheckOptions.fileName); absent: not known. */
  fileName?: string;
  /** The single-byte encoding the text was decoded from (CheckOptions.sourceCodec); absent: UTF-8. */
  sourceCodec?: SingleByteCodec | null;
  /** The bytes of a file that is not valid UTF-8 and where its text has U+FFFD for them (CheckOptions.sourceBytes, invalidUtf8). */
  rawUtf8?: RawUtf8;
}

/** Run every rule; never throws (a failing rule becomes an internal-error finding). */
export function runRules(config: NormalizedConfig, spans: SpanMap, settings: readonly Setting[], options: RuleOptions): Diagnostic[] {
  const input = ruleInput(config, spans, settings, options.dialect, options.effective, options.unknown, options.fileName, options.sourceCodec, options.rawUtf8);
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    try {
      pushAll(out, rule(input));
    } catch (e) {
      out.push(makeDiag('XM0044', { start: 0, end: 0 }, `internal error in rule ${rule.name}: ${(e as Error).message}`));
    }
  }
  return out;
}
