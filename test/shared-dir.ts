/**
 * @fileoverview Where the workplace's shared folder (corpus, schemas, bench generator) is: beside the
 * repository (`../shared`, as CI lays it out), or XMCFG_SHARED when set.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The shared folder. */
export const SHARED: string = process.env['XMCFG_SHARED'] ?? [join(repoRoot, '..', 'shared'), '/work/shared'].find((p) => existsSync(p)) ?? join(repoRoot, '..', 'shared');

/** The real-world sample configs. */
export const CORPUS_DIR: string = join(SHARED, 'corpus');
