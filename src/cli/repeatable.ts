/**
 * @fileoverview Which argv keys of a command collect every value given (`-D a=1 -D b=2`, several
 * `--to-node`, the paths): read from the command's own option definitions, its array-typed
 * options and positionals, so an option added as an array is kept whole without being listed
 * anywhere else. Every other option given twice keeps its last value (run.ts). Dependency-free:
 * the builder is run on a recorder, not on yargs (option-definitions.ts).
 */
import type { CommandSpec } from './types.js';
import { aliasesOf, camel, declaredOptions } from './option-definitions.js';

/** The argv keys of `spec` whose every value is kept: `_`, its array-typed options and positionals, their aliases, camel-cased too. */
export function repeatableKeys(spec: CommandSpec): Set<string> {
  const keys = new Set(['_']);
  for (const { key, def } of declaredOptions(spec.builder)) {
    if (def.array !== true && def.type !== 'array') continue;
    for (const n of [key, ...aliasesOf(def)]) keys.add(n).add(camel(n));
  }
  return keys;
}
