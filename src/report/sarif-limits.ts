/**
 * @fileoverview GitHub code scanning's limits on a SARIF run, applied before the log is written
 * (docs.github.com, "SARIF results exceed one or more limits"): a run with more than 25,000 results
 * is rejected whole ("Analysis SARIF file rejected due to result limits"), and only 5,000 results
 * of a run are stored and shown ("prioritized by severity" says the page; github/docs#38085 reports
 * the first 5,000 being kept instead). So past 5,000 results the run lists them worst first (errors,
 * then warnings, then notes, each in file order), whichever rule GitHub applies keeps the worst, and
 * past 25,000 the rest are left out; a notification says how many, of which level.
 */
import type * as Sarif from 'sarif';
import { plural } from '../diagnostics/diagnostic.js';

/** Most results code scanning accepts in one run; a run with more is rejected. */
export const SARIF_MAX_RESULTS = 25_000;
/** Most results of one run code scanning stores and shows. */
export const SARIF_SHOWN_RESULTS = 5_000;

const RANK: Record<string, number> = { error: 0, warning: 1, note: 2, none: 3 };

/** The results to write and the notifications that say what the limits did (none within them). */
export function applyResultLimits(results: Sarif.Result[], max = SARIF_MAX_RESULTS, shown = SARIF_SHOWN_RESULTS): { results: Sarif.Result[]; notifications: Sarif.Notification[] } {
  if (results.length <= shown) return { results, notifications: [] };
  // Stable: within a level the results keep their file order.
  const ordered = results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);
  const notifications: Sarif.Notification[] = [];
  const kept = ordered.slice(0, max);
  const left = ordered.slice(max);
  if (left.length > 0) {
    notifications.push({
      level: 'warning',
      descriptor: { id: 'results-left-out' },
      message: { text: `${count(left.length, 'result')} left out (${byLevel(left)}): code scanning rejects a run with more than ${max.toLocaleString('en-US')}; the ${max.toLocaleString('en-US')} kept are the worst. The json format lists every finding.` },
    });
  }
  notifications.push({
    level: 'note',
    descriptor: { id: 'results-ordered' },
    message: { text: `${kept.length.toLocaleString('en-US')} results: code scanning shows ${shown.toLocaleString('en-US')} per run, so they are listed worst first (errors, then warnings, then notes).` },
  });
  return { results: kept, notifications };
}

/** "1 result", "25,001 results": counts past a thousand read as the limits do. */
function count(n: number, noun: string): string {
  return plural(n, noun).replace(/^\d+/, n.toLocaleString('en-US'));
}

function rank(r: Sarif.Result): number {
  return RANK[r.level ?? 'warning'] ?? 3;
}

/** "3 errors, 2 warnings": the levels among `results`, worst first, those present only. */
function byLevel(results: readonly Sarif.Result[]): string {
  const n = { error: 0, warning: 0, note: 0 };
  for (const r of results) {
    const l = (r.level ?? 'warning') as keyof typeof n;
    if (l in n) n[l]++;
  }
  const parts: string[] = [];
  if (n.error) parts.push(count(n.error, 'error'));
  if (n.warning) parts.push(count(n.warning, 'warning'));
  if (n.note) parts.push(count(n.note, 'note'));
  return parts.join(', ');
}
