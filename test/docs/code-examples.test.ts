/**
 * Every registered code's examples, as `xmcfg explain` and docs/codes.md show them: the wrong one
 * produces the code, read the way the example is meant (its dialect, the host its comment
 * describes, the bytes its escapes stand for), and the right one does not. A code whose example is
 * a command line names the test that runs that command; any code left unclassified fails here, so
 * a new code needs its examples checked. (test/rules and test/evaluate check some areas' examples
 * on the stages alone; this covers the whole registry through the library.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCodes, check, normalize, parse, plan, readHost, type Host } from '../../src/index.js';
import { exampleKind } from '../../src/diagnostics/example-kind.js';
import { fromBytes } from '../../src/cli/check/read-input.js';
import { convertToXl } from '../../src/convert/index.js';
import { parse as parseInternal } from '../../src/syntax/parse.js';
import { checkText } from '../../src/check/check.js';
import { unknownPlanInputs } from '../../src/placement/unknown-inputs.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

const ROOT = join(import.meta.dirname, '../..');

/** How a code's examples are read. */
type Reading =
  /** As a config text, checked in this dialect (with this host, when given). */
  | { kind: 'config'; dialect: 'xl' | 'xm'; host?: Host }
  /** As host JSON text given to readHost. */
  | { kind: 'host' }
  /**
   * As the bytes of a file: U+FFFD stands for the Latin-1 byte 0xE9 (the CLI's reader decodes them);
   * with a dialect, the bytes are checked in it (XM0049 comes from where the decoder met the byte).
   */
  | { kind: 'latin1'; dialect?: 'xm' }
  /** As an xm file converted to xl. */
  | { kind: 'convert' }
  /** As an xm file `xmcfg plan` places on this host (with the inputs it refuses to guess). */
  | { kind: 'plan'; host: Host }
  /** A call of the library (`check('…', { dialect: 'XL' })`), made with its functions. */
  | { kind: 'library' }
  /** A command line, not a config: the test file named runs it and asserts the code. */
  | { kind: 'command'; testedIn: string };

/** A host of nodes given as [first CPU, CPU count, free MiB] (memory 32768 MiB each, distances 10/21). */
function host(...nodes: [number, number, number][]): Host {
  return {
    nodes: nodes.map(([first, count, free], id) => ({
      id,
      cpus: Array.from({ length: count }, (_, i) => first + i),
      memory_mib: 32768,
      free_mib: free,
      distances: Object.fromEntries(nodes.map((_, j) => [String(j), j === id ? 10 : 21])),
    })),
  };
}

/** The host each placement example's comment describes. */
const HOSTS: Record<string, Host> = {
  XM0402: host([0, 4, 32768], [4, 4, 32768]), // host nodes: 0,1
  XM0403: host([0, 4, 32768], [4, 4, 30122], [8, 4, 32768], [12, 4, 32768]), // node 1 has 30122 MiB free
  XM0404: host([0, 8, 32768], [8, 8, 32768]), // every node has 32768 MiB
  XM0405: host([0, 4, 32768], [4, 4, 32768]), // node 1 has CPUs 4-7
  XM0406: host([0, 8, 32768], [8, 8, 32768]), // nodes have 8 CPUs
  XM0412: host([0, 4, 2048], [4, 4, 32768], [8, 4, 32768]), // node 0: 2048 MiB free
  XM0413: host([0, 8, 32768], [8, 8, 32768]),
  XM0415: host([0, 8, 32768], [8, 8, 32768]),
  XM0416: host([0, 4, 32768], [4, 4, 32768]), // the host has CPUs 0-7
  XM0417: host([0, 4, 32768], [4, 4, 32768]), // node 1 has CPUs 4-7
  XM0420: host([0, 4, 32768], [4, 4, 32768]), // host nodes: 0,1
  XM0421: host([0, 4, 32768], [4, 4, 32768]), // the host has CPUs 0-7
  XM0424: host([0, 4, 32768], [4, 4, 32768]),
  XM0423: host([0, 4, 32768], [4, 4, 32768], [8, 4, 32768], [12, 4, 32768]), // nodes of 4 CPUs
  XM0425: host([0, 4, 32768], [4, 4, 32768]),
  XM0426: host([0, 4, 32768], [4, 4, 32768]),
  XM0429: host([0, 48, 32768], [48, 48, 32768]), // node 1 has CPUs 48-95
};

/** Codes found by `plan` itself rather than by `check --host`. */
const PLANNED = new Set(['XM0412', 'XM0413', 'XM0417']);

