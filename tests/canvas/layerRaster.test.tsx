import Konva from 'konva';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { displayLayer, drawFramesLater, RasterLink } from '../../renderer/canvas/canvasDisplay';
import { CurveChart } from '../../renderer/canvas/CurveChart';
import { presenterStyle } from '../../renderer/canvas/chartGeometry';
import { LayerRasterToWorker, PROPERTY_CODE, RASTER_METHODS, RASTER_PROPERTIES, type RasterOps } from '../../renderer/canvas/layerRasterProtocol';
import { LayerRecorder } from '../../renderer/canvas/layerRecorder';
import { enthusiasm, timePos, type Curve, type LineStyle, type Participant, type Team } from '../../renderer/domain';
import type { VisibleCurve } from '../../renderer/state';
// The app's bundled font, as the page has it: the worker must draw text in it too.
import '../../renderer/fonts/inter.css';
import { timelineProps } from './chartFixture';

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A drawing's calls as the page sends them, from readable ones: ['moveTo', 1, 2], ['=', 'lineWidth', 3]. */
function encode(calls: readonly (readonly unknown[])[]): RasterOps {
  const numbers: number[] = [];
  const kinds: number[] = [];
  const values: unknown[] = [];
  const put = (v: unknown) => {
    if (typeof v === 'number') {
      numbers.push(v);
      kinds.push(0);
    } else {
      numbers.push(values.length);
      kinds.push(1);
      values.push(v);
    }
  };
  for (const [name, ...args] of calls) {
    if (name === '=') [PROPERTY_CODE + RASTER_PROPERTIES.indexOf(args[0] as never), 1, args[1]].forEach(put);
    else [RASTER_METHODS.indexOf(name as never), args.length, ...args].forEach(put);
  }
  return { numbers: Float64Array.from(numbers), kinds: Uint8Array.from(kinds), values: values as RasterOps['values'] };
}

/** The other way round. */
function decode({ numbers, kinds, values }: RasterOps): unknown[][] {
  const arg = (k: number) => (kinds[k] === 1 ? values[numbers[k]!] : numbers[k]);
  const calls: unknown[][] = [];
  for (let i = 0; i < numbers.length; i += 2 + numbers[i + 1]!) {
    const code = numbers[i]!;
    const args = Array.from({ length: numbers[i + 1]! }, (_, k) => arg(i + 2 + k));
    calls.push(code >= PROPERTY_CODE ? ['=', RASTER_PROPERTIES[code - PROPERTY_CODE], ...args] : [RASTER_METHODS[code], ...args]);
  }
  return calls;
}

/** Raw lists of calls: numbers, and which of them name a value. */
const raw = (numbers: number[], values: unknown[] = [], kinds: number[] = numbers.map(() => 0)) => ({
  numbers: Float64Array.from(numbers),
  kinds: Uint8Array.from(kinds),
  values,
});

