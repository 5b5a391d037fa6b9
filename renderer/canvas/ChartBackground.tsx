import { Fragment, memo } from 'react';
import { Group, Line, Rect, RegularPolygon, Text } from 'react-konva';
import { enthusiasm } from '../domain';
import { estimateTextWidth, type ChartGeometry } from './chartGeometry';
import { CHART_COLORS } from './colors';

interface Props {
  readonly geometry: ChartGeometry;
  /** Verbal anchors at 0, 0.5, 1. */
  readonly scale: { low: string; mid: string; high: string };
  readonly handoverBadge: string;
  readonly fontFamily: string;
}

/** Phases as named bands, the scale with its anchors, a light grid, milestones with the handover marked. Memoised: it is the costliest layer and changes only with the timeline, the scale or the size. */
export const ChartBackground = memo(function ChartBackground({ geometry: g, scale, handoverBadge, fontFamily }: Props) {
  const f = g.style.fontSize;
  const { plot } = g;
  const colors = g.style.colors ?? CHART_COLORS;
  // Lines grow with the type (1 px on the laptop), so the room screen's grid doesn't vanish.
  const lw = Math.max(1, f / 13);
  const anchors = [
    { level: 0, text: scale.low },
    { level: 0.5, text: scale.mid },
    { level: 1, text: scale.high },
  ];
  return (
    <Group>
      <Rect x={0} y={0} width={g.width} height={g.height} fill={colors.background} />
      {g.phases.map((band) => {
        const fit = fitPhaseLabel(band.name, band.x1 - band.x0 - 6, f, fontFamily);
        return (
          <Fragment key={band.id}>
            {band.shaded && (
              <Rect x={band.x0} y={plot.top} width={band.x1 - band.x0} height={plot.bottom - plot.top} fill={colors.band} />
            )}
            {/* Up to two lines, so narrow phases keep their names readable. */}
            <Text
              x={band.x0 + 3}
              y={plot.top - f * 3.1}
              width={Math.max(0, band.x1 - band.x0 - 6)}
              height={f * 2.5}
              text={band.name}
              align="center"
              verticalAlign="bottom"
              fontSize={fit.fontSize}
              lineHeight={1.15}
              fontStyle="600"
              fontFamily={fontFamily}
              fill={colors.phaseText}
              ellipsis
              wrap={fit.wrap}
            />
            <Line points={[band.x0, plot.top - f * 0.6, band.x0, plot.bottom]} stroke={colors.grid} strokeWidth={lw} />
          </Fragment>
        );
      })}
      {g.gridLevels.map((level) => (
        <Line
          key={level}
          points={[plot.left, g.yOf(level), plot.right, g.yOf(level)]}
          stroke={level === 0.5 ? colors.gridMid : colors.grid}
          strokeWidth={lw}
          dash={level === 0.5 ? [6 * lw, 4 * lw] : []}
        />
      ))}
      {anchors.map((a) => (
        <Text
          key={a.level}
          x={0}
          y={g.yOf(enthusiasm(a.level)) - f / 2}
          width={plot.left - f * 0.8}
          align="right"
          text={a.text}
          fontSize={f}
          fontFamily={fontFamily}
          fill={colors.axisText}
        />
      ))}
      {g.milestones.map((m) => {
        const color = m.isHandover ? colors.handover : colors.milestone;
        const labelY = plot.bottom + f * (0.9 + m.row * 1.5);
        const label = `◆ ${m.name}`;
        // Bold labels run wider than the estimate: a tenth more, so centring never clips them.
        const labelWidth = estimateTextWidth(label, f) * 1.1 + 8;
        return (
          <Group key={m.id}>
            <Line
              points={[m.x, plot.top, m.x, plot.bottom]}
              stroke={color}
              strokeWidth={(m.isHandover ? 2.5 : 1.5) * lw}
              dash={m.isHandover ? [] : [5 * lw, 4 * lw]}
            />
            <RegularPolygon x={m.x} y={plot.top} sides={4} radius={f * 0.45} fill={color} />
            <Text
              x={m.x - labelWidth / 2}
              y={labelY}
              width={labelWidth}
              align="center"
              text={label}
              fontSize={f * 0.92}
              fontStyle={m.isHandover ? 'bold' : 'normal'}
              fontFamily={fontFamily}
              fill={color}
            />
            {m.isHandover && (
              <Text
                x={m.x + 6}
                // Below the row of note pins at the top edge, so a pin never covers it.
                y={plot.top + f * 1.3}
                text={handoverBadge}
                fontSize={f * 0.85}
                fontStyle="bold"
                fontFamily={fontFamily}
                fill={colors.handover}
              />
            )}
          </Group>
        );
      })}
      <Rect
        x={plot.left}
        y={plot.top}
        width={plot.right - plot.left}
        height={plot.bottom - plot.top}
        stroke={colors.gridMid}
        strokeWidth={lw}
      />
    </Group>
  );
});

let measuring: CanvasRenderingContext2D | null | undefined;

/** Width of a text in the phase labels' type; a rough estimate where no canvas can measure. */
function labelWidth(text: string, size: number, fontFamily: string): number {
  measuring ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * size * 0.62;
  measuring.font = `600 ${size}px ${fontFamily}`;
  return measuring.measureText(text).width;
}

/**
 * Phase labels wrap at spaces; a single word wider than its phase would be cut
 * mid-word ("Erstkonta|kt", issue 10), so the type shrinks until the longest
 * word fits, down to 70 % of the base size; a word that still does not fit
 * makes the label one line ending in "…", never a broken word.
 */
export function fitPhaseLabel(name: string, width: number, base: number, fontFamily: string): { fontSize: number; wrap: 'word' | 'none' } {
  const longest = Math.max(1, ...name.split(/\s+/).map((word) => labelWidth(word, base, fontFamily)));
  const fontSize = Math.max(base * 0.7, Math.min(base, (base * width) / longest));
  return { fontSize, wrap: (longest * fontSize) / base <= width ? 'word' : 'none' };
}
