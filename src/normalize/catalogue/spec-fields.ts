/**
 * @fileoverview The JSON Schema of the spec objects read with the field tables of spec-tables.ts
 * (each known key typed, unknown keys as text in `other`), and of vsnd items and ioports/iomem ranges.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { VSND_FIELDS, VSND_FORMATS, type FieldKind, type FieldTable } from './spec-tables.js';
import { XENSTORE_FIELDS } from './xenstore-fields.js';
import { UUID_PATTERN } from './libxl-names.js';

/** The schema of one normalised field value. */
function fieldSchema(kind: FieldKind): TSchema {
  if (typeof kind !== 'string') return Type.Unsafe<string>({ type: 'string', enum: 'anyCase' in kind ? [...kind.anyCase] : [...kind] });
  switch (kind) {
    case 'string':
      return Type.String({ maxLength: 4096 });
    case 'bool':
    case 'c-bool':
      return Type.Boolean();
    case 'decimal':
    case 'c-integer':
      return Type.Integer({ minimum: 0 });
    case 'uuid':
      return Type.String({ pattern: UUID_PATTERN });
    case 'connectors':
      // A connector's id goes to xenstore as it is: its limit is checked in bytes (xenstore-fields.ts).
      return Type.Array(Type.Object({ unique_id: Type.String({ maxLength: Object.hasOwn(XENSTORE_FIELDS['vdispl/*/connectors'] ?? {}, 'unique_id') ? 65536 : 4096 }), width: Type.Integer({ minimum: 0 }), height: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), { maxItems: 256 });
    case 'list-c-integer':
      return Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 256 });
    case 'list-format':
      return Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...VSND_FORMATS] }), { maxItems: 256 });
  }
}

/**
 * The properties of a spec object read with a table: its text, each known key, and unknown keys as
 * text in `other`. `bytesChecked`: keys written to xenstore, whose limit is checked in bytes by a
 * rule (xenstore-fields.ts): only the size bound of every text here.
 */
export function tableProperties(table: FieldTable, bytesChecked: Readonly<Record<string, string>> = {}): Record<string, TSchema> {
  const props: Record<string, TSchema> = { spec: Type.String({ maxLength: 65536 }) };
  for (const [key, kind] of Object.entries(table)) props[key] = Type.Optional(kind === 'string' && Object.hasOwn(bytesChecked, key) ? Type.String({ maxLength: 65536 }) : fieldSchema(kind));
  props.other = Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 65536 })));
  return props;
}

/** The schema of a spec object read with a table (`bytesChecked` as for tableProperties). */
export function tableSpecSchema(table: FieldTable, bytesChecked?: Readonly<Record<string, string>>): TSchema {
  return Type.Object(tableProperties(table, bytesChecked), { additionalProperties: false });
}

/** One vsnd item: its element (`card`, `pcm`, `stream`) and the keys of that element (the union is the schema). */
export const VsndItemSchema = Type.Object(
  { element: Type.Optional(Type.Unsafe<'card' | 'pcm' | 'stream'>({ type: 'string', enum: ['card', 'pcm', 'stream'] })), ...tableProperties({ ...VSND_FIELDS.card, ...VSND_FIELDS.pcm, ...VSND_FIELDS.stream }, XENSTORE_FIELDS['vsnd/*']) },
  { additionalProperties: false },
);

const U32 = Type.Integer({ minimum: 0, maximum: 0xffffffff });

/** An `ioports` range `FIRST[-LAST]` (hex), both ends included. */
export const IoportRangeSchema = Type.Object({ spec: Type.String({ maxLength: 4096 }), first: U32, last: U32 }, { additionalProperties: false });

/** An `iomem` range `START,NUM_PAGES[@GFN]` (hex page numbers). */
export const IomemRangeSchema = Type.Object(
  { spec: Type.String({ maxLength: 4096 }), start: Type.Integer({ minimum: 0 }), number: Type.Integer({ minimum: 0 }), gfn: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);
