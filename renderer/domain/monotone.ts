import type { CurvePoint, TimePos } from './units';

/**
 * Monotone cubic interpolation through sorted points (Steffen, 1990).
 *
 * This is the same method d3-shape's `curveMonotoneX` uses to draw a curve, so
 * the value we sample at x is the value the user sees at x. Steffen's tangents
 * never let a segment overshoot its two end points: no bump above what was
 * drawn. We compute values here because d3 only emits path commands.
 */
/**
 * No real slope comes near this: stored points are at least MIN_POINT_GAP
 * apart, so |slope| ≤ 1 / MIN_POINT_GAP. Capping keeps a pair of points a
 * denormal apart (issue 9: [[0, 1], [1e-310, 0], …] made 3·slope overflow to
 * Infinity and every value NaN) finite; on such a sliver the cap changes
 * nothing anyone can see.
 */
export const MAX_SLOPE = 1e12;

export function monotoneTangents(points: readonly CurvePoint[]): number[] {
  const n = points.length;
  const m = new Array<number>(n).fill(0);
  if (n < 2) return m;
  const slope = (i: number) => {
    const s = (points[i + 1]![1] - points[i]![1]) / (points[i + 1]![0] - points[i]![0]);
    // A zero-width segment (0 / 0 or dy / 0) is a step: no slope of its own.
    if (Number.isNaN(s)) return 0;
    return Math.min(MAX_SLOPE, Math.max(-MAX_SLOPE, s));
  };
  for (let i = 1; i < n - 1; i++) {
    const h0 = points[i]![0] - points[i - 1]![0];
    const h1 = points[i + 1]![0] - points[i]![0];
    const s0 = slope(i - 1);
    const s1 = slope(i);
    const p = (s0 * h1 + s1 * h0) / (h0 + h1 || Number.EPSILON);
    m[i] = (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  if (n === 2) {
    m[0] = m[1] = slope(0);
  } else {
    // One-sided end tangents, as d3's curveMonotoneX computes them.
    m[0] = (3 * slope(0) - m[1]!) / 2;
    m[n - 1] = (3 * slope(n - 2) - m[n - 2]!) / 2;
  }
  return m;
}

/** Value of the monotone cubic at x, or null outside [first x, last x]. */
export function evaluateMonotone(points: readonly CurvePoint[], tangents: readonly number[], x: TimePos): number | null {
  const n = points.length;
  if (n === 0) return null;
  const first = points[0]!;
  const last = points[n - 1]!;
  if (x < first[0] || x > last[0]) return null;
  if (n === 1) return first[1];
  // Binary search for the segment [i, i+1] that holds x.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![0] <= x) lo = mid;
    else hi = mid;
  }
  const [x0, y0] = points[lo]!;
  const [x1, y1] = points[hi]!;
  const h = x1 - x0;
  if (h <= 0) return y1;
  const t = (x - x0) / h;
  const t2 = t * t;
  const t3 = t2 * t;
  const value =
    (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * h * tangents[lo]! + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * h * tangents[hi]!;
  // Tangents from elsewhere (not monotoneTangents) could still be unbounded: fall back to the straight line.
  if (!Number.isFinite(value)) return y0 + t * (y1 - y0);
  // Guard against floating-point creep past the segment's end values.
  return Math.min(Math.max(value, Math.min(y0, y1)), Math.max(y0, y1));
}
