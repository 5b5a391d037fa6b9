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
 * With `offThread`, the layer's pixels are made by a worker instead
 * (displayLayerOffThread below); where that cannot be, as here.
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
  const display = makeDisplay(source, zIndex);
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

/** The canvas that shows a layer: over the layer's own, hidden until the layer's first draw. */
function makeDisplay(source: HTMLCanvasElement, zIndex: number): HTMLCanvasElement {
  const display = document.createElement('canvas');
  display.setAttribute('data-layer-display', source.getAttribute('data-layer') ?? '');
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
let nextLayer = 0;

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

/**
 * Shows a layer through a display canvas handed to the layer-raster worker
 * (layerRaster.worker.ts). Konva still walks the layer's scene on this
 * thread, but onto a LayerRecorder in place of its canvas's context; each
 * draw's calls go to the worker, which turns them into pixels. Without a GPU
 * that is most of a layer's cost: 50–100 ms for 25–50 thick curves at
 * 3840×2160, which held the room screen's frames that long on every reveal
 * step. The copy to a display canvas and its frames' buffers (another
 * 100–250 ms when a 4K layer is shown or resized) fall on the worker too.
 * The layer's own canvas is never drawn on (nor given memory).
 *
 * Null when there is no worker; the caller then shows the layer as before.
 * Text is drawn there in the page's fonts (pageFontFaces). If the worker
 * fails later, or the layer draws something that cannot be replayed (an
 * image, a gradient), the layer goes back to the page for good, and is drawn
 * again there at once.
 */
function displayLayerOffThread(layer: Konva.Layer, zIndex: number, link: RasterLink): (() => void) | null {
  const canvas = layer.getCanvas();
  const source = canvas._canvas;
  const host = source.parentElement;
  if (!host || !link.available()) return null;
  if (!link.fontsSent) {
    link.fontsSent = true;
    link.post({ type: 'fonts', faces: pageFontFaces() });
  }
  const konvaContext = canvas.getContext() as unknown as KonvaContextInternals;
  const native = konvaContext._context;
  const recorder = new LayerRecorder();
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

  const display = makeDisplay(source, zIndex);
  display.setAttribute('data-raster', 'worker');
  const offscreen = display.transferControlToOffscreen();
  const id = nextLayer++;
  link.post({ type: 'canvas', layer: id, canvas: offscreen }, [offscreen]);
  let size = '';

  const show = () => {
    if (recorder.unsupported !== null) {
      console.warn(`layer ${source.getAttribute('data-layer') ?? '(unnamed)'}: ${recorder.unsupported} cannot be drawn off the page's thread; drawn here`);
      backToPage();
      return;
    }
    const { width, height } = source;
    link.post({ type: 'draw', layer: id, width, height, ops: recorder.take() });
    if (`${width}x${height}` !== size) {
      size = `${width}x${height}`;
      display.setAttribute('data-surface', size);
    }
    display.style.width = source.style.width;
    display.style.height = source.style.height;
    // Shown from its first draw on, empty or not: hiding an empty layer and showing it again (a reveal
    // after a reset) made the compositor take up its buffers anew, 50–80 ms at 4K.
    display.style.display = width > 0 && height > 0 ? '' : 'none';
  };

  let stop = () => {
    layer.off('draw.display');
    stopListening();
    link.post({ type: 'dispose', layer: id });
    display.remove();
    konvaContext._context = native;
    Reflect.deleteProperty(canvas, 'setSize');
  };
  // The layer is drawn on the page from now on: its own context back, in the state a resize leaves it in.
  const backToPage = () => {
    stop();
    native.reset();
    native.scale(canvas.getPixelRatio(), canvas.getPixelRatio());
    stop = displayLayer(layer, zIndex);
    layer.batchDraw();
  };
  const stopListening = link.onFailure(backToPage);
  source.style.display = 'none';
  host.append(display);
  layer.on('draw.display', show);
  return () => stop();
}

// ── Drawing a frame later ───────────────────────────────────────────────────

const waiting = new Set<Konva.Layer>();
let waitingFrame = 0;

/**
 * From now on the layer's batched draws (react-konva asks for one after every update) wait for the frame
 * after the next, together with every other layer so deferred. On the room screen the state arrives in
 * a task of its own (the BroadcastChannel or IPC message, React's render: 20–40 ms at 4K) and the layers'
 * drawing is another 30–45 ms; drawn in the next frame, both fell in the same frame. A frame later, the
 * screen gets a frame between them, and the curves appear 1/60 s later.
 */
export function drawAFrameLater(layer: Konva.Layer): void {
  layer.batchDraw = () => {
    waiting.add(layer);
    if (waitingFrame === 0) {
      waitingFrame = requestAnimationFrame(() => {
        waitingFrame = requestAnimationFrame(() => {
          waitingFrame = 0;
          const layers = [...waiting];
          waiting.clear();
          // A layer taken away meanwhile has no stage: nothing to draw.
          for (const l of layers) if (l.getStage()) l.draw();
        });
      });
    }
    return layer;
  };
}
