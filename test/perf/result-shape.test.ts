import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/index.js';
import { checkText } from '../../src/check/check.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';

// V8's own test of an object's representation: the flag is read when a function is compiled, so
// setting it now and compiling this one afterwards is enough.
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const TEXTS = ['name = "a"\nmemory = 512\n', 'name = "b"\nvcpus = 2\ncpus = "0-3"\n', 'memory = 2 * 256\n', 'name = "c"\r\nmemory = 1\r\n'];

describe('parse and check results stay fast objects (one lineIndex getter for all)', () => {
  it('every result after the first is not a slow (dictionary) object', () => {
    // A getter literal per result made each result after the first one a dictionary object:
    // the second text's result already was, in both functions.
    for (const text of TEXTS) {
      expect(hasFastProperties(parse(text))).toBe(true);
      expect(hasFastProperties(parse(text, { keepTree: false, maxFindings: 1000 }))).toBe(true);
      expect(hasFastProperties(checkText(text))).toBe(true);
      expect(hasFastProperties(checkText(text, { keepTree: false, maxFindings: 1000, fileName: 'vm.cfg' }))).toBe(true);
    }
  });

  it('lineIndex is an own enumerable property, built once, of the text parsed', () => {
    for (const text of TEXTS) {
      for (const r of [parse(text), checkText(text), checkText(text, { keepTree: false })]) {
        const d = Object.getOwnPropertyDescriptor(r, 'lineIndex');
        expect(d?.enumerable).toBe(true);
        expect(typeof d?.get).toBe('function');
        expect(Object.keys(r).at(-1)).toBe('lineIndex');
        expect(r.lineIndex).toBe(r.lineIndex);
        expect(r.lineIndex.lineStarts).toEqual(new LineIndex(text).lineStarts);
        expect({ ...r }.lineIndex).toBe(r.lineIndex);
      }
    }
  });
});
