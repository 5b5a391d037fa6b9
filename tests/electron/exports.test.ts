// Main's export channels and the hidden report window, with the fake electron module.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportFileRequest, ExportPdfRequest } from '../../shared/contract';
import { exportFileRequestSchema, exportPdfRequestSchema } from '../../shared/messages';
import { IpcSenderError } from '../../electron/main/ipc';
import { hookCall, reportPageUrl } from '../../electron/main/report-window';
import { windowOptions } from '../../electron/main/windows';
import { BrowserWindow, dialog, FakeWebContents, resetFakeElectron } from './fake-electron';
import { PRELOAD_PATH as PRELOAD, startIpc, type IpcHarness } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

const pdfRequest = (patch: Partial<ExportPdfRequest> = {}): ExportPdfRequest => ({
  sessionText: '{"format":"wavelength-session"}',
  options: { paper: 'letter', language: 'en' },
  suggestedName: 'Projekt Atlas.pdf',
  filterName: 'PDF report',
  ...patch,
});

/** The report page as main sees it: answers load() with `answer`, png() with base64 "PNG". */
function playReportPage(answer: unknown): void {
  FakeWebContents.pageScript = (code) => {
    if (code.startsWith('window.__wavelengthReport.load(')) return answer;
    if (code.startsWith('window.__wavelengthReport.png(')) return Buffer.from('PNG').toString('base64');
    return undefined;
  };
}

let folder: string;
let ipc: IpcHarness;

beforeEach(async () => {
  resetFakeElectron();
  ipc = await startIpc();
  // Exports land in their own folder, apart from the harness's data.
  folder = join(ipc.folder, 'exports');
  await mkdir(folder);
});

afterEach(async () => {
  await ipc.dispose();
});

/** The facilitator's window, from which the renderer invokes the channel. */
function facilitator(): BrowserWindow {
  return ipc.main;
}

