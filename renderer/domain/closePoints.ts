import type { CurvePoint } from './units';

/**
 * Two points of a curve closer in time than this are one point. The app
 * stores drawn curves on a 1/10,000 grid and typed ones at phase centres at
 * least 1e-7 apart (SESSION_LIMITS.phaseWidth), so only a hand-made or
 * damaged file comes this close; a thousandth of a pixel on a 4K screen, it
 * keeps every slope below 1e9, far from overflowing (issue 9).
 */
export const MIN_POINT_GAP = 1e-9;

export interface MergedPoints {
  readonly points: CurvePoint[];
  /** How many points were merged into a neighbour. */
  readonly merged: number;
}

/**
 * Merge runs of points less than MIN_POINT_GAP apart in time (equal times
 * included) into one point, in a curve sorted by time. The later point's
 * value wins, as when a stroke is redrawn; the curve keeps its span: a run
 * at the start keeps its first time, a run at the end its last. Returns the
 * same array when nothing is merged.
 */
export function mergeClosePoints(points: readonly CurvePoint[]): MergedPoints {
  const out: CurvePoint[] = [];
  let merged = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const last = out[out.length - 1];
    if (last === undefined || p[0] - last[0] >= MIN_POINT_GAP) {
      out.push(p);
      continue;
    }
    merged++;
    const isEnd = i === points.length - 1;
    out[out.length - 1] = [isEnd && out.length > 1 ? p[0] : last[0], p[1]];
  }
  return merged === 0 ? { points: points as CurvePoint[], merged } : { points: out, merged };
}
