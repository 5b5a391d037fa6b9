import { renderToStaticMarkup } from 'react-dom/server';
import type { TFunction } from 'i18next';
import { dashPattern, estimateTextWidth, layoutChart, type ChartStyle } from '../canvas/chartGeometry';
import { CHART_COLORS } from '../canvas/colors';
import type { Id, LineStyle, Session } from '../domain';
import { ChartLayers, type ChartCurve } from './ChartSvg';
import { chartRound, drawnByTeam, reportTitle, type TeamGroup } from './reportFormat';
import { dashArray } from './svgPaths';

/**
 * The chart as a file of its own, for slides: title, the overlay of the
 * round's curves, and a legend below that wraps into as many rows as the
 * participants need. Rendered to a standalone SVG string (react-dom/server)
 * that is also the source of the PNG export, so both show the same picture.
 */

export const FIGURE_WIDTH = 1280;
const CHART_HEIGHT = 600;
const PAD = 28;
const TITLE_SIZE = 24;
const SUBTITLE_SIZE = 15;
const HEADER_HEIGHT = 84;
const LEGEND_FONT = 14;
const LEGEND_ROW = 24;
const LEGEND_TEAM_WIDTH = 170;
const SAMPLE_WIDTH = 30;
const FIGURE_STYLE: ChartStyle = { fontSize: 15, curveWidth: 3 };

/**
 * Font family for SVG files: the bundled Inter by name, then what every
 * system has. The file embeds Inter as @font-face, so browsers draw it as the
 * report does; programs that ignore embedded fonts (some slide tools) fall
 * back to a sans-serif and keep the layout readable.
 */
export const FIGURE_FONT = "Inter, 'Helvetica Neue', Arial, sans-serif";

interface LegendRow {
  readonly y: number;
  readonly team?: { name: string; lineStyle: LineStyle };
  readonly items: readonly { id: Id; name: string; color: string; lineStyle: LineStyle; x: number }[];
}

export interface LegendLayout {
  readonly rows: readonly LegendRow[];
  readonly height: number;
  readonly itemWidth: number;
}

/**
 * Teams one under the other, each team's names in columns of equal width
 * that wrap onto further rows: 40 people stay legible instead of running
 * off the picture.
 */
export function layoutLegend(groups: readonly TeamGroup[], width: number): LegendLayout {
  const available = width - 2 * PAD - LEGEND_TEAM_WIDTH;
  const longest = Math.max(0, ...groups.flatMap((g) => g.participants.map((p) => estimateTextWidth(p.name, LEGEND_FONT))));
  const itemWidth = Math.min(260, Math.max(120, longest + SAMPLE_WIDTH + 22));
  const columns = Math.max(1, Math.floor(available / itemWidth));
  const rows: LegendRow[] = [];
  let y = 0;
  for (const { team, participants } of groups) {
    for (let start = 0; start < participants.length; start += columns) {
      rows.push({
        y,
        team: start === 0 ? { name: team.name, lineStyle: team.lineStyle } : undefined,
        items: participants.slice(start, start + columns).map((p, i) => ({
          id: p.id,
          name: p.name,
          color: p.color,
          lineStyle: team.lineStyle,
          x: PAD + LEGEND_TEAM_WIDTH + i * itemWidth,
        })),
      });
      y += LEGEND_ROW;
    }
    y += 6;
  }
  return { rows, height: rows.length === 0 ? 0 : y + 8, itemWidth };
}

export interface ChartFigureTexts {
  readonly handoverBadge: string;
  readonly target: string;
  readonly title: string;
  readonly subtitle: string;
  readonly label: string;
}

export interface ChartFigureModel {
  readonly width: number;
  readonly height: number;
  readonly session: Session;
  readonly curves: readonly ChartCurve[];
  readonly legend: LegendLayout;
  readonly texts: ChartFigureTexts;
}

export function chartFigureModel(session: Session, roundId: Id | null, t: TFunction): ChartFigureModel {
  const round = chartRound(session, roundId);
  const teams = new Map(session.teams.map((tm) => [tm.id, tm] as const));
  const curves = session.participants.flatMap((p) => {
    const curve = session.curves.find((c) => c.participantId === p.id && c.roundId === round.id);
    const team = teams.get(p.teamId);
    return curve && team ? [{ id: p.id, color: p.color, lineStyle: team.lineStyle, points: curve.points }] : [];
  });
  const legend = layoutLegend(drawnByTeam(session, round.id), FIGURE_WIDTH);
  return {
    width: FIGURE_WIDTH,
    height: HEADER_HEIGHT + CHART_HEIGHT + legend.height + PAD / 2,
    session,
    curves,
    legend,
    texts: {
      handoverBadge: t('report.chart.handoverBadge'),
      target: t('report.chart.target'),
      title: reportTitle(session, t),
      subtitle: round.question,
      label: t('report.chart.label', { question: round.question }),
    },
  };
}

