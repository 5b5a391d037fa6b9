import type { TFunction } from 'i18next';
import { actionsToCsv, analyseRound, CSV_DIALECTS, curvesToCsv, type CsvDialectName, type Id, type RoundAnalysis, type Session } from '../domain';
import type { PngScale, ReportLanguage } from '../../shared/report-job';
import { needsLatinExt, renderChartFigureSvg } from './ChartFigure';
import { chartFigureModel, type ChartFigureModel } from './chartFigureModel';
import { embeddedFontCss } from './embeddedFonts';
import { chartRound, reportTitle } from './reportFormat';
import { reportT } from './reportI18n';
import { svgToPng } from './svgToPng';

/**
 * The chart and curve files of one round, made in the page (app window or
 * report page alike): SVG with the bundled font embedded, PNG drawn from
 * that SVG, CSV from the domain's curvesToCsv with texts in the export's
 * language.
 */

export interface ChartSvgFile {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export async function makeChartSvg(session: Session, roundId: Id | null, t: TFunction): Promise<ChartSvgFile> {
  const model: ChartFigureModel = chartFigureModel(session, roundId, t);
  const fontCss = await embeddedFontCss(needsLatinExt(model));
  return { svg: renderChartFigureSvg(model, fontCss), width: model.width, height: model.height };
}

export async function makeChartPng(file: ChartSvgFile, scale: PngScale): Promise<Uint8Array> {
  return svgToPng(file.svg, file.width, file.height, scale);
}

/** The chart of a round as a PNG, labels in `language`: what Copy chart puts on the clipboard, made as the PNG export is. */
export async function makeChartPngOf(session: Session, roundId: Id | null, language: ReportLanguage, scale: PngScale): Promise<Uint8Array> {
  return makeChartPng(await makeChartSvg(session, roundId, reportT(language)), scale);
}

export const UTF8_BOM = '\uFEFF';

export function makeCurvesCsv(
  session: Session,
  roundId: Id | null,
  t: TFunction,
  analyse: (session: Session, roundId: Id) => RoundAnalysis = analyseRound,
  dialect: CsvDialectName = 'standard',
): string {
  const round = chartRound(session, roundId);
  // A byte-order mark: Excel on Windows reads a CSV as UTF-8 only with one, else umlauts in names break.
  return UTF8_BOM + curvesToCsv(session, round.id, analyse(session, round.id), {
    scale: (low, high) => t('report.csv.scale', { low, high }),
    time: t('report.csv.time'),
    timePercent: t('report.csv.timePercent'),
    phase: t('report.csv.phase'),
    meanOf: (team) => t('report.csv.meanOf', { team }),
  }, CSV_DIALECTS[dialect]);
}

/**
 * The stem of an exported file's name: the project name (the host makes it
 * safe for the file system, as it does for every name it is offered).
 */
export function exportFileStem(session: Session, t: TFunction): string {
  return reportTitle(session, t).trim() || 'Wavelength';
}

/** The session's action items as CSV (domain/actionsCsv.ts), with texts in the export's language and a byte-order mark like the curves. */
export function makeActionsCsv(session: Session, t: TFunction, dialect: CsvDialectName = 'standard'): string {
  return UTF8_BOM + actionsToCsv(session, {
    what: t('desktop.csv.what'),
    who: t('desktop.csv.who'),
    due: t('desktop.csv.due'),
    done: t('desktop.csv.done'),
    yes: t('desktop.csv.yes'),
    no: t('desktop.csv.no'),
    carriedOver: t('desktop.csv.carriedOver'),
    earlierRetro: (name, date) => t('desktop.csv.earlierRetro', { name, date }),
  }, CSV_DIALECTS[dialect]);
}
