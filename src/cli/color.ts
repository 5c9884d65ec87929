/**
 * @fileoverview Whether to colour output: an explicit --color/--no-color wins, then NO_COLOR
 * (any non-empty value turns colour off, no-color.org), then FORCE_COLOR ("0"/"false" off, anything
 * else on), then whether the stream is a terminal.
 */
import type { Io } from './types.js';

/** Decide colour for a stream of this Io. */
export function useColor(io: Io, stream: 'stdout' | 'stderr', explicit: boolean | null = null): boolean {
  if (explicit !== null) return explicit;
  const no = io.env.NO_COLOR;
  if (no !== undefined && no !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}
