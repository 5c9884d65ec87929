// Build: generate code (validator, ...), bundle the CLI and the library with esbuild, emit .d.ts.
// One bundled file per entry keeps start-up low: importing chevrotain's package entry alone loads
// hundreds of modules (~230 ms); bundled it is ~10 ms. Start-up of `xmcfg check one.cfg` is a
// product target (at most twice bare `node -e 0`, bench/run.mjs), hence the plugins below: the
// catalogue as data, the validator with a code cache, and the check command as its own bundle.
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cacheKey, cacheReaderSource, scriptLoader, sealCache } from './code-cache.mjs';

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

// The option catalogue (src/normalize/catalogue/) is TypeBox code: evaluating TypeBox and building
// ~220 schema objects cost ~15–30 ms of every start of `xmcfg check one.cfg`, while its users
// only read the resulting plain objects. The bundles therefore get the catalogue as data: the
// catalogue is evaluated here, at build time, and its exports are inlined as one JSON text (plus
// the optionSchema() lookup). It is rebuilt from the sources on every build and checked to survive
// JSON unchanged (apart from TypeBox's symbol keys, which nothing outside TypeBox reads), and the
// lookup is checked key by key, so the data cannot differ from what the TypeBox code builds.
const catalogueFile = join(root, 'src', 'normalize', 'catalogue', 'index.ts');
let catalogueInlined = false;
async function catalogueAsData() {
  const tmp = mkdtempSync(join(tmpdir(), 'xmcfg-catalogue-'));
  try {
    const out = join(tmp, 'catalogue.mjs');
    await build({ absWorkingDir: root, entryPoints: [catalogueFile], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: out, logLevel: 'warning' });
    const mod = await import(pathToFileURL(out).href);
    const data = {};
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') {
        if (name !== 'optionSchema') throw new Error(`build: catalogue export ${name} is a function; teach catalogueAsData about it`);
        continue;
      }
      assertJsonSafe(value, name);
      data[name] = value;
    }
    if (typeof mod.optionSchema !== 'function' || !data.ConfigSchema?.properties) throw new Error('build: the catalogue no longer exports optionSchema and ConfigSchema; update catalogueAsData');
    const json = JSON.stringify(data);
    const copy = JSON.parse(json);
    for (const key of [...Object.keys(copy.ConfigSchema.properties), 'nope', 'constructor', '__proto__', 'toString']) {
      const want = mod.optionSchema(key);
      if (JSON.stringify(want) !== JSON.stringify(Object.hasOwn(copy.ConfigSchema.properties, key) ? copy.ConfigSchema.properties[key] : undefined)) throw new Error(`build: optionSchema(${JSON.stringify(key)}) is not ConfigSchema.properties[key]; update catalogueAsData`);
    }
    const names = Object.keys(data);
    return [
      '// The option catalogue as data, generated by scripts/build.mjs from src/normalize/catalogue/.',
      `const data = JSON.parse(${JSON.stringify(json)});`,
      ...names.map((n) => `export const ${n} = data.${n};`),
      'const BY_KEY = new Map(Object.entries(data.ConfigSchema.properties));',
      '/** The schema of one option, or undefined. */',
      'export function optionSchema(key) {',
      '  return BY_KEY.get(key);',
      '}',
      '',
    ].join('\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Throw unless `v` comes back from JSON.stringify/parse equal (plain objects, arrays, finite numbers, strings, booleans, null). */
function assertJsonSafe(v, path) {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Object.is(v, -0)) throw new Error(`build: catalogue value ${path} = ${v} does not survive JSON`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => assertJsonSafe(x, `${path}[${i}]`));
    return;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) throw new Error(`build: catalogue value ${path}.${k} is undefined, which JSON drops`);
      assertJsonSafe(x, `${path}.${k}`);
    }
    return;
  }
  throw new Error(`build: catalogue value ${path} (${typeof v}) does not survive JSON`);
}

