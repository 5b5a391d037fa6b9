import { describe, expect, it } from 'vitest';
import type { ChartGeometry } from '../../renderer/canvas/chartGeometry';
import { curveLine } from '../../renderer/canvas/chartShapes';
import { PROPERTY_CODE, RASTER_METHODS, RASTER_PROPERTIES } from '../../renderer/canvas/layerRasterProtocol';
import { LayerRecorder } from '../../renderer/canvas/layerRecorder';
import { recordPath, tracePath, type PathSink } from '../../renderer/canvas/pathCommands';
import { enthusiasm, timePos, type CurvePoint } from '../../renderer/domain';

/** Only what curveLine reads: time 0–1 across 400 px, enthusiasm 0–1 up 200 px. */
const geometry = { xOf: (x: number) => x * 400, yOf: (v: number) => 200 - v * 200 } as unknown as ChartGeometry;
const point = (x: number, v: number): CurvePoint => [timePos(x), enthusiasm(v)];
/** Up, down past the middle, up again: a few cubic pieces. */
const points = [point(0.05, 0.3), point(0.2, 0.8), point(0.45, 0.6), point(0.5, 0.2), point(0.8, 0.35), point(0.95, 0.9)];

/** A sink that writes its calls down as ['name', ...args]. */
function logging(): PathSink & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    moveTo: (...a) => void calls.push(['moveTo', ...a]),
    lineTo: (...a) => void calls.push(['lineTo', ...a]),
    quadraticCurveTo: (...a) => void calls.push(['quadraticCurveTo', ...a]),
    bezierCurveTo: (...a) => void calls.push(['bezierCurveTo', ...a]),
    closePath: () => void calls.push(['closePath']),
  };
}

const drawDirectly = (sink: PathSink, pts: readonly CurvePoint[]) => curveLine(geometry).context(sink as unknown as CanvasRenderingContext2D)(pts as CurvePoint[]);
const written = (pts: readonly CurvePoint[]) => recordPath((sink) => drawDirectly(sink, pts));

describe('a path written down once', () => {
  it('traces the calls d3-shape makes, in order, with the same numbers', () => {
    const direct = logging();
    drawDirectly(direct, points);
    const traced = logging();
    tracePath(traced, written(points));
    expect(direct.calls[0]![0]).toBe('moveTo');
    expect(direct.calls.filter((c) => c[0] === 'bezierCurveTo')).toHaveLength(points.length - 1);
    expect(traced.calls).toEqual(direct.calls);
  });

  it('of two points is the straight line between them, in pixels', () => {
    const traced = logging();
    tracePath(traced, written([point(0.25, 0.5), point(0.75, 1)]));
    expect(traced.calls).toEqual([
      ['moveTo', 100, 100],
      ['lineTo', 300, 0],
    ]);
  });

  it('goes into a layer recorder in one copy, between the calls around it', () => {
    const direct = new LayerRecorder();
    const viaPath = new LayerRecorder();
    const path = written(points);
    for (const [recorder, trace] of [
      [direct, (c: CanvasRenderingContext2D) => drawDirectly(c, points)],
      [viaPath, (c: CanvasRenderingContext2D) => tracePath(c, path)],
    ] as const) {
      const c = recorder.context;
      c.strokeStyle = '#0072B2';
      c.setLineDash([6, 3]);
      c.beginPath();
      trace(c);
      c.lineWidth = 4;
      c.stroke();
    }
    const a = direct.take();
    const b = viaPath.take();
    expect(Array.from(b.numbers)).toEqual(Array.from(a.numbers));
    // Only the colour and the dashes are values; the path's numbers are not taken for indexes into them.
    expect(Array.from(b.kinds)).toEqual(Array.from(a.kinds));
    expect(b.kinds.reduce((n, k) => n + k, 0)).toBe(2);
    expect(b.values).toEqual(['#0072B2', [6, 3]]);
    expect(b.numbers[0]).toBe(PROPERTY_CODE + RASTER_PROPERTIES.indexOf('strokeStyle'));
    expect(b.numbers[b.numbers.length - 2]).toBe(RASTER_METHODS.indexOf('stroke'));
  });

  it('draws on a real canvas what d3-shape draws there', () => {
    const draw = (trace: (c: CanvasRenderingContext2D) => void) => {
      const canvas = new OffscreenCanvas(400, 200);
      const c = canvas.getContext('2d')! as unknown as CanvasRenderingContext2D;
      c.lineWidth = 6;
      c.strokeStyle = '#D55E00';
      c.beginPath();
      trace(c);
      c.stroke();
      return c.getImageData(0, 0, 400, 200).data;
    };
    const direct = draw((c) => drawDirectly(c, points));
    const traced = draw((c) => tracePath(c, written(points)));
    const painted = direct.filter((v, i) => i % 4 === 3 && v > 0).length;
    expect(painted).toBeGreaterThan(2000);
    let differing = 0;
    for (let i = 0; i < direct.length; i++) if (traced[i] !== direct[i]) differing++;
    expect(differing).toBe(0);
  });
});
