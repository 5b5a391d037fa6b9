import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export const EXPORT_FORMATS = ['pdf', 'png', 'svg', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The export dialog: open with a format chosen (from a button, the menu or
 * Ctrl+P), or closed. Not part of the file and not undone by undo.
 */
export interface ExportSlice {
  exportDialog: ExportFormat | null;
  openExportDialog(format: ExportFormat): void;
  closeExportDialog(): void;
}

export const createExportSlice: StateCreator<AppState, [['temporal', unknown]], [], ExportSlice> = (set) => ({
  exportDialog: null,
  openExportDialog: (format) => set({ exportDialog: format }),
  closeExportDialog: () => set({ exportDialog: null }),
});
