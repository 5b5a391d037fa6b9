import { describe, expect, it } from 'vitest';
import {
  applyStroke,
  curveFromValues,
  curveSpan,
  enthusiasm,
  isValidCurve,
  makeGrid,
  resampleCurve,
  timePos,
  valueAt,
  type CurvePoint,
  type StrokeSample,
} from '../../renderer/domain';

const s = (x: number, y: number): StrokeSample => ({ x: timePos(x), y: enthusiasm(y) });
const p = (x: number, y: number): CurvePoint => [timePos(x), enthusiasm(y)];
const at = (points: readonly CurvePoint[], x: number) => valueAt(points, timePos(x));

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
    expect(at(curve, 0.2)).toBeCloseTo(0.5, 6);
    // Was 0.5 after the first pass; the way back ran through 0.7 here.
    expect(at(curve, 0.4)!).toBeGreaterThan(0.6);
    expect(isValidCurve(curve)).toBe(true);
  });

  it('redraws only the span a new stroke covers on an existing curve', () => {
    const flat = applyStroke([], [s(0, 0.5), s(1, 0.5)]);
    const redrawn = applyStroke(flat, [s(0.4, 0.8), s(0.6, 0.8)]);
    expect(curveSpan(redrawn)).toEqual({ start: 0, end: 1 });
    expect(at(redrawn, 0.5)).toBeCloseTo(0.8, 6);
    expect(at(redrawn, 0.2)).toBeCloseTo(0.5, 6);
    expect(at(redrawn, 0.9)).toBeCloseTo(0.5, 6);
  });

  it('keeps the stored points outside a redrawn span exactly, so redrawing does not wear the curve down', () => {
    const typed: CurvePoint[] = [p(0.1, 0.5), p(0.3, 0.7), p(0.5, 0.9), p(0.7, 0.3), p(0.9, 0.6)];
    const redrawn = applyStroke(typed, [s(0.75, 0.1), s(0.95, 0.1)]);
    expect(redrawn.slice(0, 4)).toEqual(typed.slice(0, 4));
    expect(at(redrawn, 0.85)).toBeCloseTo(0.1, 6);
    expect(curveSpan(redrawn)).toEqual({ start: 0.1, end: 0.95 });
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
