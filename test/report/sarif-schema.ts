/** The normative SARIF 2.1.0 schema of ../shared/schemas, compiled once per test file that asks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { SHARED } from '../shared-dir.js';

/** Where the normative schema lives. */
export const SARIF_SCHEMA_PATH = join(SHARED, 'schemas', 'sarif-schema-2.1.0.json');

/**
 * A validator of the normative schema. It is draft-04 (`id`, no `$id`); Ajv 8 reads draft-07, which
 * differs from draft-04 only in keywords this schema does not use besides the root `id` (no boolean
 * exclusiveMinimum here: sarif.test.ts asserts it), so the root id is renamed and `$schema` dropped.
 */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
