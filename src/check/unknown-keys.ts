/**
 * @fileoverview The lean check's sink for settings of unknown keys (xl): each is reported (XM0101,
 * and XM0201 when set again) from its key and key span alone, so its value is never kept. A 10 MB
 * generated file has 250,000 such settings; holding them doubled the check's peak memory.
 */
import type { Span } from '../diagnostics/span.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dialect, Setting, SettingSink } from '../syntax/value.js';
import { duplicateKeyFinding, isUnknownKey } from '../normalize/index.js';
import { unknownKeyAt } from '../schema/index.js';

/**
 * Takes the settings of keys normalisation would leave out as unknown and makes the same findings
 * normalisation (XM0201) and checkText (XM0101) make for them.
 */
export class UnknownKeySink implements SettingSink {
  /** Key span of the last setting of each unknown key (where XM0101 points). */
  private last = new Map<string, Span>();
  /** Key span of the first setting, only for keys set more than once. */
  private firstOf: Map<string, Span> | undefined;
  /** XM0201 findings of unknown keys, in source order. */
  duplicates: Diagnostic[] = [];

  /** Take the setting when its key is unknown. */
  take(s: Setting): boolean {
    if (!isUnknownKey(s.key)) return false;
    const prev = this.last.get(s.key);
    if (prev !== undefined) {
      this.firstOf ??= new Map();
      let first = this.firstOf.get(s.key);
      if (first === undefined) this.firstOf.set(s.key, (first = prev));
      if (s.op === '=') this.duplicates.push(duplicateKeyFinding(s, { keySpan: first }));
    }
    this.last.set(s.key, s.keySpan);
    return true;
  }

  /** Forget everything taken. */
  reset(): void {
    this.last = new Map();
    this.firstOf = undefined;
    this.duplicates = [];
  }

  /** Append one XM0101 per key taken (at its last setting) to `out`, and release the keys. */
  unknownFindings(dialect: Dialect, out: Diagnostic[]): void {
    for (const [key, span] of this.last) out.push(unknownKeyAt(key, span, dialect));
    this.last = new Map();
    this.firstOf = undefined;
  }
}
