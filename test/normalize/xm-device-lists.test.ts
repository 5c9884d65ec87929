/**
 * xm's `vscsi` (create.py preprocess_vscsi and configure_vscsis, every physical device taken to
 * exist), `irq` (preprocess_irq's repr() and xend's irqif `int(val, 10)`) and `vtpm`
 * (preprocess_vtpm, and configure_vtpm's check of the first vtpm's instance), as Python 2.7.18 reads
 * them: each row's verdict was recorded from scratch copies of those functions (docs/fuzzing.md,
 * "Differential checks"). The file is `name`, `kernel`, then the row on line 3. XM0553 (the
 * reference's xm has no vtpm, a note) is left out.
 */
import { describe, expect, it } from 'vitest';
import { xmChecked } from './helpers.js';

/** The line; whether xm (with xend) takes it; the findings. */
type Row = [line: string, xmTakes: boolean, findings: string[]];

const ROWS: Row[] = [
  ['vscsi = ["/dev/sdb,0:0:0:0"]', true, []],
  // Fields are strip()ped; a VDEV of two fields must be "host" or four parts, of three is not checked.
  ['vscsi = ["/dev/sdb, host "]', true, []],
  ['vscsi = ["/dev/sdb,0:0:0"]', false, ['XM0217@3:20-3:25']],
  ['vscsi = ["/dev/sdb,0:0:0,dom0"]', true, []],
  ['vscsi = ["/dev/sdb, 1:0:0:0 , 0"]', true, []],
  // The device number is int() of the first part: "+1" reads, "x" does not.
  ['vscsi = ["/dev/sdb,+1:0:0:0"]', true, []],
  ['vscsi = ["/dev/sdb,x:0:0:0"]', false, ['XM0217@3:20-3:27']],
  ['vscsi = ["/dev/sdb"]', false, ['XM0217@3:11-3:19']],
  ['vscsi = ["/dev/sdb,0:0:0:0,0,1"]', false, ['XM0217@3:11-3:31']],
  // A VDEV or a PDEV twice; one virtual host with two backends.
  ['vscsi = ["/dev/sdb,0:0:0:0", "/dev/sdc,0:0:0:0"]', false, ['XM0217@3:40-3:47']],
  ['vscsi = ["/dev/sdb,0:0:0:0", "/dev/sdb,0:0:0:1"]', false, ['XM0217@3:31-3:39']],
  ['vscsi = ["/dev/sdb,0:0:0:0", "/dev/sdc,0:0:0:1,0"]', false, ['XM0217@3:31-3:49']],
  // A single string is read character by character; "" is nothing.
  ['vscsi = "/dev/sdb,0:0:0:0"', false, ['XM0102@3:9-3:27']],
  ['vscsi = ""', true, []],
  // irq: repr() of a long, a float or a bool is not digits for int(val, 10).
  ['irq = [7, 0x10, 010]', true, []],
  ['irq = [7L]', false, ['XM0102@3:8-3:10']],
  ['irq = [7.0]', false, ['XM0102@3:8-3:11']],
  ['irq = [True]', false, ['XM0102@3:8-3:12']],
  // vtpm: only the first one is configured, its instance "VTPMD" or int() other than 0.
  ['vtpm = ["backend=0,instance=1"]', true, []],
  ['vtpm = ["instance= 2 "]', true, []],
  ['vtpm = ["instance=VTPMD"]', true, []],
  ['vtpm = ["instance=0"]', false, ['XM0217@3:19-3:20']],
  ['vtpm = ["instance=x"]', false, ['XM0217@3:19-3:20']],
  ['vtpm = ["backend=0", "instance=0"]', true, []],
  // `(k, v) = b.strip().split('=', 1)` of an empty or bare item fails.
  ['vtpm = [""]', false, ['XM0217@3:9-3:11']],
  ['vtpm = ["backend=0,"]', false, ['XM0217@3:19-3:20']],
  ['vtpm = ["backend"]', false, ['XM0217@3:10-3:17']],
];

describe('xm vscsi, irq and vtpm as create.py and xend read them', () => {
  for (const [line, takes, findings] of ROWS) {
    it(line, () => {
      const { spans, refused } = xmChecked(line);
      expect(spans.filter((f) => !f.startsWith('XM0553'))).toEqual(findings);
      expect(refused).toBe(!takes);
    });
  }
});
