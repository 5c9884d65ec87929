/**
 * `check` passes its --max-findings cap down to the parser (decision 011), which then builds only
 * the first N findings of each severity and counts the rest. The reports must not change: the
 * hashes below are of the `check` output recorded before the parser had the cap (commit c0f4b61;
 * four re-recorded with the parser's cap switched off after XM0020/XM0051/XM0052 gained hints, the
 * corpus once more for a new vif finding, and the xm files once more for XM0241, an xm PV guest
 * with no kernel and no disk: one more finding each at 1:1, nothing else changed; every run once
 * more, with the parser's cap switched off and then on, giving the same hashes, when decision 051
 * moved the findings about what a file lacks from 1:1 to its first statement and the JSON report
 * gained each finding's `fixes`),
 * for flood files (small, and over STREAM_MIN_CHARS so the streaming parse runs), a mix of errors
 * and warnings, xm, a BOM with CRs, skipped blocks, and the shared corpus.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { spawnSync } from 'node:child_process';
import { BUILT, CLI, xmcfg } from '../e2e/cli-helpers.js';
import { CORPUS_DIR } from '../shared-dir.js';
import { fakeIo } from './fake-io.js';

/** Each file's text: every one has more than 1000 findings of some severity. */
const FILES: Record<string, string> = {
  'paren.cfg': ')\n'.repeat(3000),
  'open.cfg': 'a=[\n'.repeat(2000),
  'eq.cfg': 'a = =\n'.repeat(2000),
  'paren-big.cfg': ')\n'.repeat(150_000),
  'eq-big.cfg': 'a = =\n'.repeat(50_000),
  'open-big.cfg': 'a=[\n'.repeat(75_000),
  // Unknown keys (warnings) and errors interleaved, 1500 of each; the big one is streamed.
  'mixed.cfg': Array.from({ length: 1500 }, (_, i) => `memroy${i} = 1\n)\n`).join(''),
  'mixed-big.cfg': 'name = "x"\n' + Array.from({ length: 20_000 }, (_, i) => `memroy${i} = 1\na = =\n`).join(''),
  'xm.cfg': 'x = 1 + 2\n' + ')\n'.repeat(1500) + 'a = =\n'.repeat(1500),
  'bom-cr.cfg': '\ufeff' + 'a = =\r\n'.repeat(1500),
  'blocks.cfg': 'if a:\n  print 1\nprint 2\n'.repeat(1200),
  'late.cfg': 'memroy = 1\n'.repeat(1200) + ')\n'.repeat(1200),
};

