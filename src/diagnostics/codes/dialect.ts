/**
 * @fileoverview XM05xx codes: dialect portability (XM0500–XM0549: constructs a dialect does not accept).
 * XM0500–XM0519: xm-only constructs, errors under `--dialect xl`; XM0520: the RFC's bare `numa = on` or `off`;
 * XM0521: a CR that xl reads inside a string or comment (a warning);
 * XM0530–XM0548: xl-only constructs, errors under `--dialect xm`; XM0549: libxlu's own verdict.
 */
import { defineCodes } from '../registry.js';

const xlOnly = (what: string) => `${what} is Python (xm) syntax. libxlu, the parser behind \`xl create\`, rejects it, so under \`--dialect xl\` it is an error (with \`--dialect auto\` its presence makes xmcfg read the file as xm).`;
const xmRejects = (what: string) => `${what} is accepted by xl's parser but is not valid Python, so the file could not have been read by xm; under \`--dialect xm\` it is an error.`;

export const dialectCodes = defineCodes({
  XM0500: {
    severity: 'error',
    title: 'key not valid in xl',
    explanation: `xl keys start with a lowercase letter and contain only lowercase letters, digits, '_' and '.'. ${xlOnly('A key with capitals or a leading underscore')}`,
    bad: 'Memory = 512',
    good: 'memory = 512',
  },
  XM0501: {
    severity: 'error',
    title: 'number not valid in xl',
    explanation: `xl numbers are a digit followed by digits, lowercase a-f and x: decimal, 0x-hex with lowercase digits, or 0-octal. ${xlOnly('A float, uppercase hex, 0o/0b literal or L suffix')}`,
    bad: 'memory = 0x1F0',
    good: 'memory = 0x1f0',
  },
  XM0502: {
    severity: 'error',
    title: 'negative number in xl',
    explanation: `xl has no unary minus or plus. ${xlOnly('A signed number')} Options that accept a negative value take it quoted.`,
    bad: 'rtc_timeoffset = -3600',
    good: 'rtc_timeoffset = "-3600"',
  },
  XM0503: {
    severity: 'error',
    title: 'expression in xl',
    explanation: `xl reads literal values only. ${xlOnly('An expression (arithmetic, %-formatting, a call, an attribute, a subscript, a dict)')} Write the computed value.`,
    bad: 'memory = 256 * 2',
    good: 'memory = 512',
  },
  XM0504: {
    severity: 'error',
    title: 'tuple in xl',
    explanation: `${xlOnly('A tuple, with or without parentheses,')} Use a list or a quoted string.`,
    bad: 'numanode = 0,1',
    good: 'numanode = [0, 1]',
  },
  XM0505: {
    severity: 'error',
    title: 'name as value in xl',
    explanation: `xl values are strings, numbers and lists; a bare name (True, False, None, a variable, an unquoted word) is a syntax error for libxlu. ${xlOnly('Using a name as a value')}`,
    bad: 'acpi = True\non_crash = restart',
    good: 'acpi = 1\non_crash = "restart"',
  },
  XM0506: {
    severity: 'error',
    title: 'triple-quoted string in xl',
    explanation: `${xlOnly('A triple-quoted string')} libxlu reads '''abc''' as three strings and fails.`,
    bad: 'extra = """console=hvc0"""',
    good: 'extra = "console=hvc0"',
  },
  XM0507: {
    severity: 'error',
    title: 'string prefix in xl',
    explanation: `${xlOnly('A string prefix (r, u, b)')} Remove it; in a former raw string, double each backslash.`,
    bad: "bootargs = r'\\d'",
    good: "bootargs = '\\\\d'",
  },
  XM0508: {
    severity: 'error',
    title: 'escape not accepted by xl',
    explanation:
      'libxlu accepts only \\" \\\' \\\\ \\a \\b \\f \\n \\r \\t \\v in strings. It always rejects \\x escapes, reads the up to three characters after a backslash-digit as C strtoul (base 10) reads them, skipping blanks and taking a sign, and refuses the escape unless it reads at least two of them (then drops the escape and what it read: "\\101" and "\\1 12" are empty, "\\12" is refused), and rejects any other escaped character. The file then fails to parse.',
    bad: 'name = "vm\\x41"',
    good: 'name = "vmA"',
  },
  XM0509: {
    severity: 'error',
    title: 'adjacent strings in xl',
    explanation: `${xlOnly('Implicit concatenation of adjacent strings')} Write one string.`,
    bad: 'extra = "console=hvc0 " "quiet"',
    good: 'extra = "console=hvc0 quiet"',
  },
  XM0510: {
    severity: 'error',
    title: 'line continuation in xl',
    explanation: `${xlOnly('A backslash at the end of a line')} A list may span lines without it.`,
    bad: 'extra = "a" \\\n  "b"',
    good: 'extra = "a b"',
  },
  XM0511: {
    severity: 'error',
    title: 'CR line ending in xl',
    explanation: 'libxlu treats a carriage return as an invalid character, so a file with CRLF (Windows) or CR line endings fails on its first line ending outside a comment. Convert the file to LF line endings.',
    bad: 'memory = 512\\r\\n',
    good: 'memory = 512\\n',
  },
  XM0512: {
    severity: 'error',
    title: 'final comment without newline in xl',
    explanation: 'libxlu recognises a comment only together with the newline that ends it: a comment on the last line of a file without a final newline is a lexical error. Add a newline at the end of the file.',
    bad: 'memory = 512\n# end (no newline)',
    good: 'memory = 512\n# end\n',
  },
  XM0513: {
    severity: 'error',
    title: 'chained assignment in xl',
    explanation: `${xlOnly('A chained assignment a = b = value')} Write one assignment per key.`,
    bad: 'memory = maxmem = 512',
    good: 'memory = 512\nmaxmem = 512',
  },
  XM0514: {
    severity: 'error',
    title: 'byte-order mark in xl',
    explanation: 'libxlu reads bytes, and the three bytes of a UTF-8 byte-order mark are invalid characters for it, so `xl create` refuses the file. Save the file as UTF-8 without BOM.',
    bad: '\uFEFFname = "guest"',
    good: 'name = "guest"',
  },
  XM0515: {
    severity: 'error',
    title: 'Python statement in xl',
    explanation: `${xlOnly('A value standing alone as a statement (a docstring, a number, a comparison)')} xl prints "Config file looks like it contains Python code" and fails. Python statements proper (import, def, if, a call) are XM0020 in both dialects.`,
    bad: '"web server guest"',
    good: '# web server guest',
  },
  XM0516: {
    severity: 'error',
    title: 'multi-line string in xl',
    explanation: `An xl string must end on the line where it starts. ${xlOnly('A backslash-newline inside a string')}`,
    bad: 'extra = "console=hvc0 \\\nquiet"',
    good: 'extra = "console=hvc0 quiet"',
  },
  XM0520: {
    severity: 'info',
    title: "the RFC's bare numa = on or off",
    explanation:
      'The 2007 NUMA RFC for xm spelled the option `numa = on`, a bare word, as the hypervisor\'s own `numa=on|off` boot option is written. Python and libxlu would both reject a bare word, but xmcfg accepts these two spellings, on and off, and reads them as "on" and "off" (another bare word, such as On, is what Python and xl reject). Quote it to be portable.',
    bad: 'numa = on',
    good: 'numa = "on"',
  },
  XM0521: {
    severity: 'warning',
    title: 'carriage return inside an xl string or comment',
    explanation:
      'libxlu ends a string or a comment only at a newline (LF): a lone carriage return (CR) before it is one of its characters. xl accepts the file, but editors show the CR as a line break, so text after it looks like a line of its own: after a CR in a comment, `memory = 512` sets nothing for xl (xm, whose Python reads a CR as a line end, would set it). Replace the CR with a newline, or remove it.',
    bad: '# note\\rmemory = 512\\n',
    good: '# note\\nmemory = 512\\n',
  },
  XM0530: {
    severity: 'error',
    title: 'empty statement in xm',
    explanation: `${xmRejects("An empty statement (';;', or a line starting with ';')")}`,
    bad: 'memory = 512;;',
    good: 'memory = 512',
  },
  XM0531: {
    severity: 'error',
    title: 'dotted key in xm',
    explanation: `${xmRejects('A dotted key such as vif.default.script')} Dotted keys belong to xl.conf, not to domain configs read by xm.`,
    bad: 'vif.default.script = "vif-bridge"',
    good: 'vifscript = "vif-bridge"',
  },
  XM0532: {
    severity: 'error',
    title: 'indented statement in xm',
    explanation: `${xmRejects('A top-level statement with leading whitespace')} Python reports "unexpected indent".`,
    bad: '  memory = 512',
    good: 'memory = 512',
  },
  XM0533: {
    severity: 'error',
    title: 'number text not valid in xm',
    explanation: `${xmRejects('Number text such as 12abc or 0x (xl keeps it as text)')} Quote it if it is text.`,
    bad: 'vncdisplay = 1a',
    good: 'vncdisplay = 26',
  },
  XM0534: {
    severity: 'error',
    title: 'Python keyword as key in xm',
    explanation: `${xmRejects('Assigning to a Python keyword (print, if, class...)')}`,
    bad: 'print = 1',
    good: 'print_enabled = 1',
  },
  XM0549: {
    severity: 'error',
    title: 'rejected by libxlu',
    explanation:
      "xmcfg re-implements libxlu's reader to answer exactly whether `xl create` accepts a file. This error marks where libxlu stops when no more specific finding covers that line; the message quotes libxlu's own wording (lexical error, syntax error ...).",
    bad: '[\nmemory = 512',
    good: 'memory = 512',
  },
});
