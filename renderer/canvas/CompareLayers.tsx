import { Fragment, memo } from 'react';
import { Arrow, Circle, Group, Line, Path, Rect, Shape, Text } from 'react-konva';
import type { LineStyle, NoteKind, Series, TimePos } from '../domain';
import { enthusiasm } from '../domain';
import { markerIsStroked, markerPath, type MarkerShape } from '../scene/markers';
import { CHART_FONT, dashPattern, dropLabelPlace, LAPTOP_STYLE, type ChartGeometry } from './chartGeometry';
import { bandArea, bandRows, gapArea, seriesLine, seriesRows } from './chartShapes';
import { CHART_COLORS, SPAN_COLOR, TARGET_COLOR, TEAM_LINE_HALO } from './colors';

/**
 * Konva drawing of the compare scene (renderer/scene/compareScene.ts), all
 * from the shared chart geometry: team bands and lines, disagreement spans,
 * the target curve, the handover drop, the Sales–PS gap strip, perception
 * lines, participants' markers and note pins. The facilitator's chart and
 * the room view both draw with these; the report draws the same scene as SVG.
 */

/** Thin strokes (markers, guides) grow with the style's curve width: 1 on the laptop, thicker on the room screen. */
const strokeScale = (g: ChartGeometry) => Math.max(1, g.style.curveWidth / LAPTOP_STYLE.curveWidth);

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

interface TeamLineProps {
  readonly geometry: ChartGeometry;
  readonly grid: readonly TimePos[];
  readonly values: Series;
  /** Pieces of one coverage each (grid indices, joined at their ends) with their opacity. */
  readonly segments: readonly { readonly from: number; readonly to: number; readonly opacity: number }[];
  readonly color: string;
  readonly lineStyle: LineStyle;
  readonly width: number;
  readonly dimmed: boolean;
}

/**
 * A team line: thick, in the team's line style and a colour no participant
 * has, on a white halo, fainter where fewer of the team drew (the scene's
 * segments), and broken where the scene breaks it.
 */
