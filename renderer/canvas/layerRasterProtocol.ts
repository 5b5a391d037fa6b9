/**
 * What the page sends the layer-raster worker (layerRaster.worker.ts),
 * described once and checked on arrival: the page's fonts, a chart's display
 * canvas, a layer's drawing as a list of 2D-context calls, and that a layer or
 * a chart is gone. Only the
 * calls and properties named here are ever replayed, with plain values as
 * arguments (numbers, strings, booleans, a dash array); nothing that
 * reads pixels back or draws an image. Text is drawn in the page's own fonts,
 * which the page names once (their files, as its stylesheets give them).
 */
import { z } from 'zod';

// No code generation: the app's CSP forbids eval, in workers too.
z.config({ jitless: true });

/** Calls of CanvasRenderingContext2D a layer of curves and markers is drawn with. */
export const RASTER_METHODS = [
  'arc',
  'arcTo',
  'beginPath',
  'bezierCurveTo',
  'clearRect',
  'clip',
  'closePath',
  'ellipse',
  'fill',
  'fillRect',
  'fillText',
  'lineTo',
  'moveTo',
  'quadraticCurveTo',
  'rect',
  'reset',
  'resetTransform',
  'restore',
  'rotate',
  'roundRect',
  'save',
  'scale',
  'setLineDash',
  'setTransform',
  'stroke',
  'strokeRect',
  'strokeText',
  'transform',
  'translate',
] as const;

/** Properties set on the context (plain values only: no gradients or patterns). */
export const RASTER_PROPERTIES = [
  'globalAlpha',
  'globalCompositeOperation',
  'strokeStyle',
  'fillStyle',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'miterLimit',
  'lineDashOffset',
  'shadowColor',
  'shadowBlur',
  'shadowOffsetX',
  'shadowOffsetY',
  'imageSmoothingEnabled',
  'font',
  'textAlign',
  'textBaseline',
  'direction',
  'letterSpacing',
  'wordSpacing',
  'fontKerning',
] as const;

/**
 * A drawing's calls, flat and cheap to send (typed arrays, handed over, not copied): each call is its
 * code, the number of its arguments, then the arguments, in `numbers`. Codes below RASTER_METHODS.length
 * are methods; the codes after them set the property RASTER_PROPERTIES[code - RASTER_METHODS.length] to
 * the one argument. An argument that is not a number (a colour, a line cap, a dash array, a text) is in
 * `values`, and its slot in `numbers`, marked 1 in `kinds`, holds its index there.
 */
export interface RasterOps {
  readonly numbers: Float64Array;
  readonly kinds: Uint8Array;
  readonly values: readonly (string | boolean | number[])[];
}
export const PROPERTY_CODE = RASTER_METHODS.length;
const CODES = RASTER_METHODS.length + RASTER_PROPERTIES.length;
/** ellipse has the most arguments. */
const MAX_ARGS = 8;

/** A 4K layer of 50 curves is about 50,000 numbers; twenty times that is not ours. */
const MAX_NUMBERS = 1_000_000;

/**
 * A call's argument that is not a number: a boolean, a string (a colour, a font, a text), a dash array.
 * The recorder asks this too, so what it cannot send goes back to the page instead of being refused here.
 */
export const isRasterValue = (v: unknown): v is RasterOps['values'][number] =>
  typeof v === 'boolean' ||
  (typeof v === 'string' && v.length <= 10_000) ||
  (Array.isArray(v) && v.length <= 64 && v.every((n) => typeof n === 'number'));

/** Why a list of calls is not one the page makes; null when it is. */
function rasterOpsProblem({ numbers, kinds, values }: RasterOps): string | null {
  if (kinds.length < numbers.length) return 'fewer kinds than numbers';
  const whole = (i: number, max: number) => kinds[i] === 0 && Number.isInteger(numbers[i]) && numbers[i]! >= 0 && numbers[i]! <= max;
  let i = 0;
  while (i < numbers.length) {
    if (!whole(i, CODES - 1)) return `no call has the code ${numbers[i]} (at ${i})`;
    if (i + 1 >= numbers.length || !whole(i + 1, MAX_ARGS)) return `a call at ${i} has no fitting count of arguments`;
    const code = numbers[i]!;
    const argc = numbers[i + 1]!;
    if (i + 2 + argc > numbers.length) return `a call at ${i} has ${argc} arguments, the list ends before`;
    for (let k = i + 2; k < i + 2 + argc; k++) {
      if (kinds[k] === 0) continue;
      if (kinds[k] !== 1 || !Number.isInteger(numbers[k]) || numbers[k]! < 0 || numbers[k]! >= values.length) return `argument at ${k} names no value`;
    }
    if (code >= PROPERTY_CODE && (argc !== 1 || (kinds[i + 2] === 1 && Array.isArray(values[numbers[i + 2]!])))) return `a property set at ${i} needs one plain value`;
    i += 2 + argc;
  }
  return null;
}

export const RasterOps = z
  .object({
    numbers: z.instanceof(Float64Array).refine((a) => a.length <= MAX_NUMBERS, 'too many numbers'),
    kinds: z.instanceof(Uint8Array).refine((a) => a.length <= MAX_NUMBERS, 'too many kinds'),
    values: z.array(z.unknown().refine(isRasterValue, 'a boolean, a string (up to 10,000 characters) or a dash array')).max(MAX_NUMBERS),
  })
  .superRefine((ops, ctx) => {
    const problem = rasterOpsProblem(ops as RasterOps);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }) as unknown as z.ZodType<RasterOps>;

const chart = z.number().int().nonnegative();
/** A layer of a chart: its place in the stack (z-index), from the bottom. */
const layer = z.number().int().min(0).max(1000);
const offscreenCanvas = z.custom<OffscreenCanvas>((v) => typeof OffscreenCanvas === 'function' && v instanceof OffscreenCanvas, 'an OffscreenCanvas');
/** Device pixels of a layer: a 4K chart at pixel ratio 4, and some. */
const side = z.number().int().min(0).max(32_768);

/** One @font-face of the page: its family, the file (a URL of the page's own origin) and what it covers. */
export const FontFaceSource = z.object({
  family: z.string().min(1).max(100),
  url: z.string().min(1).max(2048),
  weight: z.string().max(40),
  style: z.string().max(40),
  stretch: z.string().max(40),
  unicodeRange: z.string().max(2000),
});
export type FontFaceSource = z.infer<typeof FontFaceSource>;

export const LayerRasterToWorker = z.discriminatedUnion('type', [
  /** The page's fonts, for text: drawing waits until they are loaded. */
  z.object({ type: z.literal('fonts'), faces: z.array(FontFaceSource).max(100) }),
  /** The canvas that shows a chart's layers, put together, from now on. */
  z.object({ type: z.literal('chart'), chart, canvas: offscreenCanvas }),
  /**
   * A layer's drawing: its surface at this size (resizing empties it), then these calls, in order. A layer
   * that is not visible (nothing on it) is left out when the chart is put together.
   */
  z.object({ type: z.literal('draw'), chart, layer, width: side, height: side, visible: z.boolean(), ops: RasterOps }),
  /** A layer is gone, or with no layer named, the whole chart. */
  z.object({ type: z.literal('dispose'), chart, layer: layer.optional() }),
  /** The layers drawn together (in one task of the page) are all sent: the chart is put together now. */
  z.object({ type: z.literal('compose'), chart }),
]);
export type LayerRasterToWorker = z.infer<typeof LayerRasterToWorker>;