describe('the layer-raster worker boundary', () => {
  it('takes the messages the page sends', () => {
    for (const message of [
      { type: 'fonts', faces: [{ family: 'Inter', url: '/assets/inter.woff2', weight: '400', style: 'normal', stretch: 'normal', unicodeRange: 'U+0-FF' }] },
      { type: 'chart', chart: 0, canvas: new OffscreenCanvas(10, 10) },
      {
        type: 'draw',
        chart: 0,
        layer: 3,
        width: 3840,
        visible: true,
        height: 1700,
        ops: encode([
          ['reset'],
          ['scale', 2, 2],
          ['=', 'strokeStyle', '#0072B2'],
          ['setLineDash', [6, 4]],
          ['bezierCurveTo', 1, 2, 3, 4, 5, 6],
          ['fill', 'evenodd'],
          ['=', 'imageSmoothingEnabled', true],
          ['=', 'font', 'bold 26px Inter'],
          ['fillText', 'Handover', 10, 20],
        ]),
      },
      { type: 'dispose', chart: 0, layer: 3 },
      { type: 'dispose', chart: 0 },
      { type: 'compose', chart: 0 },
    ]) {
      expect(LayerRasterToWorker.safeParse(message).success).toBe(true);
    }
  });

  it('refuses what the page never sends', () => {
    const draw = (ops: unknown) => ({ type: 'draw', chart: 0, layer: 1, width: 100, height: 100, visible: true, ops });
    const moveTo = RASTER_METHODS.indexOf('moveTo');
    for (const message of [
      null,
      { type: 'paint', chart: 0 },
      { type: 'chart', chart: 0, canvas: {} },
      { type: 'dispose', chart: -1 },
      { type: 'dispose', chart: 0, layer: 1.5 },
      { type: 'compose' },
      { type: 'compose', chart: 'all' },
      { ...draw(encode([])), visible: 'yes' },
      { ...draw(encode([])), chart: undefined },
      { ...draw(encode([])), width: 1.5 },
      { ...draw(encode([])), height: 40_000 },
      { type: 'fonts', faces: [{ family: '', url: '/x.woff2', weight: '400', style: 'normal', stretch: 'normal', unicodeRange: '' }] },
      draw([moveTo, 2, 1, 2]), // a plain array, not the typed ones
      draw(raw([RASTER_METHODS.length + RASTER_PROPERTIES.length, 0])), // no such call (drawImage, getImageData … have none)
      draw(raw([-1, 0])),
      draw(raw([0.5, 0])),
      draw(raw([moveTo, 2, 1])), // fewer arguments than it says
      draw(raw([moveTo, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9])),
      draw(raw([moveTo], [], [1])), // a code that is a value
      draw(raw([moveTo, 2, 0, 2], [], [0, 0, 1, 0])), // names a value that is not there
      draw(raw([moveTo, 2, 0, 2], [{ x: 1 }], [0, 0, 1, 0])),
      draw(encode([['fillText', 'x'.repeat(10_001), 0, 0]])),
      draw(raw([PROPERTY_CODE, 2, 1, 2])), // a property takes one value
      draw(encode([['=', 'lineWidth', [1, 2]]])),
      draw(encode([['setLineDash', Array.from({ length: 65 }, () => 1)]])),
      draw(raw([moveTo, 0], [], [0])), // fewer kinds than numbers
      draw(raw(Array.from({ length: 1_000_001 }, () => 0))),
    ]) {
      expect(LayerRasterToWorker.safeParse(message).success).toBe(false);
    }
  });
});

describe('LayerRecorder', () => {
  it('writes down calls and properties in order, and what was set reads back', () => {
    const recorder = new LayerRecorder();
    const ctx = recorder.context;
    ctx.save();
    ctx.strokeStyle = '#D55E00';
    ctx.lineWidth = 7;
    ctx.setLineDash([10, 5]);
    ctx.beginPath();
    ctx.moveTo(1, 2);
    ctx.bezierCurveTo(3, 4, 5, 6, 7, 8);
    ctx.stroke();
    ctx.restore();
    expect(ctx.lineWidth).toBe(7);
    expect(ctx.measureText('abc').width).toBeGreaterThan(0);
    expect(decode(recorder.take())).toEqual([
      ['save'],
      ['=', 'strokeStyle', '#D55E00'],
      ['=', 'lineWidth', 7],
      ['setLineDash', [10, 5]],
      ['beginPath'],
      ['moveTo', 1, 2],
      ['bezierCurveTo', 3, 4, 5, 6, 7, 8],
      ['stroke'],
      ['restore'],
    ]);
    expect(decode(recorder.take())).toEqual([]);
    expect(recorder.unsupported).toBeNull();
  });

  it('starts again from a reset context when the canvas is resized', () => {
    const recorder = new LayerRecorder();
    recorder.context.lineWidth = 3;
    recorder.context.fillRect(0, 0, 1, 1);
    recorder.resized();
    recorder.context.scale(2, 2);
    expect(decode(recorder.take())).toEqual([['reset'], ['scale', 2, 2]]);
  });

  it('names the first thing it cannot hand on: an image, a gradient, a Path2D, a filter', () => {
    for (const [draw, name] of [
      [(c: CanvasRenderingContext2D) => c.drawImage(new OffscreenCanvas(1, 1), 0, 0), 'drawImage'],
      [(c: CanvasRenderingContext2D) => (c.fillStyle = c.createLinearGradient(0, 0, 1, 1)), 'createLinearGradient'],
      [(c: CanvasRenderingContext2D) => c.fill(new Path2D('M0 0L1 1')), 'fill'],
      [(c: CanvasRenderingContext2D) => c.putImageData(new ImageData(1, 1), 0, 0), 'putImageData'],
      [(c: CanvasRenderingContext2D) => (c.filter = 'blur(2px)'), 'filter'],
    ] as const) {
      const recorder = new LayerRecorder();
      draw(recorder.context);
      expect(recorder.unsupported).toBe(name);
    }
  });

  it('writes text down with its font, and measures it in that font', () => {
    const recorder = new LayerRecorder();
    const ctx = recorder.context;
    const small = ctx.measureText('Handover').width;
    ctx.font = 'bold 40px sans-serif';
    ctx.fillText('Handover', 10, 20);
    expect(ctx.measureText('Handover').width).toBeGreaterThan(small * 2);
    expect(decode(recorder.take())).toEqual([
      ['=', 'font', 'bold 40px sans-serif'],
      ['fillText', 'Handover', 10, 20],
    ]);
    expect(recorder.unsupported).toBeNull();
  });
});

