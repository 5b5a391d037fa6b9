import Konva from 'konva';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { CurveChart } from '../../renderer/canvas/CurveChart';
import { layoutChart, LAPTOP_STYLE, presenterStyle, type ChartStyle } from '../../renderer/canvas/chartGeometry';
import { LiveStrokeTiles, LiveStrokeWorkerLink } from '../../renderer/canvas/liveStrokeTiles';
import { enthusiasm, timePos, type Curve, type LineStyle, type Participant, type StrokeSample, type Team } from '../../renderer/domain';
import type { VisibleCurve } from '../../renderer/state';
import { milestones, phases, scale } from './chartFixture';

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WIDTH = 800;
const HEIGHT = 400;
const geometry = layoutChart(WIDTH, HEIGHT, phases, milestones, 'h', [scale.low, scale.mid, scale.high], LAPTOP_STYLE);

function flatCurve(name: string, color: string, lineStyle: LineStyle, level: number): VisibleCurve {
  const team: Team = { id: `t-${lineStyle}`, name: lineStyle, role: 'other', lineStyle };
  const participant: Participant = { id: `p-${name}`, name, teamId: team.id, color };
  const curve: Curve = { participantId: participant.id, roundId: 'r', points: [[timePos(0), enthusiasm(level)], [timePos(1), enthusiasm(level)]] };
  return { participant, team, curve, faded: false };
}

let root: Root | null = null;
let host: HTMLDivElement | null = null;

interface ChartProps {
  curves: VisibleCurve[];
  onStroke?: (s: StrokeSample[]) => void;
  drawColor?: string | null;
  style?: ChartStyle;
}

function chartElement({ curves, onStroke, drawColor = null, style }: ChartProps) {
  return (
    <CurveChart
      phases={phases}
      milestones={milestones}
      handoverId="h"
      scale={scale}
      curves={curves}
      drawColor={drawColor}
      onStroke={onStroke}
      handoverBadge="Handover"
      label="test chart"
      style={style}
    />
  );
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

async function renderChart(curves: VisibleCurve[], onStroke?: (s: StrokeSample[]) => void, drawColor: string | null = null, style?: ChartStyle) {
  // Room for the chart and for it to grow, so screenshots show all of it.
  await page.viewport(WIDTH + 40, HEIGHT + 140);
  host = document.createElement('div');
  host.style.width = `${WIDTH}px`;
  host.style.height = `${HEIGHT}px`;
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(chartElement({ curves, onStroke, drawColor, style }));
  });
  // Every layer is there from the start; the background is drawn (and shown) on the first frame.
  await vi.waitFor(() => expect(host!.querySelectorAll('canvas[data-layer]').length).toBe(5));
  await vi.waitFor(() => expect(display('background').style.display).toBe(''));
  await nextFrame();
  return { background: layer('background'), faded: layer('faded'), full: layer('full') };
}

/** A layer's own (Konva) canvas, by name. */
const layer = (name: string) => host!.querySelector<HTMLCanvasElement>(`canvas[data-layer="${name}"]`)!;
/** The bitmap canvas that shows a layer on screen. */
const display = (name: string) => host!.querySelector<HTMLCanvasElement>(`canvas[data-layer-display="${name}"]`)!;
const liveTiles = () => Array.from(host!.querySelectorAll<HTMLCanvasElement>('canvas[data-live-tile]'));

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
  Reflect.deleteProperty(window, 'devicePixelRatio');
});

/** RGBA at a CSS-pixel position of a layer canvas, whatever its pixel ratio. */
function pixel(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const ratio = canvas.width / WIDTH;
  const ctx = canvas.getContext('2d')!;
  return [...ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data];
}

/**
 * What the page shows: a screenshot of the chart as the browser composited it (the layers' displays and
 * the live stroke's tiles, whichever thread drew them), read back at CSS-pixel positions of the chart.
 */
async function shown(element?: HTMLElement): Promise<(x: number, y: number) => number[]> {
  const chart = element ?? host!.querySelector<HTMLElement>('[data-testid="curve-chart"]')!;
  const png = await page.screenshot({ element: chart, save: false });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const scale = bitmap.width / chart.getBoundingClientRect().width;
  return (x, y) => [...ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data];
}

