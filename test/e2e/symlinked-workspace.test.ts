/**
 * `check` in a workspace reached through a symlink (a self-hosted runner's linked work folder, a
 * checkout under a linked home): SARIF URIs and github `file=` paths are repository-relative in
 * every combination of GITHUB_WORKSPACE (unset, the link, the real path), the working folder (the
 * link or the real path; the workspace root or a folder in it) and the argument (relative,
 * absolute through the link, absolute through the real path).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, xmcfg } from './cli-helpers.js';

let base: string;
let real: string;
let link: string;
beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'xmcfg-linked-ws-')));
  real = join(base, 'real', 'repo');
  link = join(base, 'link');
  mkdirSync(join(real, 'guests'), { recursive: true });
  symlinkSync(real, link);
  // An unknown key: one warning at 2:1.
  writeFileSync(join(real, 'guests', 'web.cfg'), 'name = "web"\nmemroy = 512\nkernel = "/k"\nmemory = 512\n');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The repository-relative path each format reports for the one finding. */
function reported(cwd: string, arg: string, ws: string | undefined): { sarif: string; github: string } {
  const env: Record<string, string> = { PWD: cwd };
  if (ws !== undefined) env.GITHUB_WORKSPACE = ws;
  const s = xmcfg(['check', arg, '-f', 'sarif'], { cwd, env });
  const loc = JSON.parse(s.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  const g = xmcfg(['check', arg, '-f', 'github'], { cwd, env });
  const file = /^::warning file=([^,]*),/m.exec(g.stdout)?.[1] ?? g.stdout;
  return { sarif: loc.uriBaseId === '%SRCROOT%' ? loc.uri : `(absolute) ${loc.uri}`, github: file };
}

describe.skipIf(!BUILT)('check in a symlinked workspace: repository-relative paths', () => {
  const table: [ws: 'unset' | 'link' | 'real', cwd: 'link' | 'real' | 'link/guests' | 'real/guests', arg: 'relative' | 'via link' | 'via real'][] = [];
  for (const ws of ['unset', 'link', 'real'] as const)
    for (const cwd of ['link', 'real', 'link/guests', 'real/guests'] as const)
      for (const arg of ['relative', 'via link', 'via real'] as const) {
        // Without GITHUB_WORKSPACE the root is the working folder: from guests/ paths are relative to it.
        if (ws === 'unset' && cwd.endsWith('guests')) continue;
        table.push([ws, cwd, arg]);
      }
  it.each(table)('GITHUB_WORKSPACE %s, cwd %s, argument %s: guests/web.cfg', (ws, cwd, arg) => {
    const at = (which: string): string => (which.startsWith('link') ? link + which.slice(4) : real + which.slice(4));
    const dir = at(cwd);
    const path = arg === 'relative' ? (cwd.endsWith('guests') ? 'web.cfg' : 'guests/web.cfg') : join(arg === 'via link' ? link : real, 'guests', 'web.cfg');
    const r = reported(dir, path, ws === 'unset' ? undefined : ws === 'link' ? link : real);
    expect(r).toEqual({ sarif: 'guests/web.cfg', github: 'guests/web.cfg' });
  });
});