// ── Drawn by the worker, as the page shows it ───────────────────────────────

const WIDTH = 700;
const HEIGHT = 350;

function waveCurve(name: string, color: string, lineStyle: LineStyle, phase: number, faded: boolean): VisibleCurve {
  const team: Team = { id: `t-${lineStyle}`, name: lineStyle, role: 'other', lineStyle };
  const participant: Participant = { id: `p-${name}`, name, teamId: team.id, color };
  const points = Array.from({ length: 20 }, (_, k) => [timePos(k / 19), enthusiasm(0.5 + 0.35 * Math.sin(k / 3 + phase))] as const);
  const curve: Curve = { participantId: participant.id, roundId: 'r', points: points as unknown as Curve['points'] };
  return { participant, team, curve, faded };
}

const curves = [
  waveCurve('Anna', '#0072B2', 'solid', 0, false),
  waveCurve('Bernd', '#D55E00', 'dashed', 1.5, true),
  waveCurve('Clara', '#009E73', 'dotted', 3, false),
];
const markers = curves.map((c, i) => ({
  key: c.participant.id,
  color: c.participant.color,
  marker: (['circle', 'square', 'triangle'] as const)[i]!,
  markerPoints: [[0.25 + i * 0.2, c.curve.points[5]![1]] as const],
  faded: c.faded,
}));

const hosts: HTMLDivElement[] = [];
const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  for (const host of hosts.splice(0)) host.remove();
});

function mount(rasterOffThread: boolean): HTMLDivElement {
  const host = document.createElement('div');
  Object.assign(host.style, { width: `${WIDTH}px`, height: `${HEIGHT}px`, background: '#fff' });
  document.body.append(host);
  hosts.push(host);
  const root = createRoot(host);
  roots.push(root);
  act(() =>
    root.render(
      <CurveChart
        {...timelineProps}
        curves={curves}
        keepFadedBeneath
        rasterOffThread={rasterOffThread}
        markers={markers as never}
        drawColor={null}
        handoverBadge="Handover"
        label="layer raster"
        style={presenterStyle(WIDTH, HEIGHT)}
      />,
    ),
  );
  return host;
}

/** A screenshot of an element as the browser composited it, as RGBA. */
async function shot(element: HTMLElement): Promise<Uint8ClampedArray> {
  const png = await page.screenshot({ element, save: false });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
}

/** Share of pixels that differ by more than a little in any channel. */
function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let off = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) > 24 || Math.abs(a[i + 1]! - b[i + 1]!) > 24 || Math.abs(a[i + 2]! - b[i + 2]!) > 24) off++;
  }
  return off / (a.length / 4);
}

/** Share of pixels that are not the white page. */
function inked(a: Uint8ClampedArray): number {
  let ink = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i]! < 200 || a[i + 1]! < 200 || a[i + 2]! < 200) ink++;
  return ink / (a.length / 4);
}

