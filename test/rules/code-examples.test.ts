/**
 * Every code this area registers has a real explanation, and its "bad" example really triggers it
 * while its "good" example does not (so `xmcfg explain` never shows an example that lies).
 */
import { describe, it, expect } from 'vitest';
import { schemaCodes } from '../../src/diagnostics/codes/schema.js';
import { crossCodes } from '../../src/diagnostics/codes/cross.js';
import { specStringCodes } from '../../src/diagnostics/codes/spec-strings.js';
import { numaCodes } from '../../src/diagnostics/codes/numa.js';
import { dialectKeyCodes } from '../../src/diagnostics/codes/dialect-keys.js';
import { pipeline } from './helpers.js';
import { exampleKind } from '../../src/diagnostics/example-kind.js';
import type { Dialect } from '../../src/syntax/value.js';

/** Codes whose examples are xm files (the rest are xl). */
const XM = /^XM(0106|0237|0240|0241|0242|0244|03\d\d|0553|0554)$/;

/** The --define an example's first line shows (`# xmcfg check --define memory=1024 FILE`), if any. */
function definesOf(example: string): Record<string, string> | undefined {
  const m = /^# xmcfg check --define (\w+)=(\S+) FILE\n/.exec(example);
  return m ? { [m[1]!]: m[2]! } : undefined;
}

describe('code examples', () => {
  // An example that is a command line (`$ xmcfg check wide.cfg   # …`) is run by the test its entry
  // in test/docs/code-examples.test.ts names; one that is a library call (XM0111) is made there too.
  for (const c of [...schemaCodes, ...crossCodes, ...specStringCodes, ...numaCodes, ...dialectKeyCodes].filter((x) => !x.bad.startsWith('$ ') && exampleKind(x) !== 'library')) {
    const dialect: Dialect = XM.test(c.code) ? 'xm' : 'xl';
    it(`${c.code} ${c.title}`, () => {
      expect(c.explanation.length).toBeGreaterThan(80);
      expect(pipeline(c.bad, dialect, definesOf(c.bad)).diagnostics.map((d) => d.code)).toContain(c.code);
      expect(pipeline(c.good, dialect, definesOf(c.good)).diagnostics.map((d) => d.code)).not.toContain(c.code);
    });
  }
});
