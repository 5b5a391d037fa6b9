import { useEffect, useMemo, useRef, useState } from 'react';
import { CSV_DIALECTS, type CsvDialectName } from '../domain';
import { useTranslation } from 'react-i18next';
import { PAPER_SIZES, PNG_SCALES, REPORT_LANGUAGES, type PaperSize, type PngScale, type ReportLanguage } from '../../shared/report-job';
import { LANGUAGES } from '../i18n';
import type { CopyImageResult, ExportResult } from '../platform/platform';
import { chartPixelSize } from '../report/chartFigureModel';
import { reportRounds } from '../report/reportFormat';
import { reportT } from '../report/reportI18n';
import { EXPORT_FORMATS, findCommand, formatKeyBinding, type ExportFormat } from '../state';
import { useApp, useServices } from './AppContext';
import { describeCopyProblem, osReason } from './notices';
import './exportDialog.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; result: ExportResult }
  | { kind: 'copy'; result: CopyImageResult }
  | { kind: 'failed'; detail: string };

/** What the CSV holds: the sampled curves of one question, or the session's action items. */
type CsvContents = 'curves' | 'actions';

/** What the facilitator chose last time, for the next export in this run of the app. */
const remembered: { paper: PaperSize; language: ReportLanguage | null; scale: PngScale; csvDialect: CsvDialectName; csvContents: CsvContents } = {
  paper: 'a4',
  language: null,
  scale: 2,
  csvDialect: 'standard',
  csvContents: 'curves',
};

/** The toolbar's "Export…" button and the export dialog it (or the menu, or Ctrl+P) opens. */
export function ExportButton() {
  const { t } = useTranslation();
  const { files, isMac } = useServices();
  const open = useApp((s) => s.exportDialog);
  const shortcut = formatKeyBinding(findCommand('export.pdf').keys[0]!, isMac);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus goes back to the button when the dialog closes.
    if (wasOpen.current && open === null) buttonRef.current?.focus();
    wasOpen.current = open !== null;
  }, [open]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        onClick={() => void findCommand('export.pdf').run(files)}
        title={`${t('report.commands.pdf')} (${shortcut})`}
      >
        {t('report.dialog.open')}
      </button>
      {open !== null && <ExportDialog initialFormat={open} />}
    </>
  );
}

