import { renderToStaticMarkup } from 'react-dom/server';
import { dashPattern, estimateTextWidth, layoutChart } from '../canvas/chartGeometry';
import { CHART_COLORS } from '../canvas/colors';
import type { LineStyle } from '../domain';
import { markerIsStroked, markerPath, type MarkerShape } from '../scene/markers';
import { ChartLayers } from './ChartSvg';
import {
  CHART_HEIGHT,
  FIGURE_FONT,
  FIGURE_STYLE,
  HEADER_HEIGHT,
  LEGEND_FONT,
  LEGEND_ROW,
  PAD,
  SAMPLE_WIDTH,
  SUBTITLE_SIZE,
  TITLE_SIZE,
  type ChartFigureModel,
} from './chartFigureModel';
import { dashArray } from './svgPaths';

/**
 * The standalone chart figure (title, overlay, legend; laid out in
 * chartFigureModel.ts) as SVG, rendered to a string with react-dom/server:
 * the .svg file and the source of the PNG export, so both show the same
 * picture.
 */

function Sample({ x, y, color, lineStyle, marker = 'none' }: { x: number; y: number; color: string; lineStyle: LineStyle; marker?: MarkerShape }) {
  const w = 3;
  return (
    <>
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
      {marker !== 'none' && (
        <path
          d={markerPath(marker, 9)}
          transform={`translate(${x + (SAMPLE_WIDTH - 6) / 2} ${y})`}
          fill={markerIsStroked(marker) ? 'none' : color}
          stroke={markerIsStroked(marker) ? color : '#ffffff'}
          strokeWidth={markerIsStroked(marker) ? 2 : 0.8}
        />
      )}
    </>
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
                <Sample x={item.x} y={row.y + LEGEND_ROW / 2} color={item.color} lineStyle={item.lineStyle} marker={item.marker} />
                <text x={item.x + SAMPLE_WIDTH} y={row.y + LEGEND_ROW / 2 + LEGEND_FONT * 0.35}>
                  {item.name}
                </text>
              </g>
            ))}
          </g>
        ))}
      </g>
    </svg>
  );
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
