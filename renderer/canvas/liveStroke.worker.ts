/**
 * The live-stroke worker: owns each chart's grid of tile canvases
 * (liveStrokeTiles.ts) and draws a stroke's new segments onto the tiles they
 * cross. Its canvases reach the screen without the page's main thread, so
 * drawing costs that thread only the pointer events and a message with each
 * one's new points. The worker draws in its own animation frames: that is when a
 * worker's canvases are handed to the compositor, every change included.
 */
import { forEachTileSegment, strokeReach, strokeSegments, type LiveStrokeStyle } from './liveStrokeDraw';
import { LiveStrokeToWorker } from './liveStrokeProtocol';

interface Tile {
  readonly canvas: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D | null;
  readonly left: number;
  readonly top: number;
}

/** One chart's grid and stroke. */
interface Chart {
  readonly tiles: Map<string, Tile>;
  readonly tileSize: number;
  style: LiveStrokeStyle;
  /** The stroke's points so far (x, y interleaved), how many of them are drawn, and the tiles drawn on. */
  points: number[];
  painted: number;
  /** The tiles drawn on are to be cleared in the next frame. */
  clear: boolean;
  readonly drawn: Set<Tile>;
  /** Between a stroke's begin and its clear. */
  stroking: boolean;
  /** Replaced by a new grid, or the chart is gone. */
  gone: boolean;
}

const charts = new Map<number, Chart>();

function clearDrawn(chart: Chart): void {
  for (const tile of chart.drawn) {
    // In device pixels of the tile: the drawing's transform (which moves the chart to the tile) does not apply.
    tile.ctx?.setTransform(1, 0, 0, 1, 0, 0);
    tile.ctx?.clearRect(0, 0, tile.canvas.width, tile.canvas.height);
  }
  chart.drawn.clear();
}

function drawNewPoints(chart: Chart): void {
  const from = chart.painted;
  chart.painted = chart.points.length / 2;
  if (from === chart.painted) return;
  const byTile = new Map<Tile, number[]>();
  forEachTileSegment(chart.points, from, chart.tileSize, strokeReach(chart.style), (col, row, x0, y0, x1, y1) => {
    const tile = chart.tiles.get(`${col},${row}`);
    if (!tile) return;
    let list = byTile.get(tile);
    if (!list) byTile.set(tile, (list = []));
    list.push(x0, y0, x1, y1);
  });
  for (const [tile, segments] of byTile) {
    tile.ctx ??= tile.canvas.getContext('2d');
    if (!tile.ctx) continue;
    strokeSegments(tile.ctx, tile.left, tile.top, segments, chart.style);
    chart.drawn.add(tile);
  }
}

let frameRequested = false;
function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(frame);
}

/** One frame: what each chart was told since the last one, then a little warming up. */
function frame(): void {
  frameRequested = false;
  for (const chart of charts.values()) {
    if (chart.clear) {
      clearDrawn(chart);
      chart.clear = false;
    }
    drawNewPoints(chart);
  }
  warmSome();
}

/**
 * Gives every tile of a new grid a first, blank frame, two tiles a frame and only while nobody draws: a
 * tile's first frame makes the page lay out and paint again (1–3 ms of its main thread at 4K), which would
 * otherwise happen under the pen. (A touched pixel, cleared again: clearing alone leaves the surface unmade.)
 */
const warming: { chart: Chart; tile: Tile }[] = [];
function warmUp(chart: Chart): void {
  for (const tile of chart.tiles.values()) warming.push({ chart, tile });
  requestFrame();
}
function warmSome(): void {
  let done = 0;
  while (done < 2 && warming.length > 0 && !warming[0]!.chart.stroking) {
    const { chart, tile } = warming.shift()!;
    if (tile.ctx || chart.gone) continue;
    tile.ctx = tile.canvas.getContext('2d');
    tile.ctx?.fillRect(0, 0, 1, 1);
    tile.ctx?.clearRect(0, 0, 1, 1);
    done++;
  }
  if (warming.length > 0) requestFrame();
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = LiveStrokeToWorker.safeParse(event.data);
  if (!parsed.success) {
    console.error('live stroke: message refused', parsed.error.issues[0]);
    return;
  }
  const message = parsed.data;
  if (message.type === 'grid') {
    const tiles = new Map(message.tiles.map((t) => [`${t.col},${t.row}`, { canvas: t.canvas, ctx: null, left: t.col * message.tileSize, top: t.row * message.tileSize }]));
    const chart: Chart = { tiles, tileSize: message.tileSize, style: { color: '#000', width: 1, ratio: 1 }, points: [], painted: 0, clear: false, drawn: new Set(), stroking: false, gone: false };
    const replaced = charts.get(message.chart);
    if (replaced) replaced.gone = true;
    charts.set(message.chart, chart);
    warmUp(chart);
    return;
  }
  const chart = charts.get(message.chart);
  if (!chart) return;
  switch (message.type) {
    case 'begin':
      chart.clear = true;
      chart.style = { color: message.color, width: message.width, ratio: message.ratio };
      chart.points = [];
      chart.painted = 0;
      chart.stroking = true;
      break;
    case 'points':
      for (const v of message.xy) chart.points.push(v);
      break;
    case 'clear':
      chart.clear = true;
      chart.points = [];
      chart.painted = 0;
      chart.stroking = false;
      break;
    case 'dispose':
      chart.gone = true;
      charts.delete(message.chart);
      return;
  }
  requestFrame();
});
