import type Konva from 'konva';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Layer, Line, Stage } from 'react-konva';
import type { Enthusiasm, Milestone, Phase, Scale, StrokeSample, TimePos } from '../domain';
import type { VisibleCurve } from '../state/selectors';
import { layoutChart, LAPTOP_STYLE, type ChartGeometry, type ChartStyle } from './chartGeometry';
import { ChartBackground } from './ChartBackground';
import { CurveShape } from './CurveShape';
import { useElementSize } from './useElementSize';
import { usePixelRatio } from './usePixelRatio';

// Inline so the chart fills its panel without depending on a stylesheet.
const CONTAINER_STYLE = { position: 'relative', width: '100%', height: '100%', overflow: 'hidden' } as const;

export const CHART_FONT = 'Inter, "Helvetica Neue", Arial, sans-serif';

export interface CurveChartProps {
  readonly phases: readonly Phase[];
  readonly milestones: readonly Milestone[];
  readonly handoverId: string | null;
  readonly scale: Scale;
  readonly curves: readonly VisibleCurve[];
  /** Colour of the live stroke; drawing is off when null. */
  readonly drawColor: string | null;
  readonly onStroke?: (stroke: StrokeSample[]) => void;
  readonly handoverBadge: string;
  /** Accessible description of what the chart shows. */
  readonly label: string;
  readonly style?: ChartStyle;
  /** Extra drawing above the background and below the curves (bands, spans, target), in chart geometry. */
  readonly underlay?: (geometry: ChartGeometry) => ReactNode;
  /** Extra drawing above the curves (team means, markers). */
  readonly overlay?: (geometry: ChartGeometry) => ReactNode;
  /** A click (no drag) on the plot when drawing is off, in chart units. */
  readonly onPick?: (at: TimePos, level: Enthusiasm) => void;
}

/**
 * The chart: a react-konva stage that fills its panel. Three layers, none of
 * them listening to Konva events: the static background, the finished curves
 * (redrawn only when curves change), and the live stroke, which is updated
 * imperatively at most once per animation frame and never goes through
 * React state. Pointer input is read from the container's pointer events,
 * including coalesced samples from pens and touch.
 */
export function CurveChart(props: CurveChartProps) {
  const { phases, milestones, handoverId, scale, curves, drawColor, onStroke, style = LAPTOP_STYLE } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(containerRef);
  const pixelRatio = usePixelRatio();
  const fontsReady = useFontsReady();

  const geometry = useMemo(
    () => layoutChart(width, height, phases, milestones, handoverId, [scale.low, scale.mid, scale.high], style),
    [width, height, phases, milestones, handoverId, scale, style],
  );

  const liveLine = useRef<Konva.Line>(null);
  useStrokeInput(containerRef, geometry, drawColor !== null, liveLine, onStroke);
  usePick(containerRef, geometry, drawColor === null ? props.onPick : undefined);

  return (
    <div
      ref={containerRef}
      className={`chart${drawColor ? ' chart--drawable' : ''}`}
      role="img"
      aria-label={props.label}
      data-testid="curve-chart"
      data-curve-count={curves.length}
      data-pixel-ratio={pixelRatio}
      // Where the plot sits inside the chart, for tests and scripts that draw at timeline positions.
      data-plot={`${geometry.plot.left},${geometry.plot.top},${geometry.plot.right},${geometry.plot.bottom}`}
      style={CONTAINER_STYLE}
    >
      {width > 0 && height > 0 && (
        <Stage width={width} height={height} listening={false}>
          <Layer listening={false} key={fontsReady ? 'fonts' : 'nofonts'}>
            <ChartBackground geometry={geometry} scale={scale} handoverBadge={props.handoverBadge} fontFamily={CHART_FONT} />
          </Layer>
          {props.underlay && <Layer listening={false}>{props.underlay(geometry)}</Layer>}
          {/* Faded curves (everyone else's while one person draws) on their own layer, so committing
              the drawer's stroke redraws only the layer of full curves. */}
          {[true, false].map((faded) => (
            <Layer key={faded ? 'faded' : 'full'} listening={false}>
              {curves
                .filter((c) => c.faded === faded)
                .map((c) => (
                  <CurveShape
                    key={c.participant.id}
                    geometry={geometry}
                    points={c.curve.points}
                    color={c.participant.color}
                    lineStyle={c.team.lineStyle}
                    faded={c.faded}
                  />
                ))}
            </Layer>
          ))}
          {props.overlay && <Layer listening={false}>{props.overlay(geometry)}</Layer>}
          <Layer listening={false}>
            <Line
              ref={liveLine}
              points={[]}
              stroke={drawColor ?? '#000'}
              strokeWidth={style.curveWidth + 1}
              lineCap="round"
              lineJoin="round"
              perfectDrawEnabled={false}
            />
          </Layer>
        </Stage>
      )}
    </div>
  );
}

