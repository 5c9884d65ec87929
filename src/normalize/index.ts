/**
 * @fileoverview Normalisation: evaluated settings → the typed config of the one catalogue, with a
 * span map (JSON Pointer → key/value spans) and diagnostics.
 */
export { normalize, normalizeWithEffective, effectiveSettings, duplicateKeyFinding, isUnknownKey, type NormalizeOptions, type NormalizeResult } from './normalize.js';
export { pointer, pointerSegment, makeDiag, type SpanMap, type FieldSpans } from './context.js';
export { readNumaParts, type NumaParts, type NodeRef } from './numa.js';
export { guestTypeOf, builderKind, isHvmloader } from './guest-type.js';
export { strtol0, subSpan, readInt, xendUuid } from './values.js';
export { XL_ONLY_KEYS } from './xl-only.js';
export { parseCpuList, resolveCpuList, type CpuList, type CpuListItem, type CpuListError, type CpuHostView } from './cpulist.js';
export { parseDisk } from './disk.js';
export { parseVif } from './vif.js';
export { parsePci } from './pci.js';
export { parseVfb, parseChannel, parseUsbctrl, parseUsbdev } from './devices.js';
export { parseChardev } from './serial.js';
export * from './catalogue/index.js';
