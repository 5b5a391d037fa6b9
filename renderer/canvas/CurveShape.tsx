import { memo, useMemo } from 'react';
import type Konva from 'konva';
import { Shape } from 'react-konva';
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
 *
 * One Konva shape draws all of it, in the order a group of casing, line and
 * two dots would: the chart does not listen to events, so nothing needs a
 * node of its own, and each node costs on every reveal (making it, a hit
 * colour, a transform, a save and restore per draw). At 50 curves that was
 * 250 nodes; in a CPU profile of the room screen revealing them all at once,
 * making them took 21 ms, and drawing them 9 ms more than tracing the paths.
 */
export const CurveShape = memo(function CurveShape({ geometry: g, points, color, lineStyle, faded, width, opacity }: Props) {
  const w = width ?? g.style.curveWidth;
  const path = useMemo(() => recordPath((sink) => curveLine(g).context(sink as unknown as CanvasRenderingContext2D)(points as CurvePoint[])), [g, points]);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  // High contrast: a dark outline under the line (same dashes), so light colours hold on white.
  const casing = g.style.casing;
  const outline = Math.max(2, w * 0.35);
  const dash = dashPattern(lineStyle, w);
  const ends = [
    [g.xOf(first[0]), g.yOf(first[1])],
    [g.xOf(last[0]), g.yOf(last[1])],
  ] as const;
  // The strokes along the path, bottom first: the casing (if any), then the line.
  const strokes: readonly (readonly [string, number])[] = casing ? [[casing, w + outline * 2], [color, w]] : [[color, w]];
  const draw = (ctx: Konva.Context) => {
    const c = ctx._context;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.setLineDash(dash);
    for (const [style, lineWidth] of strokes) {
      c.beginPath();
      tracePath(c, path);
      c.strokeStyle = style;
      c.lineWidth = lineWidth;
      c.stroke();
    }
    // The end dots, ringed in the casing: under a fade, the ring overlaps the dot as the casing overlaps the line.
    c.setLineDash([]);
    c.fillStyle = color;
    if (casing) {
      c.strokeStyle = casing;
      c.lineWidth = outline;
    }
    for (const [x, y] of ends) {
      c.beginPath();
      c.arc(x, y, w * 1.3, 0, Math.PI * 2);
      c.closePath();
      c.fill();
      if (casing) c.stroke();
    }
  };
  // Konva saves and restores the context around the shape, and sets the opacity as its alpha.
  return <Shape opacity={opacity ?? (faded ? 0.3 : 1)} perfectDrawEnabled={false} sceneFunc={draw} />;
});
