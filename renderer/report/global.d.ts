import type { ReportPageHook } from '../../shared/report-job';

declare global {
  interface Window {
    /** Installed by the report page (index.html#report) only; see shared/report-job.ts. */
    __wavelengthReport?: ReportPageHook;
  }
}

export {};