function ExportDialog({ initialFormat }: { initialFormat: ExportFormat }) {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const session = useApp((s) => s.session);
  const currentRound = useApp((s) => s.roundId);
  const close = useApp((s) => s.closeExportDialog);
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [paper, setPaper] = useState<PaperSize>(remembered.paper);
  const [language, setLanguage] = useState<ReportLanguage>(remembered.language ?? (i18n.language === 'de' ? 'de' : 'en'));
  const [scale, setScale] = useState<PngScale>(remembered.scale);
  const [csvDialect, setCsvDialect] = useState<CsvDialectName>(remembered.csvDialect);
  const [csvContents, setCsvContents] = useState<CsvContents>(remembered.csvContents);
  const rounds = reportRounds(session);
  const [roundId, setRoundId] = useState(rounds.some((r) => r.id === currentRound) ? currentRound : rounds[0]!.id);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const dialogRef = useRef<HTMLDivElement>(null);

  // A menu command while the dialog is open switches its format.
  useEffect(() => setFormat(initialFormat), [initialFormat]);
  useEffect(() => {
    remembered.paper = paper;
    remembered.language = language;
    remembered.scale = scale;
    remembered.csvDialect = csvDialect;
    remembered.csvContents = csvContents;
  }, [paper, language, scale, csvDialect, csvContents]);

  const sizes = useMemo(
    () => Object.fromEntries(PNG_SCALES.map((s) => [s, chartPixelSize(session, roundId, reportT(language), s)])),
    [session, roundId, language],
  );

  // Esc closes, wherever the focus is (a download or the report tab may have taken it).
  useEffect(() => {
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      close();
    };
    window.addEventListener('keydown', onEscape);
    return () => window.removeEventListener('keydown', onEscape);
  }, [close]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keep Tab inside the dialog.
    if (e.key === 'Tab' && dialogRef.current) {
      const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('input, select, button')].filter((el) => !el.hasAttribute('disabled'));
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  const runIt = async () => {
    setStatus({ kind: 'working' });
    try {
      // The report code (SVG, PNG, CSV) loads on first use: the app starts without it.
      const { runExport } = await import('../report/exportActions');
      const result = await runExport(platform, session, { format, paper, language, scale, roundId, csvDialect, csvContents }, t);
      setStatus({ kind: 'done', result });
    } catch (error) {
      setStatus({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  // The PNG as chosen here, onto the clipboard instead of into a file (Edit ▸ Copy chart as image does the same with the defaults).
  const copyIt = async () => {
    setStatus({ kind: 'working' });
    try {
      const { makeChartPngOf } = await import('../report/chartExports');
      setStatus({ kind: 'copy', result: await platform.copyImage(await makeChartPngOf(session, roundId, language, scale)) });
    } catch (error) {
      setStatus({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const chartFormat = format !== 'pdf' && !(format === 'csv' && csvContents === 'actions');
  return (
    <div className="export-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={dialogRef}
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        onKeyDown={onKeyDown}
        data-testid="export-dialog"
      >
        <h2 id="export-title">{t('report.dialog.title')}</h2>
        <fieldset className="export-dialog__formats">
          <legend>{t('report.dialog.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="radio">
              <input type="radio" name="export-format" checked={format === f} onChange={() => setFormat(f)} autoFocus={f === format} />
              <span>
                <strong>{t(`report.dialog.formats.${f}`)}</strong>
                <span className="hint">{t(`report.dialog.hints.${f}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="export-dialog__options">
          <label className="field">
            {t('report.dialog.language')}
            <select value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
              {REPORT_LANGUAGES.filter((l) => LANGUAGES.includes(l)).map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          </label>
          {format === 'pdf' && (
            <label className="field">
              {t('report.dialog.paper')}
              <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
                {PAPER_SIZES.map((p) => (
                  <option key={p} value={p}>
                    {t(`report.dialog.papers.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {format === 'png' && (
            <label className="field">
              {t('report.dialog.scale')}
              <select value={scale} onChange={(e) => setScale(Number(e.target.value) as PngScale)}>
                {PNG_SCALES.map((s) => (
                  <option key={s} value={s}>
                    {t(`report.dialog.scales.${s}`, sizes[s])}
                  </option>
                ))}
              </select>
            </label>
          )}
          {format === 'csv' && (
            <label className="field">
              {t('desktop.csv.contents')}
              <select value={csvContents} onChange={(e) => setCsvContents(e.target.value as CsvContents)}>
                <option value="curves">{t('desktop.csv.curves')}</option>
                <option value="actions">{t('desktop.csv.actions')}</option>
              </select>
            </label>
          )}
          {format === 'csv' && (
            <label className="field">
              {t('report.dialog.csvDialect')}
              <select value={csvDialect} onChange={(e) => setCsvDialect(e.target.value as CsvDialectName)}>
                {(Object.keys(CSV_DIALECTS) as CsvDialectName[]).map((d) => (
                  <option key={d} value={d}>
                    {t(`report.dialog.csvDialects.${d}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {chartFormat && rounds.length > 1 && (
            <label className="field">
              {t('report.dialog.round')}
              <select value={roundId} onChange={(e) => setRoundId(e.target.value)}>
                {rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.question}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {session.project.hideCustomer && <p className="hint">{t('report.dialog.hideCustomer')}</p>}
        {format === 'pdf' && platform.kind === 'browser' && <p className="hint">{t('report.dialog.hints.browserPdf')}</p>}
        <p className="export-dialog__status" role="status" data-testid="export-status">
          {statusText(status, t)}
        </p>
        <div className="export-dialog__buttons">
          <button type="button" className="btn" onClick={close}>
            {status.kind === 'done' || status.kind === 'copy' ? t('report.dialog.close') : t('report.dialog.cancel')}
          </button>
          {format === 'png' && (
            <button type="button" className="btn" onClick={() => void copyIt()} disabled={status.kind === 'working'}>
              {t('desktop.copy.button')}
            </button>
          )}
          <button type="button" className="btn btn--primary" onClick={() => void runIt()} disabled={status.kind === 'working'}>
            {t('report.dialog.export')}
          </button>
        </div>
      </div>
    </div>
  );
}

function statusText(status: Status, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'working':
      return t('report.dialog.working');
    case 'failed':
      return t('report.dialog.failedUnexpectedly', { detail: status.detail });
    case 'copy':
      switch (status.result.kind) {
        case 'copied':
          return t('desktop.copy.copied');
        case 'unsupported':
          return t('desktop.copy.unsupported');
        case 'error':
          return describeCopyProblem(t, status.result.problem, status.result.detail);
      }
    case 'done':
      switch (status.result.kind) {
        case 'exported':
          return t('report.dialog.exported', { file: status.result.fileName });
        case 'printing':
          return t('report.dialog.printing');
        case 'blocked':
          return t('report.dialog.popupBlocked');
        case 'cancelled':
          return '';
        case 'error':
          return `${t('report.dialog.failed', { file: status.result.fileName })} ${t(`report.exportErrors.${status.result.problem}`)}${osReason(t, status.result.osCode)}`;
      }
  }
}
