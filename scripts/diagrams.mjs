// Writes docs/grammar.html: Chevrotain's railroad diagram of the superset grammar (grammar/parser.ts).
// The parser is TypeScript, so it is bundled to a temporary module with esbuild first.
import { build } from 'esbuild';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'xmcfg-diagrams-'));
try {
  const out = join(tmp, 'parser.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['grammar/parser.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'warning',
  });
  // The serialized grammar is plain data, so the bundled chevrotain and this script's renderer mix fine.
  const { XmParser } = await import(pathToFileURL(out).href);
  const html = createSyntaxDiagramsCode(new XmParser().getSerializedGastProductions(), { resourceBase: 'https://unpkg.com/chevrotain@11.2.0/diagrams/' });
  writeFileSync(join(root, 'docs', 'grammar.html'), html);
  process.stderr.write(`diagrams: wrote docs/grammar.html (${html.length} bytes)\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
