import type Konva from 'konva';

/**
 * Shows a Konva layer through a bitmap canvas and keeps the layer's own
 * canvas out of the page's rendering.
 *
 * Why: without a GPU (software compositing: locked-down laptops, remote
 * desktops, our CI), Chromium hands every visible 2D canvas to the
 * compositor again on every frame, whether it changed or not, at a cost that
 * grows with its area. Measured in headless Chromium with --disable-gpu,
 * four static 1920×1080 canvases under a small animation cost 7–10 ms of
 * main-thread time per frame, the same four shown as bitmaps about 1 ms, and
 * at 3840×2160 the canvases starved the frame rate. So while a stroke is
 * drawn (or a room view waits between reveal steps) the static layers cost
 * next to nothing; each time Konva redraws a layer, one copy of it is handed
 * to its bitmap canvas in the same frame. The Konva canvas stays in the DOM
 * (Konva orders and sizes it), hidden, and is what tests read pixels from.
 *
 * Returns a function that removes the display again.
 */
export function displayLayer(layer: Konva.Layer, zIndex: number): () => void {
  const source = layer.getCanvas()._canvas;
  const host = source.parentElement;
  if (!host) return () => undefined;
  const display = document.createElement('canvas');
  display.setAttribute('data-layer-display', source.getAttribute('data-layer') ?? '');
  // Hidden until the layer's first draw.
  Object.assign(display.style, { position: 'absolute', left: '0', top: '0', zIndex: String(zIndex), pointerEvents: 'none', display: 'none' });
  const bitmap = display.getContext('bitmaprenderer');
  if (!bitmap) return () => undefined;
  let scratch: OffscreenCanvasRenderingContext2D | null = null;

  const show = () => {
    const { width, height } = source;
    if (width === 0 || height === 0) return;
    // An empty layer is not shown at all (nothing to copy, nothing to composite).
    if (!layer.hasChildren()) {
      display.style.display = 'none';
      return;
    }
    if (!scratch || scratch.canvas.width !== width || scratch.canvas.height !== height) {
      scratch = new OffscreenCanvas(width, height).getContext('2d');
      if (!scratch) return;
    }
    // A transfer empties the canvas it comes from: copy into the scratch canvas, hand that over. The scratch
    // is blank here (new, or emptied by the last transfer), so it is not cleared first.
    scratch.drawImage(source, 0, 0);
    if (display.width !== width) display.width = width;
    if (display.height !== height) display.height = height;
    display.style.width = source.style.width;
    display.style.height = source.style.height;
    bitmap.transferFromImageBitmap(scratch.canvas.transferToImageBitmap());
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
