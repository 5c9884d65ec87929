/**
 * @fileoverview Option documentation for hover and completion: the schema's option docs (the same
 * TypeBox objects that make the JSON Schema), so the editor never disagrees with `check`.
 */
import { optionDoc, optionKeys, type OptionDoc } from '../../schema/index.js';
import { dialectAllowed } from '../../check/rules/dialect-keys.js';
import type { Dialect } from '../../syntax/value.js';

/** Everything the editor shows about one key (the schema's option documentation). */
export type KeyDoc = OptionDoc;

/** Every key the catalogue knows (options plus the source-only numanode/numanodes), sorted. */
export function allKeys(): readonly string[] {
  return optionKeys();
}

/** Documentation of a key, or undefined for a key the catalogue does not know. */
export function keyDoc(key: string): KeyDoc | undefined {
  return optionDoc(key);
}

/** A value as it would be written in a config file (for defaults and examples). */
export function configLiteral(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return '[' + v.map(configLiteral).join(', ') + ']';
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Guest types as the docs name them: "HVM", "PV or HVM". */
function guestKinds(kinds: readonly string[]): string {
  return kinds.map((k) => k.toUpperCase()).join(' or ');
}

/**
 * Markdown shown on hover and in completion details. With the file's `dialect`, the allowed values
 * are that dialect's (as completion offers them: xm had no soft-reset, check refuses it there,
 * XM0104), and an option the dialect does not read says so.
 */
export function keyDocMarkdown(d: KeyDoc, dialect?: Dialect): string {
  const lines = [`**${d.key}**: ${d.type}${d.unit ? ` (${d.unit})` : ''}`, '', d.description, ''];
  const allowed = (dialect === undefined ? undefined : dialectAllowed(d.key, dialect)) ?? d.allowed;
  if (allowed?.length) lines.push(`- allowed${allowed === d.allowed ? '' : ` in ${dialect}`}: ${allowed.map((a) => '`' + a + '`').join(', ')}`);
  // xl takes libxl's "not set" name too (XM0254, a warning); xm took numbers only (XM0104).
  if (d.unsetName && dialect !== 'xm') lines.push(`- also taken by xl: \`${d.unsetName.name}\`, libxl's "not set" value, which gives its default \`${d.unsetName.becomes}\` (a warning, XM0254)`);
  if (d.minimum !== undefined || d.maximum !== undefined) lines.push(`- range: ${d.minimum ?? '…'} to ${d.maximum ?? '…'}`);
  if (d.default !== undefined) lines.push(`- default: \`${configLiteral(d.default)}\``);
  if (d.deprecatedBy) lines.push(`- deprecated: use \`${d.deprecatedBy}\``);
  lines.push(`- dialects: ${d.dialects.join(', ')}`);
  if (dialect !== undefined && !d.dialects.includes(dialect)) lines.push(`- not an ${dialect} option: ${dialect} ignores it, and this file is read as ${dialect}`);
  if (d.readFor) lines.push(`- xl reads it only for ${guestKinds(d.readFor)} guests`);
  if (d.xmReadFor && d.dialects.includes('xm')) lines.push(`- xm reads it only for ${guestKinds(d.xmReadFor)} guests (builder = "hvm")`);
  if (d.example !== undefined && !(d.example !== null && typeof d.example === 'object' && !Array.isArray(d.example))) {
    lines.push('', '```', `${d.key} = ${configLiteral(d.example)}`, '```');
  }
  return lines.join('\n').trimEnd();
}
