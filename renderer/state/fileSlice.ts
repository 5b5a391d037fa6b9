import type { StateCreator } from 'zustand';
import type { Session, SessionFileError } from '../domain';
import type { OpenSessionResult } from '../platform/platform';
import type { AppState } from './store';

/** Something the app tells the user about files; the UI turns it into a sentence. */
export type FileNotice =
  | { kind: 'saved'; fileName: string }
  | { kind: 'opened'; fileName: string }
  | { kind: 'openFailed'; fileName: string; error: SessionFileError }
  | { kind: 'readFailed'; fileName: string; reason: Extract<OpenSessionResult, { kind: 'error' }>['reason']; detail: string }
  | { kind: 'saveFailed'; fileName: string; detail: string };

export interface FileSlice {
  /** Token of the file on disk (from the host's dialog); null until saved or opened. */
  fileId: string | null;
  fileName: string | null;
  /** The session as last saved or opened: unsaved changes are any other session. */
  savedSession: Session;
  notice: FileNotice | null;
  setNotice(notice: FileNotice | null): void;
}

export const createFileSlice =
  (initial: Session): StateCreator<AppState, [['temporal', unknown]], [], FileSlice> =>
  (set) => ({
    fileId: null,
    fileName: null,
    savedSession: initial,
    notice: null,
    setNotice: (notice) => set({ notice }),
  });
