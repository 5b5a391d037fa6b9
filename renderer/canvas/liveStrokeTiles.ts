/**
 * The live stroke, drawn incrementally onto small tiles, off the page's main
 * thread.
 *
 * Why tiles: without a GPU, Chromium's cost of showing a canvas grows with
 * its size. `npm run bench` measured 4–8 ms of main-thread time per pointer
 * move at 1920×1080 for a stroke redrawn on a full-chart Konva layer. A tile
 * is 256 device pixels a side on any screen (512 in the worker's grid); a
 * frame touches the one or two tiles the new segments cross, and nothing is
 * cleared while drawing.
 *
 * Why a worker: every canvas whose drawing the page's thread changes costs
 * that thread a whole frame (lifecycle, commit to the compositor), about
 * 1 ms a frame here even for one small tile. So a grid of tile canvases
 * covers the chart, each handed to a worker (transferControlToOffscreen)
 * once; the worker draws the stroke's new segments on the tiles they cross
 * and sends their frames to the compositor itself. While drawing, the page's
 * thread only reads pointer events and posts each one's new points.
 * Where there is no worker (it failed to load, or the browser has none) the
 * page draws the stroke itself, on tiles made where the pen passes, through
 * the same code (liveStrokeDraw.ts).
 */
import { forEachTileSegment, strokeReach, strokeSegments, type LiveStrokeStyle } from './liveStrokeDraw';
import type { LiveStrokeToWorker } from './liveStrokeProtocol';
import { WorkerLink } from './workerLink';

/**
 * Edge of a tile in device pixels. Drawn here: 512 measured twice as costly per move, 128 no cheaper than
 * 256. Drawn by the worker, where every tile of the grid is a layer of the page's compositor: 512 (28 tiles
 * at 4K instead of 112) took 4K's task time per move from 1.65–1.72 to 1.21–1.51 ms (median, three
 * alternating runs), 1080p's unchanged.
 */
const TILE_DEVICE_PX = 256;
const GRID_TILE_DEVICE_PX = 512;

interface Tile {
  readonly id: number;
  /** What is on screen; its drawing goes to `ctx` here or to the worker. */
  readonly canvas: HTMLCanvasElement;
  /** The tile's surface when it is drawn on this thread; null when the worker has it. */
  readonly ctx: OffscreenCanvasRenderingContext2D | null;
  readonly left: number;
  readonly top: number;
}

// ── The worker, one for the page, made when the first chart can be drawn on ─

/** The page's link to a live-stroke worker (workerLink.ts). */
export class LiveStrokeWorkerLink extends WorkerLink<LiveStrokeToWorker> {}

const sharedLink = new LiveStrokeWorkerLink(() => new Worker(new URL('./liveStroke.worker.ts', import.meta.url), { type: 'module', name: 'live-stroke' }));

// ── The tiles ───────────────────────────────────────────────────────────────

/** A tile the page draws on itself (no worker). */
interface LocalTile {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: OffscreenCanvasRenderingContext2D;
  readonly left: number;
  readonly top: number;
}

/** The worker's grid of tiles over the chart, kept from stroke to stroke while the chart keeps its size. */
interface Grid {
  readonly layer: HTMLDivElement;
  readonly width: number;
  readonly height: number;
  readonly ratio: number;
}

let nextChart = 0;

export class LiveStrokeTiles {
  /** Points of the stroke in CSS pixels of the host, x and y interleaved. */
  private points: number[] = [];
  /** How many points are on screen (or with the worker) already. */
  private painted = 0;
  private style: LiveStrokeStyle = { color: '#000', width: 1, ratio: 1 };
  private tileCss = TILE_DEVICE_PX;
  private gridTileCss = GRID_TILE_DEVICE_PX;
  private grid: Grid | null = null;
  /** Whether this stroke is drawn by the worker, on the grid. */
  private withWorker = false;
  /** Counts strokes, so a hand-over that comes late leaves a newer stroke alone. */
  private strokeNumber = 0;
  private readonly local = new Map<string, LocalTile>();
  private readonly stopListening: () => void;
  /** This chart's number in messages to the worker. */
  private readonly chart = nextChart++;

  constructor(
    private readonly host: HTMLElement,
    private readonly link: LiveStrokeWorkerLink = sharedLink,
  ) {
    this.stopListening = link.onFailure(() => this.redrawHere());
  }

  /** Takes the stroke and the grid off the page. */
  dispose(): void {
    this.clear();
    if (this.grid) this.link.post({ type: 'dispose', chart: this.chart });
    this.grid?.layer.remove();
    this.grid = null;
    this.stopListening();
  }

  /**
   * Makes the worker's grid ahead of the first stroke (when the chart can be drawn on, or changed size):
   * at 4K that is over a hundred canvases, which would cost the first stroke a long frame.
   */
  prepare(ratio: number): void {
    if (this.points.length > 0) return;
    this.setRatio(ratio);
    if (this.link.available()) this.gridReady();
  }

  /** Starts a new stroke (and drops what is left of the last one). */
  begin(color: string, width: number, ratio: number): void {
    this.clear();
    this.setRatio(ratio);
    this.style = { ...this.style, color, width };
    this.withWorker = this.link.available() && this.gridReady();
    this.strokeNumber++;
    if (this.withWorker) this.link.post({ type: 'begin', chart: this.chart, ...this.style });
  }