function Sample({ x, y, color, lineStyle }: { x: number; y: number; color: string; lineStyle: LineStyle }) {
  const w = 3;
  return (
    <line
      x1={x}
      y1={y}
      x2={x + SAMPLE_WIDTH - 6}
      y2={y}
      stroke={color}
      strokeWidth={w}
      strokeLinecap="round"
      strokeDasharray={dashArray(dashPattern(lineStyle, w))}
    />
  );
}

/** The standalone figure; `fontCss` (embedded @font-face rules) goes into the file's own <style>. */
export function ChartFigure({ model, fontCss }: { model: ChartFigureModel; fontCss: string | null }) {
  const { session, texts, legend } = model;
  const geometry = layoutChart(
    model.width,
    CHART_HEIGHT,
    session.timeline.phases,
    session.timeline.milestones,
    session.timeline.handoverId,
    [session.scale.low, session.scale.mid, session.scale.high],
    FIGURE_STYLE,
  );
  const legendTop = HEADER_HEIGHT + CHART_HEIGHT + 4;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={model.width}
      height={model.height}
      viewBox={`0 0 ${model.width} ${model.height}`}
      fontFamily={FIGURE_FONT}
      role="img"
      aria-label={texts.label}
    >
      <title>{`${texts.title} – ${texts.subtitle}`}</title>
      {fontCss && (
        <defs>
          <style>{fontCss}</style>
        </defs>
      )}
      <rect x={0} y={0} width={model.width} height={model.height} fill={CHART_COLORS.background} />
      <text x={PAD} y={PAD + TITLE_SIZE * 0.8} fontSize={TITLE_SIZE} fontWeight={700} fill={CHART_COLORS.phaseText}>
        {texts.title}
      </text>
      <text x={PAD} y={PAD + TITLE_SIZE + 8 + SUBTITLE_SIZE * 0.8} fontSize={SUBTITLE_SIZE} fill={CHART_COLORS.axisText}>
        {texts.subtitle}
      </text>
      <g transform={`translate(0 ${HEADER_HEIGHT})`}>
        <ChartLayers
          geometry={geometry}
          scale={session.scale}
          handoverBadge={texts.handoverBadge}
          targetLabel={texts.target}
          curves={model.curves}
        />
      </g>
      <g transform={`translate(0 ${legendTop})`} fontSize={LEGEND_FONT} fill={CHART_COLORS.phaseText}>
        {legend.rows.map((row, r) => (
          <g key={r}>
            {row.team && (
              <>
                <Sample x={PAD} y={row.y + LEGEND_ROW / 2} color={CHART_COLORS.axisText} lineStyle={row.team.lineStyle} />
                <text x={PAD + SAMPLE_WIDTH} y={row.y + LEGEND_ROW / 2 + LEGEND_FONT * 0.35} fontWeight={700}>
                  {row.team.name}
                </text>
              </>
            )}
            {row.items.map((item) => (
              <g key={item.id}>
                <Sample x={item.x} y={row.y + LEGEND_ROW / 2} color={item.color} lineStyle={item.lineStyle} />
                <text x={item.x + SAMPLE_WIDTH} y={row.y + LEGEND_ROW / 2 + LEGEND_FONT * 0.35}>
                  {fitName(item.name, legend.itemWidth - SAMPLE_WIDTH - 10)}
                </text>
              </g>
            ))}
          </g>
        ))}
      </g>
    </svg>
  );
}

function fitName(name: string, width: number): string {
  if (estimateTextWidth(name, LEGEND_FONT) <= width) return name;
  let s = name;
  while (s.length > 1 && estimateTextWidth(`${s}…`, LEGEND_FONT) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** The figure as the text of an .svg file. */
export function renderChartFigureSvg(model: ChartFigureModel, fontCss: string | null): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToStaticMarkup(<ChartFigure model={model} fontCss={fontCss} />)}\n`;
}

/** Whether the figure's text needs Inter's latin-ext subset (Ł, ő, ș, …) besides the basic latin one. */
export function needsLatinExt(model: ChartFigureModel): boolean {
  const s = model.session;
  const texts = [
    model.texts.title,
    model.texts.subtitle,
    ...s.participants.map((p) => p.name),
    ...s.teams.map((tm) => tm.name),
    ...s.timeline.phases.map((p) => p.name),
    ...s.timeline.milestones.map((m) => m.name),
    s.scale.low,
    s.scale.mid,
    s.scale.high,
  ];
  return texts.some((text) => /[\u0100-\u02ff\u1e00-\u1eff\u20a0-\u20c0\u2c60-\u2c7f\ua720-\ua7ff]/.test(text));
}
