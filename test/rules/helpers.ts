/** Test helper: run parse → normalize → validateConfig → runRules on a text. */
import { parse } from '../../src/syntax/index.js';
import { normalize } from '../../src/normalize/index.js';
import { validateConfig } from '../../src/schema/index.js';
import { runRules } from '../../src/check/rules/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { Dialect } from '../../src/syntax/value.js';

/** Codes produced by this area (XM01xx–XM03xx and XM055x); parser findings are not ours to assert here. */
export function ours(code: string): boolean {
  return /^XM0[123]\d\d$/.test(code) || /^XM05[5-9]\d$/.test(code);
}

/** Run every stage this area owns on a text. */
export function pipeline(text: string, dialect: Dialect) {
  const parsed = parse(text, { dialect });
  const norm = normalize(parsed.settings, { dialect });
  const diagnostics: Diagnostic[] = [
    ...norm.diagnostics,
    ...validateConfig(norm.config, norm.spans, { dialect }),
    ...runRules(norm.config, norm.spans, parsed.settings, { dialect }),
  ];
  return { parsed, norm, diagnostics, lineIndex: parsed.lineIndex };
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
