/**
 * What the page sends the live-stroke worker (liveStroke.worker.ts), described
 * once and checked on arrival: for each chart (by its number) the grid of
 * tile canvases it draws on, the start of a stroke, the stroke's new points,
 * the end of a stroke, and that the chart is gone.
 */
import { z } from 'zod';

// No code generation: the app's CSP forbids eval, in workers too.
z.config({ jitless: true });

/** A 4K chart at pixel ratio 4 has about 2,000 tiles; more is not ours. */
const MAX_TILES = 10_000;
/** Far more than one frame's pointer samples from any pen (x and y each). */
const MAX_NUMBERS = 100_000;

const offscreenCanvas = z.custom<OffscreenCanvas>((v) => typeof OffscreenCanvas === 'function' && v instanceof OffscreenCanvas, 'an OffscreenCanvas');
const coordinate = z.number().finite();
const gridIndex = z.number().int().min(0).max(10_000);
const chart = z.number().int().nonnegative();

export const LiveStrokeToWorker = z.discriminatedUnion('type', [
  /** The tiles to draw on from now on (the grid before them is let go), each at its column and row. */
  z.object({
    type: z.literal('grid'),
    chart,
    tileSize: z.number().positive().max(10_000),
    tiles: z.array(z.object({ col: gridIndex, row: gridIndex, canvas: offscreenCanvas })).max(MAX_TILES),
  }),
  /** A stroke begins: what the last one left is cleared. */
  z.object({
    type: z.literal('begin'),
    chart,
    color: z.string().max(64),
    width: z.number().positive().max(200),
    ratio: z.number().positive().max(16),
  }),
  /** New points of the stroke, x and y interleaved, in CSS pixels of the chart. */
  z.object({ type: z.literal('points'), chart, xy: z.array(coordinate).max(MAX_NUMBERS) }),
  /** The stroke is off the screen: its tiles are cleared. */
  z.object({ type: z.literal('clear'), chart }),
  /** The chart is gone: its tiles are let go. */
  z.object({ type: z.literal('dispose'), chart }),
]);
export type LiveStrokeToWorker = z.infer<typeof LiveStrokeToWorker>;
