import { Fragment } from 'react';
import { Arrow, Circle, Group, Line, Rect, Shape, Text } from 'react-konva';
import type { DisagreementSpan, Note, Series, Team, TimePos } from '../domain';
import { enthusiasm } from '../domain';
import { dashPattern, estimateTextWidth, LAPTOP_STYLE, type ChartGeometry } from './chartGeometry';
import { bandArea, bandRows, seriesLine, seriesRows } from './chartShapes';
import { CHART_COLORS, SPAN_COLOR, TARGET_COLOR, TEAM_ROLE_COLORS } from './colors';

/**
 * Konva drawing for the compare view, all from the shared chart geometry:
 * team bands and means, disagreement spans, the target curve, the handover
 * drop, the Sales–PS gap strip and note markers.
 */

/** Thin strokes (markers, guides) grow with the style's curve width: 1 on the laptop, thicker on the room screen. */
const strokeScale = (g: ChartGeometry) => Math.max(1, g.style.curveWidth / LAPTOP_STYLE.curveWidth);

export function teamColor(team: Team): string {
  return TEAM_ROLE_COLORS[team.role];
}

interface SeriesLineProps {
  readonly geometry: ChartGeometry;
  readonly grid: readonly TimePos[];
  readonly values: Series;
  readonly color: string;
  readonly width: number;
  readonly dash?: number[];
  readonly opacity?: number;
}

export function SeriesLine({ geometry: g, grid, values, color, width, dash = [], opacity = 1 }: SeriesLineProps) {
  const rows = seriesRows(grid, values);
  return (
    <Shape
      stroke={color}
      strokeWidth={width}
      dash={dash}
      lineCap="round"
      lineJoin="round"
      opacity={opacity}
      perfectDrawEnabled={false}
      sceneFunc={(ctx, shape) => {
        ctx.beginPath();
        seriesLine(g).context(ctx as unknown as CanvasRenderingContext2D)(rows);
        ctx.strokeShape(shape);
      }}
    />
  );
}

interface BandProps {
  readonly geometry: ChartGeometry;
  readonly grid: readonly TimePos[];
  readonly lower: Series;
  readonly upper: Series;
  readonly color: string;
  readonly opacity: number;
}

/** The spread band between lower and upper, where both exist. */
export function Band({ geometry: g, grid, lower, upper, color, opacity }: BandProps) {
  const rows = bandRows(grid, lower, upper);
  return (
    <Shape
      fill={color}
      opacity={opacity}
      perfectDrawEnabled={false}
      sceneFunc={(ctx, shape) => {
        ctx.beginPath();
        bandArea(g).context(ctx as unknown as CanvasRenderingContext2D)(rows);
        ctx.fillShape(shape);
      }}
    />
  );
}

/** Disagreement spans shaded across the plot, numbered as in the list below the chart. */
export function DisagreementShading({
  geometry: g,
  spans,
  opacity = 0.16,
}: {
  geometry: ChartGeometry;
  spans: readonly Pick<DisagreementSpan, 'start' | 'end'>[];
  /** Of the shading; the room screen asks for more, projectors wash pale fills out. */
  opacity?: number;
}) {
  const f = g.style.fontSize;
  return (
    <Group>
      {spans.map((s, i) => (
        <Fragment key={`${s.start}-${s.end}`}>
          <Rect
            x={g.xOf(s.start)}
            y={g.plot.top}
            width={Math.max(2, g.xOf(s.end) - g.xOf(s.start))}
            height={g.plot.bottom - g.plot.top}
            fill={SPAN_COLOR}
            opacity={opacity}
          />
          <Circle x={(g.xOf(s.start) + g.xOf(s.end)) / 2} y={g.plot.bottom - f * 1.1} radius={f * 0.85} fill={SPAN_COLOR} />
          <Text
            x={(g.xOf(s.start) + g.xOf(s.end)) / 2 - f}
            y={g.plot.bottom - f * 1.1 - f * 0.5}
            width={f * 2}
            align="center"
            text={String(i + 1)}
            fontSize={f}
            fontStyle="bold"
            fill="#1f2a37"
          />
        </Fragment>
      ))}
    </Group>
  );
}

/** The method's target curve, dashed. */
export function TargetLine({ geometry: g, grid, values, label }: { geometry: ChartGeometry; grid: readonly TimePos[]; values: Series; label: string }) {
  const w = g.style.curveWidth;
  const last = values[values.length - 1];
  return (
    <Group>
      <SeriesLine geometry={g} grid={grid} values={values} color={TARGET_COLOR} width={w} dash={[w * 4, w * 3]} opacity={0.75} />
      {last !== null && last !== undefined && (
        <Text
          x={g.plot.right - 200}
          y={g.yOf(enthusiasm(last)) - g.style.fontSize * 1.6}
          width={196}
          align="right"
          text={label}
          fontSize={g.style.fontSize * 0.9}
          fontStyle="bold"
          fill={TARGET_COLOR}
          opacity={0.8}
        />
      )}
    </Group>
  );
}

interface DropMarkerProps {
  readonly geometry: ChartGeometry;
  readonly handoverAt: TimePos;
  readonly before: number;
  readonly low: number;
  readonly lowAt: TimePos;
  readonly color: string;
  readonly label: string;
  /** Small horizontal offset so two teams' markers don't overprint. */
  readonly offset: number;
}

