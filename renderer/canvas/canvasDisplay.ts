import type Konva from 'konva';
import type { FontFaceSource, LayerRasterToWorker } from './layerRasterProtocol';
import { LayerRecorder } from './layerRecorder';
import { WorkerLink } from './workerLink';

/**
 * Shows a Konva layer through a display canvas of its own and keeps the
 * layer's canvas out of the page's rendering.
 *
 * Why: without a GPU (software compositing: locked-down laptops, remote
 * desktops, our CI), Chromium hands every visible 2D canvas to the
 * compositor again on every frame, whether it changed or not, at a cost that
 * grows with its area. Measured in headless Chromium with --disable-gpu,
 * four static 1920×1080 canvases under a small animation cost 7–10 ms of
 * main-thread time per frame, and at 3840×2160 they starved the frame rate.
 * The display canvas hands its drawing to an OffscreenCanvas
 * (transferControlToOffscreen), which sends a frame to the compositor only
 * when it is drawn on and keeps its buffers from frame to frame: each time
 * Konva redraws a layer, it is copied to its display in the same frame
 * (about 2 ms at 4K), and in between the layer costs nothing. (Handing over
 * ImageBitmaps instead, as before, cost a fresh buffer per copy: 100–250 ms
 * at 4K on a machine slow to map memory.) The Konva canvas stays in the DOM
 * (Konva orders and sizes it), hidden, and is what tests read pixels from.
 *
 * With `offThread`, the layer's pixels are made by a worker instead, and
 * shown together with the stage's other such layers (WorkerChart below);
 * where that cannot be, as here.
 *
 * Returns a function that removes the display again.
 */
export function displayLayer(layer: Konva.Layer, zIndex: number, offThread = false, link: RasterLink = rasterLink): () => void {
  if (offThread) {
    const stop = displayLayerOffThread(layer, zIndex, link);
    if (stop) return stop;
  }
  const source = layer.getCanvas()._canvas;
  const host = source.parentElement;
  if (!host || typeof source.transferControlToOffscreen !== 'function') return () => undefined;
  const display = makeDisplay(source.getAttribute('data-layer') ?? '', zIndex);
  const surface = display.transferControlToOffscreen().getContext('2d');
  if (!surface) return () => undefined;

  const show = () => {
    const { width, height } = source;
    if (width === 0 || height === 0) return;
    const target = surface.canvas;
    const resized = target.width !== width || target.height !== height;
    // Resizing empties the surface.
    if (resized) {
      target.width = width;
      target.height = height;
      // The display canvas's own width and height stay as they were (its surface has the pixels): said here.
      display.setAttribute('data-surface', `${width}x${height}`);
    }
    // An empty layer is not shown (nothing to composite). Its surface is made all the same, as the chart
    // appears: at 4K that costs about 0.1 s without a GPU, which would otherwise fall on the first stroke.
    // (Clearing alone would leave it unmade: a copy of the blank layer makes it.)
    if (!layer.hasChildren()) {
      display.style.display = 'none';
      if (resized) surface.drawImage(source, 0, 0);
      return;
    }
    if (!resized) surface.clearRect(0, 0, width, height);
    surface.drawImage(source, 0, 0);
    display.style.width = source.style.width;
    display.style.height = source.style.height;
    display.style.display = '';
  };

  source.style.display = 'none';
  host.append(display);
  // Nothing to show yet: a new layer is drawn on the next animation frame, and that draw shows it.
  layer.on('draw.display', show);
  return () => {
    layer.off('draw.display');
    display.remove();
    source.style.display = '';
  };
}

/** The canvas that shows a layer (or a worker's chart): over the layers' own, hidden until the first draw. */
function makeDisplay(name: string, zIndex: number): HTMLCanvasElement {
  const display = document.createElement('canvas');
  display.setAttribute('data-layer-display', name);
  Object.assign(display.style, { position: 'absolute', left: '0', top: '0', zIndex: String(zIndex), pointerEvents: 'none', display: 'none' });
  return display;
}

// ── Layers whose pixels a worker makes ──────────────────────────────────────

export class RasterLink extends WorkerLink<LayerRasterToWorker> {
  /** The page's fonts went to this worker. */
  fontsSent = false;
}

const rasterLink = new RasterLink(
  () => new Worker(new URL('./layerRaster.worker.ts', import.meta.url), { type: 'module', name: 'layer-raster' }),
);

/**
 * The page's @font-face rules, as its stylesheets declare them (the bundled Inter): for the worker, which
 * has no stylesheets, to draw text in the same fonts. Only the first url() of each is taken.
 */
