import { describe, expect, it } from 'vitest';
import {
  applyStroke,
  curveFromValues,
  curveSpan,
  enthusiasm,
  isValidCurve,
  makeGrid,
  resampleCurve,
  SIMPLIFY_TOLERANCE,
  splitPasses,
  timePos,
  valueAt,
  type CurvePoint,
  type StrokeSample,
} from '../../renderer/domain';

const s = (x: number, y: number): StrokeSample => ({ x: timePos(x), y: enthusiasm(y) });
const p = (x: number, y: number): CurvePoint => [timePos(x), enthusiasm(y)];
const at = (points: readonly CurvePoint[], x: number) => valueAt(points, timePos(x));
/** Stored curves are simplified within SIMPLIFY_TOLERANCE; the cubic through them may stray twice that. */
const near = (actual: number | null, expected: number) => expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(2 * SIMPLIFY_TOLERANCE);
/** The largest change between neighbouring points 0.001 apart over [from, to]: a vertical seam shows as a big one. */
function steepest(points: readonly CurvePoint[], from: number, to: number): number {
  let most = 0;
  const steps = Math.round((to - from) / 0.001);
  for (let i = 0; i < steps; i++) {
    most = Math.max(most, Math.abs(at(points, from + (i + 1) * 0.001 - 1e-12)! - at(points, from + i * 0.001)!));
  }
  return most;
}
/** Samples every 0.01 along a straight line, as a pen would give them. */
function line(x0: number, y0: number, x1: number, y1: number): StrokeSample[] {
  const n = Math.max(1, Math.round(Math.abs(x1 - x0) / 0.01));
  return Array.from({ length: n + 1 }, (_, i) => s(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n));
}