/** Waits until the page shows (or no longer shows) a colour at a CSS-pixel position of the chart. */
async function waitUntilShown(x: number, y: number, color: number[], showing = true) {
  await vi.waitFor(
    async () => {
      const pixel = (await shown())(x, y);
      expect(close(pixel, color)).toBe(showing);
    },
    { timeout: 3000, interval: 50 },
  );
}

const close = (actual: number[], expected: number[], tolerance = 40) =>
  actual.slice(0, 3).every((v, i) => Math.abs(v - expected[i]!) <= tolerance) && actual[3]! > 200;

/** Pointer events on the chart at timeline positions. */
function pointer() {
  const target = host!.querySelector<HTMLDivElement>('[data-testid="curve-chart"]')!;
  const rect = target.getBoundingClientRect();
  return (type: string, t: number, e: number) =>
    target.dispatchEvent(
      new PointerEvent(type, {
        bubbles: true,
        pointerId: 7,
        pointerType: 'pen',
        isPrimary: true,
        button: 0,
        clientX: rect.left + geometry.xOf(timePos(t)),
        clientY: rect.top + geometry.yOf(enthusiasm(e)),
      }),
    );
}

/** How often each layer's canvas was cleared (Konva clears a layer before each draw) while `during` runs. */
async function layerClears(during: () => Promise<void>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const proto = CanvasRenderingContext2D.prototype;
  const { clearRect } = proto;
  proto.clearRect = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof clearRect>) {
    const name = this.canvas.dataset.layer;
    if (name) counts[name] = (counts[name] ?? 0) + 1;
    return clearRect.apply(this, args);
  };
  try {
    await during();
  } finally {
    proto.clearRect = clearRect;
  }
  return counts;
}

/** Counts clears and strokes on the layers' own canvases while `during` runs. */
async function layerRepaints(during: () => Promise<void>): Promise<number> {
  let count = 0;
  const proto = CanvasRenderingContext2D.prototype;
  const { clearRect, stroke } = proto;
  proto.clearRect = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof clearRect>) {
    if (this.canvas.dataset.layer) count++;
    return clearRect.apply(this, args);
  };
  proto.stroke = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof stroke>) {
    if (this.canvas.dataset.layer) count++;
    return stroke.apply(this, args as never);
  } as typeof stroke;
  try {
    await during();
  } finally {
    proto.clearRect = clearRect;
    proto.stroke = stroke;
  }
  return count;
}

