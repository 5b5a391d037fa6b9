import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { createRoundAnalysisCache, parseSessionFile, type Session } from '../domain';
import type { Language } from '../i18n';
import { describeFileError } from '../ui/notices';
import {
  PAPER_SIZES,
  PNG_SCALES,
  REPORT_HOOK_NAME,
  REPORT_LANGUAGES,
  type PngScale,
  type ReportJob,
  type ReportLoadResult,
  type ReportPageHook,
} from '../../shared/report-job';
import { toBase64 } from './base64';
import { makeChartPng, makeChartSvg, makeCurvesCsv, type ChartSvgFile } from './chartExports';
import { reportTitle } from './reportFormat';
import { reportT } from './reportI18n';
import { ReportView } from './ReportView';

/** Checks a job from the host; the page trusts nothing it did not parse itself. */
export function checkReportJob(value: unknown): ReportJob | string {
  if (typeof value !== 'object' || value === null) return 'The job must be an object.';
  const job = value as Record<string, unknown>;
  const options = job.options as Record<string, unknown> | null | undefined;
  if (typeof job.sessionText !== 'string') return 'sessionText must be the text of a session file.';
  if (typeof options !== 'object' || options === null) return 'options must be an object.';
  if (!(PAPER_SIZES as readonly unknown[]).includes(options.paper)) return `paper must be one of ${PAPER_SIZES.join(', ')}.`;
  if (!(REPORT_LANGUAGES as readonly unknown[]).includes(options.language)) return `language must be one of ${REPORT_LANGUAGES.join(', ')}.`;
  if (job.roundId !== null && typeof job.roundId !== 'string') return 'roundId must be a string or null.';
  return {
    sessionText: job.sessionText,
    options: { paper: options.paper as ReportJob['options']['paper'], language: options.language as Language },
    roundId: job.roundId as string | null,
  };
}

/** Every font face the layout asked for is loaded (the PDF must not print a fallback font). */
async function fontsLoaded(): Promise<void> {
  if (!document.fonts) return;
  await Promise.all(['400', '600', '700'].map((weight) => document.fonts.load(`${weight} 12px Inter`)));
  // Reading layout makes Chromium request the faces the rendered text needs (other subsets too).
  void document.body.offsetHeight;
  await document.fonts.ready;
}

/**
 * The report page: renders nothing until a host hands it a job through
 * `window.__wavelengthReport` (see shared/report-job.ts). The hook is
 * only installed on this route and only renders the session it is given
 * into this page; it reads no file and reaches no host API.
 */
export function mountReportPage(container: HTMLElement): void {
  document.documentElement.classList.add('report-route');
  const root = createRoot(container);
  const analyse = createRoundAnalysisCache();
  let chart: ChartSvgFile | null = null;

  const hook: ReportPageHook = {
    async load(value: unknown): Promise<ReportLoadResult> {
      const job = checkReportJob(value);
      if (typeof job === 'string') return { ok: false, error: job };
      const parsed = parseSessionFile(job.sessionText);
      if (!parsed.ok) return { ok: false, error: describeFileError(reportT('en'), parsed.error) };
      const session: Session = parsed.session;
      const t = reportT(job.options.language);
      try {
        flushSync(() => root.render(<ReportView session={session} options={job.options} t={t} analyse={analyse} />));
        document.documentElement.lang = job.options.language;
        document.title = `${reportTitle(session, t)} – ${t('report.title')}`;
        await fontsLoaded();
        chart = await makeChartSvg(session, job.roundId, t);
        const csv = makeCurvesCsv(session, job.roundId, t, analyse);
        document.documentElement.dataset.reportReady = 'true';
        return { ok: true, title: reportTitle(session, t), svg: chart.svg, csv };
      } catch (error) {
        return { ok: false, error: `The report could not be made: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async png(scale: PngScale): Promise<string> {
      if (!chart) throw new Error('Load a report first.');
      if (!PNG_SCALES.includes(scale)) throw new Error(`scale must be one of ${PNG_SCALES.join(', ')}.`);
      return toBase64(await makeChartPng(chart, scale));
    },
  };
  Object.defineProperty(window, REPORT_HOOK_NAME, { value: Object.freeze(hook), enumerable: false, configurable: false, writable: false });
}
