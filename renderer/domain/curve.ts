import simplify from 'simplify-js';
import { MIN_POINT_GAP } from './closePoints';
import { evaluateMonotone, monotoneTangents } from './monotone';
import { enthusiasm, timePos, type CurvePoint, type Enthusiasm, type TimePos } from './units';

/** Capture resolution: a curve is edited on this many equal steps of the timeline. */
export const CAPTURE_STEPS = 1000;

/**
 * Tolerance of the stored simplification, in normalised units (0.2 % of the
 * chart height): invisible at presenter size, and keeps a typical curve to a
 * few dozen points in the file.
 */
export const SIMPLIFY_TOLERANCE = 0.002;

/** A pointer sample already converted from pixels into chart units. */
export interface StrokeSample {
  readonly x: TimePos;
  readonly y: Enthusiasm;
}

/** First and last time a curve covers; outside it the curve has no value. */
export interface CurveSpan {
  readonly start: TimePos;
  readonly end: TimePos;
}

export function curveSpan(points: readonly CurvePoint[]): CurveSpan | null {
  if (points.length === 0) return null;
  return { start: points[0]![0], end: points[points.length - 1]![0] };
}

/** Value of a curve at x, or null where the curve does not exist. */
export function valueAt(points: readonly CurvePoint[], x: TimePos): Enthusiasm | null {
  const v = evaluateMonotone(points, monotoneTangents(points), x);
  return v === null ? null : enthusiasm(v);
}

/** `steps + 1` evenly spaced times from 0 to 1. */
export function makeGrid(steps: number): TimePos[] {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`grid needs at least one step, got ${steps}`);
  return Array.from({ length: steps + 1 }, (_, i) => timePos(i / steps));
}

/** The curve's value at every grid time; null outside its span. */
export function resampleCurve(points: readonly CurvePoint[], grid: readonly TimePos[]): (Enthusiasm | null)[] {
  const tangents = monotoneTangents(points);
  return grid.map((x) => {
    const v = evaluateMonotone(points, tangents, x);
    return v === null ? null : enthusiasm(v);
  });
}

const stepOf = (x: number) => Math.round(x * CAPTURE_STEPS);

/**
 * Draw a stroke into a curve and return the new stored points.
 *
 * The stroke is read as a function of time: wherever it passes, it replaces
 * what was there (also when the pen moves back), between samples it is
 * joined by straight lines, and a gap between the old curve and the new
 * stroke is bridged. The curve keeps its span: it only grows where the
 * stroke goes beyond it. A stroke that covers no width (a click) changes
 * nothing.
 */
export function applyStroke(existing: readonly CurvePoint[], stroke: readonly StrokeSample[]): CurvePoint[] {
  if (stroke.length === 0) return [...existing];
  const dense = new Float64Array(CAPTURE_STEPS + 1).fill(Number.NaN);

  // 1. The old curve, on the capture steps it covers.
  const span = curveSpan(existing);
  if (span) {
    const tangents = monotoneTangents(existing);
    for (let i = stepOf(span.start); i <= stepOf(span.end); i++) {
      const v = evaluateMonotone(existing, tangents, timePos(Math.min(Math.max(i / CAPTURE_STEPS, span.start), span.end)));
      if (v !== null) dense[i] = v;
    }
  }

  // 2. The stroke, segment by segment, in the order it was drawn: later samples win.
  let strokeMin = Number.POSITIVE_INFINITY;
  let strokeMax = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < stroke.length; k++) {
    const a = stroke[k]!;
    const b = stroke[k + 1] ?? a;
    const ia = stepOf(a.x);
    const ib = stepOf(b.x);
    strokeMin = Math.min(strokeMin, ia, ib);
    strokeMax = Math.max(strokeMax, ia, ib);
    const lo = Math.min(ia, ib);
    const hi = Math.max(ia, ib);
    for (let i = lo; i <= hi; i++) {
      const t = hi === lo ? 1 : (i - ia) / (ib - ia);
      dense[i] = a.y + t * (b.y - a.y);
    }
  }
  if (strokeMax === strokeMin) return [...existing];

  // 3. Bridge gaps inside the covered span linearly.
  const defined: number[] = [];
  for (let i = 0; i <= CAPTURE_STEPS; i++) if (!Number.isNaN(dense[i]!)) defined.push(i);
  let touchedFrom = strokeMin;
  let touchedTo = strokeMax;
  for (let k = 0; k + 1 < defined.length; k++) {
    const i0 = defined[k]!;
    const i1 = defined[k + 1]!;
    if (i1 - i0 < 2) continue;
    touchedFrom = Math.min(touchedFrom, i0);
    touchedTo = Math.max(touchedTo, i1);
    for (let i = i0 + 1; i < i1; i++) dense[i] = dense[i0]! + ((i - i0) / (i1 - i0)) * (dense[i1]! - dense[i0]!);
  }

  // 4. Store: the old points outside what changed stay exactly as they were
  //    (repeated redraws don't wear the rest of the curve down); the changed
  //    span, with one step of the old curve on each side to hold the joins,
  //    is simplified afresh.
  const first = defined[0]!;
  const last = defined[defined.length - 1]!;
  const from = Math.max(first, touchedFrom - 1);
  const to = Math.min(last, touchedTo + 1);
  const changed: { x: number; y: number }[] = [];
  for (let i = from; i <= to; i++) changed.push({ x: i / CAPTURE_STEPS, y: dense[i]! });
  const before = existing.filter((p) => p[0] < from / CAPTURE_STEPS - 1e-9);
  const after = existing.filter((p) => p[0] > to / CAPTURE_STEPS + 1e-9);
  return joinPoints([...before, ...simplifyCurve(changed), ...after]);
}

/** Sorted, strictly increasing in time (a later duplicate time replaces an earlier one). */
function joinPoints(points: readonly CurvePoint[]): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (const p of points) {
    while (out.length > 0 && out[out.length - 1]![0] >= p[0]) out.pop();
    out.push(p);
  }
  return out;
}

/** Reduce dense points to what's needed to redraw them within SIMPLIFY_TOLERANCE; rounds for a tidy file. */
export function simplifyCurve(points: readonly { x: number; y: number }[]): CurvePoint[] {
  const kept = points.length > 2 ? simplify([...points], SIMPLIFY_TOLERANCE, true) : [...points];
  const round = (v: number) => Math.round(v * 10000) / 10000;
  const out: CurvePoint[] = [];
  for (const p of kept) {
    const x = timePos(round(p.x));
    // Rounding can make two neighbours share a time: keep the later one.
    if (out.length > 0 && out[out.length - 1]![0] === x) out.pop();
    out.push([x, enthusiasm(round(p.y))]);
  }
  return out;
}

/**
 * A curve from one value per anchor time (the keyboard entry: a value per
 * phase). Anchors with null are left out, so someone can enter only the
 * phases they took part in; at least two values are needed for a curve.
 */
export function curveFromValues(anchors: readonly TimePos[], values: readonly (number | null)[]): CurvePoint[] {
  const points: CurvePoint[] = [];
  anchors.forEach((x, i) => {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) points.push([x, enthusiasm(v)]);
  });
  return points.length >= 2 ? points : [];
}

/** A stored curve: at least two points, inside [0, 1]², increasing in time by at least MIN_POINT_GAP. */
export function isValidCurve(points: readonly CurvePoint[]): boolean {
  if (points.length < 2) return false;
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i]!;
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return false;
    if (i > 0 && !(x - points[i - 1]![0] >= MIN_POINT_GAP)) return false;
  }
  return true;
}
