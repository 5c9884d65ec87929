/**
 * @fileoverview The lean check's sink for settings of unknown keys (xl): each is reported (XM0101,
 * and XM0201 when set again) from its key and key span alone, so its value is never kept. A 10 MB
 * generated file has 250,000 such settings; holding them doubled the check's peak memory.
 */
import type { Span } from '../diagnostics/span.js';
import type { Setting, SettingSink } from '../syntax/value.js';
import { isUnknownKey } from '../normalize/index.js';

/**
 * Takes the settings of keys normalisation would leave out as unknown and makes the same findings
 * normalisation (XM0201) and checkText (XM0101) make for them.
 */
export class UnknownKeySink implements SettingSink {
  /** Key span of the last setting of each unknown key (where XM0101 points). */
  private last = new Map<string, Span>();
  /** Key span of the first setting, only for keys set more than once. */
  private firstOf: Map<string, Span> | undefined;
  /** The XM0201 findings of unknown keys, in source order, as what builds them (checkText caps them first). */
  duplicates: { key: string; keySpan: Span; first: Span }[] = [];

  /** Take the setting when its key is unknown. */
  take(s: Setting): boolean {
    if (!isUnknownKey(s.key)) return false;
    const prev = this.last.get(s.key);
    if (prev !== undefined) {
      this.firstOf ??= new Map();
      let first = this.firstOf.get(s.key);
      if (first === undefined) this.firstOf.set(s.key, (first = prev));
      if (s.op === '=') this.duplicates.push({ key: s.key, keySpan: s.keySpan, first });
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

  /** Hand each key taken and the span of its last setting (where XM0101 points) to `each`, and release the keys. */
  unknownKeys(each: (key: string, span: Span) => void): void {
    for (const [key, span] of this.last) each(key, span);
    this.last = new Map();
    this.firstOf = undefined;
  }
}
