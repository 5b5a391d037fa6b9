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
 * How far back in time (share of the timeline) the pen must move for the way
 * back to count as redrawing. Less is the back-and-forth of a scribble, which
 * is read as the line through its middle. At 1920×1080 this is about 45 px.
 */
export const REVERSAL_MIN = 0.03;

/**
 * Over how much of the timeline a redrawn part blends into the curve it
 * meets (at most a third of the part's own width), so a redraw that starts
 * off the old line joins it with a short smooth ramp, not a vertical seam
 * (3 % still looked like a cliff on screen; 5 % is about 80 px at 1080p).
 */
export const BLEND_SPAN = 0.05;

/**
 * Draw a stroke into a curve and return the new stored points.
 *
 * The stroke is read as a function of time, in passes: a pass runs in one
 * direction until the pen goes back by REVERSAL_MIN or more, and a later
 * pass replaces what an earlier one (or the old curve) had where it goes —
 * the pen's last word counts. Inside a pass, a scribble's small
 * back-and-forth is averaged into the line through its middle instead of
 * being kept as a sawtooth of vertical strokes. Where a pass meets what was
 * there before, it blends in over BLEND_SPAN, so redrawing part of a curve
 * leaves no seam the person did not draw. Between samples the stroke is
 * joined by straight lines, and a gap between the old curve and the stroke
 * is bridged. The curve keeps its span: it only grows where the stroke goes
 * beyond it. A stroke that covers no width (a click) changes nothing.
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

  // 2. The stroke, pass by pass in the order drawn: each replaces what is under it, blending in at its ends.
  let strokeMin = Number.POSITIVE_INFINITY;
  let strokeMax = Number.NEGATIVE_INFINITY;
  for (const pass of splitPasses(stroke)) {
    const { lo, values } = passValues(pass);
    const hi = lo + values.length - 1;
    strokeMin = Math.min(strokeMin, lo);
    strokeMax = Math.max(strokeMax, hi);
    const blend = Math.floor(Math.min(BLEND_SPAN * CAPTURE_STEPS, (hi - lo) / 3));
    // Blend only where there is something to blend into just beyond the pass's end.
    const blendLeft = blend > 0 && !Number.isNaN(dense[lo - 1] ?? Number.NaN);
    const blendRight = blend > 0 && !Number.isNaN(dense[hi + 1] ?? Number.NaN);
    for (let i = lo; i <= hi; i++) {
      const drawn = values[i - lo]!;
      const before = dense[i]!;
      let weight = 1;
      if (blendLeft && i - lo < blend) weight = Math.min(weight, smoothstep((i - lo) / blend));
      if (blendRight && hi - i < blend) weight = Math.min(weight, smoothstep((hi - i) / blend));
      dense[i] = Number.isNaN(before) ? drawn : before + weight * (drawn - before);
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

/** 0 → 0, 1 → 1, flat at both ends: a blend that meets both lines without a kink. */
const smoothstep = (t: number) => t * t * (3 - 2 * t);

/**
 * The stroke cut where the pen turns back by REVERSAL_MIN or more: each pass
 * runs from one turning point to the next (they share the turning sample).
 */
export function splitPasses(stroke: readonly StrokeSample[]): StrokeSample[][] {
  const passes: StrokeSample[][] = [];
  let start = 0;
  let direction = 0;
  // The sample furthest along the current direction: where the pass turns, if it does.
  let extreme = 0;
  for (let k = 1; k < stroke.length; k++) {
    const x = stroke[k]!.x;
    if (direction === 0) {
      if (x !== stroke[start]!.x) {
        direction = Math.sign(x - stroke[start]!.x);
        extreme = k;
      }
      continue;
    }
    const reached = stroke[extreme]!.x;
    if ((x - reached) * direction > 0) {
      extreme = k;
    } else if ((reached - x) * direction >= REVERSAL_MIN) {
      passes.push(stroke.slice(start, extreme + 1));
      start = extreme;
      direction = -direction;
      extreme = k;
      for (let j = start; j <= k; j++) if ((stroke[j]!.x - stroke[extreme]!.x) * direction > 0) extreme = j;
    }
  }
  passes.push(stroke.slice(start));
  return passes;
}

/**
 * One pass on the capture steps it covers: straight lines between samples,
 * averaged where the pass crosses a step more than once. Where it went back
 * and forth (segments against its direction), the values are smoothed over
 * REVERSAL_MIN, so a scribble becomes the line through its middle.
 */
function passValues(pass: readonly StrokeSample[]): { lo: number; values: Float64Array } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of pass) {
    lo = Math.min(lo, stepOf(s.x));
    hi = Math.max(hi, stepOf(s.x));
  }
  const direction = Math.sign(pass[pass.length - 1]!.x - pass[0]!.x) || 1;
  const sum = new Float64Array(hi - lo + 1);
  const count = new Float64Array(hi - lo + 1);
  const against = new Uint8Array(hi - lo + 1);
  const add = (i: number, v: number, back: boolean) => {
    sum[i - lo]! += v;
    count[i - lo]! += 1;
    if (back) against[i - lo] = 1;
  };
  if (pass.length === 1) add(stepOf(pass[0]!.x), pass[0]!.y, false);
  for (let k = 0; k + 1 < pass.length; k++) {
    const a = pass[k]!;
    const b = pass[k + 1]!;
    const ia = stepOf(a.x);
    const ib = stepOf(b.x);
    if (ia === ib) {
      // Up or down within one step: the step takes where the pen went (the first segment also where it began).
      if (k === 0) add(ia, a.y, false);
      add(ib, b.y, false);
      continue;
    }
    const step = Math.sign(ib - ia);
    const back = step !== direction;
    // Each segment takes its end step; its start step belongs to the segment before (except the first).
    for (let i = k === 0 ? ia : ia + step; i !== ib + step; i += step) add(i, a.y + ((i - ia) / (ib - ia)) * (b.y - a.y), back);
  }
  const mean = new Float64Array(hi - lo + 1);
  for (let i = 0; i < mean.length; i++) mean[i] = sum[i]! / count[i]!;

  // Smooth where the pen went back and forth, and half a window around it so the smoothing fades in.
  const half = Math.round((REVERSAL_MIN * CAPTURE_STEPS) / 2);
  const zone = new Uint8Array(mean.length);
  for (let i = 0; i < mean.length; i++) {
    if (!against[i]) continue;
    for (let j = Math.max(0, i - half); j <= Math.min(mean.length - 1, i + half); j++) zone[j] = 1;
  }
  // Twice a moving average over REVERSAL_MIN (a triangle over twice that): once leaves a visible ripple.
  return { lo, values: smoothIn(smoothIn(mean, zone, half), zone, half) };
}

/** Moving average over ±half steps, only at the steps in zone (the window stops at the ends). */
function smoothIn(values: Float64Array, zone: Uint8Array, half: number): Float64Array {
  const out = new Float64Array(values);
  for (let i = 0; i < values.length; i++) {
    if (!zone[i]) continue;
    let total = 0;
    let n = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      total += values[j]!;
      n++;
    }
    out[i] = total / n;
  }
  return out;
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
