/**
 * @fileoverview Repeated keys in host JSON. JSON.parse keeps the last of two equal keys in one
 * object without a word, so a host file with two "free_mib" in a node (a hand edit, a bad merge)
 * was planned with whichever came last. This scanner walks text JSON.parse has already accepted and
 * reports each key that repeats one of its object, with both places (1-based lines and columns in
 * UTF-16 code units, as every other position xmcfg prints).
 */

/** A key written again in the same object. */
export interface RepeatedKey {
  /** The key, decoded (`"free\u005fmib"` repeats `"free_mib"`). */
  key: string;
  /** Where the object is, in the spelling of host messages: `nodes[1]`, `nodes[0].distances`, `host`. */
  where: string;
  line: number;
  column: number;
  firstLine: number;
  firstColumn: number;
}

type Frame = { kind: 'object'; keys: Map<string, { line: number; column: number }>; key: string | null } | { kind: 'array'; index: number };

/** The path of the innermost container, in host-message spelling (see host-check.ts fieldName). */
function whereOf(stack: readonly Frame[]): string {
  let out = '';
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i]!;
    if (f.kind === 'array') out += `[${f.index}]`;
    else out += out === '' ? (f.key ?? '') : `.${f.key ?? ''}`;
  }
  return out === '' ? 'host' : out;
}

/**
 * Keys that repeat in one object of `text`, which must be JSON that JSON.parse accepts (the scan
 * checks no syntax). Iterative, so any nesting depth JSON.parse takes is fine.
 */
export function repeatedJsonKeys(text: string): RepeatedKey[] {
  const found: RepeatedKey[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '{') {
      stack.push({ kind: 'object', keys: new Map(), key: null });
      expectKey = true;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      expectKey = top?.kind === 'object';
    } else if (c === '"') {
      // A string: scan to its closing quote (JSON strings hold no raw line breaks).
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const at = { line, column: i - lineStart + 1 };
        const first = top.keys.get(key);
        top.key = key;
        if (first) found.push({ key, where: whereOf(stack), line: at.line, column: at.column, firstLine: first.line, firstColumn: first.column });
        else top.keys.set(key, at);
        expectKey = false;
      }
      i = j;
    }
    i++;
  }
  return found;
}
