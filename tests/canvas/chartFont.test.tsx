import Konva from 'konva';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import { DisagreementShading, HandoverDropMarker, TargetLine } from '../../renderer/canvas/CompareLayers';
import { CHART_FONT } from '../../renderer/canvas/chartGeometry';
import { CurveChart } from '../../renderer/canvas/CurveChart';
import { timePos } from '../../renderer/domain';
// The app's bundled font, declared as the app declares it: nothing on this page uses its bold face.
import '../../renderer/fonts/inter.css';
import { timelineProps } from './chartFixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLDivElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

it('loads the faces the chart draws text in, and draws every text of every layer in the chart font', async () => {
  const bold = `700 16px ${CHART_FONT}`;
  expect(document.fonts.check(bold)).toBe(false);
  host = document.createElement('div');
  Object.assign(host.style, { width: '800px', height: '400px' });
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <CurveChart
        {...timelineProps}
        curves={[]}
        drawColor={null}
        handoverBadge="Handover"
        label="test chart"
        overlay={(g) => (
          <>
            <DisagreementShading geometry={g} spans={[{ start: timePos(0.2), end: timePos(0.3), number: 1 }]} />
            <TargetLine geometry={g} grid={[timePos(0), timePos(1)]} values={[0.6, 0.8]} label="Target" />
            <HandoverDropMarker geometry={g} handoverAt={timePos(0.5)} from={0.7} to={0.4} lowAt={timePos(0.6)} color="#0072B2" label="−3.0" offset={0} />
          </>
        )}
      />,
    );
  });
  // Only the chart asked for the bold face (the canvas would not have: it draws a fallback and moves on).
  await vi.waitFor(() => expect(document.fonts.check(bold)).toBe(true));
  const texts = await vi.waitFor(() => {
    const stage = Konva.stages.find((s) => host!.contains(s.container()));
    const found = stage?.find<Konva.Text>('Text') ?? [];
    // Two phase and three scale labels, the handover, the span's number, the target's and the drop's labels.
    expect(found.length).toBeGreaterThanOrEqual(9);
    return found;
  });
  const fonts = new Set(texts.map((t) => t.fontFamily()));
  expect([...fonts]).toEqual([CHART_FONT]);
  for (const label of ['Sales', 'Delivery', 'thrilled', '1', 'Target', '−3.0']) expect(texts.some((t) => t.text() === label)).toBe(true);
});
