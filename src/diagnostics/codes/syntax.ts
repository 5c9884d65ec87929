/** @fileoverview XM00xx codes: lexical and syntax (XM0001–XM0039; XM0040+ belong to input and evaluation). */
import { defineCodes } from '../registry.js';

export const syntaxCodes = defineCodes({
  XM0001: {
    severity: 'error',
    title: 'invalid character',
    explanation:
      'The file contains a character that cannot start any token of a Xen domain configuration: for example `$`, `!`, `?`, a non-ASCII letter outside quotes, or a stray backslash. Put text values in quotes and remove stray characters. Neither xl nor xm reads a file with such a character.',
    bad: 'name = guest$1',
    good: 'name = "guest$1"',
  },
  XM0002: {
    severity: 'error',
    title: 'unterminated string',
    explanation:
      'A quoted string has no closing quote. A string written with one quote (`"` or `\'`) must end on the same line; a triple-quoted string (xm only) must end before the end of the file. Add the missing quote.',
    bad: 'kernel = "/boot/vmlinuz',
    good: 'kernel = "/boot/vmlinuz"',
  },
  XM0003: {
    severity: 'error',
    title: 'nesting too deep',
    explanation:
      'Brackets (or unary operators) are nested more than 100 levels deep, or one statement has more than 1000 operators. An expression made of more than plain values, lists, tuples, dicts and arithmetic (a call, a comparison, a subscript, a syntax error inside) is refused past 40 levels, and so is a statement with more than about 260 `lambda`, `not`, `if`, `else` or `for` keywords. No Xen option needs that; such input is refused before parsing so it cannot exhaust the parser, whatever stack the program has. Flatten the value.',
    bad: 'x = [[[[[[ ... 101 levels ... ]]]]]]',
    good: 'x = [[1, 2], [3, 4]]',
  },
  XM0004: {
    severity: 'error',
    title: 'invalid number',
    explanation:
      'A value starts with a digit but is not a number either dialect reads: xl numbers are a digit followed by digits, lowercase a-f and x (`12`, `0x1f`, `010`; xl keeps even `12abc` as text), xm numbers are Python 2 literals (`1.5`, `1e3`, `0x1F`). Text such as `1.5.3` or `10G` is neither. Quote it if it is text.',
    bad: 'memory = 1.5.3',
    good: 'memory = 1536',
  },
  XM0010: {
    severity: 'error',
    title: 'syntax error',
    explanation:
      'The statement does not follow the configuration syntax: a statement is `key = value` (or `key += value`), a value is a quoted string, a number or a `[list]` of values (xm also allows Python expressions). The message names what was expected and what was found.',
    bad: 'vif = [ "bridge=xenbr0" "mac=00:16:3e:00:00:01" ,, ]',
    good: 'vif = [ "bridge=xenbr0", "mac=00:16:3e:00:00:01" ]',
  },
  XM0011: {
    severity: 'error',
    title: "missing '=' after a key",
    explanation: "Every statement assigns a value to a key with `=` (or `+=`). The key is followed by something else, for example a value without the `=`, or `:` as in other formats.",
    bad: 'memory 4096',
    good: 'memory = 4096',
  },
  XM0012: {
    severity: 'error',
    title: "missing value after '='",
    explanation: 'The `=` of an assignment is not followed by a value. Write the value (a quoted string, a number or a list) on the same line as the `=`, or open a list with `[` there.',
    bad: 'memory =',
    good: 'memory = 4096',
  },
  XM0013: {
    severity: 'error',
    title: 'unclosed bracket',
    explanation:
      'A `[` (or `(`/`{`) is never closed. xmcfg notices it when a line inside the list starts like a new assignment, or at the end of the file; the statements after that point are still read. Add the closing bracket.',
    bad: 'disk = [ "phy:/dev/vg/guest,xvda,w"\nmemory = 1024',
    good: 'disk = [ "phy:/dev/vg/guest,xvda,w" ]\nmemory = 1024',
  },
  XM0014: {
    severity: 'error',
    title: 'two statements on one line',
    explanation: 'After a complete value another token follows on the same line. Put each assignment on its own line, or separate them with `;`.',
    bad: 'vcpus = 2 memory = 1024',
    good: 'vcpus = 2; memory = 1024',
  },
  XM0015: {
    severity: 'error',
    title: "'+=' written with a space",
    explanation: 'The append operator is the two characters `+=` with nothing between them; `+ =` is read as a plus sign followed by `=` (xl reports a lexical error).',
    bad: 'extra + = " quiet"',
    good: 'extra += " quiet"',
  },
  XM0016: {
    severity: 'error',
    title: 'invalid assignment target',
    explanation: 'In a chained assignment `a = b = value` every target must be a plain name, and `+=` cannot be chained. Write one assignment per key.',
    bad: 'memory = 512 = maxmem',
    good: 'memory = 512\nmaxmem = 512',
  },
  XM0020: {
    severity: 'error',
    title: 'Python statement not supported',
    explanation:
      'xm ran configuration files as Python, so old files contain `import`, `def`, `if`, loops or function calls. xmcfg never executes a configuration: such statements are reported and skipped (settings inside their blocks are not read), and xl rejects them too. Replace the code by the plain settings it computed.',
    bad: 'import os\nif os.uname()[4] == "x86_64":\n    kernel = "/boot/vmlinuz-x86_64"',
    good: 'kernel = "/boot/vmlinuz-x86_64"',
  },
  XM0021: {
    severity: 'warning',
    title: 'statement has no effect',
    explanation: 'A value stands alone as a statement (for example a docstring). Python ignores it and xl rejects it; it sets nothing. Turn it into a `#` comment or remove it.',
    bad: '"""web server guest"""',
    good: '# web server guest',
  },
  XM0022: {
    severity: 'error',
    title: 'nesting too deep for Python 2',
    explanation:
      "Nested too deep for Python 2: its parser keeps a stack of 1,500 entries and overflows (\"s_push: parser stack overflow\", a MemoryError), so xm cannot read the file. A value `x = …` starts 20 entries deep; a bracket adds 15, a call or subscript 16, a unary operator or `not` between brackets 1, `**` or `lambda` 2, a block 4, so `x = ((…1…))` overflows at the 99th bracket (with nothing inside the innermost, `[[…]]`, at the 100th), `-(-(…))` at the 93rd, `a[(a[(…)])]` at the 48th. xmcfg counts as Python's parser does and reports the innermost open bracket of the statement (xmcfg's own limit, XM0003, is 100 brackets; xl's parser goes on to about 5,000). Flatten the value.",
    bad: 'x = [[ ... 100 levels ... ]]',
    good: 'x = [[1, 2], [3, 4]]',
  },
  XM0023: {
    severity: 'error',
    title: 'too many levels of indentation for Python 2',
    explanation:
      'Python 2 compiles the whole file before running any of it, and its tokenizer keeps at most 100 indentation levels (tokenizer.c MAXINDENT), the top level among them: a line that opens a 100th level, inside 99 nested blocks, is "IndentationError: too many levels of indentation" and xm refuses the file, even though xmcfg never runs the blocks (XM0020, XM0061). Comment lines, blank lines and the lines inside brackets do not count, and going back out frees the levels. Reported at the blanks that start that line. Nest fewer blocks.',
    bad: '# ... 100 nested "if 1:" blocks, then:\nmemory = 512',
    good: 'memory = 512',
  },
  XM0030: {
    severity: 'info',
    title: 'byte-order mark',
    explanation: 'The file starts with a UTF-8 byte-order mark. xmcfg skips it, but xl treats the three bytes as invalid characters and refuses the file. Save the file as UTF-8 without BOM.',
    bad: '\uFEFFname = "guest"',
    good: 'name = "guest"',
  },
  XM0031: {
    severity: 'error',
    title: 'binary content',
    explanation: 'The file contains NUL bytes, so it is not a text configuration file (perhaps a disk image or a compressed file was given by mistake). It is not parsed.',
    bad: 'name = "guest"\\0\\0\\0',
    good: 'name = "guest"',
  },
  XM0045: {
    severity: 'error',
    title: 'byte the declared encoding has no character for',
    explanation:
      'The file declares a single-byte encoding (PEP 263, `# coding: cp1252` on line 1 or 2) and holds a byte that encoding leaves undefined: cp1252\'s 0x81, 0x8D, 0x8F, 0x90 or 0x9D, a byte of iso-8859-3, cp1250 and the like that their table lacks, or any non-ASCII byte under `# coding: ascii`. Python 2 decodes the whole file before running it and refuses it ("SyntaxError: \'charmap\' codec can\'t decode byte 0x81", "\'ascii\' codec can\'t decode byte 0xc3"), so xm create fails. xmcfg reads the byte as its own code point (U+0081 and so on) and reports the first one. Remove the byte, write it as an escape (`"\\x81"`), or declare the encoding the file is saved in (latin-1 has a character for every byte). Reported for xm.',
    bad: '# coding: cp1252\nname = "a\u0081b"   # the byte 0x81',
    good: '# coding: cp1252\nname = "a\\x81b"',
  },
  XM0046: {
    severity: 'error',
    title: 'encoding declaration Python 2 refuses',
    explanation:
      'The PEP 263 declaration (`# coding: NAME` on line 1 or 2) names an encoding Python 2 has no codec for, or the file starts with a UTF-8 byte-order mark and names anything but utf-8. Python 2 refuses the file before reading a statement ("SyntaxError: encoding problem: NAME", "encoding problem: NAME with BOM"), even a file that is all ASCII, so xm create fails. The names Python 2.7 knows are its codec names and their aliases (`latin1`, `l1`, `iso8859-1`, `utf8`, `ascii`, `us-ascii`, `koi8-r`, `euc-jp`...; case, `-` and `_` do not matter); `utf-8-…` and `latin-1-…` (Emacs\' `utf-8-unix`) count as utf-8 and latin-1. Reported for xm, at the name.',
    bad: '# -*- coding: latin-one -*-\nname = "guest"',
    good: '# -*- coding: latin-1 -*-\nname = "guest"',
  },
  XM0047: {
    severity: 'warning',
    title: 'declared encoding not decoded by xmcfg',
    explanation:
      'The file declares an encoding Python 2 knows but xmcfg does not decode: a multi-byte one (euc-jp, shift_jis, gbk, big5, euc-kr, iso-2022-jp...), or one that reads some ASCII text otherwise (utf-7, hz, unicode_escape...). xmcfg decodes the single-byte encodings Python 2 has (latin-1, cp1250–cp1258, iso-8859-2…16, koi8-r, the DOS and Mac code pages...) by their table; for the others it reads non-ASCII text as UTF-8, so a string holding it, and the verdict on such bytes, may not be what xm sees. Reported for xm, at the name, when the file has a non-ASCII byte (always for an encoding that reads ASCII otherwise). Save the file as UTF-8 and declare utf-8 to have it checked exactly.',
    bad: '# coding: euc-jp\nname = "ゲスト"',
    good: '# coding: utf-8\nname = "ゲスト"',
  },
  XM0048: {
    severity: 'error',
    title: 'declared encoding cannot read the file',
    explanation:
      'The file declares an encoding in which its ASCII statements are not themselves: UTF-16 and UTF-32 (two or four bytes a character), the EBCDIC code pages (cp037, cp500...), rot13, or a bytes-to-bytes codec such as hex, base64 or zlib. Python 2 decodes the rest of the file by it and fails ("UTF-16 stream does not start with BOM", "invalid syntax", "Non-hexadecimal digit found"), or with rot13 runs other names (`x = 1` sets `k`). xm create would not start the guest. Reported for xm, at the name. Declare the encoding the file is saved in (utf-8 or latin-1 for a text editor\'s file).',
    bad: '# coding: utf-16\nname = "guest"',
    good: '# coding: utf-8\nname = "guest"',
  },
  XM0049: {
    severity: 'error',
    title: 'invalid UTF-8 Python 2 decodes',
    explanation:
      'A file Python 2 reads as UTF-8 holds a byte sequence that is not UTF-8 (xmcfg read it as U+FFFD, XM0041) where Python 2 decodes it. Declared `utf-8` (or `utf-8-…` such as `utf-8-sig`, `utf_8`) or begun with a byte-order mark, the file passes as bytes: a byte string or a comment keeps the byte, but a unicode string (`u"…"`) decodes it and the file fails to compile ("(unicode error) \'utf8\' codec can\'t decode byte 0xe9"). Declared by another name of the codec (`utf8`, `UTF8`, `u8`), the whole file is decoded and any invalid byte fails, comments included; Python then names the line where its read chunk began, which may be before the byte. xm create fails. Save the file as UTF-8, or write the byte as an escape. Reported for xm, at the first such byte, where the decoder met it: a U+FFFD saved as itself (bytes EF BF BD) is valid UTF-8 and passes, in a unicode string too, and so does a surrogate saved in UTF-8 (bytes ED A0–BF 80–BF, which WHATWG\'s decoder refuses and Python 2\'s takes: `u"\\xed\\xa0\\x80"` is u\'\\ud800\').',
    bad: '# -*- coding: utf-8 -*-\nname = u"caf\uFFFD"   # saved in Latin-1: é is the lone byte 0xE9',
    good: '# -*- coding: utf-8 -*-\nname = u"caf\\xe9"',
  },
  XM0032: {
    severity: 'error',
    title: 'invalid UTF-8',
    explanation: 'Bytes at this position are not valid UTF-8 (they were replaced by U+FFFD when the file was read). Re-save the file as UTF-8, or keep configuration files ASCII as xl expects. A file that declares a single-byte encoding (PEP 263, `# -*- coding: latin-1 -*-`; cp1252, iso-8859-2, koi8-r...) is read in that encoding (XM0041).',
    bad: 'description = "caf\uFFFD"   # saved in Latin-1: é is the lone byte 0xE9, invalid in UTF-8',
    good: 'description = "café"   # saved as UTF-8 (bytes 0xC3 0xA9)',
  },
});
