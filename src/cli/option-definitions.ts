/**
 * @fileoverview A command's option and positional definitions, read from its yargs builder without
 * yargs: the builder is run on a recorder that notes every `.option`, `.options` and `.positional`.
 * Dependency-free, so the runner can read them at no start-up cost (repeatable.ts: which keys keep
 * every value; yargs-messages.ts: which flag a yargs message's key stands for).
 */
import type { CommandSpec } from './types.js';

/** An option or positional definition, as far as this reads it. */
export interface Definition {
  array?: boolean;
  type?: string;
  alias?: string | readonly string[];
}

/** One declared key: its definition, and whether it is a positional. */
export interface Declared {
  key: string;
  def: Definition;
  positional: boolean;
}

/** Every option and positional a builder declares, in declaration order. */
export function declaredOptions(builder: CommandSpec['builder']): Declared[] {
  const out: Declared[] = [];
  // Every method the builder chains returns the recorder; only option, options and positional are read.
  const recorder: object = new Proxy(
    {},
    {
      get: (_t, method) => (...args: unknown[]) => {
        if ((method === 'option' || method === 'positional') && typeof args[0] === 'string') out.push({ key: args[0], def: (args[1] ?? {}) as Definition, positional: method === 'positional' });
        if (method === 'options' && typeof args[0] === 'object' && args[0] !== null) for (const [k, d] of Object.entries(args[0])) out.push({ key: k, def: d as Definition, positional: false });
        return recorder;
      },
    },
  );
  builder(recorder as Parameters<CommandSpec['builder']>[0]);
  return out;
}

/** A definition's aliases as a list. */
export function aliasesOf(def: Definition): readonly string[] {
  return def.alias === undefined ? [] : typeof def.alias === 'string' ? [def.alias] : def.alias;
}

/** `to-node` → `toNode`, as yargs also hands over (and accepts) every dashed key camel-cased. */
export function camel(key: string): string {
  return key.replace(/-([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
}

/** `toNode` → `to-node`, the inverse of camel for names yargs derived from dashed ones. */
export function kebab(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a}-${b.toLowerCase()}`);
}
