import type { CurvePoint, Series, TimePos } from '../domain';
import { estimateTextWidth, type ChartGeometry } from '../canvas/chartGeometry';
import { bandArea, bandRows, curveLine, gapArea, seriesLine, seriesRows, type SeriesRow } from '../canvas/chartShapes';

/**
 * SVG path strings for the chart, from the shared chart geometry. The same
 * d3-shape generators (monotone cubic, no overshoot) as the canvas, so the
 * report draws the curves the room saw; two decimals of a pixel are plenty
 * and keep the files small.
 */

const DIGITS = 2;

/** A stored curve, as the canvas draws it. */
export function curvePath(g: ChartGeometry, points: readonly CurvePoint[]): string {
  return curveLine(g).digits(DIGITS)(points as CurvePoint[]) ?? '';
}

/** A series on the analysis grid; the line breaks where it has no value. */
export function seriesPath(g: ChartGeometry, grid: readonly TimePos[], values: Series): string {
  return seriesLine(g).digits(DIGITS)(seriesRows(grid, values)) ?? '';
}

/** The area between two series, where both have a value. */
export function bandPath(g: ChartGeometry, grid: readonly TimePos[], lower: Series, upper: Series): string {
  return bandArea(g).digits(DIGITS)(bandRows(grid, lower, upper)) ?? '';
}

/** One team's side of the Sales–PS gap strip (chartShapes.ts gapArea) as a path. */
export function gapAreaPath(
  g: ChartGeometry,
  grid: readonly TimePos[],
  values: Series,
  mid: number,
  half: number,
  sign: 1 | -1,
): string {
  return gapArea(g, mid, half, sign).digits(DIGITS)(seriesRows(grid, values)) ?? '';
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
