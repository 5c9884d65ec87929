/**
 * @fileoverview Every `xmcfg` command, in help order. Command modules are small (options and help
 * only) and import their implementation lazily, so listing them here costs nothing at start-up.
 */
import type { CommandSpec } from '../types.js';
import { command as check } from './check.js';
import { command as normalize } from './normalize.js';
import { command as schema } from './schema.js';
import { command as explain } from './explain.js';

/** The commands `run` registers. */
export const commands: readonly CommandSpec[] = [check, normalize, schema, explain];
