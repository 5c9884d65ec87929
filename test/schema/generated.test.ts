/**
 * The build-time generator (scripts/gen-validator.mjs): it writes a standalone CommonJS validator
 * and schema.json; the standalone validator answers exactly like a validator compiled at run time.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { schemaJson, AJV_OPTIONS, XMCFG_KEYWORD } from '../../src/schema/index.js';

const root = join(import.meta.dirname, '../..');
const gen = join(root, 'src/schema/generated');

describe('gen-validator', () => {
  let standalone: ValidateFunction;
  let runtime: ValidateFunction;
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/gen-validator.mjs')], { cwd: root, stdio: 'pipe' });
    const require = createRequire(import.meta.url);
    standalone = require(join(gen, 'validate.cjs')) as ValidateFunction;
    const ajv = new Ajv({ ...AJV_OPTIONS });
    ajv.addKeyword({ ...XMCFG_KEYWORD });
    runtime = ajv.compile(schemaJson());
  }, 60_000);

  it('writes schema.json equal to schemaJson()', () => {
    expect(JSON.parse(readFileSync(join(gen, 'schema.json'), 'utf8'))).toEqual(schemaJson());
  });

  it('the generated file is CommonJS with no ESM syntax', () => {
    const src = readFileSync(join(gen, 'validate.cjs'), 'utf8');
    expect(src).toContain('module.exports');
    expect(src).not.toMatch(/^\s*(import|export)\s/m);
  });

  const samples: unknown[] = [
    { name: 'a' },
    {},
    { name: 'a', memory: 0 },
    { name: 'a', memory: 'x', bogus: 1 },
    { name: 'a', on_crash: 'reboot', vcpus: 1.5 },
    { name: 'a', numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 } },
    { name: 'a', numa: { mode: 'auto' } },
    { name: 'a', disk: [{ spec: 'x', vdev: 'xvda', access: 'rw' }], cpus: { text: '0', items: [{ negate: false, kind: 'cpu', from: 0, to: 0 }] } },
    { name: 'a', gfx_passthru: 'amd', viridian: ['base'], tsc_mode: 7 },
  ];
  samples.forEach((s, i) => {
    it(`sample ${i}: same verdict and errors as a run-time compile`, () => {
      const a = standalone(s);
      const b = runtime(s);
      expect(a).toBe(b);
      expect(standalone.errors ?? null).toEqual(runtime.errors ?? null);
    });
  });
});
