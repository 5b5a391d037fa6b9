import { Fragment, type ReactNode } from 'react';
import { dashPattern, dropLabelPlace, type ChartGeometry } from '../canvas/chartGeometry';
import { CHART_COLORS, SPAN_COLOR, TARGET_COLOR, TEAM_LINE_HALO } from '../canvas/colors';
import { enthusiasm, type CurvePoint, type LineStyle, type NoteKind, type Scale, type Series, type TimePos } from '../domain';
import { markerIsStroked, markerPath, type MarkerShape } from '../scene/markers';
import { bandPath, curvePath, dashArray, gapAreaPath, seriesPath, wrapLabel } from './svgPaths';

/** One participant's curve as the chart draws it. */
export interface ChartCurve {
  readonly id: string;
  readonly color: string;
  readonly lineStyle: LineStyle;
  readonly points: readonly CurvePoint[];
  /** The marker the compare scene gives the second, third … person of a colour, and where it sits. */
  readonly marker?: MarkerShape;
  readonly markerPoints?: readonly (readonly [number, number])[];
}

/** A team's line (in pieces of one coverage, as the scene cuts it) with its spread band. */
export interface ChartTeamMean {
  readonly teamId: string;
  readonly color: string;
  readonly lineStyle: LineStyle;
  readonly mean: Series;
  readonly segments: readonly { readonly from: number; readonly to: number; readonly opacity: number }[];
  readonly lower: Series | null;
  readonly upper: Series | null;
}

/** A handover drop marker: from the team line just before the handover, down by the team's drop. */
export interface ChartDrop {
  readonly key: string;
  readonly color: string;
  readonly at: TimePos;
  readonly from: number;
  readonly to: number;
  readonly lowAt: TimePos;
  readonly label: string;
}

/** An "other team" round: the guess (dashed) and the real line (solid), in the colour of the team guessed about. */
export interface ChartPerception {
  readonly key: string;
  readonly color: string;
  readonly guess: Series;
  readonly real: Series;
}

export interface ChartGap {
  readonly values: Series;
  readonly colorA: string;
  readonly colorB: string;
  readonly label: string;
}

export interface ChartSpan {
  readonly number: number;
  readonly start: TimePos;
  readonly end: TimePos;
}

export interface ChartNotePin {
  readonly id: string;
  readonly number: number;
  readonly at: TimePos;
  readonly kind: NoteKind;
}

