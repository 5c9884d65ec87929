/**
 * @fileoverview Which argv keys of a command collect every value given (`-D a=1 -D b=2`, several
 * `--to-node`, the paths): read from the command's own option definitions, its array-typed
 * options and positionals, so an option added as an array is kept whole without being listed
 * anywhere else. Every other option given twice keeps its last value (run.ts). Dependency-free:
 * the builder is run on a recorder, not on yargs.
 */
import type { CommandSpec } from './types.js';

/** An option or positional definition, as far as this reads it. */
interface Definition {
  array?: boolean;
  type?: string;
  alias?: string | readonly string[];
}

/** `to-node` → `toNode`, as yargs also hands over every dashed key. */
function camel(key: string): string {
  return key.replace(/-([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
}

/** The names (with aliases) of the array-typed options and positionals a builder declares. */
function arrayNames(builder: CommandSpec['builder']): string[] {
  const names: string[] = [];
  const record = (key: string, def: Definition | undefined): void => {
    if (def?.array !== true && def?.type !== 'array') return;
    const alias = def.alias === undefined ? [] : typeof def.alias === 'string' ? [def.alias] : def.alias;
    names.push(key, ...alias);
  };
  // Every method the builder chains returns the recorder; only option, options and positional are read.
  const recorder: object = new Proxy(
    {},
    {
      get: (_t, method) => (...args: unknown[]) => {
        if ((method === 'option' || method === 'positional') && typeof args[0] === 'string') record(args[0], args[1] as Definition | undefined);
        if (method === 'options' && typeof args[0] === 'object' && args[0] !== null) for (const [k, d] of Object.entries(args[0])) record(k, d as Definition);
        return recorder;
      },
    },
  );
  builder(recorder as Parameters<CommandSpec['builder']>[0]);
  return names;
}

/** The argv keys of `spec` whose every value is kept: `_`, its array-typed options and positionals, their aliases, camel-cased too. */
export function repeatableKeys(spec: CommandSpec): Set<string> {
  const keys = new Set(['_']);
  for (const n of arrayNames(spec.builder)) keys.add(n).add(camel(n));
  return keys;
}
