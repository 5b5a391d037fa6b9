import type { TFunction } from 'i18next';
import { serializeSession, type CsvDialectName, type Id, type Session } from '../domain';
import type { ExportResult, Platform } from '../platform/platform';
import type { ExportFormat } from '../state/exportSlice';
import type { PaperSize, PngScale, ReportLanguage } from '../../shared/report-job';
import { exportFileStem, makeActionsCsv, makeChartPng, makeChartSvg, makeCurvesCsv } from './chartExports';
import { reportT } from './reportI18n';

export interface ExportChoice {
  readonly format: ExportFormat;
  readonly paper: PaperSize;
  /** Language of the report, the chart's labels and the CSV header. */
  readonly language: ReportLanguage;
  readonly scale: PngScale;
  /** The round the chart files and CSV show (the PDF covers every round with curves). */
  readonly roundId: Id;
  /** Separators of the CSV: standard (comma) or for spreadsheets set to German (semicolon, decimal comma). */
  readonly csvDialect?: CsvDialectName;
  /** The CSV holds the round's sampled curves (default) or the session's action items. */
  readonly csvContents?: 'curves' | 'actions';
}

/**
 * One export from the app window. The PDF goes through the host (Electron
 * prints the report page hidden; the browser opens it for printing); the
 * chart and curve files are made here and handed to the host to save.
 * `uiT` names the file type in the save dialog, in the UI's language.
 */
export async function runExport(platform: Platform, session: Session, choice: ExportChoice, uiT: TFunction): Promise<ExportResult> {
  const t = reportT(choice.language);
  const stem = exportFileStem(session, t);
  const filterName = uiT(`report.dialog.formats.${choice.format}`);
  switch (choice.format) {
    case 'pdf':
      return platform.exportPdf({
        sessionText: serializeSession(session),
        options: { paper: choice.paper, language: choice.language },
        suggestedName: `${stem}.pdf`,
        filterName,
      });
    case 'png': {
      const file = await makeChartSvg(session, choice.roundId, t);
      const data = await makeChartPng(file, choice.scale);
      return platform.exportFile({ format: 'png', data, suggestedName: `${stem}.png`, filterName });
    }
    case 'svg': {
      const file = await makeChartSvg(session, choice.roundId, t);
      return platform.exportFile({ format: 'svg', data: file.svg, suggestedName: `${stem}.svg`, filterName });
    }
    case 'csv':
      if (choice.csvContents === 'actions') {
        return platform.exportFile({ format: 'csv', data: makeActionsCsv(session, t, choice.csvDialect), suggestedName: `${stem} – ${t('desktop.csv.fileSuffix')}.csv`, filterName });
      }
      return platform.exportFile({ format: 'csv', data: makeCurvesCsv(session, choice.roundId, t, undefined, choice.csvDialect), suggestedName: `${stem}.csv`, filterName });
  }
}
