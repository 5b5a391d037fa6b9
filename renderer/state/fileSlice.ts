import type { StateCreator } from 'zustand';
import type { Session, SessionFileError, SessionRepair } from '../domain';
import type { FileProblem, OpenSessionResult } from '../platform/platform';
import type { AppState } from './store';

/** Something the app tells the user about files; the UI turns it into a sentence. */
export type FileNotice =
  | { kind: 'saved'; fileName: string }
  /** `repairs`: what loading mended (SessionRepair), so the session is not what is on disk. */
  | { kind: 'opened'; fileName: string; repairs: readonly SessionRepair[] }
  | { kind: 'openFailed'; fileName: string; error: SessionFileError }
  | { kind: 'readFailed'; fileName: string; reason: Extract<OpenSessionResult, { kind: 'error' }>['reason']; detail: string }
  /** The reason is main's (or the browser's) typed problem; the UI says it in the user's language, with the OS's code. */
  | { kind: 'saveFailed'; fileName: string; problem: FileProblem; osCode: string | null; targetUnchanged: boolean }
  /** Saved, but `<name>.bak` could not be brought up to date (e.g. it belongs to someone else). */
  | { kind: 'backupNotUpdated'; fileName: string; osCode: string | null }
  /** The autosave of an earlier run is open again, with its changes unsaved. */
  | { kind: 'recovered'; projectName: string }
  /** A newer Wavelength's autosave was found: kept for that version, and this window writes no autosave over it. */
  | { kind: 'newerAutosaveKept'; found: number; supported: number }
  /** An autosave was there but could not be read or loaded; it was discarded. */
  | { kind: 'recoveryFailed'; error: SessionFileError | null; detail: string }
  | { kind: 'autosaveFailed'; detail: string }
  /** Something with content was removed; the notice offers Undo (issue 10). `curves`: how many went with it. */
  | { kind: 'removed'; what: 'participant' | 'team' | 'round'; name: string; curves: number }
  /** "New retro from this one": `carried` open action items came along; `from` is the earlier retro's project name. */
  | { kind: 'nextRetroStarted'; from: string; carried: number }
  /** A drop that is not one session file (several files, another type); nothing was opened. */
  | { kind: 'dropRefused'; reason: 'several' | 'notSession'; fileName: string }
  | { kind: 'chartCopied' }
  | { kind: 'chartCopyUnsupported' }
  | { kind: 'chartCopyFailed'; problem: 'notAPicture' | 'refused' | 'failed'; detail: string };

/** The session an earlier run autosaved and never saved, offered on the start screen. */
export interface RecoveryOffer {
  session: Session;
  /** ISO 8601. */
  savedAt: string;
  projectName: string;
  /** The file it came from (a fresh token from the host); null for a session never saved, and in the browser. */
  fileId: string | null;
  fileName: string | null;
}

/**
 * Input not yet in the session (a note being typed into the add form): how
 * it would change the session once added. The autosave writes the session
 * with every draft applied, so a crash doesn't lose what was being typed;
 * the session itself and its undo history are untouched.
 */
export type SessionDraft = (session: Session) => Session;

export interface FileSlice {
  /** Token of the file on disk (from the host's dialog); null until saved or opened. */
  fileId: string | null;
  fileName: string | null;
  /** The session as last saved or opened: unsaved changes are any other session. */
  savedSession: Session;
  notice: FileNotice | null;
  setNotice(notice: FileNotice | null): void;
  /** An earlier run's unsaved session, until the user recovers or discards it, or a newer autosave replaces it. */
  recovery: RecoveryOffer | null;
  /**
   * The host's autosave holds a newer Wavelength's session (file format
   * `found`). It is that version's to recover: while it is there, this
   * window neither overwrites nor clears it.
   */
  newerAutosave: { found: number; supported: number } | null;
  drafts: Readonly<Record<string, SessionDraft>>;
  /** Add, replace (same key) or, with null, drop a draft. */
  setDraft(key: string, draft: SessionDraft | null): void;
}

export const createFileSlice =
  (initial: Session): StateCreator<AppState, [['temporal', unknown]], [], FileSlice> =>
  (set) => ({
    fileId: null,
    fileName: null,
    savedSession: initial,
    notice: null,
    setNotice: (notice) => set({ notice }),
    recovery: null,
    newerAutosave: null,
    drafts: {},
    setDraft: (key, draft) =>
      set((state) => {
        if (draft === null && !(key in state.drafts)) return state;
        const drafts = { ...state.drafts };
        if (draft === null) delete drafts[key];
        else drafts[key] = draft;
        return { drafts };
      }),
  });
