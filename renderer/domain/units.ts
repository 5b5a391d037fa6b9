/**
 * Units of the chart, named so that a pixel can never be passed where a
 * position on the timeline is meant.
 *
 * - TimePos: position on the whole timeline, 0 = start, 1 = end.
 * - Enthusiasm: 0 = disappointed, 0.5 = satisfied, 1 = thrilled.
 */
declare const timePosBrand: unique symbol;
declare const enthusiasmBrand: unique symbol;

export type TimePos = number & { readonly [timePosBrand]: true };
export type Enthusiasm = number & { readonly [enthusiasmBrand]: true };

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/** A time position, clamped into [0, 1]. Non-finite input is a programming error. */
export function timePos(value: number): TimePos {
  if (!Number.isFinite(value)) throw new RangeError(`time position must be finite, got ${value}`);
  return clamp01(value) as TimePos;
}

/** An enthusiasm level, clamped into [0, 1]. */
export function enthusiasm(value: number): Enthusiasm {
  if (!Number.isFinite(value)) throw new RangeError(`enthusiasm must be finite, got ${value}`);
  return clamp01(value) as Enthusiasm;
}

/** One stored point of a curve: [time, enthusiasm]. */
export type CurvePoint = readonly [TimePos, Enthusiasm];
