/**
 * Test helper: layout variants of a config text that keep its meaning to the reader that accepts
 * them (Python reads all of them; xl refuses CR, a BOM and `\`, which fmt removes): CRLF line ends,
 * a byte-order mark, tabs around `=`, a comment after each statement line, a `\` continuation
 * after `=`, and all of them together. Only lines of the form `key = value` that close their
 * value on the line are touched, so no variant edits inside a string or a bracket.
 */

/** A top-level `key = value` line whose value is one plain token or a one-line bracket/string. */
const SIMPLE = /^([A-Za-z_][A-Za-z0-9_]*)([ \t]*)=([ \t]*)("[^"\\#]*"|'[^'\\#]*'|\[[^\]#"'\\]*\]|[0-9A-Za-z_.]+)[ \t]*$/;

/** Apply `f` to every simple line (see SIMPLE), leaving the others as they are. */
function onSimpleLines(text: string, f: (m: RegExpExecArray) => string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = SIMPLE.exec(line);
      return m ? f(m) : line;
    })
    .join('\n');
}

const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
const bom = (t: string) => `\ufeff${t}`;
const tabs = (t: string) => onSimpleLines(t, (m) => `${m[1]}\t=\t${m[4]}`);
const comment = (t: string) => onSimpleLines(t, (m) => `${m[1]} = ${m[4]}\t# after ${m[1]}`);
const continuation = (t: string) => onSimpleLines(t, (m) => `${m[1]} = \\\n    ${m[4]}`);

/** The named variants of `text` (each differs from it, or is left out). */
export function layoutVariants(text: string): [string, string][] {
  const all: [string, string][] = [
    ['crlf', crlf(text)],
    ['bom', bom(text)],
    ['tabs', tabs(text)],
    ['comments', comment(text)],
    ['continuation', continuation(text)],
    ['all', bom(crlf(continuation(comment(tabs(text)))))],
  ];
  return all.filter(([, v]) => v !== text);
}
