import type Konva from 'konva';

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
 * Returns a function that removes the display again.
 */
export function displayLayer(layer: Konva.Layer, zIndex: number): () => void {
  const source = layer.getCanvas()._canvas;
  const host = source.parentElement;
  if (!host || typeof source.transferControlToOffscreen !== 'function') return () => undefined;
  const display = document.createElement('canvas');
  display.setAttribute('data-layer-display', source.getAttribute('data-layer') ?? '');
  // Hidden until the layer's first draw.
  Object.assign(display.style, { position: 'absolute', left: '0', top: '0', zIndex: String(zIndex), pointerEvents: 'none', display: 'none' });
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
