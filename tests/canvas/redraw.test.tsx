import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { page } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CurveChart } from '../../renderer/canvas/CurveChart';
import { layoutChart, LAPTOP_STYLE } from '../../renderer/canvas/chartGeometry';
import { applyStroke, enthusiasm, timePos, type CurvePoint, type StrokeSample } from '../../renderer/domain';
import type { VisibleCurve } from '../../renderer/state';
import { milestones, phases, scale } from './chartFixture';

// Redrawing and scribbling as a person sees it: the curves applyStroke stores, drawn by the chart.
// Screenshots go to reports/shots/issue-11/ for a look.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WIDTH = 900;
const HEIGHT = 450;
const geometry = layoutChart(WIDTH, HEIGHT, phases, milestones, 'h', [scale.low, scale.mid, scale.high], LAPTOP_STYLE);

const s = (x: number, y: number): StrokeSample => ({ x: timePos(x), y: enthusiasm(y) });
function line(x0: number, y0: number, x1: number, y1: number): StrokeSample[] {
  const n = Math.max(1, Math.round(Math.abs(x1 - x0) / 0.01));
  return Array.from({ length: n + 1 }, (_, i) => s(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n));
}
const wave = applyStroke([], line(0.05, 0.45, 0.95, 0.45).map((p) => s(p.x, 0.45 + 0.1 * Math.sin(p.x * 9))));

function visible(name: string, color: string, points: CurvePoint[]): VisibleCurve {
  return {
    participant: { id: name, name, teamId: 't', color },
    team: { id: 't', name: 'Sales', role: 'sales', lineStyle: 'solid' },
    curve: { participantId: name, roundId: 'r', points },
    faded: false,
  };
}

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

async function show(curves: VisibleCurve[], shot: string) {
  await page.viewport(WIDTH + 40, HEIGHT + 40);
  host = document.createElement('div');
  host.style.width = `${WIDTH}px`;
  host.style.height = `${HEIGHT}px`;
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <CurveChart phases={phases} milestones={milestones} handoverId="h" scale={scale} curves={curves} drawColor={null} handoverBadge="Handover" label="redraw" />,
    );
  });
  await vi.waitFor(() => expect(host!.querySelector('canvas')).not.toBeNull());
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await page.screenshot({ element: host, path: `../../reports/shots/issue-11/${shot}.png` });
}

/** The tallest run of curve pixels in one column of the curves layer: a vertical seam is a tall one. */
function tallestColumn(from: number, to: number): number {
  const canvas = host!.querySelector<HTMLCanvasElement>('canvas[data-layer="full"]')!;
  const ratio = canvas.width / WIDTH;
  const ctx = canvas.getContext('2d')!;
  let tallest = 0;
  for (let x = Math.round(geometry.xOf(timePos(from))); x <= geometry.xOf(timePos(to)); x++) {
    const column = ctx.getImageData(Math.round(x * ratio), 0, 1, canvas.height).data;
    let run = 0;
    for (let y = 0; y < canvas.height; y++) {
      run = column[y * 4 + 3]! > 128 ? run + 1 : 0;
      tallest = Math.max(tallest, run / ratio);
    }
  }
  return tallest;
}

describe('redrawing, as drawn on the chart', () => {
  it('a part redrawn off the old line joins it without a vertical seam', async () => {
    const redrawn = applyStroke(wave, line(0.35, 0.8, 0.6, 0.8));
    await show([visible('Anna', '#0072B2', redrawn)], 'redraw');
    // Over the joins at 0.35 and 0.6: no column holds more than a short, steep stretch of line
    // (a seam would stand 0.3 of the plot, about 100 px, in one column).
    expect(tallestColumn(0.3, 0.65)).toBeLessThan(30);
  });

  it('a quick back-and-forth scribble stays a line, not a comb of vertical strokes', async () => {
    const scribble: StrokeSample[] = [s(0.4, 0.3)];
    for (let x = 0.4; x < 0.6 - 1e-9; x += 0.01) scribble.push(s(x + 0.02, 0.7), s(x + 0.01, 0.3));
    const scribbled = applyStroke(wave, scribble);
    await show([visible('Pat', '#D55E00', scribbled)], 'scribble');
    expect(tallestColumn(0.35, 0.65)).toBeLessThan(30);
  });
});