/** Codes whose examples are xm files (every other config example is xl); src/diagnostics/example-kind.ts, which explain shows, must agree. */
const XM = new Set(['XM0022', 'XM0023', 'XM0030', 'XM0045', 'XM0046', 'XM0047', 'XM0048', 'XM0049', 'XM0062', 'XM0063', 'XM0064', 'XM0065', 'XM0066', 'XM0106', 'XM0112', 'XM0113', 'XM0114', 'XM0115', 'XM0116', 'XM0237', 'XM0240', 'XM0241', 'XM0242', 'XM0244', 'XM0260', 'XM0261', 'XM0267', 'XM0272', 'XM0273', 'XM0302', 'XM0303', 'XM0305', 'XM0402', 'XM0412', 'XM0417', 'XM0553', 'XM0554']);
const xm = (code: string): boolean => XM.has(code) || /^XM005\d$/.test(code) || /^XM053\d$/.test(code);

/** Examples that are command lines, with the test that runs each. */
const COMMANDS: Record<string, string> = {
  XM0040: 'test/e2e/bad-input.test.ts',
  XM0042: 'test/check/check-text.test.ts',
  XM0043: 'test/cli/max-findings.test.ts',
  XM0044: 'test/check/internal-error.test.ts',
  XM0255: 'test/check/vnuma-vnode-limit.test.ts',
  XM0407: 'test/placement/ledger.test.ts',
  XM0408: 'test/placement/ledger-unreachable.test.ts',
  XM0409: 'test/placement/migrate.test.ts',
  XM0410: 'test/placement/ledger.test.ts',
  XM0414: 'test/placement/migrate.test.ts',
  XM0422: 'test/placement/migrate.test.ts',
  XM0418: 'test/placement/off-host-reservations.test.ts',
  XM0419: 'test/placement/rebalance-budget.test.ts',
  XM0427: 'test/placement/stale-stored-cpus.test.ts',
  XM0428: 'test/placement/stale-stored-cpus-soft.test.ts',
};

