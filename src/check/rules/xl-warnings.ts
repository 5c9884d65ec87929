/**
 * @fileoverview Settings xl accepts with a warning on stderr (xl_parse.c, parse_config_data): a
 * device model override without its version, `bootloader_args` written as one string, and
 * `msr_relaxed`, which xl announces it will remove. All three options are xl's: the rules' xm view
 * has none of them (context.ts).
 */
import { makeDiag, valueAt, keyAt, type Rule } from './context.js';

/** device_model_override without device_model_version (XM0224). */
export const dmOverrideWithoutVersion: Rule = ({ config, spans, effective, unknown }) => {
  if (typeof config.device_model_override !== 'string') return [];
  // A version that is written counts even when its value is refused: xl then exits on it (XM0104).
  if (effective.has('device_model_version') || unknown.has('device_model_version')) return [];
  return [
    makeDiag('XM0224', keyAt(spans, '/device_model_override'), 'device_model_override without device_model_version: xl warns "device model override given without specific DM version"', {
      hint: 'add device_model_version = "qemu-xen" (or the kind of qemu the binary is)',
    }),
  ];
};

/** bootloader_args written as one string (XM0107): xl splits it at blanks and warns that this is deprecated. */
export const bootloaderArgsString: Rule = ({ config, spans, effective }) => {
  if (!Array.isArray(config.bootloader_args)) return [];
  const s = effective.get('bootloader_args');
  if (s === undefined || s.value.kind === 'list') return [];
  const words = String(config.bootloader_args[0] ?? '').split(/[ \t\n]+/).filter((w) => w !== '');
  // split_string_into_string_list(buf, " \t\n", …) on a string with no word counts one and copies
  // a NULL (strdup): xl crashes after its deprecation warning (normalize/split-list-xl.ts).
  if (words.length === 0) {
    return [
      makeDiag('XM0110', valueAt(spans, '/bootloader_args'), 'bootloader_args is a string with no word: xl warns that the string form is deprecated, then split_string_into_string_list finds no item but counts one (do … while), and strdup(NULL) is a segmentation fault, so nothing is created', {
        hint: 'remove bootloader_args, or write its arguments as a list: bootloader_args = ["-q"]',
      }),
    ];
  }
  return [
    makeDiag('XM0107', valueAt(spans, '/bootloader_args'), 'specifying bootloader_args as a string is deprecated in xl; use a list of arguments', {
      hint: `bootloader_args = [${words.map((w) => JSON.stringify(w)).join(', ')}]`,
    }),
  ];
};

/** msr_relaxed set (XM0107): xl warns that the option will be removed. */
export const msrRelaxed: Rule = ({ config, spans, }) => {
  if (typeof config.msr_relaxed !== 'boolean') return [];
  return [
    makeDiag('XM0107', keyAt(spans, '/msr_relaxed'), 'xl warns that msr_relaxed will be removed in future versions; it has no replacement', {
      hint: 'if the guest needs it, report the issue it works around to xen-devel@lists.xenproject.org, as xl asks',
    }),
  ];
};
