/**
 * @fileoverview The one source of the normalised domain config: the TypeBox object below is the
 * TypeScript type (`NormalizedConfig`), the JSON Schema (`ConfigSchema`), the option docs and the
 * normaliser's dispatch table (`x-xmcfg.conv`). Property names are xl's option names.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { coreOptions } from './core.js';
import { deviceOptions } from './devices.js';
import { hvmOptions } from './hvm.js';
import type { OptionMeta } from './helpers.js';

export type { OptionMeta, Conv, DialectSet } from './helpers.js';
export * from './spec-types.js';

const properties = { ...coreOptions, ...deviceOptions, ...hvmOptions };

/**
 * JSON Schema of the normalised config. `name` is required (xl refuses a file without it); every
 * other key is optional because the normalised config holds only what the file sets.
 */
export const ConfigSchema = Type.Object(properties, {
  $id: 'https://xmcfg.dev/schema/config.json',
  title: 'xmcfg normalised Xen domain configuration',
  description: 'What an xl or xm domain config file sets, normalised: xl option names, numbers as numbers, booleans as booleans, spec strings parsed.',
  additionalProperties: false,
  required: ['name'],
});

/** The normalised config (only what the file sets; `name` may be missing in an invalid file). */
export type NormalizedConfig = Static<typeof ConfigSchema>;

/** Option keys of the normalised config. */
export type OptionKey = keyof typeof properties;

/** Source keys that do not appear in the normalised config but fold into another field. */
export const FOLDED_KEYS: Readonly<Record<string, { into: OptionKey; description: string; type: string; example: unknown }>> = {
  numanodes: {
    into: 'numa',
    description: 'RFC xm NUMA option: the number of host NUMA nodes to place the guest on (the allocator picks them). Normalised into numa.node_count. xl ignores it.',
    type: 'integer',
    example: 2,
  },
  numanode: {
    into: 'numa',
    description: 'RFC xm NUMA option: exactly these host nodes, as a tuple 0,1, a list [0, 1], a number, or a string "0,1" / "0-1". Normalised into numa.nodes. xl ignores it.',
    type: 'node list',
    example: [0, 1],
  },
};

const BY_KEY = new Map(Object.entries(properties as Record<string, TSchema>)) as Map<string, TSchema & { 'x-xmcfg': OptionMeta }>;

/** The schema of one option, or undefined. */
export function optionSchema(key: string): (TSchema & { 'x-xmcfg': OptionMeta }) | undefined {
  return BY_KEY.get(key);
}

/** Every option key of the normalised config, in catalogue order. */
export const OPTION_KEYS: readonly OptionKey[] = Object.keys(properties) as OptionKey[];
