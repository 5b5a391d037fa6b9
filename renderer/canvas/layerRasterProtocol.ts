/**
 * What the page sends the layer-raster worker (layerRaster.worker.ts),
 * described once and checked on arrival: a layer's display canvas, a layer's
 * drawing as a list of 2D-context calls, and that a layer is gone. Only the
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
 * A drawing's calls, flat (one array of plain values, cheap to send): each call is its code, the number of
 * its arguments, then the arguments. Codes below RASTER_METHODS.length are methods; the codes after them
 * set the property RASTER_PROPERTIES[code - RASTER_METHODS.length] to the one argument.
 */
export type RasterOps = (number | string | boolean | number[])[];
export const PROPERTY_CODE = RASTER_METHODS.length;
const CODES = RASTER_METHODS.length + RASTER_PROPERTIES.length;
/** ellipse has the most arguments. */
const MAX_ARGS = 8;

/** A 4K layer of 50 curves is about 100,000 values; ten times that is not ours. */
const MAX_VALUES = 1_000_000;

const isValue = (v: unknown): boolean =>
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  (typeof v === 'string' && v.length <= 10_000) ||
  (Array.isArray(v) && v.length <= 64 && v.every((n) => typeof n === 'number'));

/** Why a list of calls is not one the page makes; null when it is. */
function rasterOpsProblem(ops: readonly unknown[]): string | null {
  let i = 0;
  while (i < ops.length) {
    const code = ops[i];
    const argc = ops[i + 1];
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code >= CODES) return `no call has the code ${String(code)} (at ${i})`;
    if (typeof argc !== 'number' || !Number.isInteger(argc) || argc < 0 || argc > MAX_ARGS || i + 2 + argc > ops.length) return `a call at ${i} has ${String(argc)} arguments`;
    if (code >= PROPERTY_CODE && (argc !== 1 || Array.isArray(ops[i + 2]))) return `a property set at ${i} needs one plain value`;
    for (let k = i + 2; k < i + 2 + argc; k++) if (!isValue(ops[k])) return `argument at ${k} is not a number, boolean, string (up to 10,000 characters) or dash array`;
    i += 2 + argc;
  }
  return null;
}

export const RasterOps = z
  .array(z.unknown())
  .max(MAX_VALUES)
  .superRefine((ops, ctx) => {
    const problem = rasterOpsProblem(ops);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }) as unknown as z.ZodType<RasterOps>;

const layer = z.number().int().nonnegative();
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
  /** The canvas that shows a layer from now on. */
  z.object({ type: z.literal('canvas'), layer, canvas: offscreenCanvas }),
  /** A layer's drawing: its surface at this size (resizing empties it), then these calls, in order. */
  z.object({ type: z.literal('draw'), layer, width: side, height: side, ops: RasterOps }),
  /** The layer is gone: its canvas is let go. */
  z.object({ type: z.literal('dispose'), layer }),
]);
export type LayerRasterToWorker = z.infer<typeof LayerRasterToWorker>;
