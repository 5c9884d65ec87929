/**
 * @fileoverview The project's links (its home page and the online page of diagnostic codes), from
 * package.json's `homepage` and `repository` only: no URL is written anywhere else, so links are
 * right once the package names its repository, and absent (not made up) while it does not. The
 * build inlines the two fields (esbuild `define`); from sources they are read from package.json.
 */
import { readFileSync } from 'node:fs';

/** The package.json fields links are made from. */
export interface PackageLinkFields {
  homepage?: unknown;
  repository?: unknown;
}

/** The project's links; null where package.json does not say. */
export interface ProjectLinks {
  /** The project's home page (SARIF `informationUri`). */
  home: string | null;
  /** The page of every diagnostic code (docs/codes.md in the repository); a code's anchor is appended. */
  codesPage: string | null;
}

declare const __XMCFG_PACKAGE_LINKS__: PackageLinkFields | undefined;

/** The links of this package (inlined by the build, else read from package.json). */
export const PROJECT_LINKS: ProjectLinks = projectLinks(typeof __XMCFG_PACKAGE_LINKS__ === 'object' ? __XMCFG_PACKAGE_LINKS__ : readFields());

function readFields(): PackageLinkFields {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageLinkFields;
    return { homepage: pkg.homepage, repository: pkg.repository };
  } catch {
    return {};
  }
}

/**
 * Links from package.json fields, as npm reads them: `repository` is a URL, `{ url }`, or a
 * shorthand (`owner/repo`, `github:owner/repo`, `gitlab:owner/repo`). The codes page is known for
 * a GitHub or GitLab repository (docs/codes.md on its default branch); the home page is `homepage`,
 * else the repository's web page.
 */
export function projectLinks(fields: PackageLinkFields): ProjectLinks {
  const repo = repositoryWebUrl(fields.repository);
  const homepage = typeof fields.homepage === 'string' && isHttpUrl(fields.homepage) ? fields.homepage : null;
  let codesPage: string | null = null;
  if (repo) {
    const host = new URL(repo).hostname;
    if (host === 'github.com') codesPage = `${repo}/blob/HEAD/docs/codes.md`;
    else if (host === 'gitlab.com') codesPage = `${repo}/-/blob/HEAD/docs/codes.md`;
  }
  return { home: homepage ?? repo, codesPage };
}

/** The https web page of a package.json `repository`, or null. */
function repositoryWebUrl(repository: unknown): string | null {
  const raw = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string' || raw === '') return null;
  const short = /^(?:(github|gitlab):)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  if (short) return `https://${short[1] ?? 'github'}.com/${short[2]}/${short[3]!.replace(/\.git$/, '')}`;
  // git+https://host/o/r.git, git://host/o/r.git, git+ssh://git@host/o/r.git, ssh://git@host/o/r
  const m = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(raw);
  if (m) return `https://${m[1]}/${m[2]}`;
  return null;
}

function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s]+$/.test(s) && URL.canParse(s);
}