export interface ChartLayersProps {
  readonly geometry: ChartGeometry;
  readonly scale: Scale;
  readonly handoverBadge: string;
  readonly targetLabel: string;
  readonly curves: readonly ChartCurve[];
  /** Opacity of the individual curves (faint behind team means). */
  readonly curveOpacity?: number;
  /** The analysis grid the series below are sampled on. */
  readonly grid?: readonly TimePos[];
  readonly means?: readonly ChartTeamMean[];
  readonly target?: readonly CurvePoint[] | null;
  readonly gap?: ChartGap | null;
  readonly drops?: readonly ChartDrop[];
  readonly perception?: readonly ChartPerception[];
  /** Disagreement spans, shaded and numbered as in the report's list. */
  readonly spans?: readonly ChartSpan[];
  /** Notes, pinned and numbered as in the report's list (the scene's numbers). */
  readonly notes?: readonly ChartNotePin[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The chart as SVG elements, built from the same chart geometry as the
 * canvas (renderer/canvas/chartGeometry.ts): phases as named bands, the grid
 * and scale anchors, milestones with the handover marked, then the curves in
 * participant colour and team line style, team means with bands, the dashed
 * target curve and the Sales–PS gap strip. Every label is SVG text, so the
 * PDF keeps it as text. Presentation attributes only, no <style>: the app's
 * CSP forbids inline styles, and other SVG readers understand attributes best.
 */
export function ChartLayers(props: ChartLayersProps) {
  const { geometry: g, grid = [], means = [], spans = [], notes = [], drops = [], perception = [] } = props;
  const f = g.style.fontSize;
  const w = g.style.curveWidth;
  const { plot } = g;
  const anchors = [
    { level: 0, text: props.scale.low },
    { level: 0.5, text: props.scale.mid },
    { level: 1, text: props.scale.high },
  ];
  const targetEnd = props.target?.[props.target.length - 1];

  return (
    <g>
      <rect x={0} y={0} width={g.width} height={g.height} fill={CHART_COLORS.background} />
      {g.phases.map((band) =>
        band.shaded ? (
          <rect key={band.id} x={round2(band.x0)} y={plot.top} width={round2(band.x1 - band.x0)} height={plot.bottom - plot.top} fill={CHART_COLORS.band} />
        ) : null,
      )}
      {spans.map((s) => (
        <rect
          key={`span-${s.number}`}
          x={round2(g.xOf(s.start))}
          y={plot.top}
          width={round2(Math.max(2, g.xOf(s.end) - g.xOf(s.start)))}
          height={plot.bottom - plot.top}
          fill={SPAN_COLOR}
          fillOpacity={0.16}
        />
      ))}
      {g.gridLevels.map((level) => (
        <line
          key={`grid-${level}`}
          x1={plot.left}
          x2={plot.right}
          y1={round2(g.yOf(level))}
          y2={round2(g.yOf(level))}
          stroke={level === 0.5 ? CHART_COLORS.gridMid : CHART_COLORS.grid}
          strokeWidth={1}
          strokeDasharray={level === 0.5 ? '6 4' : undefined}
        />
      ))}
      {g.phases.map((band) => {
        const lines = wrapLabel(band.name, Math.max(0, band.x1 - band.x0 - 6), f, 2);
        const lastBaseline = plot.top - f * 0.6 - f * 0.28;
        return (
          <Fragment key={`label-${band.id}`}>
            <line x1={round2(band.x0)} x2={round2(band.x0)} y1={plot.top - f * 0.6} y2={plot.bottom} stroke={CHART_COLORS.grid} strokeWidth={1} />
            <text
              x={round2((band.x0 + band.x1) / 2)}
              textAnchor="middle"
              fontSize={f}
              fontWeight={600}
              fill={CHART_COLORS.phaseText}
            >
              {lines.map((l, i) => (
                <tspan key={i} x={round2((band.x0 + band.x1) / 2)} y={round2(lastBaseline - (lines.length - 1 - i) * f * 1.15)}>
                  {l}
                </tspan>
              ))}
            </text>
          </Fragment>
        );
      })}
      {anchors.map((a) => (
        <text
          key={`anchor-${a.level}`}
          x={plot.left - f * 0.8}
          y={round2(g.yOf(enthusiasm(a.level)) + f * 0.35)}
          textAnchor="end"
          fontSize={f}
          fill={CHART_COLORS.axisText}
        >
          {a.text}
        </text>
      ))}
      {g.milestones.map((m) => (
        <line
          key={`ms-${m.id}`}
          x1={round2(m.x)}
          x2={round2(m.x)}
          y1={plot.top}
          y2={plot.bottom}
          stroke={m.isHandover ? CHART_COLORS.handover : CHART_COLORS.milestone}
          strokeWidth={m.isHandover ? 2.5 : 1.5}
          strokeDasharray={m.isHandover ? undefined : '5 4'}
        />
      ))}

      {means.map((m) =>
        m.lower && m.upper ? <path key={`band-${m.teamId}`} d={bandPath(g, grid, m.lower, m.upper)} fill={m.color} fillOpacity={0.14} stroke="none" /> : null,
      )}
      <g opacity={props.curveOpacity ?? 1}>
        {props.curves.map((c) => (
          <CurvePath key={c.id} geometry={g} curve={c} width={means.length > 0 || perception.length > 0 ? w * 0.6 : w} />
        ))}
      </g>
      {means.map((m) => (
        <TeamLinePaths key={`mean-${m.teamId}`} geometry={g} grid={grid} mean={m} width={w * 1.7} />
      ))}
      {perception.map((p) => (
        <g key={`perception-${p.key}`}>
          <path d={seriesPath(g, grid, p.real)} fill="none" stroke={TEAM_LINE_HALO} strokeWidth={w * 2.6} strokeLinecap="round" strokeOpacity={0.9} />
          <path d={seriesPath(g, grid, p.real)} fill="none" stroke={p.color} strokeWidth={w * 1.7} strokeLinecap="round" strokeLinejoin="round" />
          <path d={seriesPath(g, grid, p.guess)} fill="none" stroke={TEAM_LINE_HALO} strokeWidth={w * 2.6} strokeLinecap="round" strokeOpacity={0.9} />
          <path
            d={seriesPath(g, grid, p.guess)}
            fill="none"
            stroke={p.color}
            strokeWidth={w * 1.7}
            strokeDasharray={dashArray(dashPattern('dashed', w * 1.7))}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </g>
      ))}
      {drops.map((d) => (
        <DropMark key={`drop-${d.key}`} geometry={g} drop={d} />
      ))}
      {props.target && props.target.length >= 2 && (
        <g>
          <path
            d={curvePath(g, props.target)}
            fill="none"
            stroke={TARGET_COLOR}
            strokeOpacity={0.75}
            strokeWidth={w}
            strokeDasharray={dashArray([w * 4, w * 3])}
            strokeLinecap="round"
          />
          {targetEnd && (
            <text
              x={plot.right - f * 0.6}
              y={round2(g.yOf(targetEnd[1]) + f * 1.6)}
              textAnchor="end"
              fontSize={f * 0.9}
              fontWeight={700}
              fill={TARGET_COLOR}
            >
              {props.targetLabel}
            </text>
          )}
        </g>
      )}

      {spans.map((s) => {
        const cx = round2((g.xOf(s.start) + g.xOf(s.end)) / 2);
        const cy = round2(plot.bottom - f * 1.1);
        return (
          <g key={`span-no-${s.number}`}>
            <circle cx={cx} cy={cy} r={f * 0.85} fill={SPAN_COLOR} />
            <text x={cx} y={round2(cy + f * 0.35)} textAnchor="middle" fontSize={f} fontWeight={700} fill={CHART_COLORS.phaseText}>
              {s.number}
            </text>
          </g>
        );
      })}
      {notes.map((n) => {
        const x = round2(g.xOf(n.at));
        // Below the handover badge, which sits at the top of the plot.
        const cy = round2(plot.top + f * 2.6);
        const dark = n.kind === 'insight';
        return (
          <g key={`note-${n.id}`}>
            <line x1={x} x2={x} y1={cy + f * 0.8} y2={plot.bottom} stroke={CHART_COLORS.axisText} strokeWidth={1} strokeDasharray="2 3" strokeOpacity={0.7} />
            <circle cx={x} cy={cy} r={f * 0.8} fill={dark ? CHART_COLORS.phaseText : '#ffffff'} stroke={CHART_COLORS.phaseText} strokeWidth={1.5} />
            <text x={x} y={round2(cy + f * 0.3)} textAnchor="middle" fontSize={f * 0.8} fontWeight={700} fill={dark ? '#ffffff' : CHART_COLORS.phaseText}>
              {n.number}
            </text>
          </g>
        );
      })}

      {g.milestones.map((m) => {
        const color = m.isHandover ? CHART_COLORS.handover : CHART_COLORS.milestone;
        const r = f * 0.45;
        const fs = f * 0.92;
        return (
          <g key={`ms-label-${m.id}`}>
            <path
              d={`M${round2(m.x)} ${round2(plot.top - r)}L${round2(m.x + r)} ${plot.top}L${round2(m.x)} ${round2(plot.top + r)}L${round2(m.x - r)} ${plot.top}Z`}
              fill={color}
            />
            <text
              x={round2(m.x)}
              y={round2(plot.bottom + f * (0.9 + m.row * 1.5) + fs * 0.85)}
              textAnchor="middle"
              fontSize={round2(fs)}
              fontWeight={m.isHandover ? 700 : 400}
              fill={color}
            >
              {m.name}
            </text>
            {m.isHandover && (
              <text x={round2(m.x + 6)} y={round2(plot.top + 4 + f * 0.8)} fontSize={round2(f * 0.85)} fontWeight={700} fill={CHART_COLORS.handover}>
                {props.handoverBadge}
              </text>
            )}
          </g>
        );
      })}
      <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} fill="none" stroke={CHART_COLORS.gridMid} strokeWidth={1} />
      {props.gap && <GapStrip geometry={g} grid={grid} gap={props.gap} />}
    </g>
  );
}

function CurvePath({ geometry: g, curve, width }: { geometry: ChartGeometry; curve: ChartCurve; width: number }) {
  const first = curve.points[0];
  const last = curve.points[curve.points.length - 1];
  if (!first || !last || curve.points.length < 2) return null;
  const marker = curve.marker ?? 'none';
  const markerD = marker === 'none' ? '' : markerPath(marker, Math.max(6, width * 3.4));
  const stroked = markerIsStroked(marker);
  return (
    <g>
      <path
        d={curvePath(g, curve.points)}
        fill="none"
        stroke={curve.color}
        strokeWidth={width}
        strokeDasharray={dashArray(dashPattern(curve.lineStyle, width))}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx={round2(g.xOf(first[0]))} cy={round2(g.yOf(first[1]))} r={round2(width * 1.3)} fill={curve.color} />
      <circle cx={round2(g.xOf(last[0]))} cy={round2(g.yOf(last[1]))} r={round2(width * 1.3)} fill={curve.color} />
      {markerD &&
        (curve.markerPoints ?? []).map(([t, y], i) => (
          <path
            key={i}
            d={markerD}
            transform={`translate(${round2(g.xOf(t as TimePos))} ${round2(g.yOf(enthusiasm(y)))})`}
            fill={stroked ? 'none' : curve.color}
            stroke={stroked ? curve.color : '#ffffff'}
            strokeWidth={stroked ? 1.8 : 0.8}
          />
        ))}
    </g>
  );
}

/** A team line: thick, on a white halo, each piece as faint as the scene says (fewer of the team behind it). */
function TeamLinePaths({ geometry: g, grid, mean, width }: { geometry: ChartGeometry; grid: readonly TimePos[]; mean: ChartTeamMean; width: number }) {
  return (
    <g>
      {mean.segments.map((s) => {
        const d = seriesPath(g, grid.slice(s.from, s.to + 1), mean.mean.slice(s.from, s.to + 1));
        return (
          <g key={`${s.from}-${s.to}`} opacity={round2(s.opacity)}>
            <path d={d} fill="none" stroke={TEAM_LINE_HALO} strokeWidth={round2(width + Math.max(2, width * 0.6))} strokeLinecap="round" strokeLinejoin="round" strokeOpacity={0.9} />
            <path
              d={d}
              fill="none"
              stroke={mean.color}
              strokeWidth={round2(width)}
              strokeDasharray={dashArray(dashPattern(mean.lineStyle, width))}
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </g>
        );
      })}
    </g>
  );
}

/** The handover drop: a dashed level line, an arrow down by the drop, and its size. */
function DropMark({ geometry: g, drop }: { geometry: ChartGeometry; drop: ChartDrop }) {
  const f = g.style.fontSize;
  const x0 = g.xOf(drop.at);
  const x1 = g.xOf(drop.lowAt);
  const y0 = g.yOf(enthusiasm(drop.from));
  const y1 = g.yOf(enthusiasm(drop.to));
  const head = f * 0.55;
  const place = dropLabelPlace(g, x0, x1, y0, y1, drop.label);
  return (
    <g>
      <line x1={round2(x0 - f)} x2={round2(x1 + f * 0.6)} y1={round2(y0)} y2={round2(y0)} stroke={drop.color} strokeWidth={1.2} strokeDasharray="3 3" />
      <line x1={round2(x1)} x2={round2(x1)} y1={round2(y0)} y2={round2(y1 - head)} stroke={drop.color} strokeWidth={2} />
      <path d={`M${round2(x1 - head / 2)} ${round2(y1 - head)}L${round2(x1 + head / 2)} ${round2(y1 - head)}L${round2(x1)} ${round2(y1)}Z`} fill={drop.color} />
      <rect
        x={round2(place.box.x)}
        y={round2(place.box.y)}
        width={round2(place.box.width)}
        height={round2(place.box.height)}
        rx={place.box.radius}
        fill="#ffffff"
        fillOpacity={place.box.opacity}
      />
      <text x={round2(place.x)} y={round2(place.mid + f * 0.35)} fontSize={f} fontWeight={700} fill={drop.color}>
        {drop.label}
      </text>
    </g>
  );
}

/** The Sales–PS gap under the chart: above the middle line where the first team saw more. */
function GapStrip({ geometry: g, grid, gap }: { geometry: ChartGeometry; grid: readonly TimePos[]; gap: ChartGap }) {
  const strip = g.strip;
  if (!strip) return null;
  const f = g.style.fontSize;
  const mid = (strip.top + strip.bottom) / 2;
  const half = (strip.bottom - strip.top) / 2;
  return (
    <g>
      <rect x={strip.left} y={strip.top} width={strip.right - strip.left} height={strip.bottom - strip.top} fill={CHART_COLORS.band} />
      <path d={gapAreaPath(g, grid, gap.values, mid, half, 1)} fill={gap.colorA} fillOpacity={0.75} />
      <path d={gapAreaPath(g, grid, gap.values, mid, half, -1)} fill={gap.colorB} fillOpacity={0.75} />
      <line x1={strip.left} x2={strip.right} y1={mid} y2={mid} stroke={CHART_COLORS.gridMid} strokeWidth={1} />
      <text x={strip.left - f * 0.8} y={round2(mid + f * 0.32)} textAnchor="end" fontSize={round2(f * 0.9)} fill={CHART_COLORS.axisText}>
        {gap.label}
      </text>
    </g>
  );
}

export interface ChartSvgProps extends ChartLayersProps {
  /** Accessible name of the picture. */
  readonly label: string;
  readonly fontFamily: string;
  readonly className?: string;
  readonly children?: ReactNode;
}

/** The chart as an inline <svg> that scales to its box (the report page). */
export function ChartSvg({ label, fontFamily, className, ...layers }: ChartSvgProps) {
  const g = layers.geometry;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${g.width} ${g.height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={label}
      fontFamily={fontFamily}
    >
      <ChartLayers {...layers} />
    </svg>
  );
}
