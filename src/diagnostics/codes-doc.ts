/** @fileoverview The docs/codes.md page, rendered from the code registry. */
import { allCodes } from './codes/index.js';
import type { CodeInfo } from './registry.js';
import { exampleKind, exampleLabel } from './example-kind.js';

/** The Markdown page of every code: an anchor per code, its title, explanation and examples. */
export function renderCodesPage(codes: readonly CodeInfo[] = allCodes()): string {
  const ranges: Array<[string, string]> = [
    ['XM00', 'Lexical and syntax'],
    ['XM01', 'Schema'],
    ['XM02', 'Cross-field'],
    ['XM03', 'NUMA options'],
    ['XM04', 'Placement against a host'],
    ['XM05', 'Dialect portability'],
  ];
  let md = '# Diagnostic codes\n\nGenerated from the code registry (`src/diagnostics/codes/`) by `scripts/gen-codes-doc.mjs`; `xmcfg explain CODE` prints the same text. Codes never change meaning. Which code answers each message `xl create` prints about a config: [xl-conformance.md](xl-conformance.md).\n\n';
  for (const [prefix, title] of ranges) {
    const list = codes.filter((c) => c.code.startsWith(prefix));
    md += `## ${title} (${prefix}xx)\n\n| code | severity | title |\n|---|---|---|\n`;
    for (const c of list) md += `| [${c.code}](#${c.code.toLowerCase()}) | ${c.severity} | ${c.title} |\n`;
    md += '\n';
  }
  for (const c of codes) {
    const label = exampleLabel(exampleKind(c));
    md += `### ${c.code}\n\n**${c.title}** (default severity: ${c.severity})\n\n${c.explanation}\n\nWrong${label}:\n\n\`\`\`\n${c.bad.trimEnd()}\n\`\`\`\n\nRight${label}:\n\n\`\`\`\n${c.good.trimEnd()}\n\`\`\`\n\n`;
  }
  return md;
}
