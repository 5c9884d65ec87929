/** @fileoverview XM01xx codes: schema (unknown key, wrong type, out of range, bad enum, missing required). */
import { defineCodes } from '../registry.js';

export const schemaCodes = defineCodes({
  XM0101: {
    severity: 'warning',
    title: 'unknown key',
    explanation:
      'The key is not an option of xl.cfg(5), of xm, or of the NUMA extension. xl and xm silently ignore keys they do not know, so a misspelt option (maxcpus for maxvcpus, memroy for memory) has no effect and nobody notices. The hint names the closest known option.',
    bad: 'memroy = 1024',
    good: 'memory = 1024',
  },
  XM0102: {
    severity: 'error',
    title: 'wrong value type',
    explanation:
      'The value has the wrong type for this option: for example a list where a number is wanted, or a string that is not a number where xl reads a number. xl prints a warning and ignores the option (it keeps its default), so the setting has no effect.',
    bad: 'memory = [1024]',
    good: 'memory = 1024',
  },
  XM0103: {
    severity: 'error',
    title: 'value out of range',
    explanation: 'The number is outside the range the option accepts (for example cpu_weight above 65535, or a negative vcpus in xm, which xm or xend fails on; xl reads vcpus below 1 as 1, XM0257, and xm leaves vcpus = 0 out, XM0260), or a text or list longer than it takes: a device value the toolstack writes to xenstore (a disk target, a vif bridge, script or ip, a vfb vncpasswd, a vkb or vdispl connector unique-id, a vsnd name, …) of more than 4096 bytes, counted in the bytes the file holds (in xm, the bytes Python 2 holds: one an escaped `\\xNN` or a byte that is not UTF-8, a written character\'s UTF-8) (a xenstore request holds at most 4096 bytes with its path, so the device and the domain are not created), and xmcfg\'s own bounds on other texts, counted in characters. Use a value inside the documented range.',
    bad: 'cpu_weight = 70000',
    good: 'cpu_weight = 512',
  },
  XM0104: {
    severity: 'error',
    title: 'value not allowed',
    explanation:
      'The option only accepts a fixed set of values, spelt exactly (xl compares the text; for example on_crash accepts destroy, restart, rename-restart, preserve, coredump-destroy, coredump-restart and soft-reset). xl exits with "Unknown on_crash action" or a similar message.',
    bad: 'on_crash = "reboot"',
    good: 'on_crash = "restart"',
  },
  XM0105: {
    severity: 'error',
    title: 'missing required key',
    explanation: 'xl refuses a config without a domain name ("Domain name must be specified."). Add a name that is unique on the host.',
    bad: 'memory = 1024',
    good: 'name = "web01"\nmemory = 1024',
  },
  XM0106: {
    severity: 'info',
    title: 'name taken from the file name',
    explanation:
      'The config sets no name, or sets it to "" (xm create.py: `if not gopts.getopt(\'name\')`, so an empty name is none). xm used the config file\'s base name as the domain name; xl refuses a file without a name, and creates a guest with an empty one that its commands cannot address (XM0235). Set name explicitly so the file works with both tools and the name does not change when the file is renamed.',
    bad: 'memory = 1024',
    good: 'name = "web01"\nmemory = 1024',
  },
  XM0107: {
    severity: 'warning',
    title: 'deprecated option',
    explanation: 'The option is deprecated or legacy; the message names the option that replaces it. It still works where noted, but new configs should use the replacement.',
    bad: 'builder = "hvm"',
    good: 'type = "hvm"',
  },
  XM0108: {
    severity: 'error',
    title: 'not a valid number',
    explanation:
      'xl reads numbers with C strtol (base 0: 0x… is hexadecimal, a leading 0 is octal) and refuses any text left over or a value that does not fit: "12abc", "1.5", "08" and "0x" are not numbers. xl warns and ignores the option. A number option of 2^53 or more in magnitude is reported too, though it fits xl\'s long: xmcfg holds numbers exactly below 2^53 and no such option takes one (a boolean option reads any long, true unless 0: decision 108).',
    bad: 'memory = "1.5"',
    good: 'memory = 1536',
  },
  XM0109: {
    severity: 'warning',
    title: '+= on a numeric option',
    explanation:
      'In xl, += concatenates text: memory = 512 followed by memory += 256 stores "512256", and every numeric getter refuses a setting made with += ("can\'t use += with numbers"), so xl ignores the option. Write the final number with =.',
    bad: 'memory = 512\nmemory += 256',
    good: 'memory = 768',
  },
  XM0110: {
    severity: 'error',
    title: 'malformed value',
    explanation: 'The string does not have the form the option requires (for example a UUID must be 32 hexadecimal digits, which xl reads only grouped 8-4-4-4-12 with hyphens while xm dropped the hyphens wherever they were; an HVM guest\'s boot order is up to three of the letters c, d, n, a and b, none twice, which QEMU checks when the device model starts).',
    bad: 'uuid = "1234"',
    good: 'uuid = "5b7a8f6c-0c2d-4e3a-9a4b-1d2e3f4a5b6c"',
  },
  XM0111: {
    severity: 'error',
    title: 'library argument of the wrong kind',
    explanation:
      'Only the library reports this (`import { check } from \'xmcfg\'`): an argument of parse, check, normalize or readHost is not of its type: the config text is neither a string nor ' +
      'a file\'s bytes (a Uint8Array or Buffer), the options are not an object, or an option\'s value is outside its type (`dialect: \'XL\'`, `maxFindings: -1`) or cannot be read ' +
      '(a getter that throws, a revoked Proxy). Such arguments often come from outside (a request\'s JSON, a form), so they are a finding, not an exception: the message names the ' +
      'argument, the finding is at 1:1, and nothing else is reported, since a check made with a default in the argument\'s place would not be the one asked for (decision 066). ' +
      'plan says the same of its own options and config with XM0413, and of a host with XM0401.',
    bad: "check('memory = 512\\n', { dialect: 'XL' })",
    good: "check('memory = 512\\n', { dialect: 'xl' })",
  },
});
