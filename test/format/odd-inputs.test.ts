/**
 * @fileoverview fmt on the odd inputs administrators' trees hold, each in every dialect: CRLF, a
 * byte-order mark, tabs, a last line without newline, comments between list items and after the
 * last, a long list under --line-width, xm triple-quoted strings, `\` continuations, `+=`. Each is
 * either refused (left byte for byte) or rewritten so that a second run changes nothing, comments
 * and the normalised config are kept, and check reports the same codes on the same statements,
 * apart from the layout errors the canonical layout removes on purpose (docs/format.md, decision
 * 026: xl refuses CR, a BOM, `\` and a final comment without newline; Python an indented or
 * empty statement). The output's line ends are LF and it has no BOM.
 */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { comments, findings } from './layout-codes.js';



const longList = `cpus = [${Array.from({ length: 60 }, (_, i) => `"${i}"`).join(', ')}]\n`;
const ODD: [string, string][] = [
  ['crlf', 'name = "a"\r\nkernel = "/k"\r\nmemory=512\r\ndisk = [ "phy:/d,xvda,w" ,\r\n  # between\r\n  "file:/x,xvdb,r", # after last\r\n]\r\n'],
  ['lone CR line ends', 'name = "a"\rkernel = "/k"\rmemory=512\r'],
  ['mixed line ends', 'name = "a"\r\nkernel = "/k"\nmemory=512\r\n'],
  ['bom', '\ufeffname = "a"\nkernel = "/k"\nmemory=512\n'],
  ['bom and crlf', '\ufeffname = "a"\r\nkernel = "/k"\r\nmemory=512\r\n'],
  ['tabs', 'name\t=\t"a"\nkernel = "/k"\n\tmemory = 512\nvif = [\t"bridge=br0",\t"mac=00:16:3e:00:00:01" ]\n'],
  ['no final newline', 'name = "a"\nkernel = "/k"\nmemory=512'],
  ['final comment without newline', 'name = "a"\nkernel = "/k"\nmemory=512\n# last'],
  ['comments between items and after the last', 'name = "a"\nkernel = "/k"\ndisk = [\n  "phy:/a,xvda,w", # first\n  # own line\n  "phy:/b,xvdb,w"\n  # after last item\n]\n'],
  ['comments after the last item and after the bracket', 'name = "a"\nkernel = "/k"\npci = [ "0000:01:00.0", # gpu\n "0000:02:00.0" ] # nic\ndisk = [ "a" ,\n# x\n"b" # y\n, "c" ]\n'],
  ['long list', `name = "a"\nkernel = "/k"\n${longList}`],
  ['nested lists', 'name = "a"\nkernel = "/k"\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0-1", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=2-3", "vdistances=20,10" ] ]\n'],
  ['triple-quoted strings', 'name = "a"\nkernel = "/k"\nextra = """console=hvc0\n  root=/dev/xvda1"""\nbootargs = \'\'\'x y\'\'\'\n'],
  ['triple-quoted string with CRLF', 'name = "a"\r\nkernel = "/k"\r\nextra = """console=hvc0\r\n  root=/dev/xvda1"""\r\n'],
  ['continuations', 'name = "a"\nkernel = "/k"\nmemory = \\\n  512\ndisk = [ "phy:/a,xvda,w", \\\n "phy:/b,xvdb,w" ]\nextra = "a" \\\n  "b"\n'],
  ['continuation with CRLF', 'name = "a"\r\nkernel = "/k"\r\nmemory = \\\r\n  512\r\n'],
  ['continuation inside a string', 'name = "a"\nkernel = "/k"\nextra = "console=hvc0 \\\nroot=/dev/xvda1"\n'],
  ['+=', 'name = "a"\nkernel = "/k"\ndisk = [ "phy:/a,xvda,w" ]\ndisk += [ "phy:/b,xvdb,w" ]\nextra = "a"\nextra += " b"\nmemory = 256\nmemory += 256\n'],
  ['indented statement', 'name = "a"\nkernel = "/k"\n  memory = 512\n'],
  ['empty statements', 'name = "a"\nkernel = "/k"\n;\nmemory = 512;;\n'],
];

describe('fmt on odd inputs', () => {
  const rows = ODD.flatMap(([label, text]) => (['auto', 'xl', 'xm'] as const).flatMap((dialect) => [20, 100].map((lineWidth) => [`${label} (${dialect}, --line-width ${lineWidth})`, text, dialect, lineWidth] as const)));
  it.each(rows)('%s', (_label, text, dialect, lineWidth) => {
    const once = formatText(text, { dialect, lineWidth });
    if (once.refused) {
      expect(once.text).toBe(text);
      return;
    }
    const d = once.dialect;
    // Checked as the user asked (auto may read the output as xl where it read the input as xm:
    // allowed only when check sees the same config and no new error, docs/format.md).
    const cd = dialect === 'auto' ? d : dialect;
    expect(formatText(once.text, { dialect, lineWidth }).text).toBe(once.text);
    expect(comments(once.text, d)).toEqual(comments(text, d));
    expect(checkText(once.text, { dialect: cd }).config).toEqual(checkText(text, { dialect: cd }).config);
    expect(findings(once.text, cd)).toEqual(findings(text, cd));
    expect(once.text.startsWith('\ufeff')).toBe(false);
    expect(once.text.replace(/"""[^]*?"""/g, '')).not.toContain('\r');
    expect(once.text.endsWith('\n') && !once.text.endsWith('\n\n')).toBe(true);
  });

  it('lays a long list out one item per line at --line-width 20, on one line at 100 when it fits', () => {
    const text = 'name = "a"\nkernel = "/k"\ncpus = ["0", "1", "2", "3"]\n';
    expect(formatText(text, { lineWidth: 20 }).text).toBe('name = "a"\nkernel = "/k"\ncpus = [\n    "0",\n    "1",\n    "2",\n    "3",\n]\n');
    expect(formatText(text, { lineWidth: 100 }).text).toBe(text);
  });
});
