/**
 * The artifact users get: `npm pack`, install the tarball into an empty project, run the bin through
 * npx and import the library. The pack and install are the run's shared one (installed.ts), which
 * the fixture suites also run against. Install scripts are skipped (--ignore-scripts): the CLI is
 * bundled and `check` needs no native addon, and building better-sqlite3 would dominate the time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_TIMEOUT_MS, PACKAGE_BUILT, ROOT as root, installed } from './installed.js';

if (!PACKAGE_BUILT) process.stderr.write('test/package: dist/ is missing: run `npm run build` first (npm test does); package test skipped\n');

let files: string[];
/** This file's own folder inside the run's shared consumer, so its files meet no other suite's. */
let consumer: string;

describe.skipIf(!PACKAGE_BUILT)('npm package', () => {
  beforeAll(async () => {
    const pkg = await installed();
    files = pkg.files;
    consumer = mkdtempSync(join(pkg.consumer, 'pack-install-'));
  }, INSTALL_TIMEOUT_MS);

  it('packs the bundles and docs, not the sources or tests', () => {
    expect(files).toContain('dist/cli.mjs');
    expect(files).toContain('dist/check-worker.mjs');
    expect(files).toContain('package.json');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('fixtures/'))).toBe(false);
  });

  it('npx xmcfg check works in a fresh project', () => {
    writeFileSync(join(consumer, 'guest.cfg'), 'name = "guest"\nmemroy = 512\nkernel = "/boot/vmlinuz"\n');
    const r = spawnSync('npx', ['--no-install', 'xmcfg', 'check', 'guest.cfg', '--format', 'json'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { version: number; files: { path: string; diagnostics: { code: string; line: number; column: number }[] }[] };
    expect(out.version).toBe(1);
    expect(out.files[0]!.path).toBe('guest.cfg');
    expect(out.files[0]!.diagnostics.find((d) => d.code === 'XM0101')).toMatchObject({ line: 2, column: 1 });
    const stylish = spawnSync('npx', ['--no-install', 'xmcfg', 'check', 'guest.cfg'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(stylish.stdout).toContain(' --> guest.cfg:2:1');
    expect(readdirSync(join(consumer, '../node_modules/.bin'))).toContain('xmcfg');
  });

  it.skipIf(!existsSync(join(root, 'dist/types')))('the published types compile in a TypeScript consumer: NodeNext (ES module and CommonJS), Node16, bundler', () => {
    // Every export, checked with the package's own declarations (skipLibCheck off): a declaration
    // that reaches a module the install lacks (a devDependency) fails here instead of turning the
    // config type into `any` in the user's project.
    const use = [
      "import { parse, check, normalize, schema, readHost, plan, allCodes, codeInfo, optionKeys, optionDoc, LineIndex } from 'xmcfg';",
      // Every type docs/api.md lists, by its public name: none needs a deep import path.
      "import type { ParseOptions, CheckOptions, ReadHostOptions, PlanOptions, ParseResult, CheckResult, ReadHostResult, PlanResult } from 'xmcfg';",
      "import type { JsonDiagnostic, JsonRelated, Severity, SeverityCounts, CodeInfo, Span, Position, LineRange, Dialect, Setting, Value } from 'xmcfg';",
      "import type { PlainSyntaxTree, SyntaxTree, Stmt, Expr, NormalizedConfig, OptionDoc, Host, HostNode, PlacementConfig, Plan, PolicyName } from 'xmcfg';",
      "const po: ParseOptions = { dialect: 'xm', defines: { vmid: 3 }, maxFindings: 10 };",
      "const p: ParseResult = parse('memory = 512\\n', po);",
      "const co: CheckOptions = { ...po, fileName: 'web.cfg', host: null };",
      "const c: CheckResult = check('memory = 512\\n', co);",
      "const n = normalize('memory = 512\\n', null);",
      'const s: Record<string, unknown> = schema();',
      "const ho: ReadHostOptions = { format: 'json' };",
      'const h: ReadHostResult = readHost({ nodes: [] }, ho);',
      'const host: Host | null = h.host;',
      'const node: HostNode | undefined = host?.nodes[0];',
      'const cfg: NormalizedConfig = n.config;',
      'const memory: number | undefined = cfg.memory;',
      '// @ts-expect-error memory is a number: the config type is not any',
      'const wrong: string = cfg.memory;',
      "const byHand: PlacementConfig = { memory: 512, numa: { mode: 'auto', node_count: 1 } };",
      "const policy: PolicyName = 'round-robin';",
      "const pOpts: PlanOptions = { policy, affinity: 'soft', cursor: 0 };",
      'const r: PlanResult | null = host ? plan(cfg, host, pOpts) : null;',
      'const r2 = host ? plan(byHand, host) : null;',
      'const pl: Plan | null | undefined = r?.plan;',
      // exactOptionalPropertyTypes (on below): a field read from a result may be passed on while undefined.
      'const again = host ? plan(cfg, host, { policy, cursor: r?.cursor }) : null;',
      'const withName = check(\'memory = 512\\n\', { fileName: p.settings[0]?.key, host: h.host, maxFindings: c.omitted?.errors });',
      'const next: number | undefined = r?.cursor;',
      'const tree: PlainSyntaxTree = p.tree;',
      'const tree2: SyntaxTree["text"] = tree.text;',
      'const stmts: Stmt[] = [...tree.statements];',
      'const kinds: number[] = p.tree.tokens.kinds;',
      'const setting: Setting | undefined = p.settings[0];',
      'const value: Value | undefined = setting?.value;',
      'const span: Span | undefined = setting?.keySpan;',
      'const lines = new LineIndex(\'memory = 512\\n\');',
      'const at: Position = lines.position(3);',
      'const range: LineRange | undefined = span && lines.range(span);',
      'const d: JsonDiagnostic[] = [...p.diagnostics, ...c.diagnostics];',
      'const rel: JsonRelated[] | undefined = d[0]?.related;',
      'const sev: Severity | undefined = d[0]?.severity;',
      'const left: SeverityCounts | undefined = c.omitted;',
      'const dialect: Dialect = c.dialect;',
      "const info: CodeInfo | undefined = codeInfo('XM0101');",
      "const doc: OptionDoc | undefined = optionDoc('memory');",
      'type E = Expr;',
      "export default [s, pl, next, r2, again, withName, d, rel, sev, left, dialect, kinds, memory, wrong, node, tree2, stmts, value, at, range, info, doc, allCodes(), optionKeys(), null as E | null];",
    ];
    writeFileSync(join(consumer, 'use.ts'), use.join('\n') + '\n');
    // A CommonJS consumer (docs/api.md: require() loads the package): both import forms, typed.
    const cjs = [
      "import { check, type CheckResult } from 'xmcfg';",
      "import xmcfg = require('xmcfg');",
      "const r: CheckResult = check('memory = 512\\n', { dialect: 'xl' });",
      'const m: number | undefined = r.config.memory;',
      "export = [m, xmcfg.schema(), xmcfg.codeInfo('XM0101')?.title];",
    ];
    writeFileSync(join(consumer, 'use-cjs.cts'), cjs.join('\n') + '\n');
    // The module settings docs/api.md names, each its own project, checked by one tsc process
    // (one start is most of the time): NodeNext (ES module and CommonJS files), Node16 and bundler.
    const options = { target: 'ES2022', strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, types: [] };
    // The declarations themselves are checked once (skipLibCheck off, under NodeNext); the other
    // settings only resolve and use them, which is what differs between them.
    const projects: Record<string, [object, string[]]> = {
      nodenext: [{ module: 'NodeNext', moduleResolution: 'NodeNext' }, ['use.ts', 'use-cjs.cts']],
      node16: [{ module: 'Node16', moduleResolution: 'Node16', skipLibCheck: true }, ['use.ts']],
      bundler: [{ module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true }, ['use.ts']],
    };
    for (const [name, [module, files]] of Object.entries(projects)) {
      writeFileSync(join(consumer, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...options, ...module, tsBuildInfoFile: `${name}.tsbuildinfo` }, files }));
    }
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ files: [], references: Object.keys(projects).map((n) => ({ path: `tsconfig.${n}.json` })) }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', '--verbose', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    // --verbose names each project as it is built, so a failure says under which settings.
    const out = r.stdout + r.stderr;
    for (const name of Object.keys(projects)) expect(out).toContain(`Building project '${join(consumer, `tsconfig.${name}.json`)}'`);
    expect(out.split('\n').filter((l) => / error TS\d+/.test(l) || l.startsWith('* Building') || /^\S.*\(\d+,\d+\)/.test(l))).toEqual([]);
    expect(r.status, out).toBe(0);
  }, 180_000);

  it.skipIf(!existsSync(join(root, 'dist/index.mjs')))('the library entry imports and checks text', () => {
    const script = "import * as x from 'xmcfg'; const r = x.check('memroy = 1\\n', {}); console.log(JSON.stringify({ keys: Object.keys(x).sort(), codes: r.diagnostics.map((d) => d.code) }));";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { keys: string[]; codes: string[] };
    // Exactly the functions docs/api.md lists: a new export is a decision, made there first.
    expect(out.keys).toEqual(['LineIndex', 'allCodes', 'check', 'codeInfo', 'normalize', 'optionDoc', 'optionKeys', 'parse', 'plan', 'readHost', 'schema']);
    expect(out.codes).toContain('XM0101');
  });

  it.skipIf(!existsSync(join(root, 'dist/index.mjs')))('CommonJS loads it with require() and with import(), the same module, without a warning', () => {
    const script = "const r = require('xmcfg'); import('xmcfg').then((x) => { console.log(JSON.stringify({ same: r.check === x.check, keys: Object.keys(r).length, codes: r.check('memroy = 1\\n').diagnostics.map((d) => d.code) })); });";
    const r = spawnSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: consumer, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { same: boolean; keys: number; codes: string[] };
    expect(out.same).toBe(true);
    expect(out.keys).toBe(11);
    expect(out.codes).toContain('XM0101');
  });
});
