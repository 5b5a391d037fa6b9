/**
 * The live stroke, drawn incrementally onto small tiles that are made only
 * where the pen passes.
 *
 * Why not a Konva layer: without a GPU, Chromium hands every visible 2D
 * canvas to its compositor again on every frame, changed or not, at a cost
 * that grows with its size (see canvasDisplay.ts). `npm run bench` measured
 * 4–8 ms of main-thread time per pointer move at 1920×1080 for a stroke
 * redrawn on a full-chart layer. Here each tile is drawn on an offscreen
 * surface and shown as a bitmap: a frame costs only the one or two tiles the
 * new segments touch, 256 device pixels a side on any screen, and nothing is
 * cleared while drawing.
 */

/** Edge of a tile in device pixels: 512 measured twice as costly per move, 128 no cheaper than 256. */
const TILE_DEVICE_PX = 256;

interface Tile {
  /** What is on screen: a bitmap canvas, which costs nothing per frame while it does not change. */
  readonly canvas: HTMLCanvasElement;
  readonly bitmap: ImageBitmapRenderingContext;
  /** Where the stroke is drawn; it keeps what was drawn, so each frame adds only the new segments. */
  readonly surface: OffscreenCanvasRenderingContext2D;
  readonly left: number;
  readonly top: number;
}

export class LiveStrokeTiles {
  private readonly tiles = new Map<string, Tile>();
  /** Points of the stroke in CSS pixels of the host, x and y interleaved. */
  private points: number[] = [];
  /** How many points are on screen already. */
  private painted = 0;
  private color = '#000';
  private width = 1;
  private ratio = 1;
  private tileCss = TILE_DEVICE_PX;
  /** Hands a tile's surface to its bitmap (a transfer empties the canvas it comes from, so a copy goes). */
  private scratch: OffscreenCanvasRenderingContext2D | null = null;

  constructor(private readonly host: HTMLElement) {}

  /** Starts a new stroke (and drops what is left of the last one). */
  begin(color: string, width: number, ratio: number): void {
    this.clear();
    this.color = color;
    this.width = width;
    this.ratio = ratio > 0 ? ratio : 1;
    // Whole CSS pixels, so tile edges sit on pixel boundaries at any ratio.
    this.tileCss = Math.max(64, Math.round(TILE_DEVICE_PX / this.ratio));
  }

  add(x: number, y: number): void {
    this.points.push(x, y);
  }

  /** Draws the segments added since the last call. */
  paint(): void {
    const pts = this.points;
    const count = pts.length / 2;
    if (count === 0 || this.painted === count) return;
    const byTile = new Map<Tile, number[]>();
    const reach = this.width / 2 + 2;
    // The first point alone is a dot (the pen went down); after that, each segment from the point before.
    for (let k = this.painted === 0 ? 0 : this.painted; k < count; k++) {
      const j = Math.max(0, k - 1);
      const ax = pts[2 * j]!;
      const ay = pts[2 * j + 1]!;
      const bx = pts[2 * k]!;
      const by = pts[2 * k + 1]!;
      const c0 = Math.floor((Math.min(ax, bx) - reach) / this.tileCss);
      const c1 = Math.floor((Math.max(ax, bx) + reach) / this.tileCss);
      const r0 = Math.floor((Math.min(ay, by) - reach) / this.tileCss);
      const r1 = Math.floor((Math.max(ay, by) + reach) / this.tileCss);
      for (let c = c0; c <= c1; c++) {
        for (let r = r0; r <= r1; r++) {
          const tile = this.tileAt(c, r);
          let list = byTile.get(tile);
          if (!list) byTile.set(tile, (list = []));
          list.push(ax, ay, bx, by);
        }
      }
    }
    for (const [tile, segments] of byTile) {
      const ctx = tile.surface;
      ctx.setTransform(this.ratio, 0, 0, this.ratio, -tile.left * this.ratio, -tile.top * this.ratio);
      ctx.beginPath();
      for (let i = 0; i < segments.length; i += 4) {
        ctx.moveTo(segments[i]!, segments[i + 1]!);
        ctx.lineTo(segments[i + 2]!, segments[i + 3]!);
      }
      ctx.strokeStyle = this.color;
      ctx.lineWidth = this.width;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.stroke();
      this.show(tile);
    }
    this.painted = count;
  }

  /** Removes the stroke from the screen. */
  clear(): void {
    for (const tile of this.tiles.values()) tile.canvas.remove();
    this.tiles.clear();
    this.points = [];
    this.painted = 0;
  }

  private show(tile: Tile): void {
    const device = tile.canvas.width;
    if (!this.scratch || this.scratch.canvas.width !== device) {
      this.scratch = new OffscreenCanvas(device, device).getContext('2d');
      if (!this.scratch) throw new Error('no 2d context for the live stroke');
    }
    const scratch = this.scratch;
    // Blank here (new, or emptied by the last transfer): no clearing first.
    scratch.drawImage(tile.surface.canvas, 0, 0);
    tile.bitmap.transferFromImageBitmap(scratch.canvas.transferToImageBitmap());
  }

  private tileAt(col: number, row: number): Tile {
    const key = `${col},${row}`;
    const existing = this.tiles.get(key);
    if (existing) return existing;
    const size = this.tileCss;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size * this.ratio);
    canvas.height = Math.round(size * this.ratio);
    canvas.setAttribute('data-live-tile', key);
    Object.assign(canvas.style, {
      position: 'absolute',
      left: `${col * size}px`,
      top: `${row * size}px`,
      width: `${size}px`,
      height: `${size}px`,
      pointerEvents: 'none',
    });
    const bitmap = canvas.getContext('bitmaprenderer');
    const surface = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d');
    if (!bitmap || !surface) throw new Error('no canvas context for the live stroke');
    this.host.append(canvas);
    const tile = { canvas, bitmap, surface, left: col * size, top: row * size };
    this.tiles.set(key, tile);
    return tile;
  }
}
