import { RASTER_METHODS } from './layerRasterProtocol';
import { appendRecordedPath } from './layerRecorder';

/**
 * A path worked out once and traced many times. d3-shape's monotone cubic
 * costs a few microseconds per point, and a chart of 50 curves traced it
 * twice per curve (casing and line) on every redraw: a highlight change on
 * the room screen spent a quarter of its frame there. A curve's path depends
 * only on its points and the chart geometry, so it is written down once, in
 * the layer recorder's call format ([code, count, arguments…], codes from
 * RASTER_METHODS), and traced from that: onto a real context call by call,
 * onto a recording one in a single copy.
 */
export type PathCommands = Float64Array;

/** What d3-shape's line and area generators draw a path with. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  bezierCurveTo(cp1x: number, cp1y: number, cp2x: number, cp2y: number, x: number, y: number): void;
  closePath(): void;
}

const code = (name: (typeof RASTER_METHODS)[number]) => RASTER_METHODS.indexOf(name);
const MOVE_TO = code('moveTo');
const LINE_TO = code('lineTo');
const QUADRATIC_CURVE_TO = code('quadraticCurveTo');
const BEZIER_CURVE_TO = code('bezierCurveTo');
const CLOSE_PATH = code('closePath');

/** Writes down the path `draw` traces on the sink it is given. */
export function recordPath(draw: (sink: PathSink) => void): PathCommands {
  const out: number[] = [];
  draw({
    moveTo: (x, y) => void out.push(MOVE_TO, 2, x, y),
    lineTo: (x, y) => void out.push(LINE_TO, 2, x, y),
    quadraticCurveTo: (a, b, x, y) => void out.push(QUADRATIC_CURVE_TO, 4, a, b, x, y),
    bezierCurveTo: (a, b, c, d, x, y) => void out.push(BEZIER_CURVE_TO, 6, a, b, c, d, x, y),
    closePath: () => void out.push(CLOSE_PATH, 0),
  });
  return Float64Array.from(out);
}

/**
 * Traces a written-down path onto a 2D context (the raw one under Konva's wrapper): a layer recorder
 * takes it in one copy, any other context call by call.
 */
export function tracePath(context: PathSink, path: PathCommands): void {
  if (appendRecordedPath(context, path)) return;
  let i = 0;
  while (i < path.length) {
    const c = path[i]!;
    const at = i + 2;
    if (c === BEZIER_CURVE_TO) context.bezierCurveTo(path[at]!, path[at + 1]!, path[at + 2]!, path[at + 3]!, path[at + 4]!, path[at + 5]!);
    else if (c === LINE_TO) context.lineTo(path[at]!, path[at + 1]!);
    else if (c === MOVE_TO) context.moveTo(path[at]!, path[at + 1]!);
    else if (c === QUADRATIC_CURVE_TO) context.quadraticCurveTo(path[at]!, path[at + 1]!, path[at + 2]!, path[at + 3]!);
    else context.closePath();
    i = at + path[i + 1]!;
  }
}
