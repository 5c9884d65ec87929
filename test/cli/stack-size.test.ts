/**
 * The verdict on deeply nested input never depends on the stack: the built CLI, started cold with
 * `node --stack-size=600`, the default (984 KB) and 4000, prints the same check, fmt and convert
 * output. Before decision 048, 98 levels of `(1 < (…))` or `f(f(…))` parsed with a large stack and
 * were XM0003 over the whole statement (a RangeError caught) with the default one.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../dist/cli.mjs');

const lines = [
  'name = "deep"',
  `a = ${'(1 < '.repeat(40)}1${')'.repeat(40)}`,
  `b = ${'(1 < '.repeat(98)}1${')'.repeat(98)}`,
  `c = ${'f('.repeat(98)}1${')'.repeat(98)}`,
  `d = ${'[{1: f('.repeat(30)}1${')}]'.repeat(30)}`,
  `e = ${'lambda: '.repeat(3000)}1`,
  `f = ${'1 if 1 else '.repeat(3000)}1`,
  `g = ${'['.repeat(100)}1${']'.repeat(100)}`,
  `h = ${'{"k": '.repeat(100)}1${'}'.repeat(100)}`,
];
const text = lines.join('\n') + '\n';

/** One CLI run on `text` as standard input with `--stack-size=size` (undefined: node's default). */
function cliRun(size: number | undefined, args: string[]): string {
  const flags = size === undefined ? [] : [`--stack-size=${size}`];
  const r = spawnSync(process.execPath, [...flags, cli, ...args], { input: text, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return `${r.status}\n${r.stdout}\n${r.stderr}`;
}

describe('deep nesting: the same verdict whatever the stack size', () => {
  it.each([
    ['check', ['check', '-', '--dialect', 'xm', '--format', 'json']],
    ['fmt', ['fmt', '-', '--dialect', 'xm']],
    ['convert', ['convert', '-', '--dialect', 'xm', '--to', 'json']],
  ])('%s', (_name, args) => {
    const outputs = [600, undefined, 4000].map((size) => cliRun(size, args));
    expect(outputs[0]).not.toContain('internal error');
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  }, 60_000);

  it('check: XM0003 at the 41st bracket of b, c and d, at a keyword of e and f; g and h are read', () => {
    const report = JSON.parse(cliRun(undefined, ['check', '-', '--dialect', 'xm', '--format', 'json']).split('\n').slice(1, -2).join('\n')) as { files: { diagnostics: { code: string; line: number; column: number }[] }[] };
    const deep = report.files[0]!.diagnostics.filter((d) => d.code === 'XM0003').map((d) => `${d.line}:${d.column}`);
    const col = (line: string, needle: string, n: number): number => {
      let at = -1;
      for (let i = 0; i < n; i++) at = line.indexOf(needle, at + 1);
      return at + 1;
    };
    expect(deep).toEqual([
      `3:${col(lines[2]!, '(', 41)}`,
      `4:${col(lines[3]!, '(', 41)}`,
      // Three brackets a repetition: the 41st is the 14th `{`.
      `5:${col(lines[4]!, '{', 14)}`,
      `6:${col(lines[5]!, 'lambda', 261)}`,
      `7:${col(lines[6]!, 'if', 131)}`,
    ]);
  }, 60_000);
});
