import {
  layoutPhases,
  timePos,
  enthusiasm,
  type Enthusiasm,
  type LineStyle,
  type Milestone,
  type Phase,
  type TimePos,
} from '../domain';
import { HIGH_CONTRAST_CASING, HIGH_CONTRAST_COLORS, type ChartColors } from './colors';

/**
 * Where everything sits on the chart, in pixels: shared by the Konva canvas
 * and (later) the SVG report, so both draw the same picture. Pure maths, no
 * Konva or DOM.
 */
export interface ChartStyle {
  /** Base font size in px; everything else scales with it (presenter = larger). */
  readonly fontSize: number;
  readonly curveWidth: number;
  /** Height in px of a strip below the chart (the Sales–PS gap); 0 or absent for none. */
  readonly stripHeight?: number;
  /** Background, grid and label colours; CHART_COLORS when absent. */
  readonly colors?: ChartColors;
  /** Colour of an outline drawn under each curve (high contrast); none when absent. */
  readonly casing?: string;
}

export const LAPTOP_STYLE: ChartStyle = { fontSize: 13, curveWidth: 3 };

/**
 * The room screen: type and lines sized for the back of a meeting room on a
 * 1920×1080 projector, in the high-contrast colours.
 */
export const PRESENTER_STYLE: ChartStyle = { fontSize: 26, curveWidth: 7, colors: HIGH_CONTRAST_COLORS, casing: HIGH_CONTRAST_CASING };

/** PRESENTER_STYLE scaled to a chart of width × height px (a smaller window gets smaller type, never below 16 px). */
export function presenterStyle(width: number, height: number): ChartStyle {
  const scale = Math.min(width / 1800, height / 800);
  const fontSize = Math.round(Math.min(34, Math.max(16, PRESENTER_STYLE.fontSize * scale)));
  const curveWidth = Math.round(Math.min(9, Math.max(4, PRESENTER_STYLE.curveWidth * scale)));
  return { ...PRESENTER_STYLE, fontSize, curveWidth };
}

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface PhaseBand {
  readonly id: string;
  readonly name: string;
  readonly x0: number;
  readonly x1: number;
  readonly shaded: boolean;
}

export interface MilestoneMark {
  readonly id: string;
  readonly name: string;
  readonly x: number;
  readonly isHandover: boolean;
  /** Label row below the chart (0 or 1) so close milestones don't overprint each other. */
  readonly row: number;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: Rect;
  /** The strip below the milestone labels, sharing the plot's time axis; null when the style asks for none. */
  readonly strip: Rect | null;
  readonly style: ChartStyle;
  xOf(t: TimePos): number;
  yOf(e: Enthusiasm): number;
  /** Pixel → chart units, clamped to the plot. */
  timeAt(px: number): TimePos;
  enthusiasmAt(py: number): Enthusiasm;
  readonly phases: readonly PhaseBand[];
  readonly milestones: readonly MilestoneMark[];
  /** Grid levels, 0 … 1. */
  readonly gridLevels: readonly Enthusiasm[];
}

/**
 * A Sales–PS gap this large (4 points on the 0–10 scale) or larger fills its half of the gap strip. Team
 * means seldom part by more; scaled to the whole 0–10 range, a gap of 1.5 points was a 3 px sliver on
 * a laptop, in the app, the room view and the PDF alike.
 */
export const GAP_STRIP_FULL = 0.4;

/** How much of its half of the strip a gap fills (0–1), by its size; the canvas and the report both draw with it. */
export const gapStripShare = (gap: number): number => Math.min(1, Math.abs(gap) / GAP_STRIP_FULL);

/**
 * Where a handover drop's size goes: right of its arrow (from x0 at the handover to x1 at the low point),
 * halfway down it, on a white box so that no line running through reads as part of it. The canvas and
 * the report both place it so.
 */
