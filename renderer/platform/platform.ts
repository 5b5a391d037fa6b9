import type {
  AppCommand,
  DocumentState,
  NativeTexts,
  OpenSessionResult,
  SaveSessionRequest,
  SaveSessionResult,
  UnsavedChoice,
} from '../../electron/contract';

export type {
  AppCommand,
  DocumentState,
  NativeTexts,
  OpenSessionResult,
  SaveSessionRequest,
  SaveSessionResult,
  UnsavedChoice,
};

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
}