/** A click on the plot (pointer down and up within a few px) reports where, in chart units. */
function usePick(
  containerRef: React.RefObject<HTMLDivElement | null>,
  geometry: ChartGeometry,
  onPick: ((at: TimePos, level: Enthusiasm) => void) | undefined,
) {
  const latest = useRef({ geometry, onPick });
  latest.current = { geometry, onPick };
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    let start: { x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      start = latest.current.onPick && e.button === 0 ? { x: e.clientX, y: e.clientY } : null;
    };
    const up = (e: PointerEvent) => {
      const { geometry: g, onPick: pick } = latest.current;
      if (!start || !pick) return;
      const moved = Math.hypot(e.clientX - start.x, e.clientY - start.y);
      start = null;
      if (moved > 6) return;
      const rect = el.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      if (x < g.plot.left || x > g.plot.right || y < g.plot.top || y > g.plot.bottom) return;
      pick(g.timeAt(x), g.enthusiasmAt(y));
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointerup', up);
    };
  }, [containerRef]);
}

/** Re-render once the bundled font has loaded, so canvas text uses it. */
function useFontsReady(): boolean {
  const [ready, setReady] = useState(() => document.fonts?.status === 'loaded');
  useEffect(() => {
    if (ready || !document.fonts) return;
    let alive = true;
    void document.fonts.ready.then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, [ready]);
  return ready;
}

function useStrokeInput(
  containerRef: React.RefObject<HTMLDivElement | null>,
  geometry: ChartGeometry,
  enabled: boolean,
  liveLine: React.RefObject<Konva.Line | null>,
  onStroke: ((stroke: StrokeSample[]) => void) | undefined,
) {
  // Latest values for the listeners, without re-binding them on every render.
  const latest = useRef({ geometry, enabled, onStroke });
  latest.current = { geometry, enabled, onStroke };

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    let samples: StrokeSample[] = [];
    let pixels: number[] = [];
    let pointerId: number | null = null;
    let frame = 0;
    // Read once per stroke: the chart doesn't move under the pen, and the move handler stays free of layout reads.
    let rect = el.getBoundingClientRect();

    const addSample = (clientX: number, clientY: number) => {
      const g = latest.current.geometry;
      const px = Math.min(Math.max(clientX - rect.left, g.plot.left), g.plot.right);
      const py = Math.min(Math.max(clientY - rect.top, g.plot.top), g.plot.bottom);
      samples.push({ x: g.timeAt(px), y: g.enthusiasmAt(py) });
      pixels.push(px, py);
    };
    const paint = () => {
      frame = 0;
      const lineNode = liveLine.current;
      if (!lineNode) return;
      lineNode.points(pixels);
      lineNode.getLayer()?.batchDraw();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };

    const down = (e: PointerEvent) => {
      if (!latest.current.enabled || pointerId !== null) return;
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      e.preventDefault();
      pointerId = e.pointerId;
      try {
        el.setPointerCapture(e.pointerId);
      } catch {
        // The pointer is already gone (released before we got here): draw without capture.
      }
      samples = [];
      pixels = [];
      rect = el.getBoundingClientRect();
      addSample(e.clientX, e.clientY);
      schedule();
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      if (events.length > 0) for (const c of events) addSample(c.clientX, c.clientY);
      else addSample(e.clientX, e.clientY);
      schedule();
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      pointerId = null;
      if (e.type === 'pointerup') addSample(e.clientX, e.clientY);
      const stroke = samples;
      samples = [];
      pixels = [];
      if (frame !== 0) cancelAnimationFrame(frame);
      paint();
      if (e.type === 'pointerup' && stroke.length > 1) latest.current.onStroke?.(stroke);
    };

    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', end);
      el.removeEventListener('pointercancel', end);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [containerRef, liveLine]);
}