describe('curve layers drawn by the layer-raster worker', () => {
  it('show the same chart as the page draws itself: faded and full curves, casings, dashes, markers and text in the page fonts', async () => {
    await page.viewport(WIDTH + 40, HEIGHT * 2 + 200);
    // The page loads a face when it is first used; the worker loads them all.
    for (const weight of [400, 600, 700]) await document.fonts.load(`${weight} 16px Inter`);
    expect(document.fonts.check('700 16px Inter')).toBe(true);
    const onPage = mount(false);
    const byWorker = mount(true);
    const chart = (host: HTMLDivElement) => host.querySelector<HTMLElement>('[data-testid="curve-chart"]')!;
    // The layers of one chart go to the worker and are shown through one canvas; the other's stay here.
    await vi.waitFor(() => expect(byWorker.querySelectorAll('canvas[data-raster="worker"]').length).toBe(1));
    expect(byWorker.querySelectorAll('canvas[data-layer-display]').length).toBe(1);
    expect(onPage.querySelectorAll('canvas[data-raster="worker"]').length).toBe(0);
    // What the worker draws reaches the screen in its own frames: wait until both charts look alike.
    let a: Uint8ClampedArray = new Uint8ClampedArray();
    let b: Uint8ClampedArray = new Uint8ClampedArray();
    await vi.waitFor(
      async () => {
        [a, b] = [await shot(chart(onPage)), await shot(chart(byWorker))];
        expect(a.length).toBe(b.length);
        expect(differing(a, b)).toBeLessThan(0.002);
      },
      { timeout: 5000, interval: 100 },
    );
    // And the charts show curves at all: the background alone inks far less.
    const background = inked(a);
    expect(background).toBeGreaterThan(0.05);
    // The layer's own canvas is never drawn on: the worker has the pixels.
    const own = byWorker.querySelector<HTMLCanvasElement>('canvas[data-layer="full"]')!;
    expect(own.style.display).toBe('none');
  });

  it('follows a change of curves: a curve taken away is gone from the screen', async () => {
    await page.viewport(WIDTH + 40, HEIGHT + 80);
    const host = mount(true);
    const chart = host.querySelector<HTMLElement>('[data-testid="curve-chart"]')!;
    await vi.waitFor(async () => expect(inked(await shot(chart))).toBeGreaterThan(0.05), { timeout: 5000, interval: 100 });
    const before = inked(await shot(chart));
    act(() =>
      roots[0]!.render(
        <CurveChart
          {...timelineProps}
          curves={[]}
          rasterOffThread
          drawColor={null}
          handoverBadge="Handover"
          label="layer raster"
          style={presenterStyle(WIDTH, HEIGHT)}
        />,
      ),
    );
    await vi.waitFor(async () => expect(inked(await shot(chart))).toBeLessThan(before - 0.02), { timeout: 5000, interval: 100 });
  });
});

describe('a layer the worker cannot draw', () => {
  it('goes back to the page for good, and is drawn there at once', async () => {
    await page.viewport(440, 240);
    const { host, stage, layer } = stageWithSquare();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = displayLayer(layer, 1, true);
    expect(host.querySelectorAll('canvas[data-raster="worker"]').length).toBe(1);
    // An image is not sent to the worker.
    const image = document.createElement('canvas');
    image.width = image.height = 20;
    layer.add(new Konva.Image({ x: 220, y: 80, image, width: 20, height: 20 }));
    layer.draw();
    await vi.waitFor(() => expect(host.querySelectorAll('canvas[data-raster="worker"]').length).toBe(0));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cannot be drawn off'));
    // Drawn here, on the layer's own canvas, and shown.
    await vi.waitFor(async () => {
      const pixels = await shot(host);
      const at = (x: number, y: number) => Array.from(pixels.slice((y * 400 + x) * 4, (y * 400 + x) * 4 + 3));
      expect(at(100, 100)).toEqual([0, 114, 178]);
      expect(inked(pixels)).toBeGreaterThan(0.45);
    });
    stop();
    stage.destroy();
    warn.mockRestore();
  });
});

