import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { corpusFiles } from './corpus.js';

const files = corpusFiles();

describe('formatText on the corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  for (const f of files) {
    it(`${f.path}: idempotent, same normalised config`, () => {
      const once = formatText(f.text);
      if (once.refused) {
        expect(once.text).toBe(f.text);
        return;
      }
      const twice = formatText(once.text, { dialect: once.dialect });
      expect(twice.refused).toBeUndefined();
      expect(twice.text).toBe(once.text);
      const before = checkText(f.text, { dialect: once.dialect });
      const after = checkText(once.text, { dialect: once.dialect });
      expect(after.config).toEqual(before.config);
    });
  }
});

describe('formatText', () => {
  it('refuses a file with syntax errors and returns it unchanged', () => {
    const src = 'name = "a"\nmemory = [1, 2\n';
    const r = formatText(src, { dialect: 'xl' });
    expect(r.refused).toBe('syntax-errors');
    expect(r.text).toBe(src);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.code.startsWith('XM00'))).toBe(true);
  });
  it('refuses Python statements', () => {
    const src = 'import os\nname = "a"\n';
    const r = formatText(src, { dialect: 'xm' });
    expect(r.refused).toBeDefined();
    expect(r.text).toBe(src);
  });
  it('formats a messy xl file', () => {
    const r = formatText("  name='web' ;memory=512# MiB\n\n\n\nvif=[ 'bridge=xenbr0',\n 'bridge=xenbr1' ]");
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe("name = 'web'\nmemory = 512  # MiB\n\nvif = [\n    'bridge=xenbr0',\n    'bridge=xenbr1',\n]\n");
  });
  it('keeps xm expressions meaningful', () => {
    const r = formatText('vmid=3\nname="vm%d"%vmid\nmemory=256*2\nnumanode=0,1\nacpi=True\n');
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe('vmid = 3\nname = "vm%d" % vmid\nmemory = 256 * 2\nnumanode = 0, 1\nacpi = True\n');
  });
  it('keeps a CR inside an xl string or comment byte for byte, and is idempotent', () => {
    const src = '# note\rmemory=5\nname="vm"\nextra="a\rb"# c\rd\n';
    for (const dialect of ['auto', 'xl'] as const) {
      const r = formatText(src, { dialect });
      expect(r.refused).toBeUndefined();
      expect(r.dialect).toBe('xl');
      expect(r.text).toBe('# note\rmemory=5\nname = "vm"\nextra = "a\rb"  # c\rd\n');
      expect(formatText(r.text, { dialect }).text).toBe(r.text);
    }
  });
  it('reports unchanged text as unchanged', () => {
    const r = formatText('name = "a"\n');
    expect(r.changed).toBe(false);
  });
});
