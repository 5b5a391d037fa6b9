/** How the live stroke looks: the drawer's colour, the committed curve's width, at the display's pixel ratio. */
export interface LiveStrokeStyle {
  readonly color: string;
  readonly width: number;
  readonly ratio: number;
}

/**
 * Strokes line segments onto one tile of the live stroke. `segments` holds
 * x0, y0, x1, y1 per segment in CSS pixels of the chart; the tile's top-left
 * corner sits at (left, top). What is on the tile stays: each call adds.
 * The same code draws on the page's thread and in the live-stroke worker.
 */
export function strokeSegments(
  ctx: OffscreenCanvasRenderingContext2D,
  left: number,
  top: number,
  segments: ArrayLike<number>,
  style: LiveStrokeStyle,
): void {
  ctx.setTransform(style.ratio, 0, 0, style.ratio, -left * style.ratio, -top * style.ratio);
  ctx.beginPath();
  for (let i = 0; i + 3 < segments.length; i += 4) {
    ctx.moveTo(segments[i]!, segments[i + 1]!);
    ctx.lineTo(segments[i + 2]!, segments[i + 3]!);
  }
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke();
}

/**
 * The segments of a stroke from point `from` on, with the tiles each one
 * crosses: `visit(col, row, x0, y0, x1, y1)` for every tile (of `tileSize`
 * CSS pixels) within `reach` of a segment. `points` holds x and y per point;
 * the first point alone is a dot (the pen went down), after that each
 * segment runs from the point before.
 */
export function forEachTileSegment(
  points: ArrayLike<number>,
  from: number,
  tileSize: number,
  reach: number,
  visit: (col: number, row: number, x0: number, y0: number, x1: number, y1: number) => void,
): void {
  const count = Math.floor(points.length / 2);
  for (let k = from; k < count; k++) {
    const j = Math.max(0, k - 1);
    const ax = points[2 * j]!;
    const ay = points[2 * j + 1]!;
    const bx = points[2 * k]!;
    const by = points[2 * k + 1]!;
    const c0 = Math.floor((Math.min(ax, bx) - reach) / tileSize);
    const c1 = Math.floor((Math.max(ax, bx) + reach) / tileSize);
    const r0 = Math.floor((Math.min(ay, by) - reach) / tileSize);
    const r1 = Math.floor((Math.max(ay, by) + reach) / tileSize);
    for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) visit(c, r, ax, ay, bx, by);
  }
}

/** How far from a segment its stroke reaches: half the line, its round cap, and a pixel of antialiasing. */
export const strokeReach = (style: LiveStrokeStyle): number => style.width / 2 + 2;
