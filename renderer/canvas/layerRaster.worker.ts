/**
 * The layer-raster worker: owns the display canvases of the room screen's
 * curve layers and replays each layer's drawing (the 2D-context calls a
 * LayerRecorder wrote down while Konva drew it) onto them. Turning 50 thick
 * curves into pixels at 3840×2160 takes 50–100 ms without a GPU; here it
 * happens beside the page, whose thread only walks the scene and posts the
 * calls. A worker's canvases go to the compositor in its own frames.
 */
import { LayerRasterToWorker, SET, type RasterOp } from './layerRasterProtocol';

const layers = new Map<number, { readonly canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D | null }>();

function replay(ctx: OffscreenCanvasRenderingContext2D, ops: readonly RasterOp[]): void {
  const target = ctx as unknown as Record<string, unknown>;
  for (const op of ops) {
    if (op[0] === SET) target[op[1]] = op[2];
    else (target[op[0]] as (...args: unknown[]) => void).apply(ctx, op.slice(1));
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = LayerRasterToWorker.safeParse(event.data);
  if (!parsed.success) {
    console.error('layer raster: message refused', parsed.error.issues[0]);
    return;
  }
  const message = parsed.data;
  switch (message.type) {
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
});
