/**
 * The report printed by Electron: the renderer's report page (report.html)
 * in a hidden window with the same options and hardening as every other
 * window, handed the job through the page's hook (shared/report-job.ts),
 * then printed with webContents.printToPDF — Chromium's print pipeline, the
 * one the batch export and its tests drive through page.pdf.
 */
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from '../../shared/contract';
import {
  ELECTRON_PAGE_SIZE,
  REPORT_HOOK_NAME,
  REPORT_PAGE,
  type PngScale,
  type ReportJob,
  type ReportLoadResult,
} from '../../shared/report-job';
import { ReportRefusedError } from '../../batch/batch';
import type { WindowRoles } from './window-roles';
import { windowOptions } from './windows';

export interface ReportWindowDeps {
  preloadPath: string;
  devServerUrl: string | undefined;
  /** Marks the hidden window as a report window: none of the IPC channels is open to it. */
  roles?: WindowRoles;
}

/** Where the report page is: next to index.html in the bundle, or on the dev server. */
export function reportPageUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? new URL(REPORT_PAGE, devServerUrl).toString() : `${APP_ORIGIN}/${REPORT_PAGE}`;
}

/** printToPDF options: the page's own @page size and margins (preferCSSPageSize), backgrounds printed. */
export function printOptions(job: ReportJob): Electron.PrintToPDFOptions {
  return {
    landscape: true,
    pageSize: ELECTRON_PAGE_SIZE[job.options.paper],
    printBackground: true,
    preferCSSPageSize: true,
    // 0 here, so the report's @page margins are the ones used, as with page.pdf in the batch export.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    generateTaggedPDF: true,
  };
}

/** A call of the page's hook, as script text; the job travels as JSON, never as code. */
export function hookCall(method: 'load' | 'png', argument: unknown): string {
  return `window.${REPORT_HOOK_NAME}.${method}(${JSON.stringify(argument)})`;
}

export interface LoadedReport {
  readonly result: Extract<ReportLoadResult, { ok: true }>;
  pdf(): Promise<Buffer>;
  png(scale: PngScale): Promise<Buffer>;
}

/**
 * Open the report page hidden, load the job, let `use` print what it needs,
 * and close the window whatever happens. A session the page refuses throws
 * ReportRefusedError with the page's reason.
 */
export async function withReportWindow<T>(deps: ReportWindowDeps, job: ReportJob, use: (report: LoadedReport) => Promise<T>): Promise<T> {
  const options = windowOptions('report', deps.preloadPath);
  // Never shown; the print layout does not depend on the window size.
  const win = new BrowserWindow({ ...options, show: false });
  deps.roles?.assign(win, 'report');
  try {
    await win.loadURL(reportPageUrl(deps.devServerUrl));
    const contents = win.webContents;
    const result = (await contents.executeJavaScript(hookCall('load', job))) as ReportLoadResult;
    if (!result || typeof result !== 'object' || !('ok' in result)) throw new Error('The report page gave no answer.');
    if (!result.ok) throw new ReportRefusedError(result.error);
    return await use({
      result,
      pdf: () => contents.printToPDF(printOptions(job)),
      png: async (scale) => {
        const base64 = (await contents.executeJavaScript(hookCall('png', scale))) as unknown;
        if (typeof base64 !== 'string') throw new Error('The report page made no PNG.');
        return Buffer.from(base64, 'base64');
      },
    });
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}