export function dropLabelPlace(g: ChartGeometry, x0: number, x1: number, y0: number, y1: number, label: string) {
  const f = g.style.fontSize;
  const x = Math.max(x0, x1) + f * 0.6;
  const mid = (y0 + y1) / 2;
  return { x, mid, box: { x: x - 4, y: mid - f * 0.85, width: estimateTextWidth(label, f) * 1.1 + 10, height: f * 1.7, radius: 4, opacity: 0.9 } };
}

/** The chart's text font on every layer: the app's bundled Inter, as the report's figures use it. */
export const CHART_FONT = 'Inter, "Helvetica Neue", Arial, sans-serif';
/** The faces the chart draws text in (400, 600 and bold), loaded before its text is drawn: a canvas does not wait for a font. */
export const CHART_FONT_FACES = ['400', '600', '700'].map((weight) => `${weight} 16px ${CHART_FONT}`);

/** Rough text width for layout decisions (labels are measured again when drawn). */
export const estimateTextWidth = (text: string, fontSize: number) => text.length * fontSize * 0.56;

export function layoutChart(
  width: number,
  height: number,
  phases: readonly Phase[],
  milestones: readonly Milestone[],
  handoverId: string | null,
  scaleLabels: readonly string[],
  style: ChartStyle = LAPTOP_STYLE,
): ChartGeometry {
  const f = style.fontSize;
  const labelWidth = Math.max(...scaleLabels.map((l) => estimateTextWidth(l, f)), 40);
  const stripHeight = style.stripHeight ?? 0;
  const stripSpace = stripHeight > 0 ? stripHeight + f * 1.2 : 0;
  const plot: Rect = {
    left: Math.round(labelWidth + f * 1.6),
    top: Math.round(f * 3.8),
    right: Math.round(width - f * 1.5),
    bottom: Math.round(height - f * 4.4 - stripSpace),
  };
  const strip: Rect | null =
    stripHeight > 0
      ? { left: plot.left, right: plot.right, top: Math.round(height - stripHeight - f * 0.6), bottom: Math.round(height - f * 0.6) }
      : null;
  const w = Math.max(1, plot.right - plot.left);
  const h = Math.max(1, plot.bottom - plot.top);
  const xOf = (t: TimePos) => plot.left + t * w;
  const yOf = (e: Enthusiasm) => plot.bottom - e * h;

  const bands = layoutPhases(phases).map((s, i) => ({
    id: s.phase.id,
    name: s.phase.name,
    x0: xOf(s.start),
    x1: xOf(s.end),
    shaded: i % 2 === 0,
  }));

  // Milestone labels: put each on the first row where it doesn't touch the previous label.
  const rowEnds = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const marks = [...milestones]
    .sort((a, b) => a.at - b.at)
    .map((m) => {
      const x = xOf(m.at);
      const half = estimateTextWidth(`◆ ${m.name}`, f) / 2;
      const row = rowEnds[0]! < x - half - 6 ? 0 : rowEnds[1]! < x - half - 6 ? 1 : 0;
      rowEnds[row] = x + half;
      return { id: m.id, name: m.name, x, isHandover: m.id === handoverId, row };
    });

  return {
    width,
    height,
    plot,
    strip,
    style,
    xOf,
    yOf,
    timeAt: (px) => timePos((px - plot.left) / w),
    enthusiasmAt: (py) => enthusiasm((plot.bottom - py) / h),
    phases: bands,
    milestones: marks,
    gridLevels: [0, 0.25, 0.5, 0.75, 1].map(enthusiasm),
  };
}

/** Dash pattern for a team's line style, scaled to the stroke width so it reads at any size. */
export function dashPattern(style: LineStyle, width: number): number[] {
  switch (style) {
    case 'solid':
      return [];
    case 'dashed':
      return [width * 3.5, width * 2];
    case 'dotted':
      return [0.001, width * 2];
    case 'dashdot':
      return [width * 4, width * 1.8, 0.001, width * 1.8];
  }
}