describe('applyStroke', () => {
  it('turns a straight stroke into a two-point curve over the span drawn', () => {
    const curve = applyStroke([], [s(0.2, 0.2), s(0.4, 0.4), s(0.6, 0.6)]);
    expect(curve).toEqual([p(0.2, 0.2), p(0.6, 0.6)]);
    expect(at(curve, 0.4)).toBeCloseTo(0.4, 6);
  });

  it('has no value outside the span it covers (not zero)', () => {
    const curve = applyStroke([], [s(0.4, 0.7), s(0.9, 0.7)]);
    expect(curveSpan(curve)).toEqual({ start: 0.4, end: 0.9 });
    expect(at(curve, 0.2)).toBeNull();
    expect(at(curve, 0.95)).toBeNull();
    expect(at(curve, 0.6)).toBeCloseTo(0.7, 6);
  });

  it('lets a stroke that moves back in time overwrite what it drew there', () => {
    // Right at 0.5 from 0.1 to 0.5, then back up-left to (0.3, 0.9).
    const curve = applyStroke([], [s(0.1, 0.5), s(0.5, 0.5), s(0.3, 0.9)]);
    expect(curveSpan(curve)).toEqual({ start: 0.1, end: 0.5 });
    near(at(curve, 0.2), 0.5);
    // Where the way back ends it blends into the first pass instead of standing off it.
    near(at(curve, 0.3), 0.5);
    // Was 0.5 after the first pass; the way back (0.2 > REVERSAL_MIN, so a redraw) ran through 0.7 here.
    expect(at(curve, 0.4)!).toBeGreaterThan(0.6);
    expect(isValidCurve(curve)).toBe(true);
  });

  it('redraws only the span a new stroke covers on an existing curve', () => {
    const flat = applyStroke([], [s(0, 0.5), s(1, 0.5)]);
    const redrawn = applyStroke(flat, [s(0.4, 0.8), s(0.6, 0.8)]);
    expect(curveSpan(redrawn)).toEqual({ start: 0, end: 1 });
    near(at(redrawn, 0.5), 0.8);
    expect(at(redrawn, 0.2)).toBeCloseTo(0.5, 6);
    expect(at(redrawn, 0.9)).toBeCloseTo(0.5, 6);
  });

  it('keeps the stored points outside a redrawn span exactly, so redrawing does not wear the curve down', () => {
    const typed: CurvePoint[] = [p(0.1, 0.5), p(0.3, 0.7), p(0.5, 0.9), p(0.7, 0.3), p(0.9, 0.6)];
    const redrawn = applyStroke(typed, [s(0.75, 0.1), s(0.95, 0.1)]);
    expect(redrawn.slice(0, 4)).toEqual(typed.slice(0, 4));
    near(at(redrawn, 0.85), 0.1);
    expect(curveSpan(redrawn)).toEqual({ start: 0.1, end: 0.95 });
  });

  it('blends a redrawn part into the curve over BLEND_SPAN at both ends instead of leaving vertical seams', () => {
    const flat = applyStroke([], [s(0, 0.5), s(1, 0.5)]);
    // Pen down at 0.8, well off the old line at 0.5, from 0.4 to 0.6.
    const redrawn = applyStroke(flat, line(0.4, 0.8, 0.6, 0.8));
    // Where the part meets the old line it starts on it, reaches the drawn level 0.05 in (BLEND_SPAN),
    // halfway through the blend (smoothstep 0.5) it is halfway between.
    near(at(redrawn, 0.4), 0.5);
    near(at(redrawn, 0.425), 0.65);
    near(at(redrawn, 0.45), 0.8);
    near(at(redrawn, 0.5), 0.8);
    near(at(redrawn, 0.55), 0.8);
    near(at(redrawn, 0.575), 0.65);
    near(at(redrawn, 0.6), 0.5);
    expect(at(redrawn, 0.3)).toBeCloseTo(0.5, 6);
    // Steepest blend: smoothstep's slope 1.5 × 0.3 over 50 steps = 0.009 per step (a seam would be 0.3).
    expect(steepest(redrawn, 0.35, 0.65)).toBeLessThan(0.009 + 2 * SIMPLIFY_TOLERANCE);
  });

  it('does not blend where nothing was drawn before: a first stroke keeps its ends as drawn', () => {
    const curve = applyStroke([], line(0.2, 0.8, 0.5, 0.8));
    near(at(curve, 0.2), 0.8);
    near(at(curve, 0.5), 0.8);
  });

  it('reads going back by REVERSAL_MIN or more as redrawing: the last pass counts, joined without a cliff', () => {
    // Along 0.7 to 0.6, back down to (0.3, 0.4), then along 0.4 to 0.8: the pen meant 0.4 from 0.3 on.
    const stroke = [...line(0.1, 0.7, 0.6, 0.7), ...line(0.6, 0.7, 0.3, 0.4).slice(1), ...line(0.3, 0.4, 0.8, 0.4).slice(1)];
    const curve = applyStroke([], stroke);
    expect(curveSpan(curve)).toEqual({ start: 0.1, end: 0.8 });
    near(at(curve, 0.2), 0.7);
    near(at(curve, 0.3), 0.7);
    // Halfway through the blends at 0.3: the way back (0.425 here) blended halfway into 0.7 gives 0.5625,
    // the last pass (0.4) blended halfway into that gives 0.48125.
    near(at(curve, 0.325), 0.48125);
    near(at(curve, 0.35), 0.4);
    near(at(curve, 0.5), 0.4);
    near(at(curve, 0.7), 0.4);
    // Two blends on top of each other at 0.3 are steeper than one (0.009), still far from a seam (0.3 in one step).
    expect(steepest(curve, 0.1, 0.8)).toBeLessThan(0.015);
  });

  it('reads a quick back-and-forth scribble as the line through its middle, never as a sawtooth', () => {
    // Zigzag from 0.40 to 0.60: up-right by 0.02 to 0.7, back down-left by 0.01 to 0.3, and again.
    const scribble: StrokeSample[] = [s(0.4, 0.3)];
    for (let x = 0.4; x < 0.6 - 1e-9; x += 0.01) scribble.push(s(x + 0.02, 0.7), s(x + 0.01, 0.3));
    expect(splitPasses(scribble)).toHaveLength(1);
    const curve = applyStroke([], scribble);
    expect(curveSpan(curve)).toEqual({ start: 0.4, end: 0.61 });
    for (let x = 0.43; x <= 0.58; x += 0.005) {
      const v = at(curve, x)!;
      expect(v).toBeGreaterThan(0.45);
      expect(v).toBeLessThan(0.55);
    }
    // Averaged over 0.03 (three zigzags): neighbouring steps differ by at most the zigzag's range / 31.
    expect(steepest(curve, 0.43, 0.58)).toBeLessThan(0.01);
  });

  it('keeps a scribble on an existing curve from distorting the rest, and blends it in', () => {
    const flat = applyStroke([], [s(0, 0.5), s(1, 0.5)]);
    const scribble: StrokeSample[] = [s(0.4, 0.3)];
    for (let x = 0.4; x < 0.6 - 1e-9; x += 0.01) scribble.push(s(x + 0.02, 0.7), s(x + 0.01, 0.3));
    const curve = applyStroke(flat, scribble);
    expect(at(curve, 0.3)).toBeCloseTo(0.5, 6);
    expect(at(curve, 0.7)).toBeCloseTo(0.5, 6);
    for (let x = 0.38; x <= 0.63; x += 0.005) expect(Math.abs(at(curve, x)! - 0.5)).toBeLessThan(0.05);
  });

  it('bridges a gap between the old curve and a stroke beyond its end', () => {
    const early = applyStroke([], [s(0.1, 0.2), s(0.3, 0.2)]);
    const extended = applyStroke(early, [s(0.6, 0.8), s(0.8, 0.8)]);
    expect(curveSpan(extended)).toEqual({ start: 0.1, end: 0.8 });
    // Halfway through the gap (0.3 → 0.6): between the two levels, and never beyond them.
    const mid = at(extended, 0.45)!;
    expect(mid).toBeGreaterThan(0.2);
    expect(mid).toBeLessThan(0.8);
  });

  it('ignores a click that covers no width', () => {
    const flat = applyStroke([], [s(0, 0.5), s(1, 0.5)]);
    expect(applyStroke(flat, [s(0.5, 0.9)])).toEqual(flat);
    expect(applyStroke([], [s(0.5, 0.9), s(0.5, 0.1)])).toEqual([]);
  });

  it('stores a wavy hand-drawn stroke with far fewer points than samples, within tolerance', () => {
    const samples = Array.from({ length: 600 }, (_, i) => s(i / 599, 0.5 + 0.3 * Math.sin((i / 599) * Math.PI * 3)));
    const curve = applyStroke([], samples);
    expect(curve.length).toBeLessThan(80);
    for (const x of [0.1, 0.25, 0.5, 0.77, 0.9]) {
      expect(at(curve, x)!).toBeCloseTo(0.5 + 0.3 * Math.sin(x * Math.PI * 3), 1);
    }
  });
});

