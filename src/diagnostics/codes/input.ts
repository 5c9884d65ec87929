/** @fileoverview XM0040–XM0049: problems with the input file itself (size, encoding, too many findings to list), found by the front ends. */
import { defineCodes } from '../registry.js';

export const inputCodes = defineCodes({
  XM0040: {
    severity: 'error',
    title: 'file too large',
    explanation:
      'The file is larger than the size limit (64 MiB by default, `--max-file-size` changes it), so it was not read. ' +
      'Real domain configs are a few kilobytes; a file this large is usually a disk image, a log or a generated file ' +
      'that a directory walk or a glob picked up by mistake. Narrow the paths or globs you pass to `xmcfg check`, ' +
      'or raise the limit if the file really is a config.',
    bad: '$ xmcfg check /srv/xen   # also picks up /srv/xen/images/disk0.cfg (20 GiB)',
    good: '$ xmcfg check "/srv/xen/guests/*.cfg"',
  },
  XM0041: {
    severity: 'warning',
    title: 'invalid UTF-8',
    explanation:
      'The file contains bytes that are not valid UTF-8 (often a comment or string saved in Latin-1 or another legacy ' +
      'encoding). xmcfg read each invalid sequence as the replacement character U+FFFD, so strings containing such ' +
      'bytes may not match what xl would pass on. Save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or say ' +
      'which encoding it is in as Python 2 reads it (PEP 263): a comment such as `# -*- coding: latin-1 -*-` on line 1 ' +
      '(or line 2 after a comment). A file declaring a single-byte encoding Python 2 has (latin-1 and its other names, cp1250–cp1258, ' +
      'iso-8859-2…16, koi8-r, the DOS and Mac code pages...) is read in that encoding, one character per byte: no U+FFFD, its own offsets, ' +
      'and xm byte strings hold the file\'s bytes. For xm, invalid UTF-8 that Python 2 itself decodes (a u"" string of a utf-8 file) is XM0049; ' +
      'an xm byte string of a utf-8 file keeps the invalid bytes as Python 2 did (the value is the bytes, not U+FFFD), and a surrogate ' +
      'saved in UTF-8 (ED A0 80), which Python 2 decodes, is read as Python 2 reads it (u"" holds u\'\\ud800\').',
    bad: "name = 'caf\uFFFD'   # saved in Latin-1: é is the lone byte 0xE9, invalid in UTF-8",
    good: "name = 'café'      # saved as UTF-8 (bytes 0xC3 0xA9)",
  },
  XM0042: {
    severity: 'error',
    title: 'too many tokens in one statement',
    explanation:
      'A single line, or a single statement spanning lines (such as a list whose `[` is never closed), has more than ' +
      '1,048,576 tokens, so xmcfg stopped parsing there: the lines before it are checked, the rest of the file is not. ' +
      'Reading it would take gigabytes of memory, and no domain config has such a statement: the file is usually ' +
      'generated garbage, or a missing `]` turned the rest of a big file into one list.',
    bad: '$ xmcfg check generated.cfg   # one line of 2,000,000 `;`, or `disk = [` never closed above 500,000 lines',
    good: 'disk = [ "phy:/dev/vg/a,xvda,w" ]   # statements of a few tokens each',
  },
  XM0043: {
    severity: 'info',
    title: 'findings left out',
    explanation:
      'The file has more findings than a report lists for one file (1,000 by default, `--max-findings` changes it; ' +
      '0 lists them all). The report shows the first ones, errors first, then warnings, then notes, each in file order; ' +
      'this note, at the end of the file, says how many were left out. The error and warning counts (`errorCount`, ' +
      '`warningCount`, the summary line, the exit status and `--max-warnings`) still count every finding. ' +
      'A real config has a handful of findings: thousands come from a file that is not a domain config at all ' +
      '(random text, a generated file, a missing `]` near the top).',
    bad: '$ xmcfg check garbage.cfg   # 1 MiB of `a=[` lines: 262,144 unclosed brackets',
    good: '$ xmcfg check garbage.cfg --max-findings 0   # when every finding really is wanted',
  },
  XM0044: {
    severity: 'error',
    title: 'internal error: part of the file was not checked',
    explanation:
      'A bug in xmcfg: reading one option, validating the config or one cross-field rule failed on this file. ' +
      'The message names the option, stage or rule and what went wrong; every other finding of the file is still ' +
      'reported, but what that part would have found is missing, so the file counts as failed (exit 1). ' +
      'It says nothing about the config itself: please report it with the file (or the lines around the key named).',
    bad: '$ xmcfg check web.cfg   # a release whose reader of one option fails on this file',
    good: '$ xmcfg check web.cfg   # a release with that reader fixed: the option is read and checked',
  },
});
