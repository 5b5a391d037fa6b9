import type { StateCreator } from 'zustand';
import type { RecentFile } from '../platform/platform';
import type { AppState } from './store';

/** The help dialog: About (with the version) or the keyboard shortcuts; null when closed. */
export type HelpDialog = 'about' | 'shortcuts';

/**
 * Desktop conventions around the document (issue 10): the recent files the
 * host keeps, and the help dialog. Not part of the file, not undone by undo.
 */
export interface DesktopSlice {
  /** Newest first; empty where the host keeps none (the browser build). */
  recentFiles: readonly RecentFile[];
  setRecentFiles(files: readonly RecentFile[]): void;
  helpDialog: HelpDialog | null;
  openHelp(dialog: HelpDialog): void;
  closeHelp(): void;
}

export const createDesktopSlice: StateCreator<AppState, [['temporal', unknown]], [], DesktopSlice> = (set) => ({
  recentFiles: [],
  setRecentFiles: (recentFiles) => set({ recentFiles }),
  helpDialog: null,
  openHelp: (helpDialog) => set({ helpDialog }),
  closeHelp: () => set({ helpDialog: null }),
});
