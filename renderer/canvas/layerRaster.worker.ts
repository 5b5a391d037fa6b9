/**
 * The layer-raster worker: replays each chart layer's drawing (the 2D-context
 * calls a LayerRecorder wrote down while Konva drew it) on a canvas of its own,
 * and when the page says its layers are all sent, puts a changed chart's
 * layers together on the one canvas the page shows for it (the compositor
 * then copies one layer, not five).
 * Turning 50 thick curves into pixels at 3840×2160 takes 50–100 ms without a
 * GPU; here it happens beside the page, whose thread only walks the scene and
 * posts the calls. A worker's canvases go to the compositor in its own frames.
 */
import { LayerRasterToWorker, PROPERTY_CODE, RASTER_METHODS, RASTER_PROPERTIES, type FontFaceSource, type RasterOps } from './layerRasterProtocol';

interface Layer {
  readonly canvas: OffscreenCanvas;
  readonly ctx: OffscreenCanvasRenderingContext2D;
  visible: boolean;
}

/** A chart: the canvas it shows, and its layers by their place in the stack. */
interface Chart {
  readonly display: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D | null;
  readonly layers: Map<number, Layer>;
  /** Commits of the same pixels still to come after the display was sized (see WARM_COMMITS). */
  warm: number;
  warmTimer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * After the display is made or resized, it is put together this many times more, showing the same
 * pixels. Each commit of a canvas hands the compositor one of its buffers and draws the next picture in
 * another. Without a GPU, the compositor's first draw from a new 4K buffer cost 47–80 ms in the bench's
 * traces (from a buffer it has had before: 2–4 ms), and those first draws fell on the first reveal steps,
 * the moments the room watches. Now they fall just after the empty chart appears. The commits are
 * WARM_DELAY_MS apart, a few frames, so each is a commit of its own.
 */
const WARM_COMMITS = 2;
const WARM_DELAY_MS = 60;

const charts = new Map<number, Chart>();
/** Charts drawn on since they were last put together (at the page's next `compose`). */
const changed = new Set<Chart>();

/**
 * Puts each changed chart's layers together on the canvas it shows. The page says when (`compose`, after
 * the layers it drew in one task), so the layers of one update appear together, and nothing here waits
 * for an animation frame of its own. Tied to the display's frames, the worker's long raster held up the
 * room view's frames too: in three bench rounds at 3840×2160, highlight changes had frames of 17–67 ms
 * with the worker's own animation frames and 17–33 ms without.
 */
function compose(): void {
  for (const chart of changed) composeChart(chart);
  changed.clear();
}

function composeChart(chart: Chart): void {
  const layers = [...chart.layers].sort(([a], [b]) => a - b).map(([, layer]) => layer);
  const width = Math.max(0, ...layers.map((l) => l.canvas.width));
  const height = Math.max(0, ...layers.map((l) => l.canvas.height));
  const { display } = chart;
  if (display.width !== width || display.height !== height) {
    display.width = width;
    display.height = height;
    chart.warm = WARM_COMMITS;
  }
  chart.ctx ??= display.getContext('2d');
  const ctx = chart.ctx;
  if (!ctx || width === 0 || height === 0) return;
  ctx.clearRect(0, 0, width, height);
  for (const layer of layers) if (layer.visible && layer.canvas.width > 0 && layer.canvas.height > 0) ctx.drawImage(layer.canvas, 0, 0);
  if (chart.warm > 0 && chart.warmTimer === undefined) chart.warmTimer = setTimeout(() => warmUp(chart), WARM_DELAY_MS);
}

/** One more commit of what the chart shows (WARM_COMMITS), unless an update is on its way: its compose commits. */
function warmUp(chart: Chart): void {
  chart.warmTimer = undefined;
  if (changed.has(chart)) return;
  chart.warm--;
  composeChart(chart);
}

/** Replays a drawing's calls (checked by the schema: known codes, fitting arguments) on a context. */
function replay(ctx: OffscreenCanvasRenderingContext2D, { numbers, kinds, values }: RasterOps): void {
  const target = ctx as unknown as Record<string, unknown>;
  const arg = (k: number) => (kinds[k] === 1 ? values[numbers[k]!] : numbers[k]);
  let i = 0;
  while (i < numbers.length) {
    const code = numbers[i]!;
    const argc = numbers[i + 1]!;
    if (code >= PROPERTY_CODE) target[RASTER_PROPERTIES[code - PROPERTY_CODE]!] = arg(i + 2);
    else {
      const args = new Array<unknown>(argc);
      for (let k = 0; k < argc; k++) args[k] = arg(i + 2 + k);
      (target[RASTER_METHODS[code]!] as (...a: unknown[]) => void).apply(ctx, args);
    }
    i += 2 + argc;
  }
}

/** Loads the page's fonts into the worker, from the page's own origin only. */
async function loadFonts(faces: readonly FontFaceSource[]): Promise<void> {
  const fonts = (self as unknown as { fonts: FontFaceSet }).fonts;
  await Promise.allSettled(
    faces.map(async (face) => {
      const url = new URL(face.url, self.location.href);
      // The app is offline: a font from anywhere else is not fetched (one the bundler inlined is fine).
      if (url.protocol !== 'data:' && url.origin !== self.location.origin) throw new Error(`font ${url.href} is not the page's own`);
      const loaded = new FontFace(face.family, `url(${JSON.stringify(url.href)})`, {
        weight: face.weight,
        style: face.style,
        stretch: face.stretch,
        unicodeRange: face.unicodeRange,
      });
      fonts.add(loaded);
      await loaded.load();
    }),
  );
}

function handle(message: LayerRasterToWorker): Promise<void> | void {
  switch (message.type) {
    case 'fonts':
      return loadFonts(message.faces);
    case 'chart':
      charts.set(message.chart, { display: message.canvas, ctx: null, layers: new Map(), warm: 0, warmTimer: undefined });
      return;
    case 'dispose': {
      const chart = charts.get(message.chart);
      if (!chart) return;
      if (message.layer === undefined) {
        charts.delete(message.chart);
        changed.delete(chart);
        clearTimeout(chart.warmTimer);
        return;
      }
      chart.layers.delete(message.layer);
      changed.add(chart);
      return;
    }
    case 'draw': {
      const chart = charts.get(message.chart);
      if (!chart) return;
      let layer = chart.layers.get(message.layer);
      if (!layer) {
        const canvas = new OffscreenCanvas(message.width, message.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) return;
        chart.layers.set(message.layer, (layer = { canvas, ctx, visible: message.visible }));
      }
      const { canvas, ctx } = layer;
      // Resizing empties the surface and resets its context, as it did the layer's own canvas.
      if (canvas.width !== message.width || canvas.height !== message.height) {
        canvas.width = message.width;
        canvas.height = message.height;
      }
      layer.visible = message.visible;
      try {
        replay(ctx, message.ops);
      } catch (error) {
        // A call the context refused (arguments of the wrong kind): start the next drawing from a clean state.
        console.error('layer raster: drawing stopped', error);
        ctx.reset();
      }
      changed.add(chart);
      return;
    }
    case 'compose':
      // Everything the page drew in one of its tasks is here: shown together, in one frame of this canvas.
      compose();
      return;
  }
}

// Messages are handled in order; a drawing waits while the fonts load.
let pending: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = LayerRasterToWorker.safeParse(event.data);
  if (!parsed.success) {
    console.error('layer raster: message refused', parsed.error.issues[0]);
    return;
  }
  const message = parsed.data;
  pending = pending.then(() => handle(message)).catch((error: unknown) => console.error('layer raster:', error));
});
