/**
 * The layering docs/architecture.md describes, checked on the sources: every relative import in
 * grammar/ and src/ goes to its own layer, an earlier pipeline stage or the base layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The pipeline in order: a stage imports only from itself and the stages before it. */
const PIPELINE = ['grammar', 'src/syntax', 'src/normalize', 'src/schema', 'src/check', 'src/placement'];
/** The base layer: everyone may import it; it imports no other layer. */
const BASE = 'src/diagnostics';
/** Front ends: may import the base layer and every pipeline stage, not each other. */
const FRONT_ENDS = ['src/report', 'src/format', 'src/convert', 'src/lsp'];
/** The command line, on top of everything: every command's runner lives there. */
const CLI = 'src/cli';
/** The library entry: may import every layer but the command line; nothing imports it. */
const ENTRY = 'src/index.ts';
/** The entry's own helpers (its arguments read as user input): part of the entry's layer. */
const ENTRY_FOLDER = 'src/library';

/** Imports between front ends that are allowed, each with its reason. */
const EXCEPTIONS: Record<string, string> = {
  'src/lsp -> src/format': 'the language server formats documents with the fmt engine',
  'src/lsp -> src/convert': 'the language server offers the xm → xl conversion as quick fixes',
};

/** Relative specifiers of `import … from`, `export … from`, `import '…'`, `import('…')` and `require('…')`. */
function relativeImports(source: string): string[] {
  const re = /(?:\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\1/gm;
  return [...source.matchAll(re)].map((m) => m[2]!);
}

/** The layer a repository path belongs to: 'grammar', 'src/<folder>', 'src/index.ts', or the path itself. */
function layerOf(path: string): string {
  const parts = relative(ROOT, path).split(/[\\/]/);
  if (parts[0] === 'grammar') return 'grammar';
  if (parts[0] === 'src') return `src/${parts[1]}` === ENTRY_FOLDER ? ENTRY : `src/${parts[1]}`;
  return parts.join('/');
}

/** True when a module of layer `from` may import one of layer `to`. */
function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (to === ENTRY) return false;
  if (to === BASE) return true;
  const known = to === CLI || PIPELINE.includes(to) || FRONT_ENDS.includes(to);
  if (from === CLI) return known;
  if (from === ENTRY) return known && to !== CLI;
  if (FRONT_ENDS.includes(from)) return PIPELINE.includes(to) || Object.hasOwn(EXCEPTIONS, `${from} -> ${to}`);
  const stage = PIPELINE.indexOf(from);
  return stage >= 0 && PIPELINE.indexOf(to) >= 0 && PIPELINE.indexOf(to) < stage;
}

/** Every .ts file below `dir` (generated/ folders left out: build output, git-ignored). */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const imports = [...tsFiles(join(ROOT, 'grammar')), ...tsFiles(join(ROOT, 'src'))].flatMap((file) =>
  relativeImports(readFileSync(file, 'utf8')).map((spec) => ({ file: relative(ROOT, file), spec, from: layerOf(file), to: layerOf(resolve(dirname(file), spec)) })),
);

describe('layers (docs/architecture.md)', () => {
  it('finds the imports of multi-line, type-only, re-export, side-effect and dynamic forms', () => {
    const src = "import {\n  a,\n  b,\n} from '../a.js';\nimport type { T } from \"./t.js\";\nexport * from './e.js';\nimport './side.js';\nconst m = await import('../dyn.js');\ntype X = import('./ty.js').X;\nimport x from 'chevrotain';\n";
    expect(relativeImports(src)).toEqual(['../a.js', './t.js', './e.js', './side.js', '../dyn.js', './ty.js']);
  });

  it('knows every folder of src/ as a layer', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}`);
    expect(folders.filter((f) => f !== BASE && f !== CLI && f !== ENTRY_FOLDER && !PIPELINE.includes(f) && !FRONT_ENDS.includes(f))).toEqual([]);
    expect(imports.length).toBeGreaterThan(500);
  });

  it('every import goes to the same layer, an earlier stage or the base layer', () => {
    const bad = imports.filter((i) => !allowed(i.from, i.to)).map((i) => `${i.file}: '${i.spec}' (${i.from} -> ${i.to})`);
    expect(bad).toEqual([]);
  });

  it('every allowed exception is still used', () => {
    const used = new Set(imports.map((i) => `${i.from} -> ${i.to}`));
    expect(Object.keys(EXCEPTIONS).filter((e) => !used.has(e))).toEqual([]);
  });
});