/** A stage with one layer: a blue square on its left half. */
function stageWithSquare(): { host: HTMLDivElement; stage: Konva.Stage; layer: Konva.Layer } {
  const host = document.createElement('div');
  Object.assign(host.style, { width: '400px', height: '200px', background: '#fff' });
  document.body.append(host);
  hosts.push(host);
  const stage = new Konva.Stage({ container: host, width: 400, height: 200, listening: false });
  const layer = new Konva.Layer({ listening: false });
  stage.add(layer);
  layer.add(new Konva.Rect({ x: 0, y: 0, width: 200, height: 200, fill: '#0072B2' }));
  return { host, stage, layer };
}

describe('a layer-raster worker that cannot load', () => {
  it('leaves the layer to the page, which draws it', async () => {
    await page.viewport(440, 240);
    const { host, stage, layer } = stageWithSquare();
    const missing = new RasterLink(() => new Worker(new URL('/no-such-raster-worker.js', location.href), { type: 'module' }));
    const stop = displayLayer(layer, 1, true, missing);
    layer.draw();
    await vi.waitFor(() => expect(host.querySelectorAll('canvas[data-raster="worker"]').length).toBe(0), { timeout: 5000 });
    await vi.waitFor(async () => {
      const pixels = await shot(host);
      expect(Array.from(pixels.slice((100 * 400 + 100) * 4, (100 * 400 + 100) * 4 + 3))).toEqual([0, 114, 178]);
    });
    expect(missing.available()).toBe(false);
    stop();
    stage.destroy();
  });
});

describe('drawFramesLater', () => {
  it('draws a layer once, two frames after the next, however often it is asked', async () => {
    const { stage, layer } = stageWithSquare();
    // The draws Konva asked for while the stage was built are done first.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    drawFramesLater(layer);
    let draws = 0;
    layer.on('draw', () => draws++);
    layer.batchDraw();
    layer.batchDraw();
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    await frame();
    await frame();
    expect(draws).toBe(0);
    layer.batchDraw();
    await frame();
    expect(draws).toBe(1);
    await frame();
    await frame();
    expect(draws).toBe(1);
    stage.destroy();
  });
});

describe('the layer-raster worker, after a chart is sized', () => {
  it('readies the display after a resize with the pixels it shows, never with an update the page has not finished sending', async () => {
    await page.viewport(300, 200);
    const link = new RasterLink(() => new Worker(new URL('../../renderer/canvas/layerRaster.worker.ts', import.meta.url), { type: 'module' }));
    expect(link.available()).toBe(true);
    const display = document.createElement('canvas');
    Object.assign(display.style, { display: 'block', width: '200px', height: '100px' });
    document.body.append(display);
    const offscreen = display.transferControlToOffscreen();
    link.post({ type: 'chart', chart: 1, canvas: offscreen }, [offscreen]);
    const fill = (color: string, height = 100) => {
      const ops = encode([['=', 'fillStyle', color], ['fillRect', 0, 0, 200, height]]);
      link.post({ type: 'draw', chart: 1, layer: 0, width: 200, height, visible: true, ops }, [ops.numbers.buffer, ops.kinds.buffer]);
    };
    const middle = async () => {
      const pixels = await shot(display);
      return Array.from(pixels.slice((50 * 200 + 100) * 4, (50 * 200 + 100) * 4 + 3));
    };
    fill('#ff0000');
    link.post({ type: 'compose', chart: 1 });
    await vi.waitFor(async () => expect(await middle()).toEqual([255, 0, 0]), { timeout: 5000, interval: 50 });
    // The chart is resized: the worker commits the same pixels twice more, 60 ms apart.
    fill('#ff0000', 101);
    link.post({ type: 'compose', chart: 1 });
    // An update's first layer arrives; its compose has not (the page is still drawing its other layers).
    fill('#0000ff', 101);
    await new Promise((r) => setTimeout(r, 400));
    expect(await middle()).toEqual([255, 0, 0]);
    link.post({ type: 'compose', chart: 1 });
    await vi.waitFor(async () => expect(await middle()).toEqual([0, 0, 255]), { timeout: 5000, interval: 50 });
    link.post({ type: 'dispose', chart: 1 });
    display.remove();
  });
});