describe('CurveChart', () => {
  it('draws a curve in its participant colour where the geometry puts it, and nothing elsewhere', async () => {
    const { full } = await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.75)]);
    const y = geometry.yOf(enthusiasm(0.75));
    expect(close(pixel(full, geometry.xOf(timePos(0.3)), y), [213, 94, 0])).toBe(true);
    expect(pixel(full, geometry.xOf(timePos(0.3)), geometry.yOf(enthusiasm(0.25)))[3]).toBe(0);
  });

  it('shows each layer through its display canvas, so the page shows what the layers drew', async () => {
    await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.75)]);
    const x = geometry.xOf(timePos(0.3));
    await waitUntilShown(x, geometry.yOf(enthusiasm(0.75)), [213, 94, 0]);
    // Elsewhere the background: white, or the pale band of a shaded phase.
    const [r, g, b] = (await shown())(x, geometry.yOf(enthusiasm(0.25)));
    expect(Math.min(r!, g!, b!)).toBeGreaterThan(200);
    // The layers' own canvases are kept out of the page; empty layers are not shown at all.
    expect(layer('full').getBoundingClientRect().width).toBe(0);
    expect(display('overlay').style.display).toBe('none');
  });

  it('keeps faded curves on their own layer, so a committed stroke redraws only the full curves', async () => {
    const others = { ...flatCurve('Sam', '#0072B2', 'solid', 0.8), faded: true };
    const own = flatCurve('Pat', '#D55E00', 'solid', 0.3);
    const { faded: fadedLayer, full: fullLayer } = await renderChart([others, own]);
    const x = geometry.xOf(timePos(0.5));
    const yOthers = geometry.yOf(enthusiasm(0.8));
    const yOwn = geometry.yOf(enthusiasm(0.3));
    expect(pixel(fadedLayer, x, yOthers)[3]).toBeGreaterThan(0);
    expect(pixel(fullLayer, x, yOthers)[3]).toBe(0);
    expect(close(pixel(fullLayer, x, yOwn), [213, 94, 0])).toBe(true);
    expect(pixel(fadedLayer, x, yOwn)[3]).toBe(0);
  });

  it('draws markers with their curves: a highlight that moves redraws the highlighted curves and markers, not the faded ones', async () => {
    const people = [0.2, 0.5, 0.8].map((level, i) => flatCurve(`M${i}`, '#0072B2', 'solid', level));
    const markersFor = (highlighted: number) =>
      people.map((c, i) => ({
        key: c.participant.id,
        color: '#0072B2',
        marker: 'square' as const,
        markerPoints: [[0.25, [0.2, 0.5, 0.8][i]!] as const],
        faded: i !== highlighted,
      }));
    const curvesFor = (highlighted: number) => people.map((c, i) => ({ ...c, faded: i !== highlighted }));
    const element = (highlighted: number) => (
      <CurveChart
        phases={phases}
        milestones={milestones}
        handoverId="h"
        scale={scale}
        curves={curvesFor(highlighted)}
        markers={markersFor(highlighted)}
        keepFadedBeneath
        drawColor={null}
        handoverBadge="Handover"
        label="test chart"
      />
    );
    await renderChart([]);
    await act(async () => root!.render(element(0)));
    await nextFrame();
    await nextFrame();
    const x = geometry.xOf(timePos(0.25));
    const at = (level: number) => geometry.yOf(enthusiasm(level));
    // Everyone's marker is on the faded layer, the highlighted person's again on the full layer above it.
    for (const level of [0.2, 0.5, 0.8]) expect(pixel(layer('faded'), x, at(level))[3]).toBeGreaterThan(0);
    expect(close(pixel(layer('full'), x, at(0.2)), [0, 114, 178])).toBe(true);
    expect(pixel(layer('full'), x, at(0.5))[3]).toBe(0);
    // The highlight moves to the second person: only the full layer is drawn again.
    const clears = await layerClears(async () => {
      await act(async () => root!.render(element(1)));
      await nextFrame();
      await nextFrame();
    });
    expect(clears).toEqual({ full: 1 });
    expect(close(pixel(layer('full'), x, at(0.5)), [0, 114, 178])).toBe(true);
    expect(pixel(layer('full'), x, at(0.2))[3]).toBe(0);
  });

  it('tells teams apart by line style: a dashed line has gaps, a solid one none', async () => {
    const { full } = await renderChart([flatCurve('Sam', '#0072B2', 'solid', 0.8), flatCurve('Pat', '#0072B2', 'dashed', 0.3)]);
    const gapsAlong = (level: number) => {
      let gaps = 0;
      const y = geometry.yOf(enthusiasm(level));
      for (let x = geometry.plot.left + 10; x < geometry.plot.right - 10; x += 2) {
        if (pixel(full, x, y)[3]! < 50) gaps++;
      }
      return gaps;
    };
    expect(gapsAlong(0.8)).toBe(0);
    expect(gapsAlong(0.3)).toBeGreaterThan(20);
  });

  it('marks the handover milestone in the handover colour on the background layer', async () => {
    const { background } = await renderChart([]);
    const x = geometry.xOf(timePos(0.5));
    const y = (geometry.plot.top + geometry.plot.bottom) / 2;
    // Handover red (#b3261e), antialiased at the line's edge; an ordinary milestone is grey.
    const [r, g, b] = pixel(background, x, y);
    expect(r! - g!).toBeGreaterThan(80);
    expect(r! - b!).toBeGreaterThan(80);
  });

  it('does not repaint the background or the curves when the same timeline arrives as new objects', async () => {
    const curves = [flatCurve('Anna', '#D55E00', 'solid', 0.5)];
    await renderChart(curves);
    const repaints = await layerRepaints(async () => {
      await act(async () => {
        root!.render(
          <CurveChart
            phases={phases.map((p) => ({ ...p }))}
            milestones={milestones.map((m) => ({ ...m }))}
            handoverId="h"
            scale={{ ...scale }}
            curves={curves}
            drawColor={null}
            handoverBadge="Handover"
            label="test chart"
          />,
        );
      });
      await nextFrame();
      await nextFrame();
    });
    expect(repaints).toBe(0);
  });

  it('follows a resize with one draw of each layer at the new size', async () => {
    await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.5)]);
    const taller = layoutChart(WIDTH, HEIGHT + 100, phases, milestones, 'h', [scale.low, scale.mid, scale.high], LAPTOP_STYLE);
    const clears = await layerClears(async () => {
      host!.style.height = `${HEIGHT + 100}px`;
      await vi.waitFor(() => expect(layer('full').height).toBe(HEIGHT + 100));
      await nextFrame();
      await nextFrame();
    });
    expect(clears).toEqual({ background: 1, underlay: 1, faded: 1, full: 1, overlay: 1 });
    expect(display('full').getBoundingClientRect().height).toBe(HEIGHT + 100);
    await waitUntilShown(taller.xOf(timePos(0.3)), taller.yOf(enthusiasm(0.5)), [213, 94, 0]);
    // Back to the old size: the canvases keep their size (no new allocation), the picture follows the geometry.
    await layerClears(async () => {
      host!.style.height = `${HEIGHT}px`;
      await vi.waitFor(() => expect(host!.querySelector('[data-testid="curve-chart"]')!.getAttribute('data-plot')).toBe(
        `${geometry.plot.left},${geometry.plot.top},${geometry.plot.right},${geometry.plot.bottom}`,
      ));
      await nextFrame();
      await nextFrame();
    });
    expect(layer('full').height).toBe(HEIGHT + 100);
    await waitUntilShown(geometry.xOf(timePos(0.3)), geometry.yOf(enthusiasm(0.5)), [213, 94, 0]);
    expect(pixel(layer('full'), geometry.xOf(timePos(0.3)), taller.yOf(enthusiasm(0.5)))[3]).toBe(0);
  });

  it('renders at the device pixel ratio so lines stay sharp on HiDPI screens', async () => {
    Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
    await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.5)], vi.fn(), '#009E73');
    const down = pointer();
    down('pointerdown', 0.2, 0.5);
    down('pointermove', 0.4, 0.6);
    await nextFrame();
    // The layers' displays draw on surfaces of twice their size on screen; so do the live stroke's tiles.
    const displays = Array.from(host!.querySelectorAll<HTMLCanvasElement>('canvas[data-layer-display]')).filter((c) => c.getBoundingClientRect().width > 0);
    expect(displays.length).toBeGreaterThan(1);
    for (const c of displays) {
      const box = c.getBoundingClientRect();
      expect(c.dataset.surface).toBe(`${box.width * 2}x${box.height * 2}`);
    }
    expect(display('full').getBoundingClientRect().width).toBe(WIDTH);
    expect(liveTiles().length).toBeGreaterThan(0);
    for (const c of liveTiles()) expect(c.width).toBe(c.getBoundingClientRect().width * 2);
  });

  it('draws the live stroke, repainting no layer and nothing away from the pen, and hands it over on pointer-up', async () => {
    const onStroke = vi.fn();
    const others = [0.2, 0.4, 0.6, 0.8].map((level, i) => ({ ...flatCurve(`O${i}`, '#0072B2', 'solid', level), faded: true }));
    await renderChart(others, onStroke, '#009E73');
    const before = await shown();
    const fire = pointer();
    const repaints = await layerRepaints(async () => {
      fire('pointerdown', 0.1, 0.2);
      for (let i = 1; i <= 10; i++) fire('pointermove', 0.1 + i * 0.05, 0.2 + i * 0.05);
      await nextFrame();
      // The stroke is on screen, in the drawer's colour (drawn by the worker, so it may take a frame or two).
      await waitUntilShown(geometry.xOf(timePos(0.35)), geometry.yOf(enthusiasm(0.45)), [0, 158, 115]);
    });
    // Drawing touched no layer: the faded curves and the background were not redrawn.
    expect(repaints).toBe(0);
    expect(onStroke).not.toHaveBeenCalled();
    // Nothing changed on screen away from the stroke (the box from (0.1, 0.2) to (0.6, 0.7), and the line's width).
    const after = await shown();
    const [x0, x1] = [geometry.xOf(timePos(0.1)) - 6, geometry.xOf(timePos(0.6)) + 6];
    const [y0, y1] = [geometry.yOf(enthusiasm(0.7)) - 6, geometry.yOf(enthusiasm(0.2)) + 6];
    let changedOutside = 0;
    let changedInside = 0;
    for (let x = 2; x < WIDTH; x += 7) {
      for (let y = 2; y < HEIGHT; y += 7) {
        const changed = before(x, y).some((v, i) => Math.abs(v - after(x, y)[i]!) > 8);
        if (!changed) continue;
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) changedInside++;
        else changedOutside++;
      }
    }
    expect(changedInside).toBeGreaterThan(5);
    expect(changedOutside).toBe(0);

    fire('pointerup', 0.6, 0.7);
    expect(onStroke).toHaveBeenCalledTimes(1);
    const stroke = onStroke.mock.calls[0]![0] as StrokeSample[];
    expect(stroke[0]!.x).toBeCloseTo(0.1, 2);
    expect(stroke[0]!.y).toBeCloseTo(0.2, 2);
    expect(stroke.at(-1)!.x).toBeCloseTo(0.6, 2);
    expect(stroke.at(-1)!.y).toBeCloseTo(0.7, 2);
  });

  it('keeps the live stroke until the committed curve is drawn, then takes it down', async () => {
    let committed: StrokeSample[] = [];
    const onStroke = (s: StrokeSample[]) => (committed = s);
    await renderChart([], onStroke, '#009E73');
    const fire = pointer();
    fire('pointerdown', 0.1, 0.4);
    for (let i = 1; i <= 8; i++) fire('pointermove', 0.1 + i * 0.05, 0.4);
    const stroked = [geometry.xOf(timePos(0.3)), geometry.yOf(enthusiasm(0.4))] as const;
    // While the pen is down the stroke is on screen. (Looked at before pointer-up: after it, a stroke with
    // no new curve stays only LIVE_LINGER_MS, shorter than a screenshot takes on a loaded machine.)
    await waitUntilShown(...stroked, [0, 158, 115]);
    fire('pointerup', 0.5, 0.4);
    expect(committed.length).toBeGreaterThan(2);
    // The committed curve comes out elsewhere (as a redraw blended into an old curve might): the stroke
    // goes, the curve is there.
    const curve = flatCurve('Pat', '#009E73', 'solid', 0.6);
    await act(async () => {
      root!.render(chartElement({ curves: [curve], onStroke, drawColor: '#009E73' }));
    });
    await waitUntilShown(geometry.xOf(timePos(0.3)), geometry.yOf(enthusiasm(0.6)), [0, 158, 115]);
    await waitUntilShown(...stroked, [0, 158, 115], false);
  });

  it('takes the live stroke down after a stroke that changes no curve', async () => {
    await renderChart([], vi.fn(), '#009E73');
    const fire = pointer();
    fire('pointerdown', 0.3, 0.4);
    fire('pointermove', 0.35, 0.45);
    fire('pointermove', 0.4, 0.5);
    const at = [geometry.xOf(timePos(0.35)), geometry.yOf(enthusiasm(0.45))] as const;
    // On screen while the pen is down (after pointer-up it stays only LIVE_LINGER_MS).
    await waitUntilShown(...at, [0, 158, 115]);
    fire('pointerup', 0.4, 0.5);
    await waitUntilShown(...at, [0, 158, 115], false);
  });

  it('draws on the page itself when the live-stroke worker cannot load, the stroke so far included', async () => {
    await page.viewport(WIDTH + 40, HEIGHT + 140);
    host = document.createElement('div');
    Object.assign(host.style, { position: 'relative', width: `${WIDTH}px`, height: `${HEIGHT}px` });
    document.body.append(host);
    const missing = new LiveStrokeWorkerLink(() => new Worker(new URL('/no-such-worker.js', location.href), { type: 'module' }));
    const tiles = new LiveStrokeTiles(host, missing);
    try {
      tiles.begin('#D55E00', 4, 1);
      for (let x = 100; x <= 300; x += 20) tiles.add(x, 200);
      tiles.paint();
      // The worker fails to load; the page then makes tiles of its own along the stroke and draws all of it.
      await vi.waitFor(
        () => {
          expect(host!.querySelector('[data-live-grid]')).toBeNull();
          expect(host!.querySelectorAll('canvas[data-live-tile]').length).toBeGreaterThan(0);
        },
        { timeout: 3000 },
      );
      const at = await shown(host);
      for (const x of [110, 200, 290]) expect(close(at(x, 200), [213, 94, 0])).toBe(true);
      expect(Math.min(...at(200, 100).slice(0, 3))).toBeGreaterThan(200);
      // Later strokes are drawn here from the start.
      tiles.begin('#0072B2', 4, 1);
      tiles.add(100, 300);
      tiles.add(300, 300);
      tiles.paint();
      expect(host.querySelectorAll('canvas[data-live-tile]').length).toBeGreaterThan(0);
    } finally {
      tiles.dispose();
    }
  });

  it('ignores pointer input when drawing is off', async () => {
    const onStroke = vi.fn();
    await renderChart([], onStroke, null);
    const target = host!.querySelector<HTMLDivElement>('[data-testid="curve-chart"]')!;
    const rect = target.getBoundingClientRect();
    for (const type of ['pointerdown', 'pointermove', 'pointerup']) {
      target.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1, clientX: rect.left + 300, clientY: rect.top + 200 }));
    }
    expect(onStroke).not.toHaveBeenCalled();
    expect(liveTiles()).toHaveLength(0);
  });
});

