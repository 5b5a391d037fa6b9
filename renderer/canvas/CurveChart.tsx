import type Konva from 'konva';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Layer, Stage } from 'react-konva';
import type { Enthusiasm, Milestone, Phase, Scale, StrokeSample, TimePos } from '../domain';
import type { VisibleCurve } from '../state/selectors';
import { CHART_FONT, CHART_FONT_FACES, layoutChart, LAPTOP_STYLE, type ChartGeometry, type ChartStyle } from './chartGeometry';
import { ChartBackground } from './ChartBackground';
import { displayLayer, drawFramesLater } from './canvasDisplay';
import { CurveMarkers, type ChartMarker } from './CompareLayers';
import { CurveShape } from './CurveShape';
import { LiveStrokeTiles } from './liveStrokeTiles';
import { useElementSize } from './useElementSize';
import { usePixelRatio } from './usePixelRatio';

// Inline so the chart fills its panel without depending on a stylesheet.
// Isolated, so the z-order of the layers' displays and the live stroke stays inside the chart.
const CONTAINER_STYLE = { position: 'relative', width: '100%', height: '100%', overflow: 'hidden', isolation: 'isolate' } as const;
const LIVE_STYLE = { position: 'absolute', inset: 0, pointerEvents: 'none', zIndex: 10 } as const;
/** After pointer-up the live stroke stays until the committed curve is drawn, or this long if nothing changed. */
const LIVE_LINGER_MS = 300;

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
  /**
   * Participants' markers (by curve key): each drawn with its curve, on the faded or the full layer, above
   * the curves there, so a highlight that moves redraws the highlighted people's markers only.
   */
  readonly markers?: readonly ChartMarker[];
  /** Extra drawing above the curves (team means, drop arrows, note pins). */
  readonly overlay?: (geometry: ChartGeometry) => ReactNode;
  /** A click (no drag) on the plot when drawing is off, in chart units. */
  readonly onPick?: (at: TimePos, level: Enthusiasm) => void;
  /**
   * While some curves are faded, every curve stays on the faded layer and the unfaded ones are drawn again
   * above it (covering their faded copy exactly). A highlight moving from one person or team to another then
   * redraws only the highlighted curves, not all faded ones: the room view at 4K, where a layer of 50 curves
   * takes most of a second to draw without a GPU.
   */
  readonly keepFadedBeneath?: boolean;
  /**
   * The layers' pixels are made by a worker (canvasDisplay.ts): for the room screen, where 25–50 thick
   * curves at 4K take 50–100 ms to draw without a GPU. Read once, when the chart appears.
   */
  readonly rasterOffThread?: boolean;
}

/**
 * The chart: a react-konva stage that fills its panel, none of its layers
 * listening to Konva events: the background, the faded curves, the full
 * curves, and layers under and over the curves for the caller's extras.
 * Each is redrawn only when what it draws changes (the geometry and the
 * background are kept by value, so a new but equal timeline repaints
 * nothing) and is shown through a bitmap canvas (canvasDisplay.ts), which
 * costs next to nothing per frame without a GPU.
 *
 * The live stroke is not a Konva layer: it is drawn incrementally onto small
 * canvas tiles over the stage (liveStrokeTiles.ts), at most once per
 * animation frame and never through React state, so drawing repaints only the
 * stroke's neighbourhood. On pointer-up the stroke goes to `onStroke`; its
 * tiles stay until the committed curve is drawn, in the same frame, so
 * nothing flickers. Pointer input is read from the container's pointer
 * events, including coalesced samples from pens and touch.
 */
