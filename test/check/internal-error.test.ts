/**
 * A bug inside one reader, the validator or one rule is XM0044 at the place it was working on, and
 * the rest of the file is still checked (check never throws). The bugs are injected: each module is
 * replaced by one whose function throws on a marker value.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/normalize/disk.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/normalize/disk.js')>();
  return {
    ...real,
    parseDisk: (spec: string, dialect: 'xl' | 'xm') => {
      if (spec.includes('BUG')) throw new Error('disk reader bug');
      return real.parseDisk(spec, dialect);
    },
  };
});

vi.mock('../../src/check/rules/numa.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/check/rules/numa.js')>();
  return {
    ...real,
    numaConflicts: (input: Parameters<typeof real.numaConflicts>[0]) => {
      if (input.config.name === 'rule-bug') throw new Error('rule bug');
      return real.numaConflicts(input);
    },
  };
});

vi.mock('../../src/schema/messages.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/schema/messages.js')>();
  return {
    ...real,
    errorToDiagnostic: (...args: Parameters<typeof real.errorToDiagnostic>) => {
      if ((args[1] as { name?: unknown }).name === 'schema-bug') throw new Error('message bug');
      return real.errorToDiagnostic(...args);
    },
  };
});

const { check } = await import('../../src/index.js');

/** Code, 1-based line and column of each finding. */
function found(text: string): string[] {
  return check(text, { dialect: 'xl' }).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
}

describe('internal errors (XM0044)', () => {
  it('a reader that throws: XM0044 at the value, the other options still read and checked', () => {
    const text = 'name = "web"\nmemory = 512\nkernel = "/k"\ndisk = ["BUG"]\nmaxmem = 256\nmemroy = 1\n';
    expect(found(text)).toEqual(expect.arrayContaining(['XM0044 4:8', 'XM0101 6:1', 'XM0202 5:10']));
    expect(found(text).filter((f) => f.startsWith('XM0102'))).toEqual([]);
  });

  it('a rule that throws: XM0044 at the file start, the other rules still run', () => {
    const got = found('name = "rule-bug"\nmemory = 512\nmaxmem = 256\nkernel = "/k"\n');
    expect(got).toEqual(expect.arrayContaining(['XM0044 1:1', 'XM0202 3:10']));
  });

  it('the validator failing: XM0044 at the file start, and the rules still run', () => {
    const got = found('name = "schema-bug"\nmemory = [1]\nkernel = "/k"\nvcpus = 4\nmaxvcpus = 2\n');
    expect(got).toEqual(expect.arrayContaining(['XM0044 1:1', 'XM0203 4:9']));
  });
});
