/** The project's links come from package.json's `homepage` and `repository` only. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_LINKS, projectLinks } from '../../src/diagnostics/project.js';
import { codeUrl } from '../../src/diagnostics/registry.js';

describe('project links', () => {
  it('are null when package.json names neither a home page nor a repository (nothing made up)', () => {
    expect(projectLinks({})).toEqual({ home: null, codesPage: null });
    expect(projectLinks({ homepage: 'not a url', repository: 42 })).toEqual({ home: null, codesPage: null });
  });

  it('read every form of `repository` npm accepts', () => {
    const page = (r: unknown) => projectLinks({ repository: r }).codesPage;
    for (const r of ['https://github.com/o/r', 'git+https://github.com/o/r.git', 'git://github.com/o/r.git', 'git+ssh://git@github.com/o/r.git', 'github:o/r', 'o/r', { type: 'git', url: 'git+https://github.com/o/r.git' }]) {
      expect(page(r), JSON.stringify(r)).toBe('https://github.com/o/r/blob/HEAD/docs/codes.md');
    }
    expect(page('gitlab:g/p')).toBe('https://gitlab.com/g/p/-/blob/HEAD/docs/codes.md');
    // Another host: a home page, but no known place for the codes page.
    expect(projectLinks({ repository: 'https://git.example.org/x/y.git' })).toEqual({ home: 'https://git.example.org/x/y', codesPage: null });
  });

  it('prefer `homepage` for the home page', () => {
    expect(projectLinks({ homepage: 'https://xmcfg.example/', repository: 'github:o/r' }).home).toBe('https://xmcfg.example/');
  });

  it('are this package.json’s, and code links end in the code’s anchor when there are any', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { homepage?: unknown; repository?: unknown };
    expect(PROJECT_LINKS).toEqual(projectLinks(pkg));
    expect(codeUrl('XM0101')).toBe(PROJECT_LINKS.codesPage === null ? undefined : `${PROJECT_LINKS.codesPage}#xm0101`);
  });
});
