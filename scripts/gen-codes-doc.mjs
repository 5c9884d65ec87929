// Writes docs/codes.md, the page every diagnostic's link (SARIF helpUri, LSP codeDescription)
// points at, from the one code registry. Deterministic, so rebuilding makes no diff; a test checks
// the committed page is current.
import { build } from 'esbuild';
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'xmcfg-codes-'));
const entry = join(tmp, 'codes.mjs');
try {
  await build({ absWorkingDir: root, entryPoints: ['src/diagnostics/codes-doc.ts'], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: entry, logLevel: 'warning' });
  const { renderCodesPage } = await import(pathToFileURL(entry).href);
  writeFileSync(join(root, 'docs', 'codes.md'), renderCodesPage());
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
