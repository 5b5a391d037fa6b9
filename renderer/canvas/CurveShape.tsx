import { memo, useMemo } from 'react';
import type Konva from 'konva';
import { Circle, Group, Shape } from 'react-konva';
import type { CurvePoint, LineStyle } from '../domain';
import { dashPattern, type ChartGeometry } from './chartGeometry';
import { curveLine } from './chartShapes';
import { recordPath, tracePath } from './pathCommands';

interface Props {
  readonly geometry: ChartGeometry;
  readonly points: readonly CurvePoint[];
  readonly color: string;
  readonly lineStyle: LineStyle;
  readonly faded: boolean;
  readonly width?: number;
  /** Overrides the faded/unfaded opacity (highlighting in the compare view). */
  readonly opacity?: number;
}

/**
 * A finished curve: monotone cubic through the stored points (d3-shape's,
 * worked out once per points and geometry, then traced from that for the
 * casing, the line and every redraw), in the participant's colour and the
 * team's line style, with a dot where it starts and ends so a partial
 * curve's span is plain to see.
 */
export const CurveShape = memo(function CurveShape({ geometry: g, points, color, lineStyle, faded, width, opacity }: Props) {
  const w = width ?? g.style.curveWidth;
  const path = useMemo(() => recordPath((sink) => curveLine(g).context(sink as unknown as CanvasRenderingContext2D)(points as CurvePoint[])), [g, points]);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const trace = (ctx: Konva.Context, shape: Konva.Shape) => {
    ctx.beginPath();
    tracePath(ctx._context, path);
    ctx.strokeShape(shape);
  };
  // High contrast: a dark outline under the line (same dashes), so light colours hold on white.
  const casing = g.style.casing;
  const outline = Math.max(2, w * 0.35);
  return (
    <Group opacity={opacity ?? (faded ? 0.3 : 1)}>
      {casing && (
        <Shape
          stroke={casing}
          strokeWidth={w + outline * 2}
          lineCap="round"
          lineJoin="round"
          dash={dashPattern(lineStyle, w)}
          perfectDrawEnabled={false}
          sceneFunc={trace}
        />
      )}
      <Shape
        stroke={color}
        strokeWidth={w}
        lineCap="round"
        lineJoin="round"
        dash={dashPattern(lineStyle, w)}
        perfectDrawEnabled={false}
        sceneFunc={trace}
      />
      {/* Under a fade, the ring overlaps the dot as the casing overlaps the line: no buffer canvas per dot
          (Konva's perfect drawing), which cost the room screen 200 small canvases per highlight change. */}
      <Circle x={g.xOf(first[0])} y={g.yOf(first[1])} radius={w * 1.3} fill={color} stroke={casing} strokeWidth={casing ? outline : 0} perfectDrawEnabled={false} />
      <Circle x={g.xOf(last[0])} y={g.yOf(last[1])} radius={w * 1.3} fill={color} stroke={casing} strokeWidth={casing ? outline : 0} perfectDrawEnabled={false} />
    </Group>
  );
});
