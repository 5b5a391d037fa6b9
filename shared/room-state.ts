/**
 * The room state: everything the presenter window shows, derived in the
 * facilitator's window (renderer/state/roomState.ts, from the compare scene),
 * relayed by main (electron/main/presenter-ipc.ts) and drawn by the room view.
 * It crosses two process boundaries (IPC, or a BroadcastChannel in the
 * browser build), so it is described once, here, by one zod schema: the
 * types are inferred from it, main checks every state it relays with
 * parseRoomState, and the room view parses what it receives before drawing.
 *
 * Plain data, small and bounded: no participant ids, no names when they are
 * anonymised, only the curves the room may see; exact keys (an unknown key
 * is refused, so nothing rides along unchecked), colours as #rrggbb, levels
 * in [0, 1], sizes capped as the session file caps them.
 */
import { z } from 'zod';

/** Version of the room state's layout; a receiver ignores states of another version. */
export const ROOM_STATE_VERSION = 4;

// No code generation: the app's CSP forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

/** Limits as in the session file: 500 participants, 5000 points a curve, 100 phases and milestones. */
export const ROOM_LIMITS = {
  curves: 500,
  pointsPerCurve: 5000,
  totalPoints: 500_000,
  phases: 100,
  milestones: 100,
  legendTeams: 50,
  /** Samples of a compare series (the analysis grid has 201). */
  gridPoints: 2001,
  /** Pieces of one team line (a piece per change of coverage). */
  segments: 2001,
  /** Handover drop markers (one per team). */
  drops: 50,
  /** Disagreement spans (the analysis finds up to three). */
  spans: 20,
  /** Markers along one curve. */
  markers: 50,
  /** Notes of one round (the session file allows 2000 in all). */
  notes: 2000,
  /** A note's text (as in the session file). */
  noteText: 2000,
  text: 500,
  id: 200,
} as const;

const text = z.string().max(ROOM_LIMITS.text);
const key = z.string().min(1).max(ROOM_LIMITS.id);
const unit = z.number().min(0).max(1);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour');
const lineStyle = z.enum(['solid', 'dashed', 'dotted', 'dashdot']);
const marker = z.enum(['none', 'circle', 'square', 'triangle', 'diamond', 'cross']);
const isLevel = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

/**
 * Long arrays of numbers (curve points, series on the 201-point grid) are
 * checked by one loop each rather than a schema per element: zod without
 * code generation (the CSP's jitless mode) takes ~100 ms for a compare
 * state that way, on every change the room sees; a loop takes well under 1.
 */
const points = (max: number) =>
  z.custom<[number, number][]>(
    (v) => Array.isArray(v) && v.length <= max && v.every((p) => Array.isArray(p) && p.length === 2 && isLevel(p[0]) && isLevel(p[1])),
    `must be at most ${max} [time, level] pairs in [0, 1]`,
  );
const series = z.custom<(number | null)[]>(
  (v) => Array.isArray(v) && v.length <= ROOM_LIMITS.gridPoints && v.every((x) => x === null || isLevel(x)),
  'must be levels in [0, 1] or null, one per grid point',
);
const differences = z.custom<(number | null)[]>(
  (v) => Array.isArray(v) && v.length <= ROOM_LIMITS.gridPoints && v.every((x) => x === null || (typeof x === 'number' && x >= -1 && x <= 1)),
  'must be differences in [−1, 1] or null, one per grid point',
);

const curveSchema = z.strictObject({
  /** Stable key on the room screen; never a participant id. */
  key,
  /** The participant's name, or an anonymised label ("Sales 1") when names are hidden from the room. */
  label: text,
  team: text,
  color,
  lineStyle,
  marker,
  /** [time, level] where the marker is drawn; empty for a plain line. */
  markerPoints: points(ROOM_LIMITS.markers),
  faded: z.boolean(),
  highlighted: z.boolean(),
  /** [time, level] pairs in [0, 1], sorted by time. */
  points: points(ROOM_LIMITS.pointsPerCurve),
});

