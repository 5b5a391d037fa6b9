import type { StateCreator } from 'zustand';
import type { PresenterStatus } from '../platform/platform';
import type { AppState } from './store';

/**
 * What the room screen shows besides the workshop itself: whether names are
 * anonymised, whether the legend is on, and where the room view is (a
 * presenter window, or full screen in this window). Not part of the file and
 * not undone by undo.
 */
export interface PresenterSlice {
  /** The room sees "Sales 1", "PS 2" instead of names; the facilitator's screen keeps the names. */
  roomAnonymous: boolean;
  /** The room screen shows the legend. */
  roomLegend: boolean;
  /** Single-screen present mode: the room view fills this window, driven by the keyboard. */
  presenting: boolean;
  /** The presenter window as the host last reported it. */
  presenterWindow: PresenterStatus;
  /** Why the last attempt to open the presenter window failed; null when it did not. */
  presenterProblem: 'blocked' | 'failed' | null;
  setRoomAnonymous(on: boolean): void;
  setRoomLegend(on: boolean): void;
  setPresenting(on: boolean): void;
  setPresenterWindow(status: PresenterStatus): void;
  setPresenterProblem(problem: 'blocked' | 'failed' | null): void;
}

export const createPresenterSlice: StateCreator<AppState, [['temporal', unknown]], [], PresenterSlice> = (set) => ({
  roomAnonymous: false,
  roomLegend: true,
  presenting: false,
  presenterWindow: { open: false, displayId: null },
  presenterProblem: null,
  setRoomAnonymous: (roomAnonymous) => set({ roomAnonymous }),
  setRoomLegend: (roomLegend) => set({ roomLegend }),
  setPresenting: (presenting) => set({ presenting }),
  setPresenterWindow: (presenterWindow) => set(presenterWindow.open ? { presenterWindow, presenterProblem: null } : { presenterWindow }),
  setPresenterProblem: (presenterProblem) => set({ presenterProblem }),
});
