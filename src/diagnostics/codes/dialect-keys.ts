/** @fileoverview XM05xx codes about keys (xl ignores or does not know a key); XM0550 and up. */
import { defineCodes } from '../registry.js';

export const dialectKeyCodes = defineCodes({
  XM0550: {
    severity: 'warning',
    title: 'xl ignores the NUMA keys',
    explanation:
      'numa, numanodes and numanode come from the xm NUMA RFC; xl never reads them and places the guest by its own heuristic. Run `xmcfg plan` (or `xmcfg convert --to xl --host HOST`) to turn the request into cpus / cpus_soft settings xl does understand.',
    bad: 'numanodes = 2',
    good: 'cpus_soft = "node:0-1"',
  },
  XM0551: {
    severity: 'warning',
    title: 'option xl does not know',
    explanation: 'The option existed only in xm (xend). xl silently ignores it, so the setting has no effect; the message names the xl replacement where there is one. Its value is not judged under `--dialect xl`, since xl never reads it (check it with `--dialect xm`). parallel = "none" is not reported: qemu-xen, libxl\'s default device model, is started with -nodefaults and makes no parallel port anyway (qemu-xen-traditional does make one).',
    bad: 'cpu_cap = 50',
    good: 'cap = 50',
  },
  XM0552: {
    severity: 'warning',
    title: 'option xl reads but ignores',
    explanation: 'xl recognises the option only to warn that it is ignored (device_model, vif2, vncviewer). Remove it, or use the replacement named in the message.',
    bad: 'device_model = "/usr/lib/xen/bin/qemu-dm"',
    good: 'device_model_override = "/usr/lib/xen/bin/qemu-system-i386"\ndevice_model_version = "qemu-xen"',
  },
  XM0553: {
    severity: 'info',
    title: 'option xm does not know',
    explanation: 'The option is an xl option that xm (Xen 4.4 and older) did not have; xm stored it as a Python variable and ignored it. Fine for xl; note it if the file must still work with xm. Its value is not judged in xm, since xm never parsed it: a usbctrl or vkb string xl would refuse is no error of the xm file (check it with `--dialect xl`), and the normalised config keeps the value only where xl\'s reading of it is clean. vtpm, which xm parsed up to Xen 4.2, is still judged.',
    bad: 'cpus_soft = "0-3"',
    good: 'cpus = "0-3"',
  },
  XM0554: {
    severity: 'warning',
    title: 'value xm silently ignored',
    explanation:
      'xm ran the file as Python and then copied only variables whose type is exactly str, list, int or float into the options. A True/False, None, a tuple, a long (1L) or a unicode string (u\'...\') was dropped without a word, so acpi = False left ACPI on in an HVM guest. xmcfg reads the value (True as 1) because that is what the author meant, except None, which no option takes: the option is left unset, as xm left it; write it as a number, a string or a list so xm really sees it. One cause, one finding: a value the option refuses even read as meant (name = ("a", "b"), on_crash = True) gets that refusal alone, whose hint says xm ignored it, and unknown keys and options only xl reads get no XM0554, since xm ignored them whatever they held.',
    bad: 'builder = "hvm"\nacpi = False',
    good: 'builder = "hvm"\nacpi = 0',
  },
});