describe('a curve in the room style (with casing)', () => {
  it('is its casing, its line over it and a ringed dot at each end, one node per curve, faded as one', async () => {
    const style = presenterStyle(WIDTH, HEIGHT);
    const g = layoutChart(WIDTH, HEIGHT, phases, milestones, 'h', [scale.low, scale.mid, scale.high], style);
    const w = style.curveWidth;
    const outline = Math.max(2, w * 0.35);
    expect([w, outline]).toEqual([4, 2]);
    const span = (c: VisibleCurve, level: number, faded: boolean): VisibleCurve => ({
      ...c,
      faded,
      curve: { ...c.curve, points: [[timePos(0.25), enthusiasm(level)], [timePos(0.75), enthusiasm(level)]] },
    });
    const blue = [0, 0, 255, 255];
    const casing = [0x1b, 0x24, 0x30, 255];
    const { full, faded } = await renderChart(
      [span(flatCurve('Anna', '#0000ff', 'solid', 0.5), 0.5, false), span(flatCurve('Bernd', '#0000ff', 'solid', 0.2), 0.2, true)],
      undefined,
      null,
      style,
    );
    const x0 = g.xOf(timePos(0.25));
    const xm = g.xOf(timePos(0.5));
    const y = g.yOf(enthusiasm(0.5));
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 8);
    // Down a column through the line: the casing (2 px), the line (4 px), the casing again, hand-counted.
    const column = Array.from({ length: 16 }, (_, k) => pixel(full, xm, Math.floor(y) - 8 + k + 0.5));
    const runs = column.map((p) => (near(p, blue) ? 'L' : near(p, casing) ? 'C' : p[3] === 0 ? '.' : '~')).join('');
    expect(runs.replace(/~/g, '')).toMatch(/^\.+C{1,3}L{3,5}C{1,3}\.+$/);
    expect(runs.match(/L/g)!.length + runs.match(/C/g)!.length + (runs.match(/~/g)?.length ?? 0)).toBeGreaterThanOrEqual(8);
    // At the start: the dot's fill (radius 5.2) over the casing's round cap (4 px), its ring (4.2–6.2 px
    // out) over both, then nothing.
    expect(pixel(full, x0 - 3, y)).toEqual(blue);
    expect(near(pixel(full, x0 - 5.5, y), casing)).toBe(true);
    expect(pixel(full, x0 - 8, y)[3]).toBe(0);
    // Faded: each part at 30 %, the line over its casing, so 30 % + 30 % of the rest is covered there.
    expect(Math.abs(pixel(faded, xm, g.yOf(enthusiasm(0.2)))[3]! - 0.51 * 255)).toBeLessThanOrEqual(3);
    // One Konva node per curve on each curve layer.
    const stage = Konva.stages.find((s) => host!.contains(s.container()))!;
    const nodes = (name: string) => stage.getLayers().find((l) => l.getCanvas()._canvas === layer(name))!.find(() => true).length;
    expect([nodes('full'), nodes('faded')]).toEqual([1, 1]);
  });
});
