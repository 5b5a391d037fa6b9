/**
 * What both processes share about the process boundary, in one place for
 * importers: the channel table (ipc.ts) and the schemas of what crosses it
 * (messages.ts), the commands main may send (commands.ts), the size limits
 * (limits.ts), the app:// origin, and the room state the presenter window
 * shows. Imported by main, the preload and renderer/platform.
 */

export { MAX_EXPORT_BYTES, MAX_SESSION_BYTES } from './limits';
export { APP_COMMANDS, type AppCommand } from './commands';
export { CHANNELS, type AnyRoleApi, type PresenterApi, type RoleApi, type WavelengthApi, type WindowRole } from './ipc';
export {
  EXPORT_FILE_FORMATS,
  FILE_PROBLEMS,
  READ_FAILURE_REASONS,
  type AutosaveReadResult,
  type AutosaveWriteRequest,
  type DocumentState,
  type ExportFileFormat,
  type ExportFileRequest,
  type ExportPdfRequest,
  type ExportResult,
  type ExternalFileResult,
  type FileProblem,
  type LaunchFileResult,
  type NativeTexts,
  type OpenSessionResult,
  type PresenterDisplay,
  type PresenterStatus,
  type ReadFailureReason,
  type SaveSessionRequest,
  type SaveSessionResult,
  type UnsavedChoice,
} from './messages';

/** File extension of a session file, without the dot. */
export const SESSION_EXTENSION = 'wavelength';

// --- Presenter: the room screen ----------------------------------------------

/** Version of the RoomState layout; a receiver ignores states of another version. */
export const ROOM_STATE_VERSION = 2;

export type RoomLineStyle = 'solid' | 'dashed' | 'dotted' | 'dashdot';

/** One curve as the room sees it: already chosen, labelled and anonymised by the facilitator's window. */
export interface RoomCurve {
  /** Stable key on the room screen; never a participant id. */
  key: string;
  /** The participant's name, or an anonymised label ("Sales 1") when names are hidden from the room. */
  label: string;
  team: string;
  /** #rrggbb */
  color: string;
  lineStyle: RoomLineStyle;
  faded: boolean;
  highlighted: boolean;
  /** [time, level] pairs in [0, 1], sorted by time. */
  points: [number, number][];
}

export interface RoomLegendTeam {
  name: string;
  lineStyle: RoomLineStyle;
  highlighted: boolean;
  members: { key: string; label: string; color: string; highlighted: boolean }[];
}

/** What the facilitator is doing, as far as the room may know. New screens add new kinds. */
export type RoomScreen =
  | { kind: 'setup' }
  | {
      kind: 'draw';
      /** Who draws (name or anonymised label); null while the facilitator picks. */
      drawer: string | null;
      drawerColor: string | null;
      curtain: boolean;
      blind: boolean;
      drawn: number;
      total: number;
    }
  | { kind: 'reveal'; step: number; steps: number; shown: number; total: number }
  | { kind: 'compare' }
  | { kind: 'discuss' };

export const ROOM_SCREEN_KINDS = ['setup', 'draw', 'reveal', 'compare', 'discuss'] as const satisfies readonly RoomScreen['kind'][];

export const ROOM_TEAM_ROLES = ['sales', 'ps', 'customer', 'other'] as const;

/** A team's statistics in the compare view, on the RoomCompare grid. */
export interface RoomTeamSeries {
  name: string;
  /** Picks the team colour, as on the facilitator's screen. */
  role: (typeof ROOM_TEAM_ROLES)[number];
  lineStyle: RoomLineStyle;
  /** How many curves the statistics rest on. */
  n: number;
  highlighted: boolean;
  /** Another team or a person is highlighted. */
  dimmed: boolean;
  /** Levels in [0, 1]; null where no curve has a value. */
  mean: (number | null)[];
  /** The spread band; null when hidden or resting on fewer than two curves. */
  lower: (number | null)[] | null;
  upper: (number | null)[] | null;
}

