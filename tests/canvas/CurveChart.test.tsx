import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CurveChart } from '../../renderer/canvas/CurveChart';
import { layoutChart, LAPTOP_STYLE } from '../../renderer/canvas/chartGeometry';
import { enthusiasm, timePos, type Curve, type LineStyle, type Participant, type StrokeSample, type Team } from '../../renderer/domain';
import type { VisibleCurve } from '../../renderer/state';

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WIDTH = 800;
const HEIGHT = 400;
const phases = [
  { id: 'a', name: 'Sales', width: 1 },
  { id: 'b', name: 'Delivery', width: 1 },
];
const milestones = [{ id: 'h', name: 'Handover', at: timePos(0.5) }];
const scale = { low: 'disappointed', mid: 'satisfied', high: 'thrilled' };
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
}

function chartElement({ curves, onStroke, drawColor = null }: ChartProps) {
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
    />
  );
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

async function renderChart(curves: VisibleCurve[], onStroke?: (s: StrokeSample[]) => void, drawColor: string | null = null) {
  host = document.createElement('div');
  host.style.width = `${WIDTH}px`;
  host.style.height = `${HEIGHT}px`;
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(chartElement({ curves, onStroke, drawColor }));
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

/** RGBA of what the page shows at a CSS-pixel position of the chart: every visible canvas, composited in order. */
function shownPixel(x: number, y: number): number[] {
  const out = document.createElement('canvas');
  out.width = 1;
  out.height = 1;
  const ctx = out.getContext('2d')!;
  const chart = host!.querySelector('[data-testid="curve-chart"]')!.getBoundingClientRect();
  const visible = Array.from(host!.querySelectorAll<HTMLCanvasElement>('canvas')).filter((c) => c.getBoundingClientRect().width > 0);
  // The live tiles sit in a host above the layers' displays.
  const order = (c: HTMLCanvasElement) => (c.dataset.liveTile ? 100 : Number(c.style.zIndex || 0));
  visible.sort((a, b) => order(a) - order(b));
  for (const c of visible) {
    const box = c.getBoundingClientRect();
    const scale = c.width / box.width;
    const cx = (x + chart.left - box.left) * scale;
    const cy = (y + chart.top - box.top) * scale;
    if (cx < 0 || cy < 0 || cx >= c.width || cy >= c.height) continue;
    ctx.drawImage(c, Math.floor(cx), Math.floor(cy), 1, 1, 0, 0, 1, 1);
  }
  return [...ctx.getImageData(0, 0, 1, 1).data];
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

  it('shows each layer through its bitmap canvas, so the page shows what the layers drew', async () => {
    await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.75)]);
    const x = geometry.xOf(timePos(0.3));
    expect(close(shownPixel(x, geometry.yOf(enthusiasm(0.75))), [213, 94, 0])).toBe(true);
    // Elsewhere the background: white, or the pale band of a shaded phase.
    const [r, g, b] = shownPixel(x, geometry.yOf(enthusiasm(0.25)));
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
    expect(close(shownPixel(taller.xOf(timePos(0.3)), taller.yOf(enthusiasm(0.5))), [213, 94, 0])).toBe(true);
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
    expect(close(shownPixel(geometry.xOf(timePos(0.3)), geometry.yOf(enthusiasm(0.5))), [213, 94, 0])).toBe(true);
    expect(pixel(layer('full'), geometry.xOf(timePos(0.3)), taller.yOf(enthusiasm(0.5)))[3]).toBe(0);
  });

  it('renders at the device pixel ratio so lines stay sharp on HiDPI screens', async () => {
    Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
    await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.5)], vi.fn(), '#009E73');
    const down = pointer();
    down('pointerdown', 0.2, 0.5);
    down('pointermove', 0.4, 0.6);
    await nextFrame();
    const shown = Array.from(host!.querySelectorAll('canvas')).filter((c) => c.getBoundingClientRect().width > 0);
    expect(shown.length).toBeGreaterThan(2);
    for (const c of shown) expect(c.width).toBe(c.getBoundingClientRect().width * 2);
    expect(display('full').getBoundingClientRect().width).toBe(WIDTH);
    expect(liveTiles().length).toBeGreaterThan(0);
  });

  it('draws the live stroke onto tiles around the pen only, repainting no layer, and hands it over on pointer-up', async () => {
    const onStroke = vi.fn();
    const others = [0.2, 0.4, 0.6, 0.8].map((level, i) => ({ ...flatCurve(`O${i}`, '#0072B2', 'solid', level), faded: true }));
    await renderChart(others, onStroke, '#009E73');
    const fire = pointer();
    const repaints = await layerRepaints(async () => {
      fire('pointerdown', 0.1, 0.2);
      for (let i = 1; i <= 10; i++) fire('pointermove', 0.1 + i * 0.05, 0.2 + i * 0.05);
      await nextFrame();
      await nextFrame();
    });
    // Drawing touched no layer: the faded curves and the background were not redrawn.
    expect(repaints).toBe(0);
    expect(onStroke).not.toHaveBeenCalled();
    // The stroke is on screen, in the drawer's colour, on tiles that lie along it and nowhere else.
    expect(close(shownPixel(geometry.xOf(timePos(0.35)), geometry.yOf(enthusiasm(0.45))), [0, 158, 115])).toBe(true);
    const chart = host!.querySelector('[data-testid="curve-chart"]')!.getBoundingClientRect();
    const [x0, x1] = [geometry.xOf(timePos(0.1)), geometry.xOf(timePos(0.6))];
    const [y0, y1] = [geometry.yOf(enthusiasm(0.7)), geometry.yOf(enthusiasm(0.2))];
    for (const tile of liveTiles()) {
      const box = tile.getBoundingClientRect();
      const [left, top] = [box.left - chart.left, box.top - chart.top];
      expect(left + box.width).toBeGreaterThan(x0 - 4);
      expect(left).toBeLessThan(x1 + 4);
      expect(top + box.height).toBeGreaterThan(y0 - 4);
      expect(top).toBeLessThan(y1 + 4);
    }
    const tileArea = liveTiles().reduce((sum, t) => sum + t.getBoundingClientRect().width * t.getBoundingClientRect().height, 0);
    expect(tileArea).toBeLessThan((x1 - x0 + 512) * (y1 - y0 + 512));

    fire('pointerup', 0.6, 0.7);
    expect(onStroke).toHaveBeenCalledTimes(1);
    const stroke = onStroke.mock.calls[0]![0] as StrokeSample[];
    expect(stroke[0]!.x).toBeCloseTo(0.1, 2);
    expect(stroke[0]!.y).toBeCloseTo(0.2, 2);
    expect(stroke.at(-1)!.x).toBeCloseTo(0.6, 2);
    expect(stroke.at(-1)!.y).toBeCloseTo(0.7, 2);
  });

  it('keeps the live stroke until the committed curve is drawn, then shows the curve in the same place', async () => {
    let committed: StrokeSample[] = [];
    const onStroke = (s: StrokeSample[]) => (committed = s);
    await renderChart([], onStroke, '#009E73');
    const fire = pointer();
    fire('pointerdown', 0.1, 0.4);
    for (let i = 1; i <= 8; i++) fire('pointermove', 0.1 + i * 0.05, 0.4);
    fire('pointerup', 0.5, 0.4);
    const at = [geometry.xOf(timePos(0.3)), geometry.yOf(enthusiasm(0.4))] as const;
    await nextFrame();
    expect(committed.length).toBeGreaterThan(2);
    // Between pointer-up and the new curves: the live stroke holds the place.
    expect(close(shownPixel(...at), [0, 158, 115])).toBe(true);
    const curve = flatCurve('Pat', '#009E73', 'solid', 0.4);
    const own: VisibleCurve = { ...curve, curve: { ...curve.curve, points: [[timePos(0.1), enthusiasm(0.4)], [timePos(0.5), enthusiasm(0.4)]] } };
    await act(async () => {
      root!.render(chartElement({ curves: [own], onStroke, drawColor: '#009E73' }));
    });
    await nextFrame();
    // One frame later: the tiles are gone and the committed curve is there, where the stroke was.
    expect(liveTiles()).toHaveLength(0);
    expect(close(shownPixel(...at), [0, 158, 115])).toBe(true);
  });

  it('takes the live stroke down after a stroke that changes no curve', async () => {
    await renderChart([], vi.fn(), '#009E73');
    const fire = pointer();
    fire('pointerdown', 0.3, 0.4);
    fire('pointermove', 0.35, 0.45);
    fire('pointerup', 0.4, 0.5);
    await nextFrame();
    expect(liveTiles().length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(liveTiles()).toHaveLength(0), { timeout: 2000 });
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
