import { area, curveMonotoneX, line } from 'd3-shape';
import { enthusiasm, type CurvePoint, type Series, type TimePos } from '../domain';
import { estimateTextWidth, type ChartGeometry } from '../canvas/chartGeometry';

/**
 * SVG path strings for the chart, from the shared chart geometry. The same
 * d3-shape generators (monotone cubic, no overshoot) as the canvas, so the
 * report draws the curves the room saw; two decimals of a pixel are plenty
 * and keep the files small.
 */

const DIGITS = 2;

/** A stored curve, as the canvas draws it. */
export function curvePath(g: ChartGeometry, points: readonly CurvePoint[]): string {
  return (
    line<CurvePoint>()
      .x((p) => g.xOf(p[0]))
      .y((p) => g.yOf(p[1]))
      .curve(curveMonotoneX)
      .digits(DIGITS)(points as CurvePoint[]) ?? ''
  );
}

interface Row {
  readonly x: TimePos;
  readonly v: number | null;
}

const rows = (grid: readonly TimePos[], values: Series): Row[] => grid.map((x, i) => ({ x, v: values[i] ?? null }));

/** A series on the analysis grid; the line breaks where it has no value. */
export function seriesPath(g: ChartGeometry, grid: readonly TimePos[], values: Series): string {
  return (
    line<Row>()
      .defined((r) => r.v !== null)
      .x((r) => g.xOf(r.x))
      .y((r) => g.yOf(enthusiasm(r.v!)))
      .curve(curveMonotoneX)
      .digits(DIGITS)(rows(grid, values)) ?? ''
  );
}

/** The area between two series, where both have a value. */
export function bandPath(g: ChartGeometry, grid: readonly TimePos[], lower: Series, upper: Series): string {
  const data = grid.map((x, i) => ({ x, lo: lower[i] ?? null, hi: upper[i] ?? null }));
  return (
    area<(typeof data)[number]>()
      .defined((r) => r.lo !== null && r.hi !== null)
      .x((r) => g.xOf(r.x))
      .y0((r) => g.yOf(enthusiasm(r.lo!)))
      .y1((r) => g.yOf(enthusiasm(r.hi!)))
      .curve(curveMonotoneX)
      .digits(DIGITS)(data) ?? ''
  );
}

/**
 * A difference series (−1 … 1) as an area around a middle line at `mid`,
 * `half` px tall on each side; `sign` picks the part above (1) or below (−1).
 */
export function gapAreaPath(
  g: ChartGeometry,
  grid: readonly TimePos[],
  values: Series,
  mid: number,
  half: number,
  sign: 1 | -1,
): string {
  return (
    area<Row>()
      .defined((r) => r.v !== null)
      .x((r) => g.xOf(r.x))
      .y0(mid)
      .y1((r) => mid - Math.max(0, Math.min(1, sign * r.v!)) * half * sign)
      .digits(DIGITS)(rows(grid, values)) ?? ''
  );
}

/**
 * Break a label into at most `maxLines` lines that fit `width` px (by the
 * geometry's text estimate); the last line ends in "…" when text is left.
 * SVG has no text wrapping of its own.
 */
export function wrapLabel(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const fits = (s: string) => estimateTextWidth(s, fontSize) <= width;
  const lines: string[] = [];
  let current = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || fits(candidate)) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const kept = lines.slice(0, maxLines).map((l) => (fits(l) ? l : ellipsize(l, width, fontSize)));
  if (lines.length > maxLines) kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]!.replace(/…$/, '')}…`, width, fontSize);
  return kept;
}

/** Shorten until the text with a trailing "…" fits. */
function ellipsize(line: string, width: number, fontSize: number): string {
  let s = line.replace(/…$/, '');
  while (s.length > 1 && estimateTextWidth(`${s}…`, fontSize) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** An SVG stroke-dasharray from a dash pattern; undefined for a solid line. */
export function dashArray(pattern: readonly number[]): string | undefined {
  return pattern.length === 0 ? undefined : pattern.map((n) => +n.toFixed(3)).join(' ');
}
