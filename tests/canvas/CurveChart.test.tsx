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

async function renderChart(curves: VisibleCurve[], onStroke?: (s: StrokeSample[]) => void, drawColor: string | null = null) {
  host = document.createElement('div');
  host.style.width = `${WIDTH}px`;
  host.style.height = `${HEIGHT}px`;
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
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
      />,
    );
  });
  // Layers: background, faded curves, full curves, live stroke.
  await vi.waitFor(() => expect(host!.querySelectorAll('canvas').length).toBe(4));
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  return Array.from(host.querySelectorAll('canvas'));
}

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

const close = (actual: number[], expected: number[], tolerance = 40) =>
  actual.slice(0, 3).every((v, i) => Math.abs(v - expected[i]!) <= tolerance) && actual[3]! > 200;

describe('CurveChart', () => {
  it('draws a curve in its participant colour where the geometry puts it, and nothing elsewhere', async () => {
    const [, , curves] = await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.75)]);
    const y = geometry.yOf(enthusiasm(0.75));
    expect(close(pixel(curves!, geometry.xOf(timePos(0.3)), y), [213, 94, 0])).toBe(true);
    expect(pixel(curves!, geometry.xOf(timePos(0.3)), geometry.yOf(enthusiasm(0.25)))[3]).toBe(0);
  });

  it('keeps faded curves on their own layer, so a committed stroke redraws only the full curves', async () => {
    const others = { ...flatCurve('Sam', '#0072B2', 'solid', 0.8), faded: true };
    const own = flatCurve('Pat', '#D55E00', 'solid', 0.3);
    const [, fadedLayer, fullLayer] = await renderChart([others, own]);
    const x = geometry.xOf(timePos(0.5));
    const yOthers = geometry.yOf(enthusiasm(0.8));
    const yOwn = geometry.yOf(enthusiasm(0.3));
    expect(pixel(fadedLayer!, x, yOthers)[3]).toBeGreaterThan(0);
    expect(pixel(fullLayer!, x, yOthers)[3]).toBe(0);
    expect(close(pixel(fullLayer!, x, yOwn), [213, 94, 0])).toBe(true);
    expect(pixel(fadedLayer!, x, yOwn)[3]).toBe(0);
  });

  it('tells teams apart by line style: a dashed line has gaps, a solid one none', async () => {
    const [, , curves] = await renderChart([
      flatCurve('Sam', '#0072B2', 'solid', 0.8),
      flatCurve('Pat', '#0072B2', 'dashed', 0.3),
    ]);
    const gapsAlong = (level: number) => {
      let gaps = 0;
      const y = geometry.yOf(enthusiasm(level));
      for (let x = geometry.plot.left + 10; x < geometry.plot.right - 10; x += 2) {
        if (pixel(curves!, x, y)[3]! < 50) gaps++;
      }
      return gaps;
    };
    expect(gapsAlong(0.8)).toBe(0);
    expect(gapsAlong(0.3)).toBeGreaterThan(20);
  });

  it('marks the handover milestone in the handover colour on the background layer', async () => {
    const [background] = await renderChart([]);
    const x = geometry.xOf(timePos(0.5));
    const y = (geometry.plot.top + geometry.plot.bottom) / 2;
    // Handover red (#b3261e), antialiased at the line's edge; an ordinary milestone is grey.
    const [r, g, b] = pixel(background!, x, y);
    expect(r! - g!).toBeGreaterThan(80);
    expect(r! - b!).toBeGreaterThan(80);
  });

  it('renders at the device pixel ratio so lines stay sharp on HiDPI screens', async () => {
    Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
    const canvases = await renderChart([flatCurve('Anna', '#D55E00', 'solid', 0.5)]);
    for (const c of canvases) {
      expect(c.width).toBe(WIDTH * 2);
      expect(c.getBoundingClientRect().width).toBe(WIDTH);
    }
  });

  it('turns a pointer drag into one stroke in chart units, delivered on pointer-up', async () => {
    const onStroke = vi.fn();
    const canvases = await renderChart([], onStroke, '#009E73');
    const target = host!.querySelector<HTMLDivElement>('[data-testid="curve-chart"]')!;
    const rect = target.getBoundingClientRect();
    const fire = (type: string, t: number, e: number) =>
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
    fire('pointerdown', 0.1, 0.2);
    for (let i = 1; i <= 10; i++) fire('pointermove', 0.1 + i * 0.05, 0.2 + i * 0.05);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));
    // The live stroke is on screen before it is committed.
    expect(onStroke).not.toHaveBeenCalled();
    const live = canvases[3]!;
    expect(close(pixel(live, geometry.xOf(timePos(0.35)), geometry.yOf(enthusiasm(0.45))), [0, 158, 115])).toBe(true);
    fire('pointerup', 0.6, 0.7);
    expect(onStroke).toHaveBeenCalledTimes(1);
    const stroke = onStroke.mock.calls[0]![0] as StrokeSample[];
    expect(stroke[0]!.x).toBeCloseTo(0.1, 2);
    expect(stroke[0]!.y).toBeCloseTo(0.2, 2);
    expect(stroke.at(-1)!.x).toBeCloseTo(0.6, 2);
    expect(stroke.at(-1)!.y).toBeCloseTo(0.7, 2);
    // Committed: the live layer is clear again.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(pixel(live, geometry.xOf(timePos(0.35)), geometry.yOf(enthusiasm(0.45)))[3]).toBe(0);
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
  });
});
