/**
 * @fileoverview The package version, for `--version` and report metadata. The build inlines it
 * (esbuild `define`), so the bundle never reads package.json at start-up; from sources it is read
 * from package.json next to src/.
 */
import { readFileSync } from 'node:fs';

declare const __XMCFG_VERSION__: string | undefined;

/** The xmcfg version (from package.json). */
export const VERSION: string = typeof __XMCFG_VERSION__ === 'string' ? __XMCFG_VERSION__ : readVersion();

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
