import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import { createSession, type Session } from '../domain';
import { createDesktopSlice, type DesktopSlice } from './desktopSlice';
import { createExportSlice, type ExportSlice } from './exportSlice';
import { createFileSlice, type FileSlice } from './fileSlice';
import { createPresenterSlice, type PresenterSlice } from './presenterSlice';
import { createRoomSlice, type RoomSlice } from './roomSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createWorkshopSlice, type Language, type WorkshopSlice } from './workshopSlice';

export type AppState = SessionSlice & WorkshopSlice & FileSlice & PresenterSlice & ExportSlice & RoomSlice & DesktopSlice;

/** Undo covers the document only (setup, curves); screens and reveal steps are not undone. */
type History = { session: Session };

export type AppStore = StoreApi<AppState> & { temporal: StoreApi<TemporalState<History>> };

export const UNDO_LIMIT = 200;

export function createAppStore(language: Language, initial: Session = createSession(language, todayIso())): AppStore {
  return createStore<AppState>()(
    temporal(
      (...a) => ({
        ...createSessionSlice(initial)(...a),
        ...createWorkshopSlice(initial.rounds[0]!.id, language)(...a),
        ...createFileSlice(initial)(...a),
        ...createPresenterSlice(...a),
        ...createExportSlice(...a),
        ...createRoomSlice(...a),
        ...createDesktopSlice(...a),
      }),
      {
        partialize: (state): History => ({ session: state.session }),
        // Only a changed document makes an undo step, not a screen change.
        equality: (past, current) => past.session === current.session,
        limit: UNDO_LIMIT,
      },
    ),
  ) as AppStore;
}

/**
 * Replace the whole document (new or opened file): history starts afresh.
 * `unsaved`: the session is not what is on disk (a recovered autosave), so it
 * starts with unsaved changes.
 */
export function replaceSession(
  store: AppStore,
  session: Session,
  file: { fileId: string | null; fileName: string | null },
  options: { unsaved?: boolean } = {},
): void {
  store.temporal.getState().pause();
  const hasCurves = session.curves.length > 0;
  store.setState({
    session,
    // Unsaved changes are "any other session object" (isDirty): a copy is never the session being edited.
    savedSession: options.unsaved ? { ...session } : session,
    fileId: file.fileId,
    fileName: file.fileName,
    roundId: session.rounds[0]!.id,
    view: hasCurves ? 'reveal' : 'setup',
    drawerId: null,
    curtain: false,
    // A reopened session shows its curves as they were left: all revealed.
    revealMode: 'all',
    revealStep: hasCurves ? 1 : 0,
    hiddenParticipantIds: [],
    hiddenTeamIds: [],
    highlightId: null,
    showStart: false,
  });
  store.temporal.getState().clear();
  store.temporal.getState().resume();
}

export function isDirty(state: AppState): boolean {
  return state.session !== state.savedSession;
}

export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function useAppStore<T>(store: AppStore, selector: (state: AppState) => T): T {
  return useStore(store, selector);
}

export function useHistory<T>(store: AppStore, selector: (state: TemporalState<History>) => T): T {
  return useStore(store.temporal, selector);
}
