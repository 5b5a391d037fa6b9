/**
 * What the page sends the layer-raster worker (layerRaster.worker.ts),
 * described once and checked on arrival: a layer's display canvas, a layer's
 * drawing as a list of 2D-context calls, and that a layer is gone. Only the
 * calls and properties named here are ever replayed, with plain values as
 * arguments (numbers, strings, booleans, a dash array); nothing that
 * reads pixels back, loads an image or renders text.
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
] as const;

/** Marks a property set in the list of calls: ['=', property, value]. */
export const SET = '=';

/** A 4K layer of 50 curves is about 10,000 calls; a hundred times that is not ours. */
const MAX_OPS = 1_000_000;

const value = z.union([z.number(), z.string().max(256), z.boolean(), z.array(z.number()).max(64)]);
export const RasterOp = z.union([
  z.tuple([z.enum(RASTER_METHODS)], value),
  z.tuple([z.literal(SET), z.enum(RASTER_PROPERTIES), value]),
]);
export type RasterOp = z.infer<typeof RasterOp>;

const layer = z.number().int().nonnegative();
const offscreenCanvas = z.custom<OffscreenCanvas>((v) => typeof OffscreenCanvas === 'function' && v instanceof OffscreenCanvas, 'an OffscreenCanvas');
/** Device pixels of a layer: a 4K chart at pixel ratio 4, and some. */
const side = z.number().int().min(0).max(32_768);

export const LayerRasterToWorker = z.discriminatedUnion('type', [
  /** The canvas that shows a layer from now on. */
  z.object({ type: z.literal('canvas'), layer, canvas: offscreenCanvas }),
  /** A layer's drawing: its surface at this size (resizing empties it), then these calls, in order. */
  z.object({ type: z.literal('draw'), layer, width: side, height: side, ops: z.array(RasterOp).max(MAX_OPS) }),
  /** The layer is gone: its canvas is let go. */
  z.object({ type: z.literal('dispose'), layer }),
]);
export type LayerRasterToWorker = z.infer<typeof LayerRasterToWorker>;
