/**
 * yargs' usage messages name the flag the user typed, not yargs' internal key: `--from-sysfs` (an
 * alias of sysfs-root), `-o` (not "o"), `--foo-bar` once (not "foo-bar, fooBar"), and a negated option
 * that takes a value (`--no-host`) is refused instead of read as the text 'false'. Exit 2 and the
 * pointer to --help stay.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const WEB = resolve('fixtures/examples/web.cfg');
const HOST = resolve('fixtures/hosts/two-node.json');
const SYSFS = resolve('fixtures/hosts/sysfs-two-node');

/** Command line → the first stderr line (after `xmcfg: `). */
const CASES: [string[], string][] = [
  [['host', '--from-sysfs', SYSFS, '--json', HOST], '--from-sysfs and --json cannot be given together'],
  [['host', '--fromSysfs', SYSFS, '--from-xl-info', 'x.txt'], '--fromSysfs and --from-xl-info cannot be given together'],
  [['host', '--json', HOST, HOST], '--json and the file argument cannot be given together'],
  [['plan', WEB, '--sysfs-root', SYSFS, '--host', HOST], '--host and --sysfs-root cannot be given together'],
  [['check', WEB, '-o'], '-o needs a value'],
  [['check', WEB, '-qo'], '-o needs a value'],
  [['check', WEB, '--output-file'], '--output-file needs a value'],
  [['check', WEB, '--stdin-filepath'], '--stdin-filepath needs a value'],
  [['check', WEB, '-D'], '-D needs a value'],
  [['lsp', '--stdio', '--max-diagnostics'], '--max-diagnostics needs a value'],
  [['migrate-plan', 'web', '--to-node='], '--to-node needs a value'],
  [['check', WEB, '-f', 'xml'], "-f must be one of stylish, json, sarif, github, junit, not 'xml'"],
  [['check', WEB, '--format=xml'], "--format must be one of stylish, json, sarif, github, junit, not 'xml'"],
  [['convert', WEB, '--to', 'yaml'], "--to must be one of xl, json, not 'yaml'"],
  [['ledger', 'lst'], "the action argument must be one of list, not 'lst'"],
  [['convert', WEB], 'missing --to'],
  [['migrate-plan', 'web'], 'missing --to-node'],
  [['release'], 'missing <name>'],
  [['check', WEB, '--bogus'], 'Unknown option: --bogus'],
  [['check', WEB, '--foo-bar', '--baz-qux'], 'Unknown options: --foo-bar, --baz-qux'],
  [['check', WEB, '-x'], 'Unknown option: -x'],
  [['check', WEB, '--no-commit'], 'Unknown option: --no-commit'],
  [['ledger', 'list', 'extra'], 'Unknown argument: extra'],
  [['check', WEB, '--max-warning', '3'], 'Unknown option: --max-warning; did you mean --max-warnings?'],
  [['check', WEB, '--fromat=json'], 'Unknown option: --fromat; did you mean --format?'],
  [['check', WEB, '--maxWarning', '3'], 'Unknown option: --maxWarning; did you mean --max-warnings?'],
  [['check', WEB, '--no-quite'], '--no-quite is not an option: only on/off options (--quiet, --color, …) have a --no- form; did you mean --no-quiet?'],
  [['check', WEB, '--no-comit'], '--no-comit is not an option: only on/off options (--quiet, --color, …) have a --no- form'],
  [['migrate-plan', 'web', '--to-node', '1', '--no-comit'], '--no-comit is not an option: only on/off options (--quiet, --color, …) have a --no- form; did you mean --no-commit?'],
  [['check', WEB, '--no-fromat'], '--no-fromat is not an option: only on/off options (--quiet, --color, …) have a --no- form'],
  [['check', WEB, '--hepl'], 'Unknown option: --hepl; did you mean --help?'],
  [['plan', WEB, '--polcy', 'best'], 'Unknown option: --polcy; did you mean --policy?'],
  [['migrate-plan', 'web', '--to-node', '1', '--ledgr', 'x.db'], 'Unknown option: --ledgr; did you mean --ledger?'],
  [['check', WEB, '--max-warning', '3', '--fromat=json'], 'Unknown options: --max-warning, --fromat'],
  [['chek', WEB], "unknown command 'chek'; did you mean check?"],
  [['check', WEB, '--no-host'], '--no-host is not an option: only on/off options (--quiet, --color, …) have a --no- form'],
  [['check', '-', '--no-stdin-filepath'], '--no-stdin-filepath is not an option: only on/off options (--quiet, --color, …) have a --no- form'],
  [['plan', WEB, '--no-sysfs-root', '--host', HOST], '--no-sysfs-root is not an option: only on/off options (--quiet, --color, …) have a --no- form'],
];

describe('usage errors name the flag as typed', () => {
  it.each(CASES)('%j', async (args, first) => {
    const { io, out } = fakeIo({ cwd: resolve('.'), env: { XDG_STATE_HOME: '/nonexistent/xmcfg-state' } });
    const code = await run(args, io);
    const command = ['chek'].includes(args[0]!) ? '' : `${args[0]} `;
    expect({ code, stdout: out.stdout, stderr: out.stderr }).toEqual({ code: 2, stdout: '', stderr: `xmcfg: ${first}\nRun 'xmcfg ${command}--help' for usage.\n` });
  });

  it('the flags keep working: --no-quiet and --no-color are still their flags turned off', async () => {
    const { io, out } = fakeIo({ cwd: resolve('.') });
    expect([await run(['check', WEB, '--no-quiet', '--no-color'], io), out.stderr]).toEqual([0, '']);
  });
});