export function CurveChart(props: CurveChartProps) {
  const { curves, drawColor, onStroke, handoverId } = props;
  // Kept by value: callers (the room view above all) pass new but equal objects on every update.
  const phases = useStructural(props.phases);
  const milestones = useStructural(props.milestones);
  const scale = useStructural(props.scale);
  const style = useStructural(props.style ?? LAPTOP_STYLE);
  const containerRef = useRef<HTMLDivElement>(null);
  const liveRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(containerRef);
  const pixelRatio = usePixelRatio();
  const fontsReady = useFontsReady();
  const [refs] = useState(() => LAYER_REFS[props.rasterOffThread ? 'worker' : 'page']);

  const geometry = useMemo(
    () => layoutChart(width, height, phases, milestones, handoverId, [scale.low, scale.mid, scale.high], style),
    [width, height, phases, milestones, handoverId, scale, style],
  );

  const live = useStrokeInput(containerRef, liveRef, geometry, drawColor, pixelRatio, onStroke);
  usePick(containerRef, geometry, drawColor === null ? props.onPick : undefined);
  // New curves (a committed stroke among them) are on their layer from this render on: the live tiles go
  // in the frame that draws them (react-konva draws on the next animation frame too).
  useLayoutEffect(() => live.current.afterCommit(), [curves, live]);

  const beneath = props.keepFadedBeneath === true && curves.some((c) => c.faded);
  const faded = beneath ? curves : curves.filter((c) => c.faded);
  const full = curves.filter((c) => !c.faded);
  const markers = useMemo(() => {
    const all = (props.markers ?? []).filter((m) => m.marker !== 'none' && m.markerPoints.length > 0);
    return {
      faded: (beneath ? all : all.filter((m) => m.faded)).map((m) => (m.faded ? m : { ...m, faded: true })),
      full: all.filter((m) => !m.faded),
    };
  }, [props.markers, beneath]);
  const curveShape = (c: VisibleCurve, asFaded: boolean) => (
    <CurveShape
      key={c.participant.id}
      geometry={geometry}
      points={c.curve.points}
      color={c.participant.color}
      lineStyle={c.team.lineStyle}
      faded={asFaded}
    />
  );

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
        // Made again once the chart's fonts are in: every layer's text (and what was measured in the
        // fallback font) is drawn anew. Loaded fonts are there from the start, and nothing is made twice.
        <Stage key={fontsReady ? 'fonts' : 'nofonts'} width={width} height={height} listening={false} ref={resizeWithoutDrawing}>
          <Layer listening={false} ref={refs.background}>
            <ChartBackground geometry={geometry} scale={scale} handoverBadge={props.handoverBadge} fontFamily={CHART_FONT} />
          </Layer>
          {/* Every layer is always there, empty or not: react-konva redraws the whole stage when a layer is
              added, and an empty layer costs nothing on screen (canvasDisplay.ts hides it). */}
          <Layer listening={false} ref={refs.underlay}>
            {props.underlay?.(geometry)}
          </Layer>
          {/* Faded curves (everyone else's while one person draws) on their own layer, so committing
              the drawer's stroke redraws only the layer of full curves. */}
          <Layer listening={false} ref={refs.faded}>
            {faded.map((c) => curveShape(c, true))}
            {markers.faded.length > 0 && <CurveMarkers geometry={geometry} curves={markers.faded} />}
          </Layer>
          <Layer listening={false} ref={refs.full}>
            {full.map((c) => curveShape(c, false))}
            {markers.full.length > 0 && <CurveMarkers geometry={geometry} curves={markers.full} />}
          </Layer>
          <Layer listening={false} ref={refs.overlay}>
            {props.overlay?.(geometry)}
          </Layer>
        </Stage>
      )}
      <div ref={liveRef} style={LIVE_STYLE} data-testid="live-stroke" />
    </div>
  );
}

type LayerName = 'background' | 'underlay' | 'faded' | 'full' | 'overlay';

/**
 * Each layer's ref: names its canvas (data-layer, for tests and scripts) and shows it through a bitmap
 * canvas (canvasDisplay.ts), stacked in this order; with `offThread`, their pixels are made by a worker,
 * and every layer is drawn two frames after the update's (drawFramesLater). Module constants, so React
 * never re-attaches them.
 */
const layerRefs = (offThread: boolean) =>
  Object.fromEntries(
    (['background', 'underlay', 'faded', 'full', 'overlay'] as const).map((name, i) => [
      name,
      (layer: Konva.Layer | null) => {
        if (!layer) return undefined;
        layer.getCanvas()._canvas.setAttribute('data-layer', name);
        // The room screen's layers are drawn two frames after the update that changes them, all together.
        if (offThread) drawFramesLater(layer);
        return displayLayer(layer, i + 1, offThread);
      },
    ]),
  ) as Record<LayerName, (layer: Konva.Layer | null) => (() => void) | undefined>;
const LAYER_REFS = { page: layerRefs(false), worker: layerRefs(true) };

/**
 * Konva redraws every layer at once when the stage's width changes, again when its height does, and
 * react-konva then draws them once more with the new geometry; each time it also allocates the layers'
 * canvases anew, which at 4K alone took seconds of main thread (the room view resizes whenever its legend
 * grows a line). Here a resize asks for one draw of each layer, in the frame that brings the new geometry,
 * and a layer's canvas only ever grows: a smaller chart draws into the top-left part of it and the
 * chart's box clips the rest.
 */
function resizeWithoutDrawing(stage: Konva.Stage | null) {
  if (!stage) return;
  stage.off('widthChange.konva heightChange.konva');
  stage.on('widthChange.konva heightChange.konva', () => {
    const [width, height] = [stage.width(), stage.height()];
    stage.content.style.width = `${width}px`;
    stage.content.style.height = `${height}px`;
    for (const layer of stage.getLayers()) {
      const canvas = layer.getCanvas();
      const grown = { width: Math.max(width, canvas.getWidth()), height: Math.max(height, canvas.getHeight()) };
      if (grown.width !== canvas.getWidth() || grown.height !== canvas.getHeight()) {
        // Konva's own resize step (Stage._resizeDOM does the same, then draws at once); pinned Konva 10.9.1.
        (layer as unknown as { _setSize(s: { width: number; height: number }): void })._setSize(grown);
      }
      layer.batchDraw();
    }
  });
}

