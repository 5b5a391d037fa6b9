// The batch export in Node (`npm run export`, via scripts/export.mjs): the
// built report page (out/renderer/report.html) served exactly as app://
// serves it (tests/support/renderer-server.ts), headless Chromium through
// Playwright, and page.pdf — Chromium's print pipeline, the one Electron's
// printToPDF uses. The loop and the file rules are batch/, shared
// with the packaged app's --export.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { EXPORT_USAGE, parseExportArgs } from '../batch/args';
import { BATCH_PNG_SCALE, batchExitCode, ReportRefusedError, runBatch, summarizeBatch, type BatchRenderer, type Log } from '../batch/batch';
import { REPORT_HOOK_NAME, REPORT_PAGE, type PngScale, type ReportJob, type ReportLoadResult } from '../shared/report-job';
import { CHROMIUM_LAUNCH_ARGS, ChromiumNotFoundError, findChromium } from '../tests/support/chromium.mjs';
import { startRendererServer, type RendererServer } from '../tests/support/renderer-server';

export interface CliIo {
  log: Log;
  error: Log;
}

const consoleIo: CliIo = { log: (line) => console.log(line), error: (line) => console.error(line) };

/** Only the local server may be asked for anything; the report needs nothing else. */
async function keepOffline(context: BrowserContext, origin: string): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort('blockedbyclient');
  });
}

/** Each session in a fresh page of report.html, so one session's state never leaks into the next. */
export function playwrightBatchRenderer(context: BrowserContext, origin: string, io: CliIo): BatchRenderer {
  return {
    async render(job: ReportJob) {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      try {
        await page.goto(`${origin}/${REPORT_PAGE}`);
        const result = await page.evaluate(
          ([name, j]) => (globalThis as unknown as Record<string, { load(job: unknown): Promise<ReportLoadResult> }>)[name]!.load(j),
          [REPORT_HOOK_NAME, job] as const,
        );
        if (!result.ok) throw new ReportRefusedError(result.error);
        const pdf = await page.pdf({
          format: job.options.paper === 'letter' ? 'Letter' : 'A4',
          landscape: true,
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
        });
        const png = await page.evaluate(
          ([name, scale]) => (globalThis as unknown as Record<string, { png(scale: PngScale): Promise<string> }>)[name]!.png(scale),
          [REPORT_HOOK_NAME, BATCH_PNG_SCALE] as const,
        );
        for (const problem of problems) io.error(`  (report page: ${problem})`);
        return { pdf, png: Buffer.from(png, 'base64'), svg: result.svg, csv: result.csv };
      } finally {
        await page.close();
      }
    },
  };
}

/** Runs the export for `argv` (the words after `npm run export --`); resolves to the exit code. */
export async function main(argv: readonly string[], root: string, io: CliIo = consoleIo): Promise<number> {
  const parsed = parseExportArgs(argv, 'script');
  if (parsed.kind === 'help') {
    io.log(EXPORT_USAGE);
    return 0;
  }
  if (parsed.kind !== 'export') {
    io.error(parsed.kind === 'error' ? parsed.message : 'Nothing to export.');
    io.error(EXPORT_USAGE);
    return 2;
  }

  const bundleDir = resolve(root, 'out/renderer');
  if (!existsSync(resolve(bundleDir, REPORT_PAGE))) {
    io.error(`${resolve(bundleDir, REPORT_PAGE)} is missing. The export builds nothing itself: run \`npm run build\` first.`);
    return 2;
  }
  let executablePath: string;
  try {
    executablePath = await findChromium();
  } catch (error) {
    io.error(error instanceof ChromiumNotFoundError ? error.message : String(error));
    return 2;
  }

  let server: RendererServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startRendererServer({ bundleDir });
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_LAUNCH_ARGS], headless: true });
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await keepOffline(context, server.origin);
    const report = await runBatch(parsed.args, playwrightBatchRenderer(context, server.origin, io), io.log);
    (report.failed.length > 0 ? io.error : io.log)(summarizeBatch(report));
    return batchExitCode(report);
  } finally {
    await browser?.close();
    await server?.close();
  }
}
