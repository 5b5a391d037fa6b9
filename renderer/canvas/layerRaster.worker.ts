/**
 * The layer-raster worker: owns the display canvases of the room screen's
 * chart layers and replays each layer's drawing (the 2D-context calls a
 * LayerRecorder wrote down while Konva drew it) onto them. Turning 50 thick
 * curves into pixels at 3840×2160 takes 50–100 ms without a GPU; here it
 * happens beside the page, whose thread only walks the scene and posts the
 * calls. A worker's canvases go to the compositor in its own frames.
 */
import { LayerRasterToWorker, PROPERTY_CODE, RASTER_METHODS, RASTER_PROPERTIES, type FontFaceSource, type RasterOps } from './layerRasterProtocol';

const layers = new Map<number, { readonly canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D | null }>();

/** Replays a drawing's calls (checked by the schema: known codes, plain arguments) on a context. */
function replay(ctx: OffscreenCanvasRenderingContext2D, ops: RasterOps): void {
  const target = ctx as unknown as Record<string, unknown>;
  let i = 0;
  while (i < ops.length) {
    const code = ops[i] as number;
    const argc = ops[i + 1] as number;
    if (code >= PROPERTY_CODE) target[RASTER_PROPERTIES[code - PROPERTY_CODE]!] = ops[i + 2];
    else (target[RASTER_METHODS[code]!] as (...args: unknown[]) => void).apply(ctx, ops.slice(i + 2, i + 2 + argc));
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
    case 'canvas':
      layers.set(message.layer, { canvas: message.canvas, ctx: null });
      return;
    case 'dispose':
      layers.delete(message.layer);
      return;
    case 'draw': {
      const layer = layers.get(message.layer);
      if (!layer) return;
      const { canvas } = layer;
      // Resizing empties the surface and resets its context, as it did the layer's own canvas.
      if (canvas.width !== message.width || canvas.height !== message.height) {
        canvas.width = message.width;
        canvas.height = message.height;
      }
      layer.ctx ??= canvas.getContext('2d');
      if (!layer.ctx) return;
      try {
        replay(layer.ctx, message.ops);
      } catch (error) {
        // A call the context refused (arguments of the wrong kind): start the next drawing from a clean state.
        console.error('layer raster: drawing stopped', error);
        layer.ctx.reset();
      }
      return;
    }
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
