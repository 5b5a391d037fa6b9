import type {
  AppCommand,
  AutosaveReadResult,
  CopyImageResult,
  DocumentState,
  ExportFileRequest,
  ExportPdfRequest,
  ExportResult,
  ExternalFileResult,
  FileProblem,
  LaunchFileResult,
  NativeTexts,
  OpenSessionResult,
  PresenterDisplay,
  PresenterStatus,
  RecentFile,
  RoomState,
  SaveSessionRequest,
  SaveSessionResult,
  UnsavedChoice,
} from '../../shared/contract';
import type { RoomPort } from './room';

export type {
  AppCommand,
  AutosaveReadResult,
  CopyImageResult,
  DocumentState,
  ExportFileRequest,
  ExportPdfRequest,
  ExportResult,
  ExternalFileResult,
  FileProblem,
  LaunchFileResult,
  NativeTexts,
  OpenSessionResult,
  PresenterDisplay,
  PresenterStatus,
  RecentFile,
  RoomState,
  SaveSessionRequest,
  SaveSessionResult,
  UnsavedChoice,
};

/**
 * The files opened or saved lately, as the host keeps them (Electron: main's
 * list, which also feeds File ▸ Open Recent and the OS's list). Files are
 * named by ids; opening one has the host read and check it again.
 */
export interface RecentHost {
  list(): Promise<RecentFile[]>;
  /** Read the file again: like a file the OS hands over, it may be gone or broken by now. */
  open(recentId: string): Promise<ExternalFileResult>;
  clear(): Promise<void>;
  /** The list changed; returns an unsubscribe function. */
  onChange(listener: (files: RecentFile[]) => void): () => void;
}

/** What an autosave says about the session besides its text. */
export interface AutosaveMeta {
  /** For the offer to recover it; '' when the project has no name. */
  projectName: string;
  /** The file it came from; Electron keeps the link, the browser has none to keep. */
  fileId: string | null;
}

/**
 * The crash-recovery copy of the unsaved session, one at a time: Electron
 * keeps it in the app's data folder (main), the browser in IndexedDB.
 * Each call replaces or removes the previous copy; calls take effect in the
 * order they are made.
 */
export interface AutosaveHost {
  write(text: string, meta: AutosaveMeta): Promise<void>;
  /** What a previous run left: none, a session to offer, or something unreadable. */
  read(): Promise<AutosaveReadResult>;
  clear(): Promise<void>;
}

export type PresenterOpenResult =
  | { kind: 'opened'; status: PresenterStatus }
  /** The browser blocked the second window (pop-up blocker). */
  | { kind: 'blocked' }
  | { kind: 'failed'; detail: string };

/**
 * The room screen, whichever way the host shows it: Electron puts a second
 * window on a display main picks and relays the room state over IPC; the
 * browser opens a same-origin window and keeps it in step over a
 * BroadcastChannel. The UI only publishes RoomStates and listens.
 */
export interface PresenterHost {
  /** Electron can list displays and put the window on one; the browser cannot. */
  readonly picksDisplays: boolean;
  /** The displays to choose from ([] when the host cannot tell). */
  listDisplays(): Promise<PresenterDisplay[]>;
  /** Open the presenter window (on `displayId`, or where the host suggests), or move it there. */
  open(displayId: number | null): Promise<PresenterOpenResult>;
  close(): void;
  /** The presenter window opened, moved or closed; returns an unsubscribe function. */
  onStatus(listener: (status: PresenterStatus) => void): () => void;
  /** Facilitator: the room state changed. */
  publish(state: RoomState): void;
  /** Presenter window: room states, starting with the latest one; returns an unsubscribe function. */
  onState(listener: (state: RoomState) => void): () => void;
  /** Full screen for this window (single-screen present mode); does nothing where the host refuses. */
  setFullScreen(on: boolean): void;
  /** This window entered or left full screen, by any means (Esc, the OS); returns an unsubscribe function. */
  onFullScreenChange(listener: (on: boolean) => void): () => void;
  /**
   * Presenter window: a reveal step asked for there (a presentation clicker
   * whose keys land in the room window); the facilitator's window runs it.
   */
  requestStep(direction: RoomStep): void;
  /** Facilitator: steps asked for in the presenter window; returns an unsubscribe function. */
  onStepRequest(listener: (direction: RoomStep) => void): () => void;
}

export type RoomStep = 'next' | 'previous';

/**
 * Everything the renderer needs from its host, behind one interface:
 * the Electron implementation talks to the preload API, the browser
 * implementation uses a file picker and downloads. Chosen once at start-up.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Ask the user for a session file and read it. */
  openSession(): Promise<OpenSessionResult>;
  /** Write the session: in place when fileId is known and saveAs is false, else ask where. */
  saveSession(request: SaveSessionRequest): Promise<SaveSessionResult>;
  /** Ask what to do with unsaved changes (native dialog in Electron). */
  confirmUnsaved(texts: NativeTexts): Promise<UnsavedChoice>;
  /** Keep the window title and the "unsaved changes" guard in step. */
  setDocumentState(state: DocumentState): void;
  /** Hand the host the translated texts for its menus and dialogs. */
  setNativeTexts(texts: NativeTexts): void;
  /** Close the window (Electron: after save-on-close; browser: no-op). */
  closeWindow(): void;
  /** Commands from the native menu or the host; returns an unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** The room screen: presenter window and full-screen present mode. */
  readonly presenter: PresenterHost;
  /** The PDF report (Electron: printed hidden and saved where the user says; browser: a tab with the print dialog). */
  exportPdf(request: ExportPdfRequest): Promise<ExportResult>;
  /** A chart or curve file (Electron: saved where the user says; browser: a download). */
  exportFile(request: ExportFileRequest): Promise<ExportResult>;
  /** Crash recovery. */
  readonly autosave: AutosaveHost;
  /** The file the app was started with (Electron: command line, file manager, Finder); asked once at start-up. */
  takeLaunchFile(): Promise<LaunchFileResult>;
  /** Files the host asks to open while the app runs; returns an unsubscribe function. */
  onOpenFile(listener: (result: ExternalFileResult) => void): () => void;
  /** The local room: participants draw on their own devices (platform/room.ts). */
  readonly room: RoomPort;
  /**
   * Recent files; null where the host cannot reopen a file by itself (a web
   * page may read only what the user picks or drops, each time anew).
   */
  readonly recent: RecentHost | null;
  /** Put a PNG on the clipboard (Electron: main writes it; browser: the Clipboard API where it has one). */
  copyImage(png: Uint8Array): Promise<CopyImageResult>;
}
