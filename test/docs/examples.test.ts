/**
 * The example commands of the user documentation, run against the built bin: each exits as its
 * doc says and prints what its doc shows. The convention is described in ./doc-examples.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, CLI } from '../e2e/cli-helpers.js';
import { extractExamples, outputMatches, parseCommand, splitComment, type Example } from './doc-examples.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = ['README.md', 'docs/cli.md', 'docs/editors.md', 'docs/format.md', 'docs/placement.md'];

/** Examples not run, by doc and command text, each with the reason. */
const SKIPPED: Record<string, string> = {
  'docs/cli.md: xmcfg check /etc/xen': 'needs a Xen host’s /etc/xen; the same walk is run on fixtures/examples/ in README.md',
  'docs/format.md: xmcfg fmt /etc/xen': 'rewrites a Xen host’s configs in place',
};

const found = DOCS.map((doc) => ({ doc, ...extractExamples(doc, ROOT) }));
const examples = found.flatMap((f) => f.examples.map((e) => ({ ...e, doc: f.doc })));
const key = (e: { doc: string; text: string }) => `${e.doc}: ${e.text}`;
const run = examples.filter((e) => !Object.hasOwn(SKIPPED, key(e)));

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function spawnCli(e: Example, env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...e.args], { cwd: resolve(ROOT, e.cwd), env, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
    child.stdin.end(e.stdin ?? '');
  });
}

describe.skipIf(!BUILT)('documentation examples', () => {
  const results = new Map<Example, Result>();
  let state = '';

  beforeAll(async () => {
    // The default ledger lives under XDG_STATE_HOME: a private one keeps `plan` from reading
    // (or a `--reserve` from writing) the ledger of whoever runs the tests.
    state = mkdtempSync(join(tmpdir(), 'xmcfg-doc-examples-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', XDG_STATE_HOME: state, HOME: state };
    for (const k of ['FORCE_COLOR', 'GITHUB_WORKSPACE', 'XMCFG_DEBUG']) delete env[k];
    // A few at a time: the machine has two cores and each run is a whole Node start.
    // A report written with -o goes to the private folder instead of the repository.
    for (const e of run) {
      const o = e.args.findIndex((a) => a === '-o' || a === '--output-file');
      if (o >= 0) e.args[o + 1] = join(state, `${e.where.replace(/\W/g, '-')}-${e.args[o + 1]!.replace(/.*\//, '')}`);
    }
    const blocks = new Map<string, Example[]>();
    for (const e of run) blocks.set(e.block, [...(blocks.get(e.block) ?? []), e]);
    const queue = [...blocks.values()];
    const worker = async () => {
      for (let b = queue.shift(); b; b = queue.shift()) for (const e of b) results.set(e, await spawnCli(e, env));
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }, 120_000);

  afterAll(() => {
    if (state) rmSync(state, { recursive: true, force: true });
  });

  it('finds the examples, and every line that looks like one can be run', () => {
    expect(found.flatMap((f) => f.errors)).toEqual([]);
    expect(run.length).toBeGreaterThanOrEqual(20);
    expect(run.filter((e) => e.output !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it('skips only examples that are still in the docs', () => {
    const present = new Set(examples.map(key));
    expect(Object.keys(SKIPPED).filter((k) => !present.has(k))).toEqual([]);
  });

  it.each(run.map((e) => [`${e.where}: ${e.text}`, e] as const))('%s', (_, e) => {
    const r = results.get(e)!;
    const said = `${e.where}: ${e.text}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
    expect(r.signal, said).toBeNull();
    expect(r.code, said).toBe(e.exit);
    const o = e.args.findIndex((a) => a === '-o' || a === '--output-file');
    if (o >= 0) expect(existsSync(e.args[o + 1]!), `${said}\n--- no report written`).toBe(true);
    expect(r.stderr + r.stdout, said).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    if (e.output !== undefined && !outputMatches(e.output, r.stdout + r.stderr)) {
      expect(r.stdout + r.stderr, `${e.where}: output differs from the doc`).toBe(e.output);
    }
  });
});

describe('the example convention', () => {
  it('splits comments off outside quotes and words as a shell does', () => {
    expect(splitComment(`xmcfg check "a # b" x   # exits 1`)).toEqual({ command: `xmcfg check "a # b" x`, comment: 'exits 1' });
    expect(parseCommand(`npm ci && npm start -- check 'a b' "c"`, ROOT)).toEqual({ args: ['check', 'a b', 'c'], stdin: undefined });
    expect(parseCommand(`printf 'a = 1\\n' | xmcfg check -`, ROOT)).toEqual({ args: ['check', '-'], stdin: 'a = 1\n' });
    expect(parseCommand('xmcfg check a.cfg > out.txt', ROOT)).toHaveProperty('error');
  });

  it('reads … as any text in a line, or as whole lines on its own', () => {
    expect(outputMatches('a\n…\nd', 'a\nb\nc\nd\n')).toBe(true);
    expect(outputMatches('x … z', 'x yy z')).toBe(true);
    expect(outputMatches('x … z', 'x y\nz')).toBe(false);
    expect(outputMatches('a\nb', 'a\nb\nc')).toBe(false);
  });
});
