/**
 * Exports for the facilitator's window: the renderer names no path — main
 * asks the user in a save dialog, renders the PDF in a hidden report window
 * when needed, then writes atomically (no .bak: an export is made again at
 * will). The arguments were checked against the channel table's schemas.
 */
import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ExportFileRequest, ExportPdfRequest, ExportResult } from '../../shared/contract';
import { ensureExtension, sanitizeFileName } from '../../shared/file-names';
import { fileProblemOf, writeFileAtomic } from './files';
import { withReportWindow, type ReportWindowDeps } from './report-window';

/** The chosen path with its extension, or undefined when the user cancelled. */
async function askExportPath(win: BrowserWindow, extension: string, suggestedName: string, filterName: string): Promise<string | undefined> {
  const result = await dialog.showSaveDialog(win, {
    defaultPath: join(app.getPath('documents'), sanitizeFileName(suggestedName, extension, 'Wavelength')),
    filters: [{ name: filterName, extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return undefined;
  // Linux dialogs may return the typed name without the filter's extension.
  return ensureExtension(result.filePath, extension);
}

async function writeExport(path: string, data: string | Uint8Array): Promise<ExportResult> {
  const fileName = basename(path);
  try {
    await writeFileAtomic(path, data, { backup: false });
  } catch (error) {
    return { kind: 'error', fileName, ...fileProblemOf(error) };
  }
  return { kind: 'exported', fileName };
}


export async function exportPdf(win: BrowserWindow, request: ExportPdfRequest, deps: ReportWindowDeps): Promise<ExportResult> {
  const path = await askExportPath(win, 'pdf', request.suggestedName, request.filterName);
  if (path === undefined) return { kind: 'cancelled' };
  let pdf: Buffer;
  try {
    const job = { sessionText: request.sessionText, options: request.options, roundId: null };
    pdf = await withReportWindow(deps, job, (report) => report.pdf());
  } catch (error) {
    // The renderer says it in the UI language; the technical reason stays in the log.
    console.error('The report could not be made:', error);
    return { kind: 'error', fileName: basename(path), problem: 'reportFailed', osCode: null };
  }
  return writeExport(path, pdf);
}

export async function exportFile(win: BrowserWindow, request: ExportFileRequest): Promise<ExportResult> {
  const path = await askExportPath(win, request.format, request.suggestedName, request.filterName);
  if (path === undefined) return { kind: 'cancelled' };
  return writeExport(path, request.data);
}
