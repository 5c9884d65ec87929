/**
 * A line break inside an xm triple-quoted string reads as "\n" whatever the file's line ends:
 * xm ran the file with execfile, and Python 2's tokenizer reads a file with universal newlines
 * (Py_UniversalNewlineFgets), so CRLF and a lone CR are "\n" in the value and in the xl output.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { convertToXl } from '../../src/convert/index.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

const HEAD = 'name = "g"\r\nkernel = "/boot/vmlinuz"\r\n';

describe('CRLF inside an xm triple-quoted string', () => {
  it.each([
    ['CRLF', 'extra = """a\r\nb"""\r\n', 'a\nb'],
    ['lone CR', 'extra = """a\rb"""\r\n', 'a\nb'],
    ['escaped CR-LF pair stays an escape', 'extra = """a\\r\r\nb"""\r\n', 'a\r\nb'],
    ['raw string: backslash and one line break', 'extra = r"""a\\\r\nb"""\r\n', 'a\\\nb'],
  ])('%s', (_what, line, want) => {
    const r = checkText(HEAD + line, { dialect: 'xm' });
    expect((r.config as Record<string, unknown>).extra).toBe(want);
  });

  it('convert --to xl writes a \\n escape, not \\r\\n', () => {
    const r = conv(`${HEAD}extra = """console=hvc0\r\nquiet"""\r\n`, { fileName: 'g.cfg' });
    expect(r.ok).toBe(true);
    expect(r.text).toBe('name = "g"\nkernel = "/boot/vmlinuz"\nextra = "console=hvc0\\nquiet"\n');
  });
});
