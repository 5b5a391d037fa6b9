/**
 * The one typed door between the renderer and the main process.
 *
 * Main (ipc handlers), preload (contextBridge) and the renderer's platform
 * layer all import this file, so a channel or payload can't drift between
 * them. The API is intent-level: the renderer asks to "open a session" or
 * "save this text", never for a path or a raw IPC channel. Files are named by
 * opaque `fileId` tokens that main hands out after a native dialog; the
 * renderer never sees or names a file system path.
 */

import type { ReportOptions } from './report-job';

/** File extension of a session file, without the dot. */
export const SESSION_EXTENSION = 'wavelength';

/** Upper bound for a session file we read or write (bytes of UTF-8 text). */
export const MAX_SESSION_BYTES = 20 * 1024 * 1024;

/**
 * Why a file could not be read: `notFound` (moved or deleted), `notSessionFile`
 * (the OS or the command line handed over a file without the .wavelength
 * extension), or the bytes themselves.
 */
export type ReadFailureReason = 'unreadable' | 'notFound' | 'tooLarge' | 'notUtf8' | 'notSessionFile';

export type OpenSessionResult =
  | { kind: 'opened'; fileId: string; fileName: string; text: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; fileName: string; reason: ReadFailureReason; detail: string };

/** A file the app was asked to open from outside (command line, file manager, Finder), read by main. */
export type ExternalFileResult = Exclude<OpenSessionResult, { kind: 'cancelled' }>;

/** The file the app was started with; the renderer asks once at start-up. */
export type LaunchFileResult = ExternalFileResult | { kind: 'none' };

export interface SaveSessionRequest {
  /** The serialized session (UTF-8 JSON). */
  text: string;
  /** Token of the file this session was opened from or last saved to; null for a new session. */
  fileId: string | null;
  /** Always ask for a location (Save As), even when fileId is known. */
  saveAs: boolean;
  /** File name offered in the dialog, e.g. "Projekt Atlas.wavelength". */
  suggestedName: string;
}

export type SaveSessionResult =
  | { kind: 'saved'; fileId: string; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; fileName: string; detail: string };

/** What to do with unsaved changes before they would be lost. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface DocumentState {
  /** Shown in the window title. */
  title: string;
  /** True while the session has changes not yet saved; main asks before closing. */
  dirty: boolean;
}

/** Commands main sends to the renderer (native menu, close request). */
export const APP_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'edit.undo',
  'edit.redo',
  /** Main is closing the window after the user chose "Save": save, then call closeWindow(). */
  'app.saveAndClose',
  /** Single screen: show the room view full screen in this window (and leave it again). */
  'present.toggle',
  /** Open the presenter window on the room display, or close it. */
  'presenter.toggleWindow',
  /** Export: open the export dialog with this format chosen. */
  'export.pdf',
  'export.png',
  'export.svg',
  'export.csv',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Texts main needs for native dialogs and menus, supplied by the renderer's i18n layer. */
export interface NativeTexts {
  unsavedTitle: string;
  unsavedMessage: string;
  unsavedDetail: string;
  save: string;
  discard: string;
  cancel: string;
  fileFilterName: string;
  menu: Record<AppCommand | 'file' | 'edit' | 'view' | 'window' | 'help' | 'quit', string>;
}

// --- Autosave: crash recovery -------------------------------------------------

/** What the renderer hands main a couple of seconds after the last unsaved change. */
export interface AutosaveWriteRequest {
  /** The serialized session (UTF-8 JSON), at most MAX_SESSION_BYTES. */
  text: string;
  /** Shown in the offer to recover it ("Projekt Atlas"); '' when the project has no name. */
  projectName: string;
  /** The file the session came from (main remembers its path beside the autosave); null for a new session. */
  fileId: string | null;
}

export type AutosaveReadResult =
  | { kind: 'none' }
  | {
      kind: 'found';
      /** When it was written, ISO 8601. */
      savedAt: string;
      projectName: string;
      text: string;
      /** A fresh token for the file it came from; null when it came from none (or the browser build). */
      fileId: string | null;
      fileName: string | null;
    }
  /** There is an autosave, but it cannot be read back; the renderer says so and clears it. */
  | { kind: 'corrupt'; detail: string };

// --- Export: PDF report and chart / curve files -----------------------------

/** Main renders the report (report.html, see report-job.ts) hidden and prints it with printToPDF. */
export interface ExportPdfRequest {
  /** The session as its file text (serializeSession); the report page parses it like "Open". */
  sessionText: string;
  options: ReportOptions;
  /** File name offered in the save dialog, e.g. "Projekt Atlas.pdf"; main sanitises it. */
  suggestedName: string;
  /** Name of the file type in the dialog's filter ("PDF report"), in the UI language. */
  filterName: string;
}

export const EXPORT_FILE_FORMATS = ['png', 'svg', 'csv'] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

/** A file the renderer made (chart PNG or SVG, curves CSV) for main to write where the user says. */
export interface ExportFileRequest {
  format: ExportFileFormat;
  /** PNG bytes; SVG and CSV text. */
  data: Uint8Array | string;
  suggestedName: string;
  filterName: string;
}

