import type { TFunction } from 'i18next';
import { estimateTextWidth, type ChartStyle } from '../canvas/chartGeometry';
import type { Id, LineStyle, Session } from '../domain';
import { markerPoints, participantStyles, type MarkerShape } from '../scene/markers';
import type { ChartCurve } from './ChartSvg';
import { chartRound, drawnByTeam, reportTitle, type TeamGroup } from './reportFormat';

/**
 * The chart as a file of its own, for slides: title, the overlay of the
 * round's curves, and a legend below that wraps into as many rows as the
 * participants need. This file lays it out (pure, and light enough for the
 * export dialog to ask for the picture's size); ChartFigure.tsx draws it.
 */

export const FIGURE_WIDTH = 1280;
export const CHART_HEIGHT = 600;
export const PAD = 28;
export const TITLE_SIZE = 24;
export const SUBTITLE_SIZE = 15;
export const HEADER_HEIGHT = 84;
export const LEGEND_FONT = 14;
export const LEGEND_ROW = 24;
const LEGEND_TEAM_WIDTH = 170;
export const SAMPLE_WIDTH = 30;
export const FIGURE_STYLE: ChartStyle = { fontSize: 15, curveWidth: 3 };

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
  readonly items: readonly { id: Id; name: string; color: string; lineStyle: LineStyle; marker: MarkerShape; x: number }[];
}

export interface LegendLayout {
  readonly rows: readonly LegendRow[];
  readonly height: number;
  readonly itemWidth: number;
}

/** The text estimate is an average; a legend column leaves this much more, so a name of wide letters still fits. */
const NAME_SAFETY = 1.1;

/**
 * Teams one under the other, each team's names in columns of equal width
 * that wrap onto further rows: 40 people stay legible instead of running
 * off the picture. A column is as wide as the longest name (up to the
 * whole width, so a name of 40 characters is never cut), and each person
 * shows their marker.
 */
export function layoutLegend(groups: readonly TeamGroup[], width: number, session?: Session): LegendLayout {
  const available = width - 2 * PAD - LEGEND_TEAM_WIDTH;
  const styles = session ? participantStyles(session) : new Map<Id, { marker: MarkerShape }>();
  const longest = Math.max(0, ...groups.flatMap((g) => g.participants.map((p) => estimateTextWidth(p.name, LEGEND_FONT) * NAME_SAFETY)));
  const itemWidth = Math.min(available, Math.max(120, longest + SAMPLE_WIDTH + 22));
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
          marker: styles.get(p.id)?.marker ?? 'none',
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
  const styles = participantStyles(session);
  const ofRound = new Map(session.curves.filter((c) => c.roundId === round.id).map((c) => [c.participantId, c] as const));
  const curves: ChartCurve[] = session.participants.flatMap((p) => {
    const curve = ofRound.get(p.id);
    const style = styles.get(p.id);
    if (!curve || !style) return [];
    return [{ id: p.id, color: style.color, lineStyle: style.lineStyle, points: curve.points, marker: style.marker, markerPoints: markerPoints(curve.points, style.marker, style.place) }];
  });
  const legend = layoutLegend(drawnByTeam(session, round.id), FIGURE_WIDTH, session);
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

/** Pixel size of the PNG at a scale, for the export dialog. */
export function chartPixelSize(session: Session, roundId: Id | null, t: TFunction, scale: number): { width: number; height: number } {
  const model = chartFigureModel(session, roundId, t);
  return { width: model.width * scale, height: model.height * scale };
}
