/**
 * What `xmcfg schema` and `xmcfg normalize` print, as a user pipes them into a validator: the
 * schema's text compiles under Ajv strict (with the one annotation keyword docs/cli.md names), and
 * the JSON `normalize` prints for every corpus file validates against it. A file with errors (exit
 * 1) prints what could be read: every value in the schema's shape, but a required key (`name`)
 * may be missing, and the finding on stderr says why. test/normalize/corpus.test.ts
 * checks the same on the stage's own objects; this checks the printed text.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { CORPUS_DIR } from '../shared-dir.js';

/** Every file below a folder, sorted (SOURCES.md notes aside). */
function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return filesBelow(p);
      return f.endsWith('.md') ? [] : [p];
    });
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: process.cwd() });
  const code = await run(args, io);
  return { code, ...out };
}

describe('xmcfg schema and xmcfg normalize on the corpus', () => {
  let validate: ReturnType<Ajv['compile']>;

  beforeAll(async () => {
    const printed = await cli(['schema']);
    expect(printed.code).toBe(0);
    // As docs/cli.md says: strict Ajv refuses the unknown keyword unless it is declared.
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajv.addKeyword('x-xmcfg');
    validate = ajv.compile(JSON.parse(printed.stdout) as object);
  });

  const files = filesBelow(CORPUS_DIR);
  it('finds the corpus', () => expect(files.length).toBeGreaterThan(100));

  it.each(files.map((f) => [relative(CORPUS_DIR, f), f] as const))('%s', async (_name, path) => {
    const r = await cli(['normalize', path]);
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    const config = JSON.parse(r.stdout) as unknown;
    validate(config);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
    if (r.code === 0) expect(errors).toEqual([]);
    // A file with errors may lack a required key (no name: XM0105, or a name its code computes), and
    // nothing else: every value printed has the schema's shape.
    else expect(errors.filter((e) => !e.startsWith(' required '))).toEqual([]);
  });
});
