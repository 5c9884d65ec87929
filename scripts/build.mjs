// Build: generate code (validator, ...), bundle the CLI and the library with esbuild, emit .d.ts.
// One bundled file per entry keeps start-up low: importing chevrotain's package entry alone loads
// hundreds of modules (~230 ms); bundled it is ~10 ms.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const log = (m) => quiet || process.stderr.write(`build: ${m}\n`);

// 1. Code generators (each scripts/gen-*.mjs writes into generated/ folders that git ignores).
for (const f of readdirSync(join(root, 'scripts')).filter((f) => /^gen-.*\.mjs$/.test(f)).sort()) {
  log(`running ${f}`);
  execFileSync(process.execPath, [join(root, 'scripts', f)], { stdio: 'inherit', cwd: root });
}

// 2. Bundles.
rmSync(join(root, 'dist'), { recursive: true, force: true });
const entryPoints = { cli: 'src/cli/main.ts', index: 'src/index.ts' };
for (const [name, path] of Object.entries(entryPoints)) if (!existsSync(join(root, path))) delete entryPoints[name];
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // Native addon: loaded from node_modules at run time.
  external: ['better-sqlite3'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __xmcfgCreateRequire } from 'node:module'; const require = __xmcfgCreateRequire(import.meta.url);" },
  legalComments: 'none',
  minifySyntax: true,
  logLevel: 'warning',
});
log('bundled dist/');

// 3. Type declarations for library users.
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: root });
log('declarations in dist/types');
