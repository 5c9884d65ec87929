/**
 * QA of `convert` as a user runs it on libvirt's xm test configs (read from the shared corpus,
 * never copied): `convert F --to xl` then `check - --dialect xl` of the output finds no error the
 * input did not have (`check F`, as convert reads it); `--to json` prints JSON whose top-level keys
 * are libxl_domain_config's (libxl_types.idl; no `version`: the format is libxl's, decision 015);
 * and `--to xl` is idempotent: converting its output again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { CORPUS } from '../format/corpus.js';

const DIR = join(CORPUS, 'libvirt', 'xmconfigdata');
const XL_DIR = join(CORPUS, 'libvirt', 'xlconfigdata');
const cfgs = (d: string) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.cfg')).sort() : []);

/** libxl_domain_config's fields in libxl_types.idl's order (the keys `xl create -n` prints). */
const DOMAIN_CONFIG_KEYS = ['c_info', 'b_info', 'disks', 'nics', 'pcidevs', 'rdms', 'dtdevs', 'vfbs', 'vkbs', 'virtios', 'vtpms', 'p9s', 'pvcallsifs', 'vdispls', 'vsnds', 'channels', 'usbctrls', 'usbdevs', 'on_poweroff', 'on_reboot', 'on_watchdog', 'on_crash', 'on_soft_reset'];

async function cli(argv: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: DIR, stdin });
  const code = await run(argv, io);
  return { code, ...out };
}

/** The error codes `check` reports (its JSON report), sorted and deduplicated. */
async function errorCodes(argv: string[], stdin?: string): Promise<string[]> {
  const r = await cli(['check', ...argv, '--format', 'json'], stdin);
  const report = JSON.parse(r.stdout) as { version: number; files: { diagnostics: { code: string; severity: string }[] }[] };
  expect(report.version).toBe(1);
  return [...new Set(report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)))].sort();
}

describe('convert QA on libvirt/xmconfigdata (CLI, in-process)', () => {
  const files = cfgs(DIR);
  it('has the files', () => expect(files.length).toBeGreaterThanOrEqual(25));
  for (const f of files) {
    it(`${f}: --to xl, then check --dialect xl: no new error; --to json: libxl's keys; --to xl again: unchanged`, async () => {
      const xl = await cli(['convert', f, '--to', 'xl']);
      expect(xl.code).toBe(0);
      const before = await errorCodes([f]);
      const after = await errorCodes(['-', '--dialect', 'xl', '--stdin-filepath', f], xl.stdout);
      expect(after.filter((c) => !before.includes(c))).toEqual([]);

      const json = await cli(['convert', f, '--to', 'json']);
      // No JSON exactly when xl finds an error in the converted file (`xl create -n` prints none);
      // an xm-only error of the input (test-escape-paths: xend's name rule, XM0234) is not xl's.
      expect(json.code).toBe(after.length ? 1 : 0);
      if (json.code === 0) {
        const keys = Object.keys(JSON.parse(json.stdout));
        expect(keys).toEqual(DOMAIN_CONFIG_KEYS.filter((k) => keys.includes(k)));
        expect(keys.slice(0, 2)).toEqual(['c_info', 'b_info']);
      }

      const again = await cli(['convert', '-', '--stdin-filepath', f, '--to', 'xl'], xl.stdout);
      expect([again.code, again.stdout]).toEqual([0, xl.stdout]);
    });
  }
});

describe('convert --dialect xl keeps libvirt/xlconfigdata files as written', () => {
  for (const f of cfgs(XL_DIR)) {
    it(f, async () => {
      const text = readFileSync(join(XL_DIR, f), 'utf8');
      const r = await cli(['convert', '-', '--dialect', 'xl', '--to', 'xl'], text);
      expect([r.code, r.stdout]).toEqual([0, text.endsWith('\n') ? text : text + '\n']);
    });
  }
});
