import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { LiveStrokeToWorker } from '../../renderer/canvas/liveStrokeProtocol';

describe('the live-stroke worker boundary', () => {
  it('takes the messages the page sends', () => {
    const canvas = new OffscreenCanvas(256, 256);
    for (const message of [
      { type: 'grid', chart: 0, tileSize: 256, tiles: [{ col: 0, row: 0, canvas }] },
      { type: 'begin', chart: 0, color: '#009E73', width: 4, ratio: 2 },
      { type: 'points', chart: 0, xy: [10, 20, 30.5, 40] },
      { type: 'clear', chart: 0 },
      { type: 'dispose', chart: 0 },
    ]) {
      expect(LiveStrokeToWorker.safeParse(message).success).toBe(true);
    }
  });

  it('refuses what the page never sends', () => {
    for (const message of [
      null,
      'points',
      { type: 'paint', chart: 0 },
      { type: 'points', xy: [1, 2] }, // no chart
      { type: 'points', chart: -1, xy: [1, 2] },
      { type: 'points', chart: 0, xy: [1, Number.NaN] },
      { type: 'points', chart: 0, xy: [1, Number.POSITIVE_INFINITY] },
      { type: 'points', chart: 0, xy: Array.from({ length: 100_001 }, () => 1) },
      { type: 'begin', chart: 0, color: 'x'.repeat(65), width: 4, ratio: 1 },
      { type: 'begin', chart: 0, color: '#000', width: 0, ratio: 1 },
      { type: 'begin', chart: 0, color: '#000', width: 4, ratio: 100 },
      { type: 'grid', chart: 0, tileSize: 256, tiles: [{ col: 0, row: 0, canvas: {} }] },
      { type: 'grid', chart: 0, tileSize: 256, tiles: [{ col: 0.5, row: 0, canvas: new OffscreenCanvas(1, 1) }] },
    ]) {
      expect(LiveStrokeToWorker.safeParse(message).success).toBe(false);
    }
  });
});

describe('the live-stroke worker', () => {
  let worker: Worker | null = null;
  let host: HTMLDivElement | null = null;
  afterEach(() => {
    worker?.terminate();
    host?.remove();
  });

  it('ignores a hostile message and goes on drawing what the page sends after it', async () => {
    await page.viewport(600, 400);
    host = document.createElement('div');
    Object.assign(host.style, { position: 'relative', width: '512px', height: '256px', background: '#fff' });
    document.body.append(host);
    const tiles = [0, 1].map((col) => {
      const canvas = document.createElement('canvas');
      canvas.width = 256;
      canvas.height = 256;
      Object.assign(canvas.style, { position: 'absolute', left: `${col * 256}px`, top: '0', width: '256px', height: '256px' });
      host!.append(canvas);
      return { col, row: 0, canvas: canvas.transferControlToOffscreen() };
    });
    worker = new Worker(new URL('../../renderer/canvas/liveStroke.worker.ts', import.meta.url), { type: 'module' });
    worker.postMessage({ type: 'points', chart: 0, xy: ['<script>', 2] });
    worker.postMessage({ type: 'grid', chart: 0, tileSize: 256, tiles }, tiles.map((t) => t.canvas));
    worker.postMessage({ type: 'begin', chart: 0, color: '#D55E00', width: 6, ratio: 1 });
    worker.postMessage({ type: 'points', chart: 0, xy: [50, 128, 450, 128] });
    // The segment crosses both tiles: both show it (the second one in its own coordinates).
    await vi.waitFor(
      async () => {
        const at = await screenshotOf(host!);
        for (const x of [100, 250, 300, 400]) expect(at(x, 128)).toEqual([213, 94, 0]);
        expect(at(300, 60)).toEqual([255, 255, 255]);
      },
      { timeout: 3000, interval: 100 },
    );
    // Cleared: both tiles, the second one too (its drawing is offset by a tile).
    worker.postMessage({ type: 'clear', chart: 0 });
    await vi.waitFor(
      async () => {
        const at = await screenshotOf(host!);
        for (const x of [100, 300, 400]) expect(at(x, 128)).toEqual([255, 255, 255]);
      },
      { timeout: 3000, interval: 100 },
    );
  });
});

async function screenshotOf(element: HTMLElement): Promise<(x: number, y: number) => number[]> {
  const png = await page.screenshot({ element, save: false });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const scale = bitmap.width / element.getBoundingClientRect().width;
  return (x, y) => [...ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data.slice(0, 3)];
}