describe('the export channels', () => {
  it('prints the report page in a hidden window with the same options and writes the PDF where the user said', async () => {
    const win = facilitator();
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(folder, 'Atlas') });
    playReportPage({ ok: true, title: 'Atlas', svg: '<svg/>', csv: 'x' });

    const result = await ipc.invoke(win, 'exportPdf', pdfRequest());

    expect(result).toEqual({ kind: 'exported', fileName: 'Atlas.pdf' });
    // The dialog offers a sanitised name in Documents, filtered to PDF.
    const [, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: unknown[] }];
    expect(options.defaultPath).toBe(join(ipc.folder, 'Projekt Atlas.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF report', extensions: ['pdf'] }]);
    // A second window: hidden, hardened like every other but without a preload, on the report page, destroyed afterwards.
    const reportWin = BrowserWindow.windows[1]!;
    expect(reportWin.options).toEqual({ ...windowOptions('report', PRELOAD), show: false });
    expect(reportWin.options.webPreferences).not.toHaveProperty('preload');
    expect(reportWin.visible).toBe(false);
    expect(reportWin.webContents.loadedUrl).toBe('app://wavelength/report.html');
    expect(reportWin.webContents.scripts).toEqual([
      hookCall('load', { sessionText: pdfRequest().sessionText, options: { paper: 'letter', language: 'en' }, roundId: null }),
    ]);
    expect(reportWin.webContents.printed).toEqual([
      expect.objectContaining({ landscape: true, pageSize: 'Letter', printBackground: true, preferCSSPageSize: true }),
    ]);
    expect(reportWin.isDestroyed()).toBe(true);
    expect(await readFile(join(folder, 'Atlas.pdf'), 'utf8')).toBe('%PDF-fake app://wavelength/report.html');
  });

  it('does nothing when the user cancels the save dialog', async () => {
    const win = facilitator();
    await expect(ipc.invoke(win, 'exportPdf', pdfRequest())).resolves.toEqual({ kind: 'cancelled' });
    expect(BrowserWindow.windows).toHaveLength(1);
  });

  it('says why a file could not be written (the problem and the OS code, for the UI to put into words) and leaves what was there', async () => {
    const win = facilitator();
    // A folder where the file should go: the write fails with EISDIR (as a name taken by a folder does).
    await mkdir(join(folder, 'chart.png'));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'chart.png') });
    await expect(
      ipc.invoke(win, 'exportFile', { format: 'png', data: new Uint8Array([1, 2]), suggestedName: 'A', filterName: 'PNG' }),
    ).resolves.toEqual({ kind: 'error', fileName: 'chart.png', problem: 'isFolder', osCode: 'EISDIR' });
    expect(await readdir(folder)).toEqual(['chart.png']);
    expect(await readdir(join(folder, 'chart.png'))).toEqual([]);
  });

  it('answers that the report could not be made when the page refuses the session, writes nothing and closes the window', async () => {
    const win = facilitator();
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(folder, 'Atlas.pdf') });
    playReportPage({ ok: false, error: 'It is not a Wavelength file.' });
    await expect(ipc.invoke(win, 'exportPdf', pdfRequest())).resolves.toEqual({
      kind: 'error',
      fileName: 'Atlas.pdf',
      problem: 'reportFailed',
      osCode: null,
    });
    expect(BrowserWindow.windows[1]!.isDestroyed()).toBe(true);
    expect(await readdir(folder)).toEqual([]);
    expect(await readdir(ipc.folder)).not.toContain('Atlas.pdf');
  });

  it('writes PNG bytes and SVG/CSV text as given, with the extension and without a .bak', async () => {
    const win = facilitator();
    await writeFile(join(folder, 'chart.png'), 'old');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'chart') });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    await expect(
      ipc.invoke(win, 'exportFile', { format: 'png', data: png, suggestedName: 'Atlas.png', filterName: 'PNG' }),
    ).resolves.toEqual({ kind: 'exported', fileName: 'chart.png' });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'curves.csv') });
    await ipc.invoke(win, 'exportFile', { format: 'csv', data: 'a,b\r\n', suggestedName: 'A', filterName: 'CSV' });
    expect(new Uint8Array(await readFile(join(folder, 'chart.png')))).toEqual(png);
    expect(await readFile(join(folder, 'curves.csv'), 'utf8')).toBe('a,b\r\n');
    expect((await readdir(folder)).sort()).toEqual(['chart.png', 'curves.csv']);
    const [, options] = dialog.showSaveDialog.mock.calls[1] as [unknown, { filters: unknown[] }];
    expect(options.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
  });

  it('refuses calls from a page that is not ours', async () => {
    const win = facilitator();
    await expect(
      ipc.invokeRaw(win, 'exportPdf', [pdfRequest()], { url: 'https://evil.example/', parent: null }),
    ).rejects.toThrow(IpcSenderError);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('loads the report page from the dev server in development', () => {
    expect(reportPageUrl('http://localhost:5173/')).toBe('http://localhost:5173/report.html');
    expect(reportPageUrl(undefined)).toBe('app://wavelength/report.html');
  });

  it('hands the page the job as JSON, never as code', () => {
    const call = hookCall('load', { sessionText: '");alert(1);("', options: { paper: 'a4', language: 'de' }, roundId: null });
    expect(call).toBe('window.__wavelengthReport.load({"sessionText":"\\");alert(1);(\\"","options":{"paper":"a4","language":"de"},"roundId":null})');
  });
});

describe('export request checks (the table’s schemas)', () => {
  it('accepts exactly the contract’s shapes', () => {
    expect(exportPdfRequestSchema.parse(pdfRequest())).toEqual(pdfRequest());
    const file: ExportFileRequest = { format: 'svg', data: '<svg/>', suggestedName: 'A.svg', filterName: 'SVG' };
    expect(exportFileRequestSchema.parse(file)).toEqual(file);
  });

  it('refuses wrong or extra fields, unknown formats and options, and text posing as a PNG', async () => {
    const bad: unknown[] = [
      { ...pdfRequest(), path: '/etc/passwd' },
      { ...pdfRequest(), options: { paper: 'a3', language: 'de' } },
      { ...pdfRequest(), options: { paper: 'a4', language: 'fr' } },
      { ...pdfRequest(), sessionText: 42 },
    ];
    for (const value of bad) await expect(ipc.invokeRaw(ipc.main, 'exportPdf', [value])).rejects.toThrow(/refused arguments/);
    const badFiles: unknown[] = [
      { format: 'exe', data: 'x', suggestedName: 'a', filterName: 'b' },
      { format: 'png', data: 'not bytes', suggestedName: 'a', filterName: 'b' },
      { format: 'csv', data: new Uint8Array(1), suggestedName: 'a', filterName: 'b' },
      { format: 'svg', data: '<svg/>', suggestedName: 'a' },
    ];
    for (const value of badFiles) await expect(ipc.invokeRaw(ipc.main, 'exportFile', [value])).rejects.toThrow(/refused arguments/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