const legendTeamSchema = z.strictObject({
  name: text,
  lineStyle,
  highlighted: z.boolean(),
  members: z
    .array(
      z.strictObject({
        key,
        label: text,
        color,
        lineStyle,
        marker,
        highlighted: z.boolean(),
        /**
         * Not revealed yet: its place in the legend is kept (invisible), so the legend, and with it the chart's
         * height, stays the same through the reveal instead of growing a line and redrawing the chart each step.
         */
        pending: z.boolean(),
      }),
    )
    .max(ROOM_LIMITS.curves),
});

const screenSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('setup') }),
  z.strictObject({
    kind: z.literal('draw'),
    /** Who draws (name or anonymised label); null while the facilitator picks. */
    drawer: text.nullable(),
    drawerColor: color.nullable(),
    curtain: z.boolean(),
    blind: z.boolean(),
    drawn: count,
    total: count,
  }),
  z.strictObject({ kind: z.literal('reveal'), step: count, steps: count, shown: count, total: count }),
  z.strictObject({ kind: z.literal('compare') }),
  z.strictObject({ kind: z.literal('discuss') }),
]);

/** A team's line and band in the compare view, on the RoomCompare grid. */
const teamSeriesSchema = z.strictObject({
  name: text,
  lineStyle,
  /** The team line's colour (never a participant's). */
  color,
  /** How many curves it rests on. */
  n: count,
  highlighted: z.boolean(),
  /** Another team or a person is highlighted. */
  dimmed: z.boolean(),
  mean: series,
  /** Pieces of one coverage each, fainter where fewer of the team drew (grid indices). */
  segments: z.array(z.strictObject({ from: count, to: count, count, opacity: unit })).max(ROOM_LIMITS.segments),
  /** The spread band; null when hidden or resting on fewer than two curves. */
  lower: series.nullable(),
  upper: series.nullable(),
});

const gapSchema = z.strictObject({
  a: z.strictObject({ name: text, color }),
  b: z.strictObject({ name: text, color }),
  /** line(a) − line(b), in [−1, 1]. */
  values: differences,
});

const dropSchema = z.strictObject({
  team: text,
  color,
  /** Where the handover is. */
  at: unit,
  /** From the team line just before the handover, down by the team's drop, to the low's time. */
  from: unit,
  to: unit,
  lowAt: unit,
  drop: z.number().min(-1).max(1),
  dimmed: z.boolean(),
});

const spanSchema = z
  .strictObject({ number: count, start: unit, end: unit, firstPhase: text, lastPhase: text })
  .refine((s) => s.end >= s.start, 'a span ends before it starts');

const perceptionSchema = z.strictObject({
  guessing: z.strictObject({ name: text, color, lineStyle }),
  guessed: z.strictObject({ name: text, color, lineStyle }),
  guess: series,
  real: series,
});

const level = unit;
const share = unit;

/** The comparison's figures for sentences (renderer/scene/sceneText.ts); team names only, never a person's. */
const factsSchema = z.strictObject({
  drops: z
    .array(
      z.discriminatedUnion('state', [
        z.strictObject({
          team: text,
          state: z.literal('drop'),
          before: level,
          low: level,
          drop: z.number().min(-1).max(1),
          n: count,
          overstretched: z.boolean(),
          overstretchedCurves: count,
        }),
        z.strictObject({ team: text, state: z.literal('noDrop'), n: count }),
        z.strictObject({ team: text, state: z.literal('notAcross') }),
      ]),
    )
    .max(ROOM_LIMITS.legendTeams),
  gap: z
    .strictObject({
      a: text,
      b: text,
      meanAbs: level.nullable(),
      largest: z
        .strictObject({ value: level, direction: z.enum(['a', 'b', 'none']), firstPhase: text, lastPhase: text, n: count })
        .nullable(),
    })
    .nullable(),
  agreement: z.strictObject({
    group: z.strictObject({ value: share.nullable(), n: count }),
    teams: z.array(z.strictObject({ team: text, value: share.nullable(), n: count })).max(ROOM_LIMITS.legendTeams),
    split: z.strictObject({ between: share, within: share }).nullable(),
  }),
  peakEnd: z
    .array(
      z.strictObject({
        team: text,
        peak: level,
        peakFirstPhase: text,
        peakLastPhase: text,
        peakN: count,
        end: level,
        endPhase: text,
        endN: count,
        reachesEnd: z.boolean(),
        verdict: z.enum(['peakAtEnd', 'satisfiedNotThrilled', 'disappointed', 'belowPeak']).nullable(),
      }),
    )
    .max(ROOM_LIMITS.legendTeams),
  spans: z.array(z.strictObject({ number: count, firstPhase: text, lastPhase: text, spread: level, n: count })).max(ROOM_LIMITS.spans),
  perception: z
    .array(
      z.strictObject({
        guessing: text,
        guessed: text,
        meanAbs: level.nullable(),
        n: count,
        largest: z
          .strictObject({ value: level, direction: z.enum(['higher', 'lower', 'none']), firstPhase: text, lastPhase: text })
          .nullable(),
      }),
    )
    .max(4),
});