/** The Sales–PS gap on the RoomCompare grid, as the strip under the facilitator's compare chart. */
export interface RoomGap {
  /** The team whose mean is the minuend (Sales) and the subtrahend (PS); the role picks the colour. */
  a: { name: string; role: (typeof ROOM_TEAM_ROLES)[number] };
  b: { name: string; role: (typeof ROOM_TEAM_ROLES)[number] };
  /** mean(a) − mean(b), in [−1, 1]; null where either team has no curve. */
  values: (number | null)[];
}

/** One team's drop after the handover, as the facilitator's marker shows it (only drops large enough to mark). */
export interface RoomHandoverDrop {
  team: string;
  role: (typeof ROOM_TEAM_ROLES)[number];
  /** Where the handover is, in [0, 1]. */
  at: number;
  /** Level just before the handover, the low after it and where; levels in [0, 1]. */
  before: number;
  low: number;
  lowAt: number;
  /** Another team or a person is highlighted. */
  dimmed: boolean;
}

/** A span where the group disagrees most; numbered in order (1, 2, 3) on the chart. */
export interface RoomSpan {
  start: number;
  end: number;
  /** The phase it falls in. */
  phase: string;
}

/** What the compare view adds for the room: team means with bands, the target, the gap, the handover drops, the disagreement spans. */
export interface RoomCompare {
  /** Time positions in [0, 1] that the series are sampled at. */
  grid: number[];
  teams: RoomTeamSeries[];
  /** The method's target curve on the grid; null when hidden. */
  target: (number | null)[] | null;
  /** The Sales–PS gap strip; null without both teams (or one is hidden). */
  gap: RoomGap | null;
  /** Handover drop markers (Sales and PS); empty without a handover or a drop. */
  drops: RoomHandoverDrop[];
  /** Disagreement spans, shaded and numbered; empty when the facilitator hides them. */
  spans: RoomSpan[];
}

export const ROOM_NOTE_KINDS = ['event', 'insight'] as const;

/** A note pinned to a moment, numbered by its position in RoomState.notes as on the facilitator's chart. */
export interface RoomNote {
  /** Where on the timeline, in [0, 1]. */
  at: number;
  kind: (typeof ROOM_NOTE_KINDS)[number];
  /** The phase it falls in ('' when none). */
  phase: string;
  /** The note; participants' names in it are replaced by their labels when names are anonymised. */
  text: string;
  /** Who wrote it; an anonymised label, or null (none given, or left out because it could name someone). */
  author: string | null;
  /** Whose curve it is pinned to (name or anonymised label); null for the whole group. */
  participant: string | null;
  /** #rrggbb of the marker: that participant's colour, or a neutral dark. */
  color: string;
  /** That curve's level at `at`, for a dot on the curve; null when none. */
  level: number | null;
}

/**
 * Everything the presenter window shows, derived in the facilitator's window
 * and sent whole on every change (small: no participant ids, no names when
 * anonymised, only the curves the room may see). Plain data, so it survives
 * structured clone, BroadcastChannel and IPC alike. Add fields here as the
 * room learns to show more (team means, the gap, …).
 */
export interface RoomState {
  version: typeof ROOM_STATE_VERSION;
  /** Grows with every state the facilitator publishes; receivers drop older ones. */
  rev: number;
  language: 'de' | 'en';
  /** The project's name ('' when none). */
  title: string;
  /** The round's question. */
  question: string;
  screen: RoomScreen;
  timeline: {
    phases: { id: string; name: string; width: number }[];
    milestones: { id: string; name: string; at: number }[];
    handoverId: string | null;
  };
  scale: { low: string; mid: string; high: string };
  curves: RoomCurve[];
  /** The legend the room sees; empty when the facilitator hides it. */
  legend: RoomLegendTeam[];
  anonymous: boolean;
  /** Team means, bands and target while the facilitator compares; null otherwise. */
  compare: RoomCompare | null;
  /** Notes of the round while the chart shows them (discuss; compare with notes on); empty otherwise. */
  notes: RoomNote[];
}

/** The scheme and host the renderer bundle is served from inside the app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wavelength';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