/** sha256 of the report and the exit status of each run, recorded before the parser had the cap. */
const RECORDED: Record<string, string> = {
  "paren.cfg": '1 ccd0fca10df9716c',
  "open.cfg": '1 6412105e82cac618',
  "eq.cfg": '1 0eba096d6b87881d',
  "paren-big.cfg": '1 d78bb406f7867455',
  "eq-big.cfg": '1 0cd389105403b326',
  "open-big.cfg": '1 4315b988379bbbb5',
  "mixed.cfg": '1 18625ac25cad8966',
  "mixed-big.cfg": '1 93841316db453760',
  "xm.cfg": '1 ba455ec64808f6ac',
  "bom-cr.cfg": '1 0cbfae961b9e8b46',
  "blocks.cfg": '1 314c29c0d5c6cc06',
  "late.cfg": '1 4b9c9f8b574e04fe',
  "all --quiet": '1 92584da5dee751d3',
  "all --max-findings 5": '1 458bc4c60d41ad9b',
  "mixed --max-findings 1 --max-warnings 3": '1 2a09b465986c99c5',
  "late --quiet --max-findings 2": '1 a3c1c2aa50815ec2',
  // Re-recorded: results gained partialFingerprints (xmcfgLineHash/v1); then the rules' help says
  // which dialect the examples are in ("Wrong (an xl file):"); nothing else changed. Re-recorded once
  // more when XM0227's right example gained a disk (XM0252, decision 067): only that help text differs.
  sarif: '1 3498621bf00f80c4',
  // Re-recorded: the corpus gained one intended finding, XM0236 for vif type=netfront read as xl
  // (libvirt's test-fullvirt-net-netfront.cfg; xl warns "Invalid parameter `type'.").
  corpus: '1 a27a6930a64534d0',
  jobs: '1 211a8b676a25224d',
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-pcap-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** The runs compared: each file alone with the default cap, and some with other options. */
const RUNS: { name: string; args: string[]; cwd?: 'corpus' }[] = [
  ...Object.keys(FILES).map((f) => ({ name: f, args: [f] })),
  { name: 'all --quiet', args: [...Object.keys(FILES), '--quiet'] },
  { name: 'all --max-findings 5', args: [...Object.keys(FILES), '--max-findings', '5'] },
  { name: 'mixed --max-findings 1 --max-warnings 3', args: ['mixed.cfg', 'late.cfg', '--max-findings', '1', '--max-warnings', '3'] },
  { name: 'late --quiet --max-findings 2', args: ['late.cfg', '--quiet', '--max-findings', '2'] },
  { name: 'sarif', args: ['mixed.cfg', 'paren.cfg', '-f', 'sarif'] },
  { name: 'corpus', args: ['.'], cwd: 'corpus' },
];

describe('check with the cap in the parser', () => {
  for (const r of RUNS) {
    it(`reports as before: ${r.name}`, async () => {
      const { io, out } = fakeIo({ cwd: r.cwd === 'corpus' ? CORPUS_DIR : dir });
      const args = r.args.includes('-f') ? r.args : [...r.args, '-f', 'json'];
      const code = await run(['check', ...args], io);
      // SARIF names the run's root folder, a fresh temporary one.
      expect(`${code} ${sha(out.stdout.replaceAll(dir, '<dir>'))}`).toBe(RECORDED[r.name]);
    }, 60_000);
  }

  it.runIf(BUILT)('reports as before with --jobs (workers)', () => {
    const r = xmcfg(['check', '--jobs', '2', '-f', 'json', ...Object.keys(FILES)], { cwd: dir });
    expect(`${r.code} ${sha(r.stdout)}`).toBe(RECORDED['jobs']);
  }, 120_000);

  // 2 MiB of `)`: 1,048,576 errors, ~200 MB of finding objects without the cap in the parser. In a
  // 64 MB heap the run used to abort (exit 134); the parser now builds 1000 and counts the rest.
  it.runIf(BUILT)('checks a flood file in a 64 MB heap, on the main thread and on a worker', () => {
    const big = join(dir, 'flood2m.cfg');
    writeFileSync(big, ')\n'.repeat(1 << 20));
    const copies = ['b', 'c', 'd'].map((c) => `flood2m-${c}.cfg`);
    for (const c of copies) writeFileSync(join(dir, c), ')\n'.repeat(1 << 20));
    const args = ['--max-old-space-size=64', CLI, 'check', '--quiet', '-f', 'json'];
    const one = spawnSync(process.execPath, [...args, big], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(one.status).toBe(1);
    const file = (JSON.parse(one.stdout) as { files: { errorCount: number; diagnostics: { code: string }[] }[] }).files[0]!;
    // One XM0010 a line, and two for the config (XM0105 no name, XM0227 no kernel).
    const errors = (1 << 20) + 2;
    expect(file.errorCount).toBe(errors);
    expect(file.diagnostics.length).toBe(1001);
    expect(file.diagnostics[1000]!.code).toBe('XM0043');
    // Two files on one worker and the main thread: the worker gets the cap through its settings.
    const jobs = spawnSync(process.execPath, [...args, '--jobs', '2', big, ...copies], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, XMCFG_DEBUG: '1' },
    });
    expect(jobs.status).toBe(1);
    // The debug line's count of files the worker checked (the main thread needs ~1 s a file, a worker starts in 0.4 s).
    expect(Number(/(\d+) on 1 worker/.exec(jobs.stderr)?.[1])).toBeGreaterThan(0);
    expect((JSON.parse(jobs.stdout) as { files: { errorCount: number }[] }).files.map((f) => f.errorCount)).toEqual([errors, errors, errors, errors]);
  }, 120_000);
});
