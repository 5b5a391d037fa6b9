import { isRasterValue, PROPERTY_CODE, RASTER_METHODS, RASTER_PROPERTIES, type RasterOps } from './layerRasterProtocol';

/** What a text's measure depends on. */
const TEXT_STATE = ['font', 'letterSpacing', 'wordSpacing', 'direction', 'fontKerning'] as const;
/** Calls that only read: answered by a 1×1 context, never written down (Konva draws curves without them). */
const READ_METHODS = new Set(['measureText', 'getLineDash', 'getTransform', 'isPointInPath', 'isPointInStroke', 'getContextAttributes', 'isContextLost']);

type Value = RasterOps['values'][number];

/** What one recorder keeps; its context's methods (shared, on one prototype) work on it. */
interface Recording {
  /** Codes, counts and numeric arguments; `length` of them are used. */
  numbers: Float64Array;
  /** 1 where a slot of `numbers` is an index into `values`. */
  kinds: Uint8Array;
  length: number;
  values: Value[];
  unsupported: string | null;
  /** Properties as last set. */
  readonly state: Map<string, unknown>;
}

const INITIAL_CAPACITY = 4096;

/** Room for n more slots. */
function reserve(r: Recording, n: number): void {
  if (r.length + n <= r.numbers.length) return;
  const capacity = Math.max(r.numbers.length * 2, r.length + n);
  const numbers = new Float64Array(capacity);
  numbers.set(r.numbers.subarray(0, r.length));
  const kinds = new Uint8Array(capacity);
  kinds.set(r.kinds.subarray(0, r.length));
  r.numbers = numbers;
  r.kinds = kinds;
}

/** Room for a call of `argc` numbers, its code and count written; returns where its arguments go. */
function writeCall(r: Recording, code: number, argc: number): number {
  reserve(r, 2 + argc);
  const at = r.length;
  r.numbers[at] = code;
  r.numbers[at + 1] = argc;
  r.length = at + 2 + argc;
  return at + 2;
}

/** One argument: a number in place, anything else by its index in `values`. */
function pushArgument(r: Recording, v: unknown): boolean {
  if (typeof v === 'number') {
    r.numbers[r.length++] = v;
    return true;
  }
  if (!isRasterValue(v)) {
    r.numbers[r.length++] = 0;
    return false;
  }
  r.kinds[r.length] = 1;
  r.numbers[r.length++] = r.values.length;
  r.values.push(v);
  return true;
}

let scratch: OffscreenCanvasRenderingContext2D | null = null;
/** A 1×1 context, for what is read back and never set here (a text's width, a default). */
const scratchContext = (): Record<string, unknown> =>
  (scratch ??= new OffscreenCanvas(1, 1).getContext('2d')!) as unknown as Record<string, unknown>;

const RECORDING = Symbol('recording');
type RecordingContext = { [RECORDING]: Recording };

let prototype: object | null = null;
/**
 * The recording context's prototype, made once: a method for every call and an accessor for every
 * property of CanvasRenderingContext2D. Plain methods on one prototype, not a Proxy: Konva makes about
 * 10,000 calls per layer of 50 curves, and V8 keeps plain calls fast.
 */
