/**
 * @fileoverview Every `xmcfg` command, in help order. Command modules are small (options and help
 * only) and import their implementation lazily, so listing them here costs nothing at start-up.
 */
import type { CommandSpec } from '../types.js';
import { command as check } from './check.js';
import { command as normalize } from './normalize.js';
import { command as schema } from './schema.js';
import { command as explain } from './explain.js';
import { command as fmt } from './fmt.js';
import { command as convert } from './convert.js';
import { command as host } from './host.js';
import { command as plan } from './plan.js';
import { command as release } from './release.js';
import { command as ledger } from './ledger.js';
import { command as migratePlan } from './migrate-plan.js';
import { command as rebalance } from './rebalance.js';
import { command as lsp } from './lsp.js';

/** The commands `run` registers. */
export const commands: readonly CommandSpec[] = [check, normalize, schema, explain, fmt, convert, host, plan, release, ledger, migratePlan, rebalance, lsp];
