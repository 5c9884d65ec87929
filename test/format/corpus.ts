/** Test helper: the shared corpus files (read in place, never copied into the repository). */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../shared-dir.js';

/** Root of the shared corpus; tests read it from there. */
export const CORPUS = process.env.XMCFG_CORPUS ?? CORPUS_DIR;

/** Every config-like file under the corpus (documentation and index files left out). */
export function corpusFiles(): { path: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(md|tsv)$/.test(name)) out.push({ path: p.slice(CORPUS.length + 1), text: readFileSync(p, 'utf8') });
    }
  };
  walk(CORPUS);
  return out;
}
