/**
 * convert --to xl of an xm file with a Python block it cannot run (`if`, `for`, …): the block is
 * commented out, and so is every assignment whose value was folded from a name the block may set
 * (directly, through `+=`, or through another such assignment): the evaluator kept the name's
 * earlier value, which xm may not have read. A later plain assignment makes the name certain again.
 */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/index.js';
import { checkText } from '../../src/check/check.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

const HEAD = 'name = "g"\nkernel = "/k"\n';

describe('convertToXl of values read from names a Python block may set', () => {
  it('a value folded from such a name is commented out, with a note naming the name and the block', () => {
    const r = conv(HEAD + 'vcpus = 1\nif big:\n    vcpus = 2\nmemory = 256 * vcpus\n');
    expect(r.ok).toBe(true);
    expect(r.text).toBe(HEAD + 'vcpus = 1\n# xmcfg convert: xl has no Python statements: if big:\n#     vcpus = 2\n# xmcfg convert: it reads vcpus, which a Python statement may set: memory = 256 * vcpus\n');
    expect(r.notes).toEqual(['line 4: Python statement commented out (it may set vcpus)', 'line 6: "memory" commented out: its value reads vcpus, which the Python statement at line 4 may set']);
    expect(checkText(r.text, { dialect: 'xl' }).config.memory).toBeUndefined();
  });

  it('through a helper name and a +=', () => {
    const src = HEAD + 'n = 1\nextra = "a"\nfor i in range(2):\n    n = n + 1\n    extra = "c"\nmem = 256 * n\nmemory = mem\nextra += " b"\n';
    const r = conv(src);
    expect(r.ok).toBe(true);
    const commented = r.text.split('\n').filter((l) => l.startsWith('# xmcfg convert: it reads')).map((l) => l.slice(l.lastIndexOf(': ') + 2));
    expect(commented).toEqual(['mem = 256 * n', 'memory = mem', 'extra += " b"']);
  });

  it('a name set again after the block, and values that read nothing it sets, are kept', () => {
    const r = conv(HEAD + 'vcpus = 1\nif big:\n    vcpus = 2\nvcpus = 3\nmemory = 256 * vcpus\nmaxmem = 512 * 2\n');
    expect(r.text).toBe(HEAD + 'vcpus = 1\n# xmcfg convert: xl has no Python statements: if big:\n#     vcpus = 2\nvcpus = 3\nmemory = 768\nmaxmem = 1024\n');
    expect(r.notes).toEqual(['line 4: Python statement commented out (it may set vcpus)']);
  });

  it('assignments inside a def or class body bind its own names: values reading the file\'s are kept (extra was commented out)', () => {
    const src = HEAD + 'extra = "console=hvc0"\ndef f():\n    extra = "x"\n    return extra\nclass C:\n    extra = "y"\nroot = extra\n';
    const r = conv(src);
    expect(r.ok).toBe(true);
    expect(r.notes).toEqual(['line 4: Python statement commented out (it may set f)', 'line 7: Python statement commented out (it may set C)']);
    expect(checkText(r.text, { dialect: 'xl' }).config.root).toBe('console=hvc0');
    // A body that declares the name global may set the file's: the value is commented out.
    const g = conv(HEAD + 'extra = "a"\ndef f():\n    global extra\n    extra = "x"\nroot = extra\n');
    expect(g.notes).toEqual(['line 4: Python statement commented out (it may set f, extra)', 'line 7: "root" commented out: its value reads extra, which the Python statement at line 4 may set']);
  });
});