const catalogueSource = await catalogueAsData();
const inlineCatalogue = {
  name: 'inline-catalogue',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]normalize[\\/]catalogue[\\/]index\.ts$/ }, (args) => {
      if (args.path !== catalogueFile) return undefined;
      catalogueInlined = true;
      return { contents: catalogueSource, loader: 'js', resolveDir: dirname(catalogueFile) };
    });
  },
};

// The Ajv standalone validator is ~230 KB of minified code (one function per option and the whole
// validator composed of them, docs/decisions/007): V8 compiled it at every start (~20 ms of
// `xmcfg check one.cfg` when it was one function). The bundles run it through vm.Script with a
// V8 code cache written next to its chunk by this build. The cache is only a compiled form of the
// same source: its header holds a hash of the source, Node version and architecture, so a cache
// from another build or Node is ignored, and a CRC of V8's data, so a damaged one is ignored too
// (V8 rejects data from another V8 or other flags, but runs damaged data); without a usable cache
// the source is simply compiled, as before (scripts/code-cache.mjs).
const validatorFile = join(root, 'src', 'schema', 'generated', 'validate.cjs');
// The module that loads it (in sources: a plain require), replaced in the bundles by the stub below.
const standaloneFile = join(root, 'src', 'schema', 'standalone-validator.ts');
const VALIDATOR_FILENAME = 'xmcfg-validator.cjs';
const VALIDATOR_CACHE = 'validator.v8cache';
let validatorSource = null;
let validatorIds = null;
let validatorStubbed = false;
async function minifyValidator() {
  const raw = readFileSync(validatorFile, 'utf8');
  const min = (await transform(raw, { loader: 'js', format: 'cjs', minify: true, keepNames: true, target: 'node20', legalComments: 'none' })).code;
  // Wrapped like a CommonJS module; the parentheses make V8 compile the wrapper eagerly.
  validatorSource = `(function (exports, require, module) {${min}\n})`;
  validatorIds = [...new Set([...min.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
  for (const id of validatorIds) if (!id.startsWith('ajv/dist/runtime/')) throw new Error(`build: the validator requires ${id}; only Ajv's runtime helpers are expected`);
}

/** The module that replaces standalone-validator.ts in a bundle whose process runs under `v8Flags`. */
function validatorStub(v8Flags) {
  const ids = validatorIds;
  return [
    "import { readFileSync } from 'node:fs';",
    "import { Script } from 'node:vm';",
    "import { crc32 } from 'node:zlib';",
    `const SOURCE = ${JSON.stringify(validatorSource)};`,
    // Bundled by esbuild like any require of the original module.
    `const RUNTIME = { ${ids.map((id) => `${JSON.stringify(id)}: require(${JSON.stringify(id)})`).join(', ')} };`,
    cacheReaderSource(VALIDATOR_CACHE, cacheKey(validatorSource, v8Flags)),
    'let validate;',
    '/** The build-time validator, compiled from its code cache when V8 accepts it. */',
    'export function standaloneValidator() {',
    '  if (validate) return validate;',
    `  const script = new Script(SOURCE, { filename: ${JSON.stringify(VALIDATOR_FILENAME)}, cachedData: cachedData() });`,
    '  const mod = { exports: {} };',
    '  script.runInThisContext()(mod.exports, (id) => {',
    '    if (Object.hasOwn(RUNTIME, id)) return RUNTIME[id];',
    '    throw new Error(`validator: unexpected require of ${id}`);',
    '  }, mod);',
    '  validate = mod.exports.default ?? mod.exports;',
    '  return validate;',
    '}',
    '',
  ].join('\n');
}

/** The code cache of the validator under `v8Flags`, made by a clean child process after the validator has run once. */
function writeValidatorCache(dir, v8Flags) {
  const src = join(dir, 'validator-source.tmp');
  writeFileSync(src, validatorSource);
  const code = `
    require('node:v8').setFlagsFromString(${JSON.stringify(v8Flags)});
    const { readFileSync, writeFileSync } = require('node:fs');
    const { Script } = require('node:vm');
    const req = require('node:module').createRequire(${JSON.stringify(join(root, 'package.json'))});
    const script = new Script(readFileSync(${JSON.stringify(src)}, 'utf8'), { filename: ${JSON.stringify(VALIDATOR_FILENAME)} });
    const mod = { exports: {} };
    script.runInThisContext()(mod.exports, req, mod);
    // One call compiles the whole validator function (its lazy part) so the cache holds it.
    mod.exports({}); mod.exports({ name: 'x', memory: 1, vif: [] });
    // And each option's own validator (src/schema/by-property.ts), which checks run instead.
    for (const v of Object.values(mod.exports.properties ?? {})) v(undefined);
    writeFileSync(${JSON.stringify(join(dir, VALIDATOR_CACHE))}, script.createCachedData());
  `;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  try {
    execFileSync(process.execPath, ['-e', code], { stdio: 'inherit', env });
    sealCache(join(dir, VALIDATOR_CACHE), cacheKey(validatorSource, v8Flags));
  } finally {
    rmSync(src, { force: true });
  }
}

await minifyValidator();
/** The plugin that bundles the validator through its code cache, for a process under `v8Flags`. */
function cachedValidatorFor(v8Flags) {
  const contents = validatorStub(v8Flags);
  return {
    name: 'cached-validator',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]schema[\\/]standalone-validator\.ts$/ }, (args) => {
        if (args.path !== standaloneFile) return undefined;
        validatorStubbed = true;
        return { contents, loader: 'js', resolveDir: dirname(validatorFile) };
      });
    },
  };
}