/** The xmcfg commands of a shell line (`$ xl shutdown db; xmcfg release db && …`), with the long options each names. */
export function commandLines(line: string): { command: string; options: string[] }[] {
  return line
    .replace(/^\$ /, '')
    .replace(/#.*$/, '')
    .split(/;|&&/)
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0] === 'xmcfg')
    .map((words) => ({ command: words[1]!, options: words.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=')[0]!) }));
}

/** The long options `xmcfg COMMAND --help` lists. */
async function helpOptions(command: string): Promise<string[]> {
  const { io, out } = fakeIo({ cwd: ROOT });
  await run([command, '--help'], io);
  return [...out.stdout.matchAll(/^\s+(?:-\w, )?--([a-z][\w-]*)/gm)].map((m) => m[1]!);
}

/** How the examples of one code are read. */
function reading(code: string): Reading {
  if (COMMANDS[code]) return { kind: 'command', testedIn: COMMANDS[code] };
  if (code === 'XM0401' || code === 'XM0411') return { kind: 'host' };
  if (code === 'XM0111') return { kind: 'library' };
  if (code === 'XM0041') return { kind: 'latin1' };
  if (code === 'XM0049') return { kind: 'latin1', dialect: 'xm' };
  if (code === 'XM0555' || code === 'XM0556') return { kind: 'convert' };
  if (PLANNED.has(code)) return { kind: 'plan', host: HOSTS[code]! };
  const dialect = xm(code) ? 'xm' : 'xl';
  return HOSTS[code] ? { kind: 'config', dialect, host: HOSTS[code] } : { kind: 'config', dialect };
}

/** Codes about invisible characters, whose examples show them as escapes (`\0`, `\r`, `\n`). */
const ESCAPED = new Set(['XM0031', 'XM0511', 'XM0521']);

/**
 * The text an example of `code` stands for: the characters its escapes show (ESCAPED codes only:
 * elsewhere `\n` inside a string is the config's own escape), and what is elided as too long to
 * print: `[[[ ... 101 levels ... ]]]`, and a last line `# ... repeated hundreds of times` (the
 * lines after the first, 500 times).
 */
export function exampleText(code: string, example: string): string {
  let t = ESCAPED.has(code) ? example.replace(/\\([0rn])/g, (_, c: string) => ({ '0': '\0', r: '\r', n: '\n' })[c]!) : example;
  t = t.replace(/\[+ \.\.\. (\d+) levels \.\.\. \]+/, (_, n: string) => '['.repeat(Number(n)) + ']'.repeat(Number(n)));
  // `# ... N nested "if 1:" blocks, then:` and the next line: each block one blank deeper, that line innermost.
  t = t.replace(/^# \.\.\. (\d+) nested "if 1:" blocks, then:\n(.*)$/m, (_, n: string, last: string) => [...Array.from({ length: Number(n) }, (_, i) => `${' '.repeat(i)}if 1:`), ' '.repeat(Number(n)) + last].join('\n'));
  const repeated = /\n# \.\.\. repeated hundreds of times$/.exec(t);
  if (repeated) {
    const lines = t.slice(0, repeated.index).split('\n');
    t = [lines[0], ...Array.from({ length: 500 }, () => lines.slice(1)).flat()].join('\n');
  }
  return t;
}

/** The codes one example produces, read as `how` says. */
function codesOf(code: string, example: string, how: Reading): string[] {
  const text = exampleText(code, example);
  switch (how.kind) {
    case 'config': {
      // An example run with --define says so in its first line: `# xmcfg check --define memory=0x400 FILE`.
      const defines = Object.fromEntries([.../^# xmcfg check (.*)$/m.exec(text)?.[1]?.matchAll(/--define (\w+)=(\S+)/g) ?? []].map((m) => [m[1]!, m[2]!]));
      return check(text, { dialect: how.dialect, host: how.host ?? null, defines }).diagnostics.map((d) => d.code);
    }
    case 'host':
      return readHost(text).diagnostics.map((d) => d.code);
    case 'latin1': {
      const bytes = Buffer.concat(text.split('\uFFFD').flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from([0xe9]), Buffer.from(part)])));
      if (how.dialect) return check(bytes, { dialect: how.dialect }).diagnostics.map((d) => d.code);
      const read = fromBytes(bytes);
      return 'diagnostics' in read ? read.diagnostics.map((d) => d.code) : [read.message];
    }
    case 'convert':
      return convertToXl(text, { dialect: 'xm' }).diagnostics.map((d) => d.code);
    case 'plan': {
      const checked = checkText(text, { dialect: 'xm' });
      return [...unknownPlanInputs(checked), ...plan(checked.config, how.host).diagnostics].map((d) => d.code);
    }
    case 'library': {
      // The example is one expression calling a function of the library, as a user's code would.
      const call = new Function('lib', `const { parse, check, normalize, readHost } = lib; return ${example};`) as (lib: object) => { diagnostics: { code: string }[] };
      return call({ parse, check, normalize, readHost }).diagnostics.map((d) => d.code);
    }
    case 'command':
      throw new Error(`${code}: a command line is not read here`);
  }
}

describe('every code has examples that tell the truth', () => {
  const cases = allCodes().filter((c) => c.code !== 'XM0032');
  it.each(cases.map((c) => [c.code, c] as const))('%s', async (code, info) => {
    const how = reading(code);
    if (how.kind === 'command') {
      // Shown as a shell line, so nobody reads it as config text.
      expect(info.bad, code).toMatch(/^\$ xmcfg /);
      expect(existsSync(join(ROOT, how.testedIn)), how.testedIn).toBe(true);
      expect(readFileSync(join(ROOT, how.testedIn), 'utf8'), how.testedIn).toContain(code);
      // Every option an example command line names is one its command has.
      for (const example of [info.bad, info.good].filter((e) => e.startsWith('$ '))) {
        for (const { command, options } of commandLines(example)) {
          const known = await helpOptions(command);
          expect(options.filter((o) => !known.includes(o)), `${code}: xmcfg ${command}`).toEqual([]);
        }
      }
      return;
    }
    // What explain and docs/codes.md say the examples are is how they are read here.
    expect(exampleKind(info), `${code}: examples' dialect as explain says it`).toBe(how.kind === 'config' ? how.dialect : how.kind === 'host' || how.kind === 'library' ? how.kind : how.kind === 'latin1' ? (how.dialect ?? 'xl') : 'xm');
    expect(codesOf(code, info.bad, how), `wrong example of ${code}`).toContain(code);
    expect(codesOf(code, info.good, how), `right example of ${code}`).not.toContain(code);
  });

  it('XM0032: parse reports the bytes its reader could not decode (no front end passes them: XM0041 is what users see)', () => {
    const info = allCodes().find((c) => c.code === 'XM0032')!;
    const at = info.bad.indexOf('\uFFFD');
    expect(at).toBeGreaterThan(0);
    expect(parseInternal(info.bad, { decodeErrors: [at] }).diagnostics.map((d) => d.code)).toContain('XM0032');
    expect(parseInternal(info.good, {}).diagnostics.map((d) => d.code)).not.toContain('XM0032');
  });
});

describe('commandLines', () => {
  it('finds the xmcfg commands of a shell line and their options', () => {
    expect(commandLines('$ xl shutdown db; xmcfg release db && xmcfg plan db.cfg --reserve --format=xl   # --no')).toEqual([
      { command: 'release', options: [] },
      { command: 'plan', options: ['reserve', 'format'] },
    ]);
  });
});

describe('exampleText', () => {
  it('expands escapes and elisions', () => {
    expect(exampleText('XM0031', 'a\\0\\r\\nb')).toBe('a\0\r\nb');
    expect(exampleText('XM0062', 'a\\nb')).toBe('a\\nb');
    expect(exampleText('XM0003', 'x = [[ ... 3 levels ... ]]')).toBe('x = [[[]]]');
    expect(exampleText('XM0023', '# ... 2 nested "if 1:" blocks, then:\nx = 1')).toBe('if 1:\n if 1:\n  x = 1');
    expect(exampleText('XM0063', 'a = 1\nb = a\n# ... repeated hundreds of times').split('\n')).toHaveLength(501);
  });
});
