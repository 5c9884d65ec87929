/**
 * @fileoverview The name xm gives a guest whose config sets none, or sets name = "": create.py
 * `if not gopts.getopt('name') and gopts.getopt('defconfig'): gopts.setopt('name',
 * os.path.basename(gopts.getopt('defconfig')))`, the base name of the config file as given on the
 * command line, extension included (`xm create guests/web.cfg` creates "web.cfg"). xend then checks
 * it like any name (XendDomainInfo._checkName), so a file name it refuses creates no guest.
 */
import { DOM0_NAME, XEND_NAME } from '../check/rules/name.js';

/** xm's name for a nameless config read from `file`, and why xend would refuse it (null: it would not). */
export function xmFileName(file: string): { name: string; refused: string | null } {
  // A backslash ends a folder name on Windows, where xmcfg may read a copied xm file.
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  if (name === DOM0_NAME) return { name, refused: `xend refuses "${DOM0_NAME}", dom0's name (_checkName: "VM name '${DOM0_NAME}' already exists")` };
  if (!XEND_NAME.test(name)) return { name, refused: 'xend refuses a name with characters other than letters, digits and _ - . : / + (_checkName: "Invalid VM Name")' };
  return { name, refused: null };
}
