/**
 * @fileoverview Options xl reads only as a list and leaves out when written as one value. In
 * parse_config_data each of them is read with `if (!xlu_cfg_get_list(config, KEY, …, 0)) { … }`
 * (parse_vsnd_config, parse_vkb_list, parse_virtio_config the same): for a string or a number
 * libxlu_cfg.c's xlu_cfg_get_list prints "warning: parameter `KEY' is a single value but should be
 * a list" and returns EINVAL, the block is skipped, and the guest is created without the option.
 * Not here, because xl reads a single value another way or exits: bootloader_args, cpuid, serial,
 * usbdevice, viridian, cpus, cpus_soft (read as a string); device_model_args*, smbios, mca_caps
 * (exit: XM0102); vnuma (its own reader); vif2 (XM0552 already says xl ignores it).
 */
import type { Setting } from '../syntax/value.js';
import { describeValue } from './values.js';
import type { NormalizeContext } from './context.js';

/** The options of the fileoverview: a single value is warned about and ignored by xl. */
export const XL_LIST_ONLY_KEYS: ReadonlySet<string> = new Set([
  'disk', 'vif', 'pci', 'dtdev', 'p9', 'vtpm', 'vdispl', 'pvcalls', 'vsnd', 'channel', 'vfb',
  'usbctrl', 'usbdev', 'vkb', 'virtio', 'ioports', 'irqs', 'iomem', 'llc_colors', 'xenstore_quota',
]);

/**
 * In xl, reports a single value of one of {@link XL_LIST_ONLY_KEYS} (XM0258, a warning at the value)
 * and returns true: the caller leaves the option out, as xl does. False otherwise (xm unchanged).
 */
export function xlIgnoresSingleValue(s: Setting, ctx: NormalizeContext): boolean {
  if (ctx.dialect !== 'xl' || s.value.kind === 'list' || !XL_LIST_ONLY_KEYS.has(s.key)) return false;
  const v = s.value;
  const item = v.kind === 'string' ? JSON.stringify(v.value) : v.kind === 'number' ? JSON.stringify(v.text) : '…';
  ctx.report('XM0258', v.span, `${s.key} is ${describeValue(v)}, not a list: xl warns "parameter \`${s.key}' is a single value but should be a list" and creates the guest without ${s.key}`, {
    hint: `write a list: ${s.key} = [${item}]`,
  });
  return true;
}
