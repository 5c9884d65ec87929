// Runs the whole vitest suite and ends with one plain summary line ("tests: N passed, N failed"),
// which CI reads; exits non-zero when anything failed or when no test ran at all.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const out = join(tmpdir(), `xmcfg-vitest-${process.pid}.json`);
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const res = JSON.parse(readFileSync(out, 'utf8'));
  passed = res.numPassedTests;
  failed = res.numFailedTests + (res.numRuntimeErrorTestSuites ?? 0);
  skipped = res.numPendingTests + res.numTodoTests;
  rmSync(out, { force: true });
} catch {
  failed = Math.max(failed, 1);
}
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(r.status !== 0 || failed > 0 || passed === 0 ? 1 : 0);
