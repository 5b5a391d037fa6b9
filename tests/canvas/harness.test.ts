import { describe, expect, it } from 'vitest';

// Proves the browser project runs in a real Chromium with a working 2D canvas,
// the ground the canvas tests stand on: a DOM, layout, and pixels to read back.
describe('browser test harness', () => {
  it('runs in Chromium, not in a simulated DOM', () => {
    expect(navigator.userAgent).toMatch(/Chrome\/\d+/);
    const nodeProcess = Reflect.get(globalThis, 'process') as { versions?: { node?: string } } | undefined;
    expect(nodeProcess?.versions?.node).toBeUndefined();
  });

  it('draws on a canvas and reads the pixels back', () => {
    const canvas = document.createElement('canvas');
    canvas.width = 20;
    canvas.height = 10;
    document.body.append(canvas);
    try {
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2d context');

      context.fillStyle = 'rgb(0, 114, 178)'; // Okabe–Ito blue, left half
      context.fillRect(0, 0, 10, 10);

      const [r, g, b, a] = context.getImageData(5, 5, 1, 1).data;
      expect([r, g, b, a]).toEqual([0, 114, 178, 255]);
      // The right half was never painted: transparent black.
      expect([...context.getImageData(15, 5, 1, 1).data]).toEqual([0, 0, 0, 0]);
      // It was laid out, so it occupies real CSS pixels.
      expect(canvas.getBoundingClientRect().width).toBe(20);
    } finally {
      canvas.remove();
    }
  });
});
