/**
 * The export channels of the contract. As everywhere in main: the sender
 * must be our page in one of our windows, every argument is checked, and the
 * renderer names no path — main asks the user in a save dialog, then writes
 * atomically (no .bak: an export is made again at will).
 */
import { basename, join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import {
  CHANNELS,
  EXPORT_FILE_FORMATS,
  MAX_EXPORT_BYTES,
  MAX_SESSION_BYTES,
  type ExportFileFormat,
  type ExportFileRequest,
  type ExportPdfRequest,
  type ExportResult,
} from '../../shared/contract';
import { PAPER_SIZES, REPORT_LANGUAGES, type ReportOptions } from '../../shared/report-job';
import { ensureExtension, sanitizeFileName } from '../../shared/file-names';
import { writeFileAtomic } from './files';
import { trustedWindowOf } from './ipc';
import { withReportWindow, type ReportWindowDeps } from './report-window';
import { expectArgumentCount, expectRecord, expectString, IpcArgumentError } from './validate';

const MAX_NAME_LENGTH = 1000;
const MAX_FILTER_NAME_LENGTH = 200;

export function parseReportOptions(value: unknown): ReportOptions {
  const object = expectRecord(value, 'report options', ['paper', 'language']);
  if (!(PAPER_SIZES as readonly unknown[]).includes(object.paper)) throw new IpcArgumentError(`paper must be one of ${PAPER_SIZES.join(', ')}.`);
  if (!(REPORT_LANGUAGES as readonly unknown[]).includes(object.language)) {
    throw new IpcArgumentError(`language must be one of ${REPORT_LANGUAGES.join(', ')}.`);
  }
  return { paper: object.paper as ReportOptions['paper'], language: object.language as ReportOptions['language'] };
}

export function parseExportPdfRequest(value: unknown): ExportPdfRequest {
  const object = expectRecord(value, 'PDF export request', ['sessionText', 'options', 'suggestedName', 'filterName']);
  const sessionText = expectString(object.sessionText, 'sessionText', MAX_SESSION_BYTES);
  if (Buffer.byteLength(sessionText, 'utf8') > MAX_SESSION_BYTES) throw new IpcArgumentError(`sessionText is larger than ${MAX_SESSION_BYTES} bytes.`);
  return {
    sessionText,
    options: parseReportOptions(object.options),
    suggestedName: expectString(object.suggestedName, 'suggestedName', MAX_NAME_LENGTH),
    filterName: expectString(object.filterName, 'filterName', MAX_FILTER_NAME_LENGTH),
  };
}

export function parseExportFileRequest(value: unknown): ExportFileRequest {
  const object = expectRecord(value, 'file export request', ['format', 'data', 'suggestedName', 'filterName']);
  if (!(EXPORT_FILE_FORMATS as readonly unknown[]).includes(object.format)) {
    throw new IpcArgumentError(`format must be one of ${EXPORT_FILE_FORMATS.join(', ')}.`);
  }
  const format = object.format as ExportFileFormat;
  let data: Uint8Array | string;
  if (format === 'png') {
    // Structured clone delivers a Uint8Array; anything else is not a picture.
    if (!(object.data instanceof Uint8Array)) throw new IpcArgumentError('data of a PNG must be bytes.');
    if (object.data.byteLength > MAX_EXPORT_BYTES) throw new IpcArgumentError('data is too large.');
    data = object.data;
  } else {
    data = expectString(object.data, 'data', MAX_EXPORT_BYTES);
    if (Buffer.byteLength(data, 'utf8') > MAX_EXPORT_BYTES) throw new IpcArgumentError('data is too large.');
  }
  return {
    format,
    data,
    suggestedName: expectString(object.suggestedName, 'suggestedName', MAX_NAME_LENGTH),
    filterName: expectString(object.filterName, 'filterName', MAX_FILTER_NAME_LENGTH),
  };
}

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
    await writeFileAtomic(path, data, undefined, { backup: false });
  } catch (error) {
    return { kind: 'error', fileName, detail: error instanceof Error ? error.message : String(error) };
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
    return { kind: 'error', fileName: basename(path), detail: error instanceof Error ? error.message : String(error) };
  }
  return writeExport(path, pdf);
}

export async function exportFile(win: BrowserWindow, request: ExportFileRequest): Promise<ExportResult> {
  const path = await askExportPath(win, request.format, request.suggestedName, request.filterName);
  if (path === undefined) return { kind: 'cancelled' };
  return writeExport(path, request.data);
}

/** Registers the export channels; returns a function that removes them again. */
export function registerExportIpc(deps: ReportWindowDeps): () => void {
  ipcMain.handle(CHANNELS.exportPdf, async (event, ...args) => {
    const win = trustedWindowOf(event, deps.devServerUrl);
    expectArgumentCount(args, 1);
    return exportPdf(win, parseExportPdfRequest(args[0]), deps);
  });
  ipcMain.handle(CHANNELS.exportFile, async (event, ...args) => {
    const win = trustedWindowOf(event, deps.devServerUrl);
    expectArgumentCount(args, 1);
    return exportFile(win, parseExportFileRequest(args[0]));
  });
  return () => {
    ipcMain.removeHandler(CHANNELS.exportPdf);
    ipcMain.removeHandler(CHANNELS.exportFile);
  };
}
