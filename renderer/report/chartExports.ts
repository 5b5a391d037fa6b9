import type { TFunction } from 'i18next';
import { analyseRound, CSV_DIALECTS, curvesToCsv, type CsvDialectName, type Id, type RoundAnalysis, type Session } from '../domain';
import type { PngScale } from '../../shared/report-job';
import { needsLatinExt, renderChartFigureSvg } from './ChartFigure';
import { chartFigureModel, type ChartFigureModel } from './chartFigureModel';
import { embeddedFontCss } from './embeddedFonts';
import { chartRound, reportTitle } from './reportFormat';
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
