import type { ReportPageHook } from '../../electron/report-job';

declare global {
  interface Window {
    /** Installed by the report page (index.html#report) only; see electron/report-job.ts. */
    __wavelengthReport?: ReportPageHook;
  }
}

export {};
