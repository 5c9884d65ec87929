// Build: generate code (validator, ...), bundle the CLI and the library with esbuild, emit .d.ts.
// One bundled file per entry keeps start-up low: importing chevrotain's package entry alone loads
// hundreds of modules (~230 ms); bundled it is ~10 ms.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
// --if-stale: skip the build when dist/cli.mjs is newer than every source file (used by `npm start`).
if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

function isStale() {
  const out = join(root, 'dist', 'cli.mjs');
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).some((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? e.name !== 'generated' && walk(p) : statSync(p).mtimeMs > built;
  });
  return ['src', 'grammar', 'scripts'].some((d) => existsSync(join(root, d)) && walk(join(root, d)));
}
const log = (m) => quiet || process.stderr.write(`build: ${m}\n`);

// 1. Code generators (each scripts/gen-*.mjs writes into generated/ folders that git ignores).
for (const f of readdirSync(join(root, 'scripts')).filter((f) => /^gen-.*\.mjs$/.test(f)).sort()) {
  log(`running ${f}`);
  execFileSync(process.execPath, [join(root, 'scripts', f)], { stdio: 'inherit', cwd: root });
}

// yargs renders and caches the help text of every command it runs (so that showHelp() works once
// the command's context is gone): ~35 ms of CPU per `xmcfg check`, a tenth of its start-up. The CLI
// never shows help after a command has started, so the bundle skips that cache. The patch is
// checked: if yargs changes the line, the build fails instead of silently not patching.
let yargsPatched = false;
const skipYargsHelpCache = {
  name: 'skip-yargs-help-cache',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]lib[\\/]usage\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const line = 'cachedHelpMessage = this.help();';
      if (!src.includes(line)) throw new Error(`build: ${args.path} no longer contains "${line}"; update skipYargsHelpCache`);
      yargsPatched = true;
      return { contents: src.replace(line, '/* xmcfg build: help text not cached */'), loader: 'js' };
    });
  },
};

// 2. Bundles.
rmSync(join(root, 'dist'), { recursive: true, force: true });
// check-worker is the worker_threads entry of `check --jobs N`; the pool finds it next to the chunks.
const entryPoints = { cli: 'src/cli/main.ts', index: 'src/index.ts', 'check-worker': 'src/cli/check/worker.ts' };
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
  // The version is inlined so start-up never reads package.json.
  define: { __XMCFG_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  legalComments: 'none',
  // Minified bundles parse and compile faster at every start (~10% of `check one.cfg`, measured
  // with hyperfine); keepNames keeps class and function names that error messages print.
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  plugins: [skipYargsHelpCache],
});
if (existsSync(join(root, entryPoints.cli ?? '-')) && !yargsPatched) throw new Error('build: yargs usage.js was not bundled through skipYargsHelpCache');
// The bin keeps the source's `#!/usr/bin/env node` line; npm links it, but a direct run needs +x.
if (existsSync(join(root, 'dist/cli.mjs'))) chmodSync(join(root, 'dist/cli.mjs'), 0o755);
log('bundled dist/');

// 3. Type declarations for library users, as tsconfig.build.json says: the repository is the
// rootDir (src/ imports the grammar from grammar/), so package.json names dist/types/src/index.d.ts.
if (process.argv.includes('--no-types')) process.exit(0);
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: root });
log('declarations in dist/types');