// 2. Bundles.
rmSync(join(root, 'dist'), { recursive: true, force: true });
const common = {
  absWorkingDir: root,
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
  // So are the fields the project's links come from (src/diagnostics/project.ts).
  define: (({ version, homepage, repository }) => ({ __XMCFG_VERSION__: JSON.stringify(version), __XMCFG_PACKAGE_LINKS__: JSON.stringify({ homepage, repository }) }))(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))),
  legalComments: 'none',
  // Minified bundles parse and compile faster at every start (~10% of `check one.cfg`, measured
  // with hyperfine); keepNames keeps class and function names that error messages print.
  // XMCFG_NO_MINIFY=1 keeps names readable in CPU profiles.
  minify: !process.env.XMCFG_NO_MINIFY,
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
};

// The check command is bundled on its own: in the one build of every entry, esbuild cut the check
// path into ~18 chunks (one per set of commands sharing a module), and loading a module costs Node
// ~1 ms of resolving, reading and linking. The CLI's `check` command imports ./check.mjs, which
// only it uses. That bundle is one CommonJS script (dist/check.script.js) run through vm.Script
// with a V8 code cache (dist/check.v8cache) made by running it once at build time, so a start
// neither parses ~400 KB of JavaScript nor compiles the functions a check runs (Node 20 has no
// code cache for ES modules). dist/check.mjs and dist/check-worker.mjs are small loaders of it.
const checkEntry = join(root, 'src', 'cli', 'check', 'run-check.ts');
const checkBundleEntry = join(root, 'src', 'cli', 'check', 'bundle.ts');
let checkExternalized = false;
const checkAsOwnBundle = {
  name: 'check-as-own-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/check\/run-check\.js$/ }, (args) => {
      if (args.importer !== join(root, 'src', 'cli', 'commands', 'check.ts')) return undefined;
      checkExternalized = true;
      return { path: './check.mjs', external: true };
    });
  },
};
const cliEntries = { cli: 'src/cli/main.ts', index: 'src/index.ts' };
// Folder of each validator code cache → the V8 flags of the processes that load it.
const cacheDirs = new Map();
for (const [name, path] of Object.entries(cliEntries)) if (!existsSync(join(root, path))) delete cliEntries[name];
if (Object.keys(cliEntries).length > 0) {
  validatorStubbed = false;
  const bundled = await build({ ...common, entryPoints: cliEntries, plugins: [skipYargsHelpCache, inlineCatalogue, cachedValidatorFor(''), checkAsOwnBundle] });
  if (!validatorStubbed) throw new Error('build: the validator was not bundled through cachedValidator');
  // XMCFG_META=DIR writes esbuild's metafile, to see what each chunk holds.
  if (process.env.XMCFG_META) writeFileSync(join(process.env.XMCFG_META, 'meta-cli.json'), JSON.stringify(bundled.metafile));
  // The cache goes next to the chunk that holds the validator (it is found relative to that chunk).
  const validatorChunks = Object.entries(bundled.metafile.outputs).filter(([, o]) => Object.keys(o.inputs).some((i) => join(root, i) === standaloneFile));
  if (validatorChunks.length !== 1) throw new Error(`build: expected the validator in one output, found ${validatorChunks.length}`);
  cacheDirs.set(dirname(join(root, validatorChunks[0][0])), '');
  // ./check.mjs is resolved next to the module that imports it: that must be dist/cli.mjs.
  const importer = Object.entries(bundled.metafile.outputs).filter(([, o]) => o.imports.some((i) => i.path === './check.mjs' && i.external));
  if (existsSync(checkEntry) && (!checkExternalized || importer.length !== 1 || join(root, importer[0][0]) !== join(root, 'dist', 'cli.mjs'))) throw new Error('build: the check command must import ./check.mjs from dist/cli.mjs');
}
const CHECK_SCRIPT = 'check.script.js';
const CHECK_CACHE = 'check.v8cache';
// V8 flags the check loader sets before it compiles the check script. A check of many files keeps
// every file's findings until the report, so most young objects survive a scavenge or two: with
// V8's default growth factor (2) the young generation reaches its 16 MB cap only after ~20
// scavenges, each copying the survivors (GC was the largest self time of `check` over 2,000 files,
// ~130 ms of ~1,100). A factor of 4 gets there in fewer steps: 24 → 15 scavenges there, about
// 40% less GC pause. V8 rejects a code cache made under other flags (they are in its data's
// flag hash), so the caches of dist/ are made under these flags too (their keys include them).
// The worker loader sets none: flags are per process, and the main thread has set them.
const CHECK_V8_FLAGS = '--semi-space-growth-factor=4';
let checkKey = null;
if (existsSync(checkBundleEntry)) {
  validatorStubbed = false;
  const { metafile, outputFiles } = await build({
    ...common,
    splitting: false,
    format: 'cjs',
    outdir: undefined,
    outExtension: undefined,
    chunkNames: undefined,
    outfile: join('dist', CHECK_SCRIPT),
    entryPoints: [checkBundleEntry],
    banner: undefined,
    // The loader passes the script's own file URL in; relative URLs (the worker, the validator's
    // cache) resolve next to it, in dist/.
    define: { ...common.define, 'import.meta.url': '__xmcfgModuleUrl' },
    write: false,
    plugins: [inlineCatalogue, cachedValidatorFor(CHECK_V8_FLAGS)],
  });
  if (!validatorStubbed) throw new Error('build: the validator was not bundled through cachedValidator in the check bundle');
  if (process.env.XMCFG_META) writeFileSync(join(process.env.XMCFG_META, 'meta-check.json'), JSON.stringify(metafile));
  const js = outputFiles.find((f) => f.path.endsWith(CHECK_SCRIPT)).text;
  // Wrapped like a CommonJS module; the parentheses make V8 compile the wrapper eagerly.
  const script = `(function (exports, require, module, __filename, __dirname, __xmcfgModuleUrl) {${js}\n})`;
  checkKey = cacheKey(script, CHECK_V8_FLAGS);
  writeFileSync(join(root, 'dist', CHECK_SCRIPT), script);
  writeFileSync(join(root, 'dist', 'check.mjs'), scriptLoader(CHECK_SCRIPT, CHECK_CACHE, checkKey, 'export const runCheck = mod.exports.runCheck;', CHECK_V8_FLAGS));
  writeFileSync(join(root, 'dist', 'check-worker.mjs'), scriptLoader(CHECK_SCRIPT, CHECK_CACHE, checkKey, 'await mod.exports.startWorker();'));
  cacheDirs.set(join(root, 'dist'), CHECK_V8_FLAGS);
}