/** Upper bound of an exported file main accepts from the renderer (a 4× PNG is a few MB). */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;

export type ExportResult =
  | { kind: 'exported'; fileName: string }
  /** Browser build: the report is open in a new tab with the print dialog; the user saves from there. */
  | { kind: 'printing' }
  /** Browser build: the pop-up blocker stopped the report tab. */
  | { kind: 'blocked' }
  | { kind: 'cancelled' }
  | { kind: 'error'; fileName: string; detail: string };

// --- Presenter: the room screen ----------------------------------------------

/** A display main can put the presenter window on (sizes in device-independent pixels). */
export interface PresenterDisplay {
  id: number;
  /** The operating system's name for it; '' when it gives none. */
  name: string;
  width: number;
  height: number;
  primary: boolean;
  /** Built into the laptop. */
  internal: boolean;
  /** The facilitator's window is on this display. */
  hasMainWindow: boolean;
  /** The display main picks when none is chosen: the remembered one if it still exists, else an external one. */
  suggested: boolean;
}

/** Whether the presenter window is open, and where. */
export interface PresenterStatus {
  open: boolean;
  displayId: number | null;
}

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

/** The API the preload exposes as `window.wavelength`. */
export interface WavelengthApi {
  openSession(): Promise<OpenSessionResult>;
  saveSession(request: SaveSessionRequest): Promise<SaveSessionResult>;
  confirmUnsaved(texts: NativeTexts): Promise<UnsavedChoice>;
  setDocumentState(state: DocumentState): void;
  setNativeTexts(texts: NativeTexts): void;
  /** Close this window now (after a save requested by 'app.saveAndClose' succeeded). */
  closeWindow(): void;
  /** Returns a function that removes the listener. */
  onCommand(listener: (command: AppCommand) => void): () => void;

  /** The displays the presenter window can go on (facilitator window only). */
  listDisplays(): Promise<PresenterDisplay[]>;
  /** Open the presenter window full screen on `displayId` (null: main's suggestion), or move it there. */
  openPresenter(displayId: number | null): Promise<PresenterStatus>;
  closePresenter(): void;
  /** The presenter window opened, moved or closed. Returns an unsubscribe function. */
  onPresenterStatus(listener: (status: PresenterStatus) => void): () => void;
  /** Facilitator window: the room state changed. Main checks it and relays it to the presenter window. */
  publishRoomState(state: RoomState): void;
  /** Presenter window: room states from the facilitator, starting with the latest one. Returns an unsubscribe function. */
  onRoomState(listener: (state: RoomState) => void): () => void;
  /** Full screen for this window (the single-screen present mode). */
  setFullScreen(on: boolean): void;
  /** This window entered or left full screen, by any means. Returns an unsubscribe function. */
  onFullScreenChange(listener: (on: boolean) => void): () => void;

  /** Ask where, render the report hidden, print it to PDF and write it there. */
  exportPdf(request: ExportPdfRequest): Promise<ExportResult>;
  /** Ask where and write a chart or curve file the renderer made. */
  exportFile(request: ExportFileRequest): Promise<ExportResult>;

  /** Keep the unsaved session in the app's data folder (replacing the previous autosave). */
  writeAutosave(request: AutosaveWriteRequest): Promise<void>;
  /** The autosave a previous run left behind, if any (main window only). */
  readAutosave(): Promise<AutosaveReadResult>;
  /** Forget the autosave: the session was saved, discarded or replaced. */
  clearAutosave(): Promise<void>;

  /** The file the app was started with (once; later calls get 'none'). */
  takeLaunchFile(): Promise<LaunchFileResult>;
  /** A file to open while the app runs (second start with a file, macOS Finder). Returns an unsubscribe function. */
  onOpenFile(listener: (result: ExternalFileResult) => void): () => void;
}

/** IPC channel names; only the preload and main use them. */
export const CHANNELS = {
  openSession: 'wavelength:open-session',
  saveSession: 'wavelength:save-session',
  confirmUnsaved: 'wavelength:confirm-unsaved',
  setDocumentState: 'wavelength:set-document-state',
  setNativeTexts: 'wavelength:set-native-texts',
  closeWindow: 'wavelength:close-window',
  command: 'wavelength:command',
  listDisplays: 'wavelength:presenter-list-displays',
  openPresenter: 'wavelength:presenter-open',
  closePresenter: 'wavelength:presenter-close',
  presenterStatus: 'wavelength:presenter-status',
  publishRoomState: 'wavelength:room-state-publish',
  currentRoomState: 'wavelength:room-state-current',
  roomState: 'wavelength:room-state',
  setFullScreen: 'wavelength:set-full-screen',
  fullScreenChanged: 'wavelength:full-screen-changed',
  exportPdf: 'wavelength:export-pdf',
  exportFile: 'wavelength:export-file',
  writeAutosave: 'wavelength:autosave-write',
  readAutosave: 'wavelength:autosave-read',
  clearAutosave: 'wavelength:autosave-clear',
  takeLaunchFile: 'wavelength:launch-file-take',
  openFile: 'wavelength:open-file',
} as const;

/** The scheme and host the renderer bundle is served from inside the app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wavelength';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
