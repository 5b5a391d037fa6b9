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

/** File extension of a session file, without the dot. */
export const SESSION_EXTENSION = 'wavelength';

/** Upper bound for a session file we read or write (bytes of UTF-8 text). */
export const MAX_SESSION_BYTES = 20 * 1024 * 1024;

export type OpenSessionResult =
  | { kind: 'opened'; fileId: string; fileName: string; text: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; fileName: string; reason: 'unreadable' | 'tooLarge' | 'notUtf8'; detail: string };

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
} as const;

/** The scheme and host the renderer bundle is served from inside the app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wavelength';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
