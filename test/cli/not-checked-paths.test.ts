/**
 * The reports locate each input that could not be checked (SARIF notifications, JUnit classnames);
 * discover() gives only messages, so `problemPath` recovers the path each one names.
 */
import { describe, expect, it } from 'vitest';
import { problemPath } from '../../src/cli/check/run-check.js';
import { quote } from '../../src/cli/check/discover.js';

describe('problemPath', () => {
  it('gives the argument itself, also one quote() escaped (a newline in a name)', () => {
    expect(problemPath("cannot read 'gone.cfg': no such file or directory", ['a.cfg', 'gone.cfg'])).toBe('gone.cfg');
    const odd = "new\nline: 'x'.cfg";
    expect(problemPath(`cannot read ${quote(odd)}: permission denied`, [odd])).toBe(odd);
  });

  it('gives a path found under a folder, and a folder without config files', () => {
    expect(problemPath("cannot read 'etc/xen/a.cfg': broken symbolic link: its target does not exist", ['etc/xen'])).toBe('etc/xen/a.cfg');
    expect(problemPath("no config files (*.cfg *.xl *.xm *.conf) in 'empty'", ['empty'])).toBe('empty');
  });

  it('gives null for a glob that matched nothing, standard input and other messages', () => {
    expect(problemPath("no files match '*.xl'", ['*.xl'])).toBeNull();
    expect(problemPath('cannot read standard input: input/output error', ['-'])).toBeNull();
    expect(problemPath("internal error while checking 'a.cfg': boom", ['a.cfg'])).toBeNull();
  });
});