/** An arrow from the level just before the handover down to the low after it, with its size. */
export function HandoverDropMarker({ geometry: g, handoverAt, before, low, lowAt, color, label, offset }: DropMarkerProps) {
  const f = g.style.fontSize;
  const x0 = g.xOf(handoverAt) + offset;
  const x1 = g.xOf(lowAt);
  const y0 = g.yOf(enthusiasm(before));
  const y1 = g.yOf(enthusiasm(low));
  const labelX = Math.max(x0, x1) + f * 0.6;
  const k = strokeScale(g);
  return (
    <Group>
      <Line points={[x0 - f, y0, x1 + f * 0.6, y0]} stroke={color} strokeWidth={1.5 * k} dash={[3 * k, 3 * k]} />
      <Arrow points={[x1, y0, x1, y1]} stroke={color} fill={color} strokeWidth={2.5 * k} pointerLength={f * 0.7} pointerWidth={f * 0.7} />
      <Rect x={labelX - 4} y={(y0 + y1) / 2 - f * 0.85} width={estimateTextWidth(label, f) * 1.1 + 10} height={f * 1.7} fill="#ffffff" opacity={0.9} cornerRadius={4} />
      <Text x={labelX} y={(y0 + y1) / 2 - f * 0.55} text={label} fontSize={f} fontStyle="bold" fill={color} />
    </Group>
  );
}

interface GapStripProps {
  readonly geometry: ChartGeometry;
  readonly grid: readonly TimePos[];
  readonly gap: Series;
  readonly colorA: string;
  readonly colorB: string;
  readonly label: string;
}

/**
 * The Sales–PS gap along the timeline: bars above the middle line where the
 * first team saw more enthusiasm, below where the second did.
 */
export function GapStrip({ geometry: g, grid, gap, colorA, colorB, label }: GapStripProps) {
  const strip = g.strip;
  if (!strip) return null;
  const f = g.style.fontSize;
  const mid = (strip.top + strip.bottom) / 2;
  const half = (strip.bottom - strip.top) / 2;
  const step = grid.length > 1 ? g.xOf(grid[1]!) - g.xOf(grid[0]!) : 1;
  const colors = g.style.colors ?? CHART_COLORS;
  return (
    <Group>
      <Rect x={strip.left} y={strip.top} width={strip.right - strip.left} height={strip.bottom - strip.top} fill={colors.band} />
      <Line points={[strip.left, mid, strip.right, mid]} stroke={colors.gridMid} strokeWidth={strokeScale(g)} />
      {grid.map((x, i) => {
        const v = gap[i];
        if (v === null || v === undefined || v === 0) return null;
        const h = Math.min(1, Math.abs(v)) * half;
        return (
          <Rect
            key={i}
            x={g.xOf(x) - step / 2}
            y={v > 0 ? mid - h : mid}
            width={step + 0.5}
            height={h}
            fill={v > 0 ? colorA : colorB}
            opacity={0.75}
          />
        );
      })}
      <Text x={0} y={mid - f * 0.5} width={strip.left - f * 0.8} align="right" text={label} fontSize={f * 0.9} fill={colors.axisText} />
    </Group>
  );
}

/** Numbered pins at the top of the plot; a dot on the curve for notes pinned to one. */
export function NoteMarkers({
  geometry: g,
  notes,
  levelOf,
  colorOf,
  selectedId,
}: {
  geometry: ChartGeometry;
  notes: readonly Note[];
  levelOf: (note: Note) => number | null;
  colorOf: (note: Note) => string;
  selectedId: string | null;
}) {
  const f = g.style.fontSize;
  const k = strokeScale(g);
  return (
    <Group>
      {notes.map((n, i) => {
        const x = g.xOf(n.at);
        const level = levelOf(n);
        const color = colorOf(n);
        const selected = n.id === selectedId;
        return (
          <Group key={n.id}>
            <Line points={[x, g.plot.top + f, x, g.plot.bottom]} stroke={color} strokeWidth={(selected ? 2 : 1) * k} dash={[2 * k, 3 * k]} opacity={0.7} />
            {level !== null && <Circle x={x} y={g.yOf(enthusiasm(level))} radius={f * 0.45} fill="#fff" stroke={color} strokeWidth={2.5 * k} />}
            <Circle x={x} y={g.plot.top + f * 0.2} radius={f * (selected ? 0.95 : 0.8)} fill={n.kind === 'insight' ? '#1f2a37' : '#ffffff'} stroke={color} strokeWidth={2 * k} />
            <Text
              x={x - f}
              y={g.plot.top + f * 0.2 - f * 0.45}
              width={f * 2}
              align="center"
              text={String(i + 1)}
              fontSize={f * 0.85}
              fontStyle="bold"
              fill={n.kind === 'insight' ? '#ffffff' : '#1f2a37'}
            />
          </Group>
        );
      })}
    </Group>
  );
}

/** A dash pattern for a team's mean: its line style, drawn thicker. */
export function teamDash(team: Team, width: number): number[] {
  return dashPattern(team.lineStyle, width);
}
