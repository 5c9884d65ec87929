import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/cli/check/discover.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'xmcfg-discover-'));
  const files = ['guests/web.cfg', 'guests/db.xl', 'guests/old.xm', 'guests/notes.txt', 'guests/sub/deep.conf', 'guests/.hidden.cfg', 'guests/.git/x.cfg', 'top.cfg', 'vm1.cfg', 'vm2.cfg', 'vmx.cfg'];
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'a = 1\n');
  }
  mkdirSync(join(root, 'empty'));
  // A symlink loop must not hang the walk.
  symlinkSync(join(root, 'guests'), join(root, 'guests/sub/loop'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const paths = async (args: string[]) => {
  const r = await discover(args, root);
  return { paths: r.targets.map((t) => t.path), problems: r.problems };
};

describe('file discovery', () => {
  it('walks folders recursively for config extensions, sorted, skipping hidden entries', async () => {
    expect(await paths(['guests'])).toEqual({ paths: ['guests/db.xl', 'guests/old.xm', 'guests/sub/deep.conf', 'guests/web.cfg'], problems: [] });
    expect((await paths(['./guests/'])).paths[0]).toBe('./guests/db.xl');
  });

  it('keeps files as given, whatever their extension, and drops duplicates', async () => {
    expect(await paths(['guests/notes.txt', './top.cfg', 'top.cfg'])).toEqual({ paths: ['guests/notes.txt', './top.cfg'], problems: [] });
  });

  it('takes a folder or glob whose files were all named before as matching (a path given twice is no "no match")', async () => {
    // The matches were dropped as duplicates; the argument still matched files, so no exit 2.
    expect(await paths(['guests/web.cfg', 'guests/*.cfg'])).toEqual({ paths: ['guests/web.cfg'], problems: [] });
    expect(await paths(['guests', 'guests'])).toEqual({ paths: ['guests/db.xl', 'guests/old.xm', 'guests/sub/deep.conf', 'guests/web.cfg'], problems: [] });
    expect(await paths(['top.cfg', 'vm1.cfg', 'vm2.cfg', 'vmx.cfg', '*.cfg'])).toEqual({ paths: ['top.cfg', 'vm1.cfg', 'vm2.cfg', 'vmx.cfg'], problems: [] });
  });

  it('expands quoted globs with their literal base', async () => {
    expect((await paths(['vm[0-9].cfg'])).paths).toEqual(['vm1.cfg', 'vm2.cfg']);
    expect((await paths(['guests/**/*.c*'])).paths).toEqual(['guests/sub/deep.conf', 'guests/web.cfg']);
    expect((await paths(['./*.cfg'])).paths).toEqual(['./top.cfg', './vm1.cfg', './vm2.cfg', './vmx.cfg']);
    expect((await paths([join(root, 'guests/*.xl')])).paths).toEqual([join(root, 'guests/db.xl')]);
  });

  it('reports missing paths, globs without matches and folders without configs, naming them', async () => {
    const r = await paths(['nope.cfg', 'nomatch/*.cfg', 'empty', 'top.cfg']);
    expect(r.paths).toEqual(['top.cfg']);
    expect(r.problems).toEqual([
      { path: 'nope.cfg', message: "cannot read 'nope.cfg': no such file or directory" },
      { path: null, message: "no files match 'nomatch/*.cfg'" },
      { path: 'empty', message: "no config files (*.cfg *.xl *.xm *.conf) in 'empty'" },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable folders', async () => {
    const locked = join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    try {
      const r = await paths(['locked']);
      expect(r.problems[0]?.message).toMatch(/^cannot read 'locked\/?': permission denied$/);
      expect(r.problems[0]?.path).toMatch(/^locked\/?$/);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('broken symbolic links in a folder walk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-discover-links-'));
    mkdirSync(join(dir, 'auto'));
    writeFileSync(join(dir, 'web.cfg'), 'a = 1\n');
    // As in /etc/xen/auto: links to the configs xendomains starts at boot.
    symlinkSync('../web.cfg', join(dir, 'auto/web.cfg'));
    symlinkSync('../gone.cfg', join(dir, 'auto/gone.cfg'));
    symlinkSync('self.cfg', join(dir, 'auto/self.cfg'));
    symlinkSync('../gone.txt', join(dir, 'auto/notes.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names a broken link with a config name as a problem and still finds the other files', async () => {
    const r = await discover(['auto'], dir);
    expect(r.targets.map((t) => t.path)).toEqual(['auto/web.cfg']);
    expect(r.problems).toEqual([
      { path: 'auto/gone.cfg', message: "cannot read 'auto/gone.cfg': broken symbolic link: its target does not exist" },
      { path: 'auto/self.cfg', message: "cannot read 'auto/self.cfg': symbolic link: too many symbolic links" },
    ]);
  });

  it('reports a broken link a glob matches, whatever its name (the glob asked for it)', async () => {
    const r = await discover(['auto/*.cfg'], dir);
    expect(r.targets.map((t) => t.path)).toEqual(['auto/web.cfg']);
    expect(r.problems).toHaveLength(2);
    expect((await discover(['auto/*.txt'], dir)).problems).toEqual([{ path: 'auto/notes.txt', message: "cannot read 'auto/notes.txt': broken symbolic link: its target does not exist" }]);
  });
});

describe('the path of a problem is the name itself, not its quoted form', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-discover-names-'));
    mkdirSync(join(dir, "it's\nhere"));
    symlinkSync('../gone.cfg', join(dir, "it's\nhere", 'a\tb.cfg'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives an argument and a file found under a folder with quotes and control characters as named', async () => {
    // quote() escapes them in the message (one line on stderr); reports locate the file by `path`.
    const r = await discover(["it's\nhere", "gone 'x'\n.cfg"], dir);
    expect(r.problems.map((p) => p.path)).toEqual(["it's\nhere/a\tb.cfg", "gone 'x'\n.cfg"]);
    for (const p of r.problems) expect(p.message).not.toContain('\n');
  });
});

describe('`..` after a symbolic link', () => {
  // The system follows `link` before `..`, as `cat link/../x.cfg` does; resolve() dropped `link/..`
  // as text, so check (and fmt) read b/x.cfg when a/x.cfg was named.
  let dir: string;
  beforeAll(() => {
    // A real path: the folder of a `..` argument is resolved by the file system.
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'xmcfg-dotdot-')));
    mkdirSync(join(dir, 'a/deep'), { recursive: true });
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a/x.cfg'), 'a = 1\n');
    writeFileSync(join(dir, 'b/x.cfg'), 'b = 1\n');
    symlinkSync(join(dir, 'a/deep'), join(dir, 'b/link'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file, a folder and a glob name what the system opens', async () => {
    for (const arg of ['b/link/../x.cfg', 'b/link/..', 'b/link/../*.cfg']) {
      const r = await discover([arg], dir);
      expect(r.problems).toEqual([]);
      expect(r.targets.map((t) => t.abs)).toEqual([join(dir, 'a/x.cfg')]);
    }
    // Without a link, `..` is what it always was, and the path is still shown as given.
    const plain = await discover(['b/../b/x.cfg'], dir);
    expect(plain.targets.map((t) => [t.path, t.abs])).toEqual([['b/../b/x.cfg', join(dir, 'b/x.cfg')]]);
  });

  it('names after the last `..` stay as given: a file named through a link with and without `..` is one file', async () => {
    symlinkSync(join(dir, 'b'), join(dir, 'lb'));
    const r = await discover(['lb/x.cfg', 'lb/../lb/x.cfg'], dir);
    expect(r.targets.map((t) => [t.path, t.abs])).toEqual([['lb/x.cfg', join(dir, 'lb/x.cfg')]]);
  });
});

describe('a glob below a folder whose name has glob characters', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-quoted-'));
    mkdirSync(join(dir, 'dir[1]'));
    writeFileSync(join(dir, 'dir[1]/web.cfg'), 'a = 1\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds its files when the characters are quoted with \\, shown without the backslashes (was "no files match")', async () => {
    const r = await discover(['dir\\[1\\]/*.cfg'], dir);
    expect(r.problems).toEqual([]);
    expect(r.targets.map((t) => [t.path, t.abs])).toEqual([['dir[1]/web.cfg', join(dir, 'dir[1]/web.cfg')]]);
  });
});

describe('one file under two names is checked once, under the first name met', () => {
  // Deduplicated by real path, as ESLint does: a link and its target, a folder and a link to it,
  // were each checked and reported twice (and their warnings counted twice for --max-warnings).
  let dir: string;
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'xmcfg-same-file-')));
    mkdirSync(join(dir, 'd/sub'), { recursive: true });
    writeFileSync(join(dir, 'd/x.cfg'), 'a = 1\n');
    writeFileSync(join(dir, 'd/sub/y.cfg'), 'a = 1\n');
    symlinkSync('d/x.cfg', join(dir, 'link.cfg'));
    symlinkSync('d', join(dir, 'dlink'));
    // A link inside the walked folder to a file of the same folder (/etc/xen/auto style, one level down).
    symlinkSync('../x.cfg', join(dir, 'd/sub/again.cfg'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const found = async (args: string[]) => {
    const r = await discover(args, dir);
    expect(r.problems).toEqual([]);
    return r.targets.map((t) => t.path);
  };

  it('a file and a symbolic link to it, in either order', async () => {
    expect(await found(['d/x.cfg', 'link.cfg'])).toEqual(['d/x.cfg']);
    expect(await found(['link.cfg', 'd/x.cfg'])).toEqual(['link.cfg']);
    expect(await found(['d/x.cfg', join(dir, 'dlink/x.cfg')])).toEqual(['d/x.cfg']);
    // The spellings that were deduplicated before still are (`./`, `//`, `..`, absolute).
    expect(await found(['d/x.cfg', 'd/./x.cfg', 'd//x.cfg', 'd/sub/../x.cfg', join(dir, 'd/x.cfg')])).toEqual(['d/x.cfg']);
  });

  it('a folder and a link to the folder, a folder and a glob through the link', async () => {
    // d/sub/again.cfg links to d/x.cfg: within one walk the file's own name wins, though the link sorts first.
    expect(await found(['d', 'dlink'])).toEqual(['d/sub/y.cfg', 'd/x.cfg']);
    expect(await found(['d/sub/again.cfg', 'd'])).toEqual(['d/sub/again.cfg', 'd/sub/y.cfg']);
    expect(await found(['dlink/x.cfg', 'd/**/*.cfg'])).toEqual(['dlink/x.cfg', 'd/sub/y.cfg']);
  });
});

describe('a file named as a folder', () => {
  // resolve() dropped the trailing `/`, `/.` and `x.cfg/..`, so these were checked as x.cfg (and
  // reported under the name given); the system, and `cat`, refuse them: "Not a directory".
  it('is not a directory, as cat says', async () => {
    for (const arg of ['top.cfg/', 'top.cfg/.', 'top.cfg/../top.cfg']) {
      const r = await discover([arg], root);
      expect(r.targets).toEqual([]);
      expect(r.problems).toEqual([{ path: arg, message: `cannot read '${arg}': not a directory` }]);
    }
    // A folder with a trailing slash or `/.` is still a folder.
    expect((await discover(['guests/.'], root)).targets.map((t) => t.path)).toContain('guests/./web.cfg');
  });
});
