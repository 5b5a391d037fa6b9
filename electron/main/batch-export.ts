/**
 * The packaged app as a batch exporter:
 *
 *   Wavelength --export <session.wavelength | folder> --out <folder> [--lang de|en] [--paper a4|letter]
 *
 * No window is shown and no single-instance lock is taken (an export may run
 * while the app is open). Each session goes through the report page in a
 * hidden window (report-window.ts) and the same loop as `npm run export`
 * (batch/batch.ts); then the app exits with 0, or 1 when any file
 * failed, or 2 for a wrong command line.
 */
import { app, session } from 'electron';
import { EXPORT_USAGE, type ParsedExportArgs } from '../../batch/args';
import { BATCH_PNG_SCALE, batchExitCode, runBatch, summarizeBatch, type BatchRenderer, type Log } from '../../batch/batch';
import { registerAppProtocol } from './protocol-electron';
import { withReportWindow, type ReportWindowDeps } from './report-window';
import { hardenContents, hardenSession } from './windows';

export interface BatchExportDeps extends ReportWindowDeps {
  rendererDir: string;
  log?: Log;
  logError?: Log;
}

/** Every session through a hidden report window: PDF by printToPDF, the rest from the page. */
export function electronBatchRenderer(deps: ReportWindowDeps): BatchRenderer {
  return {
    render: (job) =>
      withReportWindow(deps, job, async (report) => ({
        pdf: await report.pdf(),
        png: await report.png(BATCH_PNG_SCALE),
        svg: report.result.svg,
        csv: report.result.csv,
      })),
  };
}

/** Run the export once the app is ready, then exit with its code. Call instead of opening the main window. */
export function startBatchExport(cli: Exclude<ParsedExportArgs, { kind: 'none' }>, deps: BatchExportDeps): Promise<number> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const logError = deps.logError ?? ((line: string) => console.error(line));
  // Without a listener Electron quits when the last window closes — here after the first session.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, deps.devServerUrl));

  return app.whenReady().then(async () => {
    let code: number;
    if (cli.kind === 'export') {
      hardenSession(session.defaultSession, deps.devServerUrl);
      registerAppProtocol(deps.rendererDir);
      try {
        const report = await runBatch(cli.args, electronBatchRenderer(deps), log);
        log(summarizeBatch(report));
        code = batchExitCode(report);
      } catch (error) {
        logError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
        code = 1;
      }
    } else {
      if (cli.kind === 'error') logError(cli.message);
      (cli.kind === 'help' ? log : logError)(EXPORT_USAGE);
      code = cli.kind === 'help' ? 0 : 2;
    }
    app.exit(code);
    return code;
  });
}
