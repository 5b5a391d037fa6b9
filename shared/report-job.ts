/**
 * The door between whoever prints the report and the report page.
 *
 * The report is a page of its own in the renderer bundle, `report.html`
 * (same build, same CSP, none of the app's code). A host
 * loads it — Electron main in a hidden window, the batch export in headless
 * Chromium, the browser build in a new tab — and hands it one job through
 * `window.__wavelengthReport.load(job)`; the page parses the session exactly
 * as "Open" does, renders every page, waits for the bundled fonts, and
 * answers. The host then prints (printToPDF / page.pdf / window.print) and
 * may ask the page for the chart as SVG, PNG and the curves as CSV.
 *
 * Data only crosses this door: the session as its file text, options as
 * plain values. Pure types and constants; imported by main, the batch
 * export and the renderer alike.
 */

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const REPORT_LANGUAGES = ['de', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The zoom factors offered for PNG export. */
export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

export interface ReportOptions {
  readonly paper: PaperSize;
  readonly language: ReportLanguage;
}

export interface ReportJob {
  /** The session as a `.wavelength` file's text (serializeSession). */
  readonly sessionText: string;
  readonly options: ReportOptions;
  /**
   * The round the chart files and the CSV show; null = the first round with
   * curves. The PDF always covers every round with curves.
   */
  readonly roundId: string | null;
}

export type ReportLoadResult =
  | {
      readonly ok: true;
      /** Project name (or the "untitled" text), for file names and titles. */
      readonly title: string;
      /** The chart of the chosen round, legend included, as a standalone SVG file. */
      readonly svg: string;
      /** The sampled curves of the chosen round. */
      readonly csv: string;
    }
  | {
      readonly ok: false;
      /** A sentence in English saying why (the session file does not parse, …). */
      readonly error: string;
    };

/** What the report page puts on `window` under REPORT_HOOK_NAME. */
export interface ReportPageHook {
  load(job: ReportJob): Promise<ReportLoadResult>;
  /** The loaded chart as PNG, base64-encoded, at 1×, 2× or 4×. */
  png(scale: PngScale): Promise<string>;
}

export const REPORT_HOOK_NAME = '__wavelengthReport';

/** The report page, next to index.html in the renderer bundle. */
export const REPORT_PAGE = 'report.html';

/** Paper sizes as Electron's printToPDF names them. */
export const ELECTRON_PAGE_SIZE: Record<PaperSize, 'A4' | 'Letter'> = { a4: 'A4', letter: 'Letter' };