export function pageFontFaces(): FontFaceSource[] {
  const faces: FontFaceSource[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: not ours to read
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const style = rule.style;
      const url = /url\(\s*(["']?)([^"')]+)\1\s*\)/.exec(style.getPropertyValue('src'))?.[2];
      const family = style.getPropertyValue('font-family').trim().replace(/^(["'])(.*)\1$/, '$2');
      if (!url || !family) continue;
      faces.push({
        family,
        url: new URL(url, sheet.href ?? document.baseURI).href,
        weight: style.getPropertyValue('font-weight') || 'normal',
        style: style.getPropertyValue('font-style') || 'normal',
        stretch: style.getPropertyValue('font-stretch') || 'normal',
        unicodeRange: style.getPropertyValue('unicode-range') || 'U+0-10FFFF',
      });
    }
  }
  return faces;
}

interface KonvaContextInternals {
  _context: CanvasRenderingContext2D;
}

/** A layer of a worker-drawn chart: its recorder in place of its context, and how to undo that. */
interface WorkerLayer {
  readonly zIndex: number;
  readonly native: CanvasRenderingContext2D;
  readonly recorder: LayerRecorder;
  /** Set when the chart went back to the page: removes the layer's own display. */
  stopHere: (() => void) | null;
}

let nextChart = 0;
/** The worker-drawn chart of each stage (by the element that holds its canvases). */
const workerCharts = new WeakMap<HTMLElement, WorkerChart>();

/**
 * A chart whose layers the layer-raster worker (layerRaster.worker.ts) turns
 * into pixels and shows together through one canvas. Konva still walks each
 * layer's scene on this thread, but onto a LayerRecorder in place of its
 * canvas's context; each draw's calls go to the worker, which replays them
 * on a canvas of its own per layer and puts the layers together on the one
 * canvas the chart shows, once the page has sent what it drew in one task.
 *
 * Without a GPU that is most of the cost: turning 25–50 thick curves into
 * pixels at 3840×2160 took 50–100 ms of the page's thread per reveal step,
 * copying a layer to its display and the display's new buffers another
 * 100–250 ms when a 4K layer was shown or resized; and the compositor
 * blended five full-size layers (50–80 ms a frame at 4K) where it now
 * copies one. The layers' own canvases are never drawn on (nor given memory).
 *
 * Text is drawn in the page's fonts (pageFontFaces). If the worker fails, or
 * a layer draws something that cannot be replayed (an image, a gradient),
 * the whole chart goes back to the page for good (each layer through its
 * own display, as without a worker), and is drawn again there at once.
 */
class WorkerChart {
  private readonly id = nextChart++;
  private readonly display: HTMLCanvasElement;
  private readonly layers = new Map<Konva.Layer, WorkerLayer>();
  private onPage = false;
  private composeAsked = false;
  private readonly stopListening: () => void;

  constructor(
    private readonly host: HTMLElement,
    private readonly link: RasterLink,
  ) {
    if (!link.fontsSent) {
      link.fontsSent = true;
      link.post({ type: 'fonts', faces: pageFontFaces() });
    }
    // Under the live stroke and anything else the chart puts on top.
    const display = makeDisplay('chart', 1);
    display.setAttribute('data-raster', 'worker');
    const offscreen = display.transferControlToOffscreen();
    link.post({ type: 'chart', chart: this.id, canvas: offscreen }, [offscreen]);
    host.append(display);
    this.display = display;
    this.stopListening = link.onFailure(() => this.backToPage());
  }

  /** Draws the layer through the worker from now on; returns what undoes that. */
  add(layer: Konva.Layer, zIndex: number): () => void {
    const canvas = layer.getCanvas();
    const source = canvas._canvas;
    const konvaContext = canvas.getContext() as unknown as KonvaContextInternals;
    const native = konvaContext._context;
    const recorder = new LayerRecorder();
    const entry: WorkerLayer = { zIndex, native, recorder, stopHere: null };
    this.layers.set(layer, entry);
    if (this.onPage) {
      entry.stopHere = displayLayer(layer, zIndex);
      return () => this.remove(layer);
    }
    // Start from the state Konva left the context in (scaled to the pixel ratio).
    const { a, b, c, d, e, f } = native.getTransform();
    recorder.resized();
    recorder.context.setTransform(a, b, c, d, e, f);
    recorder.context.imageSmoothingEnabled = native.imageSmoothingEnabled;
    konvaContext._context = recorder.context;
    // Konva resizes by assigning the canvas's width and height, which empties it and resets its context.
    canvas.setSize = (width: number, height: number) => {
      recorder.resized();
      Object.getPrototypeOf(canvas).setSize.call(canvas, width, height);
    };
    source.style.display = 'none';
    layer.on('draw.display', () => {
      if (recorder.unsupported !== null) {
        console.warn(`layer ${source.getAttribute('data-layer') ?? '(unnamed)'}: ${recorder.unsupported} cannot be drawn off the page's thread; the chart is drawn here`);
        this.backToPage();
        return;
      }
      const { width, height } = source;
      const ops = recorder.take();
      // The typed arrays are handed over, not copied.
      this.link.post({ type: 'draw', chart: this.id, layer: zIndex, width, height, visible: layer.hasChildren(), ops }, [ops.numbers.buffer, ops.kinds.buffer]);
      this.composeAfterThisTask();
      this.display.setAttribute('data-surface', `${width}x${height}`);
      this.display.style.width = source.style.width;
      this.display.style.height = source.style.height;
      this.display.style.display = width > 0 && height > 0 ? '' : 'none';
    });
    return () => this.remove(layer);
  }

  private remove(layer: Konva.Layer): void {
    const entry = this.layers.get(layer);
    if (!entry) return;
    this.layers.delete(layer);
    if (entry.stopHere) entry.stopHere();
    else {
      this.release(layer, entry);
      this.link.post({ type: 'dispose', chart: this.id, layer: entry.zIndex });
      this.composeAfterThisTask();
    }
    if (this.layers.size === 0) {
      this.stopListening();
      if (!this.onPage) this.link.post({ type: 'dispose', chart: this.id });
      this.display.remove();
      if (workerCharts.get(this.host) === this) workerCharts.delete(this.host);
    }
  }

  /**
   * Asks the worker to put the chart together once this task has drawn all it draws (a frame's layers are
   * drawn in one task: drawFramesLater), so that the layers of one update appear together.
   */
  private composeAfterThisTask(): void {
    if (this.composeAsked) return;
    this.composeAsked = true;
    queueMicrotask(() => {
      this.composeAsked = false;
      if (!this.onPage) this.link.post({ type: 'compose', chart: this.id });
    });
  }

  /** The layer's own context and resizing back, in the state a resize leaves them in. */
  private release(layer: Konva.Layer, entry: WorkerLayer): void {
    const canvas = layer.getCanvas();
    layer.off('draw.display');
    (canvas.getContext() as unknown as KonvaContextInternals)._context = entry.native;
    Reflect.deleteProperty(canvas, 'setSize');
    entry.native.reset();
    entry.native.scale(canvas.getPixelRatio(), canvas.getPixelRatio());
  }

  /** Every layer is drawn on the page from now on, each through its own display. */
  private backToPage(): void {
    if (this.onPage) return;
    this.onPage = true;
    this.stopListening();
    this.link.post({ type: 'dispose', chart: this.id });
    this.display.remove();
    for (const [layer, entry] of this.layers) {
      this.release(layer, entry);
      entry.stopHere = displayLayer(layer, entry.zIndex);
      layer.batchDraw();
    }
  }
}

/** Shows the layer through its stage's worker-drawn chart; null when there is no worker. */
function displayLayerOffThread(layer: Konva.Layer, zIndex: number, link: RasterLink): (() => void) | null {
  const host = layer.getCanvas()._canvas.parentElement;
  if (!host || !link.available()) return null;
  let chart = workerCharts.get(host);
  if (!chart) workerCharts.set(host, (chart = new WorkerChart(host, link)));
  return chart.add(layer, zIndex);
}

// ── Drawing some frames later ───────────────────────────────────────────────

const waiting = new Set<Konva.Layer>();
let waitingFrame = 0;

/** Animation frames until deferred layers are drawn: the update's own, one more, and the one they draw in. */
const FRAMES_UNTIL_DRAW = 3;

/**
 * From now on the layer's batched draws (react-konva asks for one after every update) wait two frames
 * past the next, together with every other layer so deferred. On the room screen the state arrives in
 * a task of its own (the BroadcastChannel or IPC message, React's render of the chart and the legend),
 * and drawing the layers is another. Drawn in the next frame, both fell in the same frame. Drawn in the
 * frame after, the worker's raster of the new curves (60–75 ms at 4K for 50) ran while the compositor
 * was still rastering the update's legend and status on the same two cores (bench traces). Drawn one
 * frame later still, the reveal of 50 curves at once had frames of 33–50 ms in ten alternating bench
 * rounds at 3840×2160, and 50–67 ms with one frame fewer. The curves appear 1/60 s later.
 */
export function drawFramesLater(layer: Konva.Layer): void {
  layer.batchDraw = () => {
    waiting.add(layer);
    if (waitingFrame === 0) afterFrames(FRAMES_UNTIL_DRAW);
    return layer;
  };
}

function afterFrames(frames: number): void {
  waitingFrame = requestAnimationFrame(() => (frames > 1 ? afterFrames(frames - 1) : drawWaiting()));
}

function drawWaiting(): void {
  waitingFrame = 0;
  const layers = [...waiting];
  waiting.clear();
  // A layer taken away meanwhile has no stage: nothing to draw.
  for (const l of layers) if (l.getStage()) l.draw();
}
