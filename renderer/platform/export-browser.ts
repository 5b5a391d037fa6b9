import { sanitizeFileName } from '../../shared/file-names';
import type { ExportFileRequest, ExportPdfRequest, ExportResult } from '../../shared/contract';
import { REPORT_HOOK_NAME, REPORT_PAGE, type ReportPageHook } from '../../shared/report-job';

/** How long the report tab may take to start before the export gives up. */
const REPORT_TAB_TIMEOUT_MS = 20_000;

const MIME_TYPES = { png: 'image/png', svg: 'image/svg+xml', csv: 'text/csv' } as const;

/** A download name: no folders or characters file systems refuse, with the extension. */
export function exportDownloadName(suggestedName: string, extension: string): string {
  return sanitizeFileName(suggestedName, extension, 'Wavelength');
}

/**
 * Exports in a plain web page:
 *
 * - exportPdf opens the report page (report.html) in a new tab, hands it the
 *   job through its hook — the same door Electron and the batch export use —
 *   and lets that tab open the print dialog, where "Save as PDF" writes
 *   the vector PDF through Chromium's print pipeline. The page cannot know
 *   whether the user then saves, so it answers 'printing'.
 * - exportFile is a download, like saving a session.
 */
export function createBrowserExports(win: Window) {
  return {
    async exportPdf(request: ExportPdfRequest): Promise<ExportResult> {
      const url = new URL(REPORT_PAGE, win.location.href);
      // A window we can talk to: same origin, and the handle is kept (no noopener).
      const tab = win.open(url.toString(), '_blank');
      if (!tab) return { kind: 'blocked' };
      const fileName = exportDownloadName(request.suggestedName, 'pdf');
      try {
        const hook = await waitForHook(win, tab);
        const result = await hook.load({ sessionText: request.sessionText, options: request.options, roundId: null });
        if (!result.ok) {
          tab.close();
          console.error('The report could not be made:', result.error);
          return { kind: 'error', fileName, problem: 'reportFailed', osCode: null };
        }
        tab.document.title = fileName.replace(/\.pdf$/, '');
        tab.focus();
        // Printed from the tab's own event loop, so this page is not held while the dialog is open.
        tab.setTimeout(() => tab.print(), 0);
        return { kind: 'printing' };
      } catch (error) {
        if (!tab.closed) tab.close();
        console.error('The report could not be made:', error);
        return { kind: 'error', fileName, problem: 'reportFailed', osCode: null };
      }
    },

    async exportFile(request: ExportFileRequest): Promise<ExportResult> {
      const fileName = exportDownloadName(request.suggestedName, request.format);
      const data = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
      const url = URL.createObjectURL(new Blob([data], { type: MIME_TYPES[request.format] }));
      const link = win.document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      win.document.body.append(link);
      link.click();
      link.remove();
      win.setTimeout(() => URL.revokeObjectURL(url), 1000);
      return { kind: 'exported', fileName };
    },
  };
}

/** The report tab's hook, once its page has started. */
function waitForHook(win: Window, tab: Window): Promise<ReportPageHook> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (tab.closed) return reject(new Error('The report tab was closed.'));
      let hook: ReportPageHook | undefined;
      try {
        hook = (tab as unknown as Record<string, ReportPageHook | undefined>)[REPORT_HOOK_NAME];
      } catch {
        // Between documents the tab may briefly refuse access; try again.
      }
      if (hook) return resolve(hook);
      if (Date.now() - started > REPORT_TAB_TIMEOUT_MS) return reject(new Error('The report tab did not start.'));
      win.setTimeout(poll, 50);
    };
    poll();
  });
}
