import { area, curveMonotoneX, line, type Area, type Line } from 'd3-shape';
import { enthusiasm, type CurvePoint, type Series, type TimePos } from '../domain';
import { gapStripShare, type ChartGeometry } from './chartGeometry';

/**
 * The d3-shape generators of the chart, set up once from the chart geometry
 * (monotone cubic: no overshoot beyond what was drawn). The canvas hands them
 * Konva's context, the SVG report asks them for path strings — one
 * description of every line, so the report draws what the room saw.
 */

export interface SeriesRow {
  readonly x: TimePos;
  readonly v: number | null;
}

export interface BandRow {
  readonly x: TimePos;
  readonly lo: number | null;
  readonly hi: number | null;
}

/** A series on the analysis grid as rows; missing values break the line there. */
export const seriesRows = (grid: readonly TimePos[], values: Series): SeriesRow[] => grid.map((x, i) => ({ x, v: values[i] ?? null }));

export const bandRows = (grid: readonly TimePos[], lower: Series, upper: Series): BandRow[] =>
  grid.map((x, i) => ({ x, lo: lower[i] ?? null, hi: upper[i] ?? null }));

/** A stored curve (its simplified points). */
export function curveLine(g: ChartGeometry): Line<CurvePoint> {
  return line<CurvePoint>()
    .x((p) => g.xOf(p[0]))
    .y((p) => g.yOf(p[1]))
    .curve(curveMonotoneX);
}

/** A grid series (team mean, target); breaks where there is no value. */
export function seriesLine(g: ChartGeometry): Line<SeriesRow> {
  return line<SeriesRow>()
    .defined((r) => r.v !== null)
    .x((r) => g.xOf(r.x))
    .y((r) => g.yOf(enthusiasm(r.v!)))
    .curve(curveMonotoneX);
}

/** The area between two series, where both have a value (the spread band). */
export function bandArea(g: ChartGeometry): Area<BandRow> {
  return area<BandRow>()
    .defined((r) => r.lo !== null && r.hi !== null)
    .x((r) => g.xOf(r.x))
    .y0((r) => g.yOf(enthusiasm(r.lo!)))
    .y1((r) => g.yOf(enthusiasm(r.hi!)))
    .curve(curveMonotoneX);
}

/**
 * One team's side of the Sales–PS gap strip: the area between the strip's middle line at `mid` and the
 * gap, `half` px tall where a gap fills its side (gapStripShare); `sign` 1 for the first team's side
 * (above), −1 for the second's (below). Where the gap is the other team's, the area is flat on the line.
 */
export function gapArea(g: ChartGeometry, mid: number, half: number, sign: 1 | -1): Area<SeriesRow> {
  return area<SeriesRow>()
    .defined((r) => r.v !== null)
    .x((r) => g.xOf(r.x))
    .y0(mid)
    .y1((r) => mid - (sign * r.v! > 0 ? gapStripShare(r.v!) : 0) * half * sign);
}