  /** Whether this stroke is drawn by the worker (in its own frames): new points can go to it as they come. */
  get offThread(): boolean {
    return this.withWorker;
  }

  add(x: number, y: number): void {
    this.points.push(x, y);
  }

  /** Draws the segments added since the last call, or hands the new points to the worker. */
  paint(): void {
    const count = this.points.length / 2;
    if (count === 0 || this.painted === count) return;
    if (this.withWorker) {
      this.link.post({ type: 'points', chart: this.chart, xy: this.points.slice(this.painted * 2) });
    } else {
      const byTile = new Map<LocalTile, number[]>();
      forEachTileSegment(this.points, this.painted, this.tileCss, strokeReach(this.style), (col, row, x0, y0, x1, y1) => {
        const tile = this.localTile(col, row);
        let list = byTile.get(tile);
        if (!list) byTile.set(tile, (list = []));
        list.push(x0, y0, x1, y1);
      });
      for (const [tile, segments] of byTile) strokeSegments(tile.ctx, tile.left, tile.top, segments, this.style);
    }
    this.painted = count;
  }

  /**
   * The committed curve is drawn in this frame: the stroke goes after it, without a frame that shows
   * neither. The page's own tiles go in the next frame; the worker's are cleared a frame later still,
   * as the worker's frames may reach the screen before the page's.
   */
  handOver(): void {
    const stroke = this.strokeNumber;
    const later = (frames: number) =>
      requestAnimationFrame(() => {
        if (this.strokeNumber !== stroke) return;
        if (frames > 1) later(frames - 1);
        else this.clear();
      });
    later(this.withWorker ? 2 : 1);
  }

  /** Removes the stroke from the screen. */
  clear(): void {
    if (this.withWorker && this.painted > 0) this.link.post({ type: 'clear', chart: this.chart });
    for (const tile of this.local.values()) tile.canvas.remove();
    this.local.clear();
    this.points = [];
    this.painted = 0;
  }

  private setRatio(ratio: number): void {
    const r = ratio > 0 ? ratio : 1;
    this.style = { ...this.style, ratio: r };
    // Whole CSS pixels, so tile edges sit on pixel boundaries at any ratio.
    this.tileCss = Math.max(64, Math.round(TILE_DEVICE_PX / r));
    this.gridTileCss = Math.max(64, Math.round(GRID_TILE_DEVICE_PX / r));
  }

  /** The worker is gone: the grid goes, and the stroke so far is drawn again here. */
  private redrawHere(): void {
    this.grid?.layer.remove();
    this.grid = null;
    if (!this.withWorker) return;
    this.withWorker = false;
    this.painted = 0;
    this.paint();
  }

  /** Makes the worker's grid over the whole chart unless the one there fits; false when the chart has no size. */
  private gridReady(): boolean {
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    if (width === 0 || height === 0) return false;
    const ratio = this.style.ratio;
    if (this.grid && this.grid.width === width && this.grid.height === height && this.grid.ratio === ratio) return true;
    this.grid?.layer.remove();
    const layer = document.createElement('div');
    layer.setAttribute('data-live-grid', '');
    // Always shown, blank between strokes: showing and hiding it would make the compositor redraw the
    // whole chart (80 ms at 4K without a GPU), where a stroke changes a few tiles.
    Object.assign(layer.style, { position: 'absolute', inset: '0', pointerEvents: 'none' });
    const size = this.gridTileCss;
    const tiles: { col: number; row: number; canvas: OffscreenCanvas }[] = [];
    for (let row = 0; row * size < height; row++) {
      for (let col = 0; col * size < width; col++) {
        const canvas = this.tileCanvas(col, row, size);
        layer.append(canvas);
        tiles.push({ col, row, canvas: canvas.transferControlToOffscreen() });
      }
    }
    this.host.append(layer);
    this.link.post({ type: 'grid', chart: this.chart, tileSize: size, tiles }, tiles.map((t) => t.canvas));
    this.grid = { layer, width, height, ratio };
    return true;
  }

  private localTile(col: number, row: number): LocalTile {
    const key = `${col},${row}`;
    const existing = this.local.get(key);
    if (existing) return existing;
    const canvas = this.tileCanvas(col, row, this.tileCss);
    // The canvas shows what its offscreen surface draws, without a copy per frame.
    const ctx = canvas.transferControlToOffscreen().getContext('2d');
    if (!ctx) throw new Error('no 2d context for the live stroke');
    this.host.append(canvas);
    const tile = { canvas, ctx, left: col * this.tileCss, top: row * this.tileCss };
    this.local.set(key, tile);
    return tile;
  }

  private tileCanvas(col: number, row: number, size: number): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size * this.style.ratio);
    canvas.height = Math.round(size * this.style.ratio);
    canvas.setAttribute('data-live-tile', `${col},${row}`);
    Object.assign(canvas.style, {
      position: 'absolute',
      left: `${col * size}px`,
      top: `${row * size}px`,
      width: `${size}px`,
      height: `${size}px`,
      pointerEvents: 'none',
    });
    return canvas;
  }
}
