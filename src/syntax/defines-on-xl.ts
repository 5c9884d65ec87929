/**
 * @fileoverview What the front ends say when `--define` meets a file read as xl: xm create's
 * NAME=VALUE has no xl counterpart that xmcfg models (xl create's own KEY=VALUE appends lines), so
 * the values are not used, and a silent drop made `plan web.cfg -D memory=2048` book the file's memory.
 */

/** The note for `--define NAMES` given to what is read as xl (`files`: how many, when more than one). */
export function definesIgnoredOnXl(names: readonly string[], files = 1): string {
  const what = files === 1 ? ': the file is read as xl, which has' : ` for the ${files} files read as xl, which have`;
  return `--define ${names.join(', ')} ignored${what} no script variables and no xm create NAME=VALUE (write the line into the file, or give --dialect xm)`;
}
