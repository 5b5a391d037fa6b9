import { RASTER_METHODS, RASTER_PROPERTIES, SET, type RasterOp } from './layerRasterProtocol';

/** Calls that only read: answered by a 1×1 context, recorded never (Konva draws curves without them). */
const READ_METHODS = new Set(['measureText', 'getLineDash', 'getTransform', 'isPointInPath', 'isPointInStroke', 'getContextAttributes', 'isContextLost']);
const METHODS = new Set<string>(RASTER_METHODS);
const PROPERTIES = new Set<string>(RASTER_PROPERTIES);

const plain = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || (Array.isArray(v) && v.every((n) => typeof n === 'number'));

/**
 * A stand-in for a canvas's 2D context that draws nothing: it writes down
 * the calls made on it (the ones layerRasterProtocol.ts names, with plain
 * arguments), for a worker to replay on the canvas that shows the layer.
 * A property read back gives what was last set (Konva reads
 * imageSmoothingEnabled when it resizes); calls that read (a text's width)
 * are answered by a 1×1 context. Nothing here touches a real context while
 * drawing: all of it is plain JavaScript.
 *
 * Anything it cannot hand on (an image drawn, a gradient, text, a Path2D) is
 * named in `unsupported`, and the caller draws that layer on the page
 * instead.
 */
export class LayerRecorder {
  /** The context to draw on. */
  readonly context: CanvasRenderingContext2D;
  /** The first call or property that cannot be replayed, once one was made. */
  unsupported: string | null = null;
  private ops: RasterOp[] = [];
  /** Properties as last set. */
  private readonly state = new Map<string, unknown>();

  constructor() {
    const scratch = new OffscreenCanvas(1, 1).getContext('2d')!;
    const target = scratch as unknown as Record<string, unknown>;
    const state = this.state;
    const calls = new Map<string, (...args: unknown[]) => unknown>();
    const call = (name: string): ((...args: unknown[]) => unknown) => {
      const native = target[name] as (...args: unknown[]) => unknown;
      if (READ_METHODS.has(name)) return native.bind(scratch);
      if (!METHODS.has(name)) {
        return (...args) => {
          this.unsupported ??= name;
          return native.apply(scratch, args);
        };
      }
      return (...args) => {
        if (args.every(plain)) this.ops.push([name, ...args] as RasterOp);
        else this.unsupported ??= name;
      };
    };
    this.context = new Proxy(scratch, {
      get: (_, name) => {
        if (typeof name !== 'string') return undefined;
        if (state.has(name)) return state.get(name);
        const value = target[name];
        if (typeof value !== 'function') return value;
        let bound = calls.get(name);
        if (!bound) calls.set(name, (bound = call(name)));
        return bound;
      },
      set: (_, name, value) => {
        if (typeof name !== 'string') return false;
        if (PROPERTIES.has(name) && plain(value) && !Array.isArray(value)) this.ops.push([SET, name as (typeof RASTER_PROPERTIES)[number], value as string | number | boolean]);
        else this.unsupported ??= name;
        state.set(name, value);
        return true;
      },
    }) as unknown as CanvasRenderingContext2D;
  }

  /**
   * The canvas was resized, which empties it and resets its context: what was written down before no
   * longer matters, and the replay starts from a reset context.
   */
  resized(): void {
    this.ops = [['reset']];
    this.state.clear();
  }

  /** The calls since the last take, in order. */
  take(): RasterOp[] {
    const ops = this.ops;
    this.ops = [];
    return ops;
  }
}
