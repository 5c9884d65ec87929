/**
 * Test helper: the check's stages after parsing (normalize → validate → rules) on a text, through
 * checkText so the rules get what `xmcfg check` and the editor give them (the keys whose value is
 * unknown included).
 */
import { checkText } from '../../src/check/check.js';
import type { Dialect } from '../../src/syntax/value.js';

/** Codes produced by this area (XM01xx–XM03xx and XM055x); parser findings are not ours to assert here. */
export function ours(code: string): boolean {
  return /^XM0[123]\d\d$/.test(code) || /^XM05[5-9]\d$/.test(code);
}

/** Run every stage this area owns on a text. */
export function pipeline(text: string, dialect: Dialect, defines?: Record<string, string>) {
  const result = checkText(text, { dialect, defines });
  return { result, diagnostics: result.diagnostics, lineIndex: result.lineIndex };
}

/** `CODE line:column` of every finding of ours, sorted. */
export function positions(text: string, dialect: Dialect): string[] {
  const { diagnostics, lineIndex } = pipeline(text, dialect);
  return diagnostics
    .filter((d) => ours(d.code))
    .map((d) => {
      const p = lineIndex.position(d.span.start);
      return `${d.code} ${p.line}:${p.column}`;
    })
    .sort();
}