function recordingPrototype(): object {
  if (prototype) return prototype;
  const proto: Record<string, unknown> = {};
  const codes = new Map<string, number>(RASTER_METHODS.map((name, code) => [name, code]));
  const properties = new Map<string, number>(RASTER_PROPERTIES.map((name, i) => [name, PROPERTY_CODE + i]));
  const native = CanvasRenderingContext2D.prototype;
  for (const name of Object.getOwnPropertyNames(native)) {
    if (name === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(native, name)!;
    if (typeof descriptor.value === 'function') {
      const code = codes.get(name);
      proto[name] =
        code === undefined
          ? function (this: RecordingContext, ...args: unknown[]) {
              const { state } = this[RECORDING];
              if (!READ_METHODS.has(name)) this[RECORDING].unsupported ??= name;
              const scratch = scratchContext();
              // A text's width in the font (and spacing) set here.
              for (const p of TEXT_STATE) if (state.has(p)) scratch[p] = state.get(p);
              return (scratch[name] as (...a: unknown[]) => unknown)(...args);
            }
          : function (this: RecordingContext, ...args: unknown[]) {
              const recording = this[RECORDING];
              // An argument left out (Konva passes undefined for arc's anticlockwise) is not sent.
              let argc = args.length;
              while (argc > 0 && args[argc - 1] === undefined) argc--;
              reserve(recording, 2 + argc);
              recording.numbers[recording.length++] = code;
              recording.numbers[recording.length++] = argc;
              for (let i = 0; i < argc; i++) if (!pushArgument(recording, args[i])) recording.unsupported ??= name;
            };
    } else {
      const code = properties.get(name);
      Object.defineProperty(proto, name, {
        get(this: RecordingContext) {
          const { state } = this[RECORDING];
          return state.has(name) ? state.get(name) : scratchContext()[name];
        },
        set(this: RecordingContext, value: unknown) {
          const recording = this[RECORDING];
          recording.state.set(name, value);
          if (code !== undefined && (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')) {
            reserve(recording, 3);
            recording.numbers[recording.length++] = code;
            recording.numbers[recording.length++] = 1;
            if (!pushArgument(recording, value)) recording.unsupported ??= name;
          } else recording.unsupported ??= name;
        },
      });
    }
  }
  // The calls Konva makes most, without rest arguments (numbers, as d3-shape and Konva pass them).
  const hot = (name: 'moveTo' | 'lineTo' | 'bezierCurveTo') => codes.get(name)!;
  const [moveTo, lineTo, bezierCurveTo] = [hot('moveTo'), hot('lineTo'), hot('bezierCurveTo')];
  const point = (code: number) =>
    function (this: RecordingContext, x: number, y: number) {
      const r = this[RECORDING];
      const at = writeCall(r, code, 2);
      r.numbers[at] = x;
      r.numbers[at + 1] = y;
    };
  proto.moveTo = point(moveTo);
  proto.lineTo = point(lineTo);
  proto.bezierCurveTo = function (this: RecordingContext, a: number, b: number, c: number, d: number, e: number, f: number) {
    const r = this[RECORDING];
    const at = writeCall(r, bezierCurveTo, 6);
    const n = r.numbers;
    n[at] = a;
    n[at + 1] = b;
    n[at + 2] = c;
    n[at + 3] = d;
    n[at + 4] = e;
    n[at + 5] = f;
  };
  return (prototype = proto);
}

/**
 * Appends a path written down in the recorder's own format (pathCommands.ts: numbers only) to the
 * recording behind `context`, in one copy. False when `context` is not a recording context.
 */
export function appendRecordedPath(context: unknown, path: Float64Array): boolean {
  if (typeof context !== 'object' || context === null || !(RECORDING in context)) return false;
  const r = (context as RecordingContext)[RECORDING];
  reserve(r, path.length);
  r.numbers.set(path, r.length);
  r.kinds.fill(0, r.length, r.length + path.length);
  r.length += path.length;
  return true;
}

/**
 * A stand-in for a canvas's 2D context that draws nothing: it writes down
 * the calls made on it (the ones layerRasterProtocol.ts names, with plain
 * arguments), for a worker to replay on the canvas that shows the layer.
 * A property read back gives what was last set (Konva reads
 * imageSmoothingEnabled when it resizes); calls that read (a text's width)
 * are answered by a 1×1 context. Nothing here touches a real context while
 * drawing.
 *
 * Anything it cannot hand on (an image drawn, a gradient, a Path2D) is
 * named in `unsupported`, and the caller draws that layer on the page
 * instead.
 */
export class LayerRecorder {
  /** The context to draw on. */
  readonly context: CanvasRenderingContext2D;
  private readonly recording: Recording = {
    numbers: new Float64Array(INITIAL_CAPACITY),
    kinds: new Uint8Array(INITIAL_CAPACITY),
    length: 0,
    values: [],
    unsupported: null,
    state: new Map(),
  };

  constructor() {
    const context = Object.create(recordingPrototype()) as RecordingContext;
    context[RECORDING] = this.recording;
    this.context = context as unknown as CanvasRenderingContext2D;
  }

  /** The first call or property that cannot be replayed, once one was made. */
  get unsupported(): string | null {
    return this.recording.unsupported;
  }

  /**
   * The canvas was resized, which empties it and resets its context: what was written down before no
   * longer matters, and the replay starts from a reset context.
   */
  resized(): void {
    this.recording.length = 0;
    this.recording.kinds.fill(0);
    this.recording.values = [];
    this.context.reset();
    this.recording.state.clear();
  }

  /**
   * The calls since the last take, in order, on arrays of their own (to be handed to the worker, which
   * empties them here): the recorder goes on in new ones as large.
   */
  take(): RasterOps {
    const r = this.recording;
    const ops: RasterOps = { numbers: r.numbers.subarray(0, r.length), kinds: r.kinds.subarray(0, r.length), values: r.values };
    r.numbers = new Float64Array(r.numbers.length);
    r.kinds = new Uint8Array(r.kinds.length);
    r.length = 0;
    r.values = [];
    return ops;
  }
}