/** The same object as last render while the value is equal (by JSON), so memos keyed on it hold. */
function useStructural<T>(value: T): T {
  const kept = useRef<{ json: string; value: T } | null>(null);
  const json = JSON.stringify(value);
  if (kept.current?.json !== json) kept.current = { json, value };
  return kept.current.value;
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

/** Whether the faces the chart draws text in are loaded; loads them (a canvas asks for none itself) and says so when done. */
function useFontsReady(): boolean {
  const [ready, setReady] = useState(() => !document.fonts || CHART_FONT_FACES.every((face) => document.fonts.check(face)));
  useEffect(() => {
    if (ready) return;
    let alive = true;
    // A face that fails to load leaves the fallback font, drawn once more: nothing to wait for.
    void Promise.allSettled(CHART_FONT_FACES.map((face) => document.fonts.load(face))).then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, [ready]);
  return ready;
}

interface LiveStroke {
  /** Called after a render with new curves: a committed stroke's tiles go in the frame its curve is drawn. */
  afterCommit(): void;
}

function useStrokeInput(
  containerRef: React.RefObject<HTMLDivElement | null>,
  liveRef: React.RefObject<HTMLDivElement | null>,
  geometry: ChartGeometry,
  drawColor: string | null,
  pixelRatio: number,
  onStroke: ((stroke: StrokeSample[]) => void) | undefined,
): React.RefObject<LiveStroke> {
  // Latest values for the listeners, without re-binding them on every render.
  const latest = useRef({ geometry, drawColor, pixelRatio, onStroke });
  latest.current = { geometry, drawColor, pixelRatio, onStroke };
  const live = useRef<LiveStroke>({ afterCommit: () => undefined });
  const tilesRef = useRef<LiveStrokeTiles | null>(null);

  useEffect(() => {
    const el = containerRef.current;
    const liveHost = liveRef.current;
    if (!el || !liveHost) return;
    const tiles = new LiveStrokeTiles(liveHost);
    tilesRef.current = tiles;
    let samples: StrokeSample[] = [];
    let pointerId: number | null = null;
    let frame = 0;
    // A committed stroke still on screen: it goes with its curve's first frame, or after LIVE_LINGER_MS.
    let lingering = 0;
    // Read once per stroke: the chart doesn't move under the pen, and the move handler stays free of layout reads.
    let rect = el.getBoundingClientRect();

    const addSample = (clientX: number, clientY: number) => {
      const g = latest.current.geometry;
      const px = Math.min(Math.max(clientX - rect.left, g.plot.left), g.plot.right);
      const py = Math.min(Math.max(clientY - rect.top, g.plot.top), g.plot.bottom);
      samples.push({ x: g.timeAt(px), y: g.enthusiasmAt(py) });
      tiles.add(px, py);
    };
    const paint = () => {
      frame = 0;
      tiles.paint();
    };
    const schedule = () => {
      // The worker draws in its own frames: the new points go to it at once, and this thread needs no frame.
      if (tiles.offThread) tiles.paint();
      else if (frame === 0) frame = requestAnimationFrame(paint);
    };
    const stopLingering = () => {
      window.clearTimeout(lingering);
      lingering = 0;
    };
    const clearLive = () => {
      stopLingering();
      tiles.clear();
    };
    live.current = {
      afterCommit: () => {
        if (lingering === 0) return;
        stopLingering();
        if (pointerId === null) tiles.handOver();
      },
    };

    const down = (e: PointerEvent) => {
      const { drawColor: color, geometry: g, pixelRatio: ratio } = latest.current;
      if (color === null || pointerId !== null) return;
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      e.preventDefault();
      pointerId = e.pointerId;
      try {
        el.setPointerCapture(e.pointerId);
      } catch {
        // The pointer is already gone (released before we got here): draw without capture.
      }
      stopLingering();
      // As wide as the committed curve, so the line keeps its weight on pointer-up.
      tiles.begin(color, g.style.curveWidth, ratio);
      samples = [];
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
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
      if (e.type !== 'pointerup') {
        samples = [];
        clearLive();
        return;
      }
      addSample(e.clientX, e.clientY);
      const stroke = samples;
      samples = [];
      tiles.paint();
      if (stroke.length < 2) {
        clearLive();
        return;
      }
      // The curve comes with a render (afterCommit), which may run inside onStroke; a stroke that changed
      // nothing brings none, so the tiles go after a while in any case.
      lingering = window.setTimeout(clearLive, LIVE_LINGER_MS);
      latest.current.onStroke?.(stroke);
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
      stopLingering();
      tiles.dispose();
      tilesRef.current = null;
    };
  }, [containerRef, liveRef]);
  // The live stroke's tiles are made while nobody draws: when drawing turns on, or the chart changes size.
  const drawable = drawColor !== null;
  const { width, height } = geometry;
  useEffect(() => {
    if (drawable && width > 0 && height > 0) tilesRef.current?.prepare(pixelRatio);
  }, [drawable, width, height, pixelRatio]);
  return live;
}
