/**
 * @fileoverview Gives every test file of a run one scratch folder for the installed package and
 * removes it after the run. Only the folder is made here: the pack and install happen in the first
 * test file that needs them (installed.ts), so runs that select no such file do not pay for them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const run = mkdtempSync(join(tmpdir(), 'xmcfg-pkg-run-'));
  project.provide('xmcfgPackageRun', run);
  return () => rmSync(run, { recursive: true, force: true });
}
