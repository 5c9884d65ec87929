/**
 * @fileoverview Domain names in printed commands and comments. A name is any string the config
 * gives (blanks, quotes, `$(…)`, a newline from an xm escape), and the `commands` of a plan, the
 * steps of a migration and the lines of a rebalance are pasted into a shell.
 */

/** Characters that are one plain word in every POSIX shell (no quoting needed). */
const PLAIN = /^[A-Za-z0-9_./:@%+=,-]+$/;

/** `s` as one POSIX shell word: bare when plain, else single-quoted (`'` written as `'\''`). */
export function shellQuote(s: string): string {
  return PLAIN.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** `s` for a one-line comment or heading: control characters escaped, so the line never breaks. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
