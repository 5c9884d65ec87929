/**
 * @fileoverview The compiled validator, created once per process. The build generates a standalone
 * CommonJS validator (scripts/gen-validator.mjs; Ajv's standalone ESM output is broken), read by
 * ./standalone-validator.ts. Without a build (tests, editors running from source) the same schema is
 * compiled with the same options at load time, so behaviour is identical, only start-up is slower.
 */
import type { ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { ConfigSchema } from '../normalize/catalogue/index.js';
import { AJV_OPTIONS, XMCFG_KEYWORD, leanSchema } from './ajv-setup.js';
import { standaloneValidator } from './standalone-validator.js';

/** Where the validator came from (reported by tests and `--version` style diagnostics). */
export let validatorSource: 'standalone' | 'runtime' = 'standalone';

function compileAtRuntime(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ ...AJV_OPTIONS });
  ajv.addKeyword({ ...XMCFG_KEYWORD });
  return ajv.compile(leanSchema(ConfigSchema) as object);
}

const standalone = standaloneValidator();
if (!standalone) validatorSource = 'runtime';

/** The validator of the normalised config. */
export const validateFn: ValidateFunction = standalone ?? compileAtRuntime();
