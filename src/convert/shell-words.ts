/**
 * @fileoverview Python's `shlex.split` (POSIX mode, no comments), the way xend split xm's
 * `bootargs` string into the bootloader's arguments (XendBootloader: `args.extend(shlex.split(blargs))`).
 */

const BLANK = new Set([' ', '\t', '\r', '\n']);

/**
 * The words of `s` as `shlex.split` reads them: blanks separate words; single quotes keep
 * everything literally; in double quotes a backslash escapes only `"` and `\`; outside quotes a
 * backslash escapes any character; quoted pieces join the word around them (`a"b c"` is one word,
 * `''` an empty word). Null where shlex raises ValueError (an unclosed quote, a final backslash).
 */
export function shellWords(s: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (BLANK.has(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end === -1) return null;
      word += s.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let closed = false;
      for (i++; i < s.length; i++) {
        const d = s[i]!;
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\')) word += s[++i];
        else word += d;
      }
      if (!closed) return null;
    } else if (c === '\\') {
      if (i + 1 >= s.length) return null;
      word += s[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
