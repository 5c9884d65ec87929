/**
 * Example commands in the user documentation, read from the Markdown so that a doc that drifts
 * from the CLI fails a test. The convention (also for whoever writes a new example):
 *
 * - Only fenced blocks tagged `sh` or `console` are examples; untagged blocks are synopses or
 *   illustrations and are not run.
 * - A command is a line (in `console` blocks one starting with `$ `) that runs `xmcfg ARGS` or
 *   `npm start -- ARGS` (both mean `node dist/cli.mjs ARGS`, run from the repository root), with an
 *   optional `npm ci && ` before it. Standard input may come from `cat FILE | `, from
 *   `printf 'TEXT' | ` (`\n`, `\t`, `\\` escapes) or from `< FILE` at the end. Arguments are split
 *   as a shell would, with single and double quotes.
 * - `cd DIR` (relative to the repository root) changes the folder for the rest of its block.
 *   The commands of one block run one after the other, in order (a `plan --reserve` before the
 *   `ledger list` that shows it); blocks run in parallel, with a private default ledger
 *   (`XDG_STATE_HOME`), and a report written with `-o FILE` goes to a temporary folder.
 * - A ` # comment` after a command is left out; the command must exit 0 unless the comment says
 *   `exits N`. Any other line that mentions `xmcfg` or `npm start` is an error, so an example is
 *   never skipped silently (lines such as `npm ci && npm test` run no xmcfg and are ignored).
 * - In a `console` block the lines after a command, up to the next `$ ` line, are its output:
 *   stdout followed by stderr, compared exactly except for trailing blanks at the end. `…` alone
 *   on a line stands for one or more lines; `…` inside a line for any text on that line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Example {
  /** `docs/cli.md:123`, for messages. */
  where: string;
  /** The command as written, comment left out. */
  text: string;
  args: string[];
  /** Where the example's fenced block starts (`docs/cli.md:120`): a block's commands run in order. */
  block: string;
  /** Relative to the repository root. */
  cwd: string;
  stdin?: string;
  exit: number;
  /** The output the doc shows (`console` blocks only). */
  output?: string;
}

/** Shell-like split: blanks separate words, quotes group them and are removed. */
export function shellWords(s: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${s}`);
      cur += s.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** The command without its ` # comment` (a `#` inside quotes is kept), and the comment. */
export function splitComment(line: string): { command: string; comment: string } {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return { command: line.slice(0, i).trimEnd(), comment: line.slice(i + 1).trim() };
  }
  return { command: line.trimEnd(), comment: '' };
}

function printfText(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** One command line read as an example, or a reason it is not one. */
export function parseCommand(raw: string, root: string): { args: string[]; stdin?: string } | { error: string } {
  let line = raw.replace(/^npm ci && /, '');
  let stdin: string | undefined;
  const cat = /^cat (\S+) \| (.*)$/.exec(line);
  const printf = /^printf '([^']*)' \| (.*)$/.exec(line);
  const redirect = /^(.*?) < (\S+)$/.exec(line);
  const read = (file: string) => {
    if (!existsSync(resolve(root, file))) throw new Error(`standard input from a file that does not exist: ${raw}`);
    return readFileSync(resolve(root, file), 'utf8');
  };
  try {
    if (cat) [stdin, line] = [read(cat[1]!), cat[2]!];
    else if (printf) [stdin, line] = [printfText(printf[1]!), printf[2]!];
    else if (redirect) [line, stdin] = [redirect[1]!, read(redirect[2]!)];
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (/[|<>;&`$]/.test(line.replace(/'[^']*'|"[^"]*"/g, ''))) return { error: `shell syntax the test does not run: ${raw}` };
  const words = shellWords(line);
  if (words[0] === 'xmcfg') return { args: words.slice(1), stdin };
  if (words[0] === 'npm' && words[1] === 'start' && words[2] === '--') return { args: words.slice(3), stdin };
  return { error: `not an xmcfg command: ${raw}` };
}

/** Every example of a Markdown file; lines that look like examples but cannot be run go to `errors`. */
export function extractExamples(doc: string, root: string): { examples: Example[]; errors: string[] } {
  const lines = readFileSync(resolve(root, doc), 'utf8').split('\n');
  const examples: Example[] = [];
  const errors: string[] = [];
  let lang: string | null = null;
  let cwd = '.';
  let block = '';
  let current: Example | undefined;
  let output: string[] = [];
  const finish = () => {
    if (current && lang === 'console') current.output = output.join('\n');
    current = undefined;
    output = [];
  };
  lines.forEach((line, i) => {
    const where = `${doc}:${i + 1}`;
    const fence = /^```(\S*)/.exec(line);
    if (fence) {
      if (lang === null) [lang, cwd, block] = [fence[1]!, '.', where];
      else [finish(), (lang = null)];
      return;
    }
    if (lang !== 'sh' && lang !== 'console') return;
    let body = line;
    if (lang === 'console') {
      if (!line.startsWith('$ ')) return void output.push(line);
      body = line.slice(2);
    } else body = line.replace(/^\$ /, '');
    finish();
    const { command, comment } = splitComment(body);
    if (command === '') return;
    const cd = /^cd (\S+)$/.exec(command);
    if (cd) return void (cwd = cd[1]!);
    if (!/\bxmcfg\b|npm start/.test(command)) return;
    const parsed = parseCommand(command, resolve(root, cwd));
    if ('error' in parsed) return void errors.push(`${where}: ${parsed.error}`);
    const exit = /\bexits (\d+)\b/.exec(comment);
    current = { where, text: command, args: parsed.args, block, cwd, stdin: parsed.stdin, exit: exit ? Number(exit[1]) : 0 };
    examples.push(current);
  });
  finish();
  return { examples, errors };
}

/** True when `actual` is the `expected` output of the convention (`…` placeholders, trailing blanks ignored). */
export function outputMatches(expected: string, actual: string): boolean {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = expected
    .trimEnd()
    .split('\n')
    .map((l) => (l === '…' ? '(?:[^\\n]*\\n)*?[^\\n]*' : l.split('…').map(esc).join('[^\\n]*?')))
    .join('\\n');
  return new RegExp(`^${pattern}$`).test(actual.trimEnd());
}