export function TeamLine({ geometry: g, grid, values, segments, color, lineStyle, width, dimmed }: TeamLineProps) {
  const dash = dashPattern(lineStyle, width);
  const halo = width + Math.max(3, width * 0.6);
  return (
    <Group opacity={dimmed ? 0.35 : 1}>
      {segments.map((s) => {
        const slice = grid.slice(s.from, s.to + 1);
        const part = values.slice(s.from, s.to + 1);
        return (
          <Fragment key={`${s.from}-${s.to}`}>
            <SeriesLine geometry={g} grid={slice} values={part} color={TEAM_LINE_HALO} width={halo} opacity={0.9 * s.opacity} />
            <SeriesLine geometry={g} grid={slice} values={part} color={color} width={width} dash={dash} opacity={s.opacity} />
          </Fragment>
        );
      })}
    </Group>
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

/** Disagreement spans shaded across the plot, numbered as in every list of them. */
export function DisagreementShading({
  geometry: g,
  spans,
  opacity = 0.16,
}: {
  geometry: ChartGeometry;
  spans: readonly { readonly start: TimePos; readonly end: TimePos; readonly number: number }[];
  /** Of the shading; the room screen asks for more, projectors wash pale fills out. */
  opacity?: number;
}) {
  const f = g.style.fontSize;
  return (
    <Group>
      {spans.map((s) => (
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
            fontFamily={CHART_FONT}
            x={(g.xOf(s.start) + g.xOf(s.end)) / 2 - f}
            y={g.plot.bottom - f * 1.1 - f * 0.5}
            width={f * 2}
            align="center"
            text={String(s.number)}
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
          fontFamily={CHART_FONT}
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
  /** From the team line just before the handover, down by the team's drop. */
  readonly from: number;
  readonly to: number;
  readonly lowAt: TimePos;
  readonly color: string;
  readonly label: string;
  /** Small horizontal offset so two teams' markers don't overprint. */
  readonly offset: number;
}

/** An arrow from the team line just before the handover down by the team's drop, with its size. */
export function HandoverDropMarker({ geometry: g, handoverAt, from, to, lowAt, color, label, offset }: DropMarkerProps) {
  const f = g.style.fontSize;
  const x0 = g.xOf(handoverAt) + offset;
  const x1 = g.xOf(lowAt);
  const y0 = g.yOf(enthusiasm(from));
  const y1 = g.yOf(enthusiasm(to));
  const place = dropLabelPlace(g, x0, x1, y0, y1, label);
  const k = strokeScale(g);
  return (
    <Group>
      <Line points={[x0 - f, y0, x1 + f * 0.6, y0]} stroke={color} strokeWidth={1.5 * k} dash={[3 * k, 3 * k]} />
      {/* No buffer canvas when dimmed (perfect drawing): the room screen's worker cannot replay one. */}
      <Arrow points={[x1, y0, x1, y1]} stroke={color} fill={color} strokeWidth={2.5 * k} pointerLength={f * 0.7} pointerWidth={f * 0.7} perfectDrawEnabled={false} />
      <Rect
        x={place.box.x}
        y={place.box.y}
        width={place.box.width}
        height={place.box.height}
        cornerRadius={place.box.radius}
        fill="#ffffff"
        opacity={place.box.opacity}
      />
      <Text x={place.x} y={place.mid - f * 0.55} text={label} fontSize={f} fontStyle="bold" fontFamily={CHART_FONT} fill={color} />
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
 * The Sales–PS gap along the timeline: an area above the middle line where
 * the first team saw more enthusiasm, below where the second did (the
 * report's strip is the same area: chartShapes.ts gapArea).
 */
export function GapStrip({ geometry: g, grid, gap, colorA, colorB, label }: GapStripProps) {
  const strip = g.strip;
  if (!strip) return null;
  const f = g.style.fontSize;
  const mid = (strip.top + strip.bottom) / 2;
  const half = (strip.bottom - strip.top) / 2;
  const colors = g.style.colors ?? CHART_COLORS;
  const rows = seriesRows(grid, gap);
  return (
    <Group>
      <Rect x={strip.left} y={strip.top} width={strip.right - strip.left} height={strip.bottom - strip.top} fill={colors.band} />
      {([1, -1] as const).map((sign) => {
        const side = gapArea(g, mid, half, sign);
        return (
          <Shape
            key={sign}
            fill={sign === 1 ? colorA : colorB}
            opacity={0.75}
            perfectDrawEnabled={false}
            sceneFunc={(ctx, shape) => {
              ctx.beginPath();
              side.context(ctx as unknown as CanvasRenderingContext2D)(rows);
              ctx.fillShape(shape);
            }}
          />
        );
      })}
      <Line points={[strip.left, mid, strip.right, mid]} stroke={colors.gridMid} strokeWidth={strokeScale(g)} />
      <Text x={0} y={mid - f * 0.5} width={strip.left - f * 0.8} align="right" text={label} fontSize={f * 0.9} fontFamily={CHART_FONT} fill={colors.axisText} />
    </Group>
  );
}

/** An "other team" round: per pair the guess (dashed) and the real line (solid), in the colour of the team guessed about. */
export function PerceptionLines({
  geometry: g,
  grid,
  pairs,
}: {
  geometry: ChartGeometry;
  grid: readonly TimePos[];
  pairs: readonly { readonly key: string; readonly color: string; readonly guess: Series; readonly real: Series }[];
}) {
  const w = g.style.curveWidth * 1.5;
  return (
    <Group>
      {pairs.map((p) => (
        <Fragment key={p.key}>
          <SeriesLine geometry={g} grid={grid} values={p.real} color={TEAM_LINE_HALO} width={w + Math.max(3, w * 0.6)} opacity={0.9} />
          <SeriesLine geometry={g} grid={grid} values={p.real} color={p.color} width={w} />
          <SeriesLine geometry={g} grid={grid} values={p.guess} color={TEAM_LINE_HALO} width={w + Math.max(3, w * 0.6)} opacity={0.9} />
          <SeriesLine geometry={g} grid={grid} values={p.guess} color={p.color} width={w} dash={dashPattern('dashed', w)} />
        </Fragment>
      ))}
    </Group>
  );
}

/** Participants' markers along their curves (the second, third … person with one colour). */
/** A participant's markers as the chart draws them: the shape, its colour and where it sits along the curve. */
export interface ChartMarker {
  readonly key: string;
  readonly color: string;
  readonly marker: MarkerShape;
  readonly markerPoints: readonly (readonly [number, number])[];
  readonly faded: boolean;
}

/** The markers of the participants who carry one (the second, third … person with a colour). */
export function CurveMarkers({ geometry, curves }: { geometry: ChartGeometry; curves: readonly ChartMarker[] }) {
  return (
    <Group>
      {curves.map((c) =>
        c.marker === 'none' || c.markerPoints.length === 0 ? null : (
          <MarkerGroup key={c.key} geometry={geometry} color={c.color} marker={c.marker} points={c.markerPoints} faded={c.faded} />
        ),
      )}
    </Group>
  );
}

interface MarkerGroupProps {
  readonly geometry: ChartGeometry;
  readonly color: string;
  readonly marker: MarkerShape;
  readonly points: readonly (readonly [number, number])[];
  readonly faded: boolean;
}

/** One participant's markers; kept (memo) while nothing about them changes, so their layer is not redrawn. */
const MarkerGroup = memo(
  function MarkerGroup({ geometry: g, color, marker, points, faded }: MarkerGroupProps) {
    const size = Math.max(8, g.style.curveWidth * 3.2);
    const k = strokeScale(g);
    const casing = g.style.casing ?? '#ffffff';
    const data = markerPath(marker, size);
    const stroked = markerIsStroked(marker);
    return (
      <Group opacity={faded ? 0.45 : 1}>
        {points.map(([t, y], i) => (
          <Path
            key={i}
            x={g.xOf(t as TimePos)}
            y={g.yOf(enthusiasm(y))}
            data={data}
            fill={stroked ? undefined : color}
            stroke={stroked ? color : casing}
            strokeWidth={stroked ? 2.5 * k : 1.2 * k}
            perfectDrawEnabled={false}
          />
        ))}
      </Group>
    );
  },
  // Points arrive as new arrays with every room state: equal by value is equal.
  (a, b) =>
    a.geometry === b.geometry &&
    a.color === b.color &&
    a.marker === b.marker &&
    a.faded === b.faded &&
    a.points.length === b.points.length &&
    a.points.every(([t, y], i) => t === b.points[i]![0] && y === b.points[i]![1]),
);

/** A note pin as the chart draws it: numbered by the scene, on its curve when pinned to one. */
export interface NotePin {
  readonly key: string;
  readonly number: number;
  readonly at: TimePos;
  readonly kind: NoteKind;
  readonly color: string;
  readonly level: number | null;
  readonly selected?: boolean;
}

/** Numbered pins at the top of the plot; a dot on the curve for notes pinned to one. */
export function NoteMarkers({ geometry: g, notes }: { geometry: ChartGeometry; notes: readonly NotePin[] }) {
  const f = g.style.fontSize;
  const k = strokeScale(g);
  return (
    <Group>
      {notes.map((n) => {
        const x = g.xOf(n.at);
        const selected = n.selected === true;
        return (
          <Group key={n.key}>
            <Line points={[x, g.plot.top + f, x, g.plot.bottom]} stroke={n.color} strokeWidth={(selected ? 2 : 1) * k} dash={[2 * k, 3 * k]} opacity={0.7} />
            {n.level !== null && (
              <Circle x={x} y={g.yOf(enthusiasm(n.level))} radius={f * 0.45} fill="#fff" stroke={n.color} strokeWidth={2.5 * k} perfectDrawEnabled={false} />
            )}
            <Circle
              x={x}
              y={g.plot.top + f * 0.2}
              radius={f * (selected ? 0.95 : 0.8)}
              fill={n.kind === 'insight' ? '#1f2a37' : '#ffffff'}
              stroke={n.color}
              strokeWidth={2 * k}
              perfectDrawEnabled={false}
            />
            <Text
              fontFamily={CHART_FONT}
              x={x - f}
              y={g.plot.top + f * 0.2 - f * 0.45}
              width={f * 2}
              align="center"
              text={String(n.number)}
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

/**
 * Everything the compare chart draws besides the curves and notes, as plain
 * data: the room state's compare part has exactly this shape, and the
 * facilitator's chart makes it from the same scene (compareDrawingOf in
 * renderer/state/roomState.ts), so both draw one picture with one code path.
 */
export interface CompareDrawing {
  readonly grid: readonly number[];
  readonly teams: readonly {
    readonly name: string;
    readonly lineStyle: LineStyle;
    readonly color: string;
    readonly highlighted: boolean;
    readonly dimmed: boolean;
    readonly mean: Series;
    readonly segments: readonly { readonly from: number; readonly to: number; readonly opacity: number }[];
    readonly lower: Series | null;
    readonly upper: Series | null;
  }[];
  readonly target: Series | null;
  readonly gap: { readonly a: { readonly name: string; readonly color: string }; readonly b: { readonly name: string; readonly color: string }; readonly values: Series } | null;
  readonly drops: readonly { readonly team: string; readonly color: string; readonly at: number; readonly from: number; readonly to: number; readonly lowAt: number; readonly drop: number; readonly dimmed: boolean }[];
  readonly spans: readonly { readonly number: number; readonly start: number; readonly end: number }[];
  readonly perception: readonly { readonly guessing: { readonly name: string }; readonly guessed: { readonly name: string; readonly color: string }; readonly guess: Series; readonly real: Series }[];
}

/** Under the curves: the disagreement spans, each team's band, the target. `strong`: the room screen's stronger fills. */
export function CompareUnder({ geometry: g, drawing, targetLabel, strong = false }: { geometry: ChartGeometry; drawing: CompareDrawing; targetLabel: string; strong?: boolean }) {
  const grid = drawing.grid as readonly TimePos[];
  const highlight = drawing.teams.some((t) => t.highlighted);
  return (
    <>
      {drawing.spans.length > 0 && (
        <DisagreementShading geometry={g} spans={drawing.spans as readonly { start: TimePos; end: TimePos; number: number }[]} opacity={strong ? 0.24 : 0.16} />
      )}
      {drawing.teams.map((t) =>
        t.lower && t.upper ? (
          <Band
            key={t.name}
            geometry={g}
            grid={grid}
            lower={t.lower}
            upper={t.upper}
            color={t.color}
            // Projectors wash pale fills out: a little stronger in the room.
            opacity={t.dimmed && !t.highlighted ? (strong ? 0.06 : 0.05) : highlight ? (strong ? 0.32 : 0.28) : strong ? 0.2 : 0.16}
          />
        ) : null,
      )}
      {drawing.target && <TargetLine geometry={g} grid={grid} values={drawing.target} label={targetLabel} />}
    </>
  );
}

/** Over the curves: the team lines, the perception lines, the handover drops, the gap strip. */
export function CompareOver({
  geometry: g,
  drawing,
  dropLabel,
  gapLabel,
}: {
  geometry: ChartGeometry;
  drawing: CompareDrawing;
  dropLabel: (team: string, drop: number) => string;
  gapLabel: (a: string, b: string) => string;
}) {
  const grid = drawing.grid as readonly TimePos[];
  return (
    <>
      {drawing.teams.map((t) => (
        <TeamLine
          key={t.name}
          geometry={g}
          grid={grid}
          values={t.mean}
          segments={t.segments}
          color={t.color}
          lineStyle={t.lineStyle}
          width={g.style.curveWidth * (t.highlighted ? 2.2 : 1.6)}
          dimmed={t.dimmed}
        />
      ))}
      {drawing.perception.length > 0 && (
        <PerceptionLines
          geometry={g}
          grid={grid}
          pairs={drawing.perception.map((p) => ({ key: `${p.guessing.name}-${p.guessed.name}`, color: p.guessed.color, guess: p.guess, real: p.real }))}
        />
      )}
      {drawing.drops.map((d, i) => (
        <Group key={d.team} opacity={d.dimmed ? 0.35 : 1}>
          <HandoverDropMarker
            geometry={g}
            handoverAt={d.at as TimePos}
            from={d.from}
            to={d.to}
            lowAt={d.lowAt as TimePos}
            color={d.color}
            label={dropLabel(d.team, d.drop)}
            offset={i * g.style.curveWidth * 2}
          />
        </Group>
      ))}
      {drawing.gap && (
        <GapStrip geometry={g} grid={grid} gap={drawing.gap.values} colorA={drawing.gap.a.color} colorB={drawing.gap.b.color} label={gapLabel(drawing.gap.a.name, drawing.gap.b.name)} />
      )}
    </>
  );
}
