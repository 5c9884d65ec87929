// The floor under any Node check of a tree: a process that reads every file of a folder and runs a
// minimal byte tokenizer over it (names, strings, numbers, comments), then exits. `npm run bench`
// times it beside `xmcfg check` and Python's exec so the ratio target can be read against what
// Node itself costs on this machine. Usage: node bench/floor.mjs DIR [--read-only]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const readOnly = process.argv.includes('--read-only');
let bytes = 0;
let tokens = 0;

/** Count the tokens of one file's bytes; a stand-in for the least any parser must do. */
function tokenize(b) {
  let n = 0;
  let i = 0;
  const len = b.length;
  while (i < len) {
    const c = b[i];
    if (c === 35) {
      while (i < len && b[i] !== 10) i++;
    } else if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      while (i < len && ((b[i] >= 97 && b[i] <= 122) || (b[i] >= 65 && b[i] <= 90) || (b[i] >= 48 && b[i] <= 57) || b[i] === 95)) i++;
      n++;
    } else if (c === 34 || c === 39) {
      i++;
      while (i < len && b[i] !== c && b[i] !== 10) i += b[i] === 92 ? 2 : 1;
      i++;
      n++;
    } else if (c >= 48 && c <= 57) {
      while (i < len && ((b[i] >= 48 && b[i] <= 57) || (b[i] >= 97 && b[i] <= 122))) i++;
      n++;
    } else {
      i++;
      n++;
    }
  }
  return n;
}

for (const name of readdirSync(dir)) {
  const b = readFileSync(join(dir, name));
  bytes += b.length;
  if (!readOnly) tokens += tokenize(b);
}
process.stdout.write(`floor: ${bytes} bytes, ${tokens} tokens\n`);