/** What the compare view adds for the room: team lines with bands, the target, the gap, the drops, the spans, the facts. */
const compareSchema = z
  .strictObject({
    /** Time positions in [0, 1] that the series are sampled at. */
    grid: z.custom<number[]>((v) => Array.isArray(v) && v.length <= ROOM_LIMITS.gridPoints && v.every(isLevel), 'must be times in [0, 1]'),
    teams: z.array(teamSeriesSchema).max(ROOM_LIMITS.legendTeams),
    /** The method's target curve on the grid; null when hidden. */
    target: series.nullable(),
    /** The Sales–PS gap strip; null without both teams (or one is hidden). */
    gap: gapSchema.nullable(),
    /** Handover drop markers (Sales and PS); empty without a handover or a drop. */
    drops: z.array(dropSchema).max(ROOM_LIMITS.drops),
    /** Disagreement spans, shaded and numbered; empty when the facilitator hides them. */
    spans: z.array(spanSchema).max(ROOM_LIMITS.spans),
    /** An "other team" round: each side's guess against the other side's own line. */
    perception: z.array(perceptionSchema).max(4),
    facts: factsSchema,
  })
  .superRefine((c, ctx) => {
    const sized = [
      ...c.teams.flatMap((t) => [t.mean, t.lower, t.upper]),
      c.target,
      c.gap?.values ?? null,
      ...c.perception.flatMap((p) => [p.guess, p.real]),
    ];
    if (sized.some((s) => s !== null && s.length !== c.grid.length)) ctx.addIssue({ code: 'custom', message: 'a series does not match the grid' });
    if (c.teams.some((t) => t.segments.some((s) => s.to < s.from || s.to >= c.grid.length))) {
      ctx.addIssue({ code: 'custom', message: 'a line segment lies outside the grid' });
    }
  });

/** A note pinned to a moment, with the number it has on every surface. */
const noteSchema = z.strictObject({
  number: count,
  /** Where on the timeline, in [0, 1]. */
  at: unit,
  kind: z.enum(['event', 'insight']),
  /** The phase it falls in ('' when none). */
  phase: text,
  /** The note; participants' names in it are replaced by their labels when names are anonymised. */
  text: z.string().max(ROOM_LIMITS.noteText),
  /** Who wrote it; an anonymised label, or null (none given, or left out because it could name someone). */
  author: text.nullable(),
  /** Whose curve it is pinned to (name or anonymised label); null for the whole group. */
  participant: text.nullable(),
  /** #rrggbb of the marker: that participant's colour, or a neutral dark. */
  color,
  /** That curve's level at `at`, for a dot on the curve; null when none. */
  level: unit.nullable(),
});

/**
 * The timebox of the current step (renderer/domain/timer.ts), on the
 * facilitator's clock: the room screen runs on the same computer, so it
 * counts down from `anchorAt` itself and needs no state per second.
 */