describe('splitPasses', () => {
  it('cuts a stroke where the pen goes back by REVERSAL_MIN or more, sharing the turning sample', () => {
    const stroke = [s(0.1, 0.5), s(0.3, 0.5), s(0.25, 0.6), s(0.2, 0.6), s(0.4, 0.2)];
    // Back by 0.1 from 0.3: a second pass from the turn (0.3) to 0.2, a third from there on.
    expect(splitPasses(stroke)).toEqual([
      [s(0.1, 0.5), s(0.3, 0.5)],
      [s(0.3, 0.5), s(0.25, 0.6), s(0.2, 0.6)],
      [s(0.2, 0.6), s(0.4, 0.2)],
    ]);
  });

  it('keeps a smaller step back inside the pass', () => {
    const stroke = [s(0.1, 0.5), s(0.3, 0.5), s(0.28, 0.6), s(0.4, 0.2)];
    expect(splitPasses(stroke)).toEqual([stroke]);
  });
});

describe('monotone interpolation', () => {
  it('does not overshoot the drawn values around a step', () => {
    const step: CurvePoint[] = [p(0, 0.8), p(0.4, 0.8), p(0.5, 0.2), p(1, 0.2)];
    const grid = makeGrid(200);
    const values = resampleCurve(step, grid);
    for (const v of values) {
      expect(v!).toBeGreaterThanOrEqual(0.2);
      expect(v!).toBeLessThanOrEqual(0.8);
    }
    expect(values[40]).toBe(0.8); // x = 0.2, flat part
    expect(values[150]).toBe(0.2); // x = 0.75, flat part
  });

  it('passes through every stored point', () => {
    const wave: CurvePoint[] = [p(0, 0.1), p(0.3, 0.9), p(0.6, 0.4), p(1, 0.7)];
    for (const [x, y] of wave) expect(at(wave, x)).toBeCloseTo(y, 12);
  });
});

describe('resampleCurve', () => {
  it('samples a line on an even grid and leaves null outside the span', () => {
    expect(resampleCurve([p(0, 0), p(1, 1)], makeGrid(4))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(resampleCurve([p(0.5, 0.4), p(1, 0.4)], makeGrid(4))).toEqual([null, null, 0.4, 0.4, 0.4]);
  });

  it('refuses a grid without steps', () => {
    expect(() => makeGrid(0)).toThrow(RangeError);
  });
});

describe('curveFromValues', () => {
  it('places typed values at the anchors and skips the ones left empty', () => {
    const anchors = [timePos(0.1), timePos(0.5), timePos(0.9)];
    expect(curveFromValues(anchors, [0.3, null, 0.9])).toEqual([p(0.1, 0.3), p(0.9, 0.9)]);
  });

  it('needs at least two values for a curve', () => {
    expect(curveFromValues([timePos(0.1), timePos(0.5)], [0.3, null])).toEqual([]);
  });
});