if (!catalogueInlined) throw new Error('build: the catalogue was not bundled through inlineCatalogue');
for (const [d, flags] of cacheDirs) writeValidatorCache(d, flags);
if (checkKey) writeCheckCache();

/**
 * The code cache of the check script, made by a clean child process after checking a few sample
 * files (valid xl, xm, syntax errors; stylish and JSON reports), so it holds the functions a check
 * runs, not only the top level.
 */
function writeCheckCache() {
  const dist = join(root, 'dist');
  const samples = mkdtempSync(join(tmpdir(), 'xmcfg-check-cache-'));
  writeFileSync(join(samples, 'good.cfg'), 'name = "web"\ntype = "pvh"\nmemory = 1024\nmaxmem = 2048\nvcpus = 2\ncpus = "0-3,^1"\nnuma = "on"\ndisk = [ "format=raw, vdev=xvda, access=rw, target=/dev/vg/web" ]\nvif = [ "mac=00:16:3e:00:00:01,bridge=xenbr0" ]\non_crash = "restart"\n');
  writeFileSync(join(samples, 'legacy.xm'), 'kernel = "/boot/vmlinuz"\nmemory = 256 * 2\nname = "vm%d" % 3\ndisk = [ \'phy:/dev/vg/a,xvda,w\', ]\nvif = [ "bridge=xenbr0" ]\nnumanodes = 2\nmemroy = 3\n');
  writeFileSync(join(samples, 'broken.cfg'), 'name = "x"\nmemory = = 3\nif x:\n    pass\nvcpus = [1, 2\nfoo = "a" "b"\n');
  const code = `
    require('node:v8').setFlagsFromString(${JSON.stringify(CHECK_V8_FLAGS)});
    const { readFileSync, writeFileSync } = require('node:fs');
    const { Script } = require('node:vm');
    const { createRequire } = require('node:module');
    const { pathToFileURL } = require('node:url');
    const file = ${JSON.stringify(join(dist, CHECK_SCRIPT))};
    const script = new Script(readFileSync(file, 'utf8'), { filename: file });
    const mod = { exports: {} };
    script.runInThisContext()(mod.exports, createRequire(file), mod, file, ${JSON.stringify(dist)}, pathToFileURL(file).href);
    const io = { stdout() {}, stderr() {}, readStdin: async () => '', cwd: ${JSON.stringify(samples)}, env: {}, stdoutIsTTY: false, stderrIsTTY: false };
    (async () => {
      for (const args of [['good.cfg'], ['legacy.xm', 'broken.cfg'], ['--format', 'json', 'good.cfg', 'legacy.xm', 'broken.cfg']]) {
        const argv = mod.exports.quickCheckArgv(['check', ...args]);
        if (!argv) throw new Error('build: quickCheckArgv rejected ' + args.join(' '));
        await mod.exports.runCheck(argv, io);
      }
      writeFileSync(${JSON.stringify(join(dist, CHECK_CACHE))}, script.createCachedData());
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  try {
    execFileSync(process.execPath, ['-e', code], { stdio: 'inherit', env });
    sealCache(join(dist, CHECK_CACHE), checkKey);
  } finally {
    rmSync(samples, { recursive: true, force: true });
  }
}
const entryPoints = cliEntries;
if (existsSync(join(root, entryPoints.cli ?? '-')) && !yargsPatched) throw new Error('build: yargs usage.js was not bundled through skipYargsHelpCache');
// The bin keeps the source's `#!/usr/bin/env node` line; npm links it, but a direct run needs +x.
if (existsSync(join(root, 'dist/cli.mjs'))) chmodSync(join(root, 'dist/cli.mjs'), 0o755);
log('bundled dist/');

// 3. Type declarations for library users, as tsconfig.build.json says: the repository is the
// rootDir (src/ imports the grammar from grammar/), so package.json names dist/types/src/index.d.ts.
if (process.argv.includes('--no-types')) process.exit(0);
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: root });
log('declarations in dist/types');