const timerSchema = z.strictObject({
  durationMs: z.number().int().min(0).max(24 * 3600_000),
  /** What was left at anchorAt; negative past the end (the timer never ends a step). */
  remainingMs: z.number().min(-24 * 3600_000).max(24 * 3600_000),
  anchorAt: z.number().min(0),
  running: z.boolean(),
  sound: z.boolean(),
});

/**
 * How to join the local room while people draw: the QR code (which holds
 * the join link with its secret), the address to type and the short code.
 */
const joinSchema = z.strictObject({
  typedUrl: z.string().max(100),
  code: z.string().max(16),
  qr: z
    .strictObject({ size: z.number().int().min(21).max(177), modules: z.string().regex(/^[01]*$/).max(177 * 177) })
    .refine((q) => q.modules.length === q.size * q.size, 'the QR code is not size × size modules'),
});

export const roomStateSchema = z
  .strictObject({
    version: z.literal(ROOM_STATE_VERSION),
    /** Grows with every state the facilitator publishes; receivers drop older ones. */
    rev: count,
    language: z.enum(['de', 'en']),
    /** The project's name ('' when none). */
    title: text,
    /** The round's question. */
    question: text,
    screen: screenSchema,
    timeline: z.strictObject({
      phases: z.array(z.strictObject({ id: key, name: text, width: z.number().gt(0).max(1000) })).max(ROOM_LIMITS.phases),
      milestones: z.array(z.strictObject({ id: key, name: text, at: unit })).max(ROOM_LIMITS.milestones),
      handoverId: key.nullable(),
    }),
    scale: z.strictObject({ low: text, mid: text, high: text }),
    curves: z.array(curveSchema).max(ROOM_LIMITS.curves),
    /** The legend the room sees; empty when the facilitator hides it. */
    legend: z.array(legendTeamSchema).max(ROOM_LIMITS.legendTeams),
    anonymous: z.boolean(),
    /** Team lines, bands, target and facts while the facilitator compares; null otherwise. */
    compare: compareSchema.nullable(),
    /** Notes of the round while the chart shows them (discuss; compare with notes on); empty otherwise. */
    notes: z.array(noteSchema).max(ROOM_LIMITS.notes),
    /** The step's timer, large, while the facilitator has one set; null otherwise. */
    timer: timerSchema.nullable(),
    /** The join card while the local room is open and people draw (setup and draw); null otherwise. */
    join: joinSchema.nullable(),
  })
  .superRefine((s, ctx) => {
    const points = s.curves.reduce((sum, c) => sum + c.points.length, 0);
    if (points > ROOM_LIMITS.totalPoints) ctx.addIssue({ code: 'custom', message: 'curves have too many points' });
  });

export type RoomState = z.infer<typeof roomStateSchema>;
export type RoomCurve = RoomState['curves'][number];
export type RoomLegendTeam = RoomState['legend'][number];
export type RoomScreen = RoomState['screen'];
export type RoomCompare = NonNullable<RoomState['compare']>;
export type RoomTeamSeries = RoomCompare['teams'][number];
export type RoomGap = NonNullable<RoomCompare['gap']>;
export type RoomHandoverDrop = RoomCompare['drops'][number];
export type RoomSpan = RoomCompare['spans'][number];
export type RoomPerception = RoomCompare['perception'][number];
export type RoomFacts = RoomCompare['facts'];
export type RoomNote = RoomState['notes'][number];
export type RoomLineStyle = RoomCurve['lineStyle'];
export type RoomTimer = NonNullable<RoomState['timer']>;
export type RoomJoinCard = NonNullable<RoomState['join']>;

/** Why a room state was refused, in one line: the first problem with its path. */
export class RoomStateError extends Error {
  override name = 'RoomStateError';
}

/**
 * Checks a room state from another window or process: a fresh, plain copy
 * that matches the schema, or a RoomStateError that names the first
 * problem. A class instance is refused too (only plain data crosses).
 */
export function parseRoomState(value: unknown): RoomState {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    throw new RoomStateError('room state must be a plain object.');
  }
  const result = roomStateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'room state';
    throw new RoomStateError(`${where}: ${issue.message}`);
  }
  return result.data;
}
