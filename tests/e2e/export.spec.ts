// Exports through Chromium's print pipeline (page.pdf — what Electron's
// printToPDF and the batch export use), read back with poppler as a
// customer's PDF viewer would. Page renders go to reports/export-renders/
// for a person to look at.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { analyseRound, parseSessionFile, serializeSession, updateProject, type Session } from '../../renderer/domain';
import { formatLevel } from '../../renderer/report/reportFormat';
import { buildCompareScene } from '../../renderer/scene/compareScene';
import type { PaperSize, ReportLanguage, ReportLoadResult, ReportPageHook } from '../../shared/report-job';
import { makeReportSession } from '../support/report-sessions';
import { expect, test } from './fixtures';
import { pdfFonts, pdfImages, pdfInfo, pdfText, pngSize, renderPages } from './pdf';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERS = resolve(ROOT, 'reports/export-renders');
const SAMPLES = resolve(ROOT, 'assets/samples');

/** Points of a landscape page: A4 297 × 210 mm, Letter 11 × 8.5 in. */
const PAGE_POINTS: Record<PaperSize, [number, number]> = { a4: [841.92, 594.96], letter: [792, 612] };

type Hooked = { __wavelengthReport: ReportPageHook };

/** Opens report.html, hands it the session, prints it to `<dir>/<name>.pdf`. */
async function printReport(
  page: Page,
  session: Session,
  options: { paper: PaperSize; language: ReportLanguage },
  name: string,
): Promise<{ pdf: string; result: Extract<ReportLoadResult, { ok: true }> }> {
  await page.goto('/report.html');
  const result = await page.evaluate(
    (job) => (globalThis as unknown as Hooked).__wavelengthReport.load(job),
    { sessionText: serializeSession(session), options, roundId: null },
  );
  if (!result.ok) throw new Error(`the report page refused the session: ${result.error}`);
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-pdf-'));
  const pdf = join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: options.paper === 'a4' ? 'A4' : 'Letter', landscape: true, printBackground: true, preferCSSPageSize: true });
  return { pdf, result };
}

interface OverlayLayout {
  legendBottom: number;
  sheetBottom: number;
  cutNames: string[];
  fontPx: number;
  columns: number;
  chartShare: number;
}

// Runs in the page (as text: this file is type-checked without the DOM's types).
const MEASURE_OVERLAY_SHEET = `(() => {
  const sheet = document.querySelectorAll('.sheet')[1];
  const legend = sheet.querySelector('.legend');
  const chart = sheet.querySelector('.sheet__chart svg');
  const names = [...legend.querySelectorAll('.legend__people li span')];
  const box = chart.viewBox.baseVal;
  const drawn = Math.min(chart.clientWidth / box.width, chart.clientHeight / box.height) * box.height;
  return {
    legendBottom: legend.getBoundingClientRect().bottom,
    sheetBottom: sheet.getBoundingClientRect().bottom,
    cutNames: names.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent),
    fontPx: Number.parseFloat(getComputedStyle(names[0]).fontSize),
    columns: new Set(names.map((n) => Math.round(n.getBoundingClientRect().left))).size,
    chartShare: drawn / sheet.clientHeight,
  };
})()`;

/** Fonts embedded, all of them the bundled Inter: nothing was left to the reader's machine. */
async function expectOnlyEmbeddedInter(pdf: string): Promise<void> {
  const fonts = await pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, `${font.name} embedded`).toBe(true);
    expect(font.name).toMatch(/^[A-Z]{6}\+Inter-/);
  }
}

test.describe('the PDF report', () => {
  test('a 12-person retro: text is text, fonts embedded, curves vector, five pages to hand to a customer', async ({ page }) => {
    const session = makeReportSession({ project: 'Projekt Atlas', customer: 'Muster GmbH', participants: 12 });
    const { pdf } = await printReport(page, session, { paper: 'a4', language: 'de' }, 'atlas-12-de-a4');

    const info = await pdfInfo(pdf);
    // Cover, all curves, team comparison, figures with disagreement, notes and action items.
    expect(info.pages).toBe(5);
    expect([info.width, info.height]).toEqual(PAGE_POINTS.a4);

    const text = await pdfText(pdf);
    expect(text).toContain('Projekt Atlas');
    expect(text).toContain('Muster GmbH');
    expect(text).toContain('12. März 2025');
    for (const p of session.participants) expect(text).toContain(p.name);
    for (const a of session.actions) expect(text).toContain(a.what);
    expect(text).toContain('30. April 2025');
    for (const n of session.notes) expect(text).toContain(n.text);

    // The figures are the compare scene's, in the sentences the app and the room say them (0–10, German decimals).
    const analysis = analyseRound(session, session.rounds[0]!.id);
    const fact = buildCompareScene(session, session.rounds[0]!.id, analyseRound).facts.gap?.largest;
    if (!fact) throw new Error('the test session has a Sales–PS gap');
    const phases = fact.firstPhase === fact.lastPhase ? fact.firstPhase : `${fact.firstPhase} – ${fact.lastPhase}`;
    const who = fact.direction === 'a' ? 'Sales' : 'PS';
    expect(text).toContain(`Größter Abstand: ${formatLevel(fact.value, 'de')} in ${phases} (${who} sah mehr Begeisterung)`);
    const figures = await pdfText(pdf, { first: 4, last: 4 });
    for (const p of session.participants) {
      const peakEnd = analysis.peakEnd.byParticipant[p.id];
      if (!peakEnd?.ok) throw new Error(`${p.name} has a peak`);
      // Name, team, span, then peak and end on the 0–10 scale.
      expect(figures).toMatch(new RegExp(`${p.name.replace('.', '\\.')} .*?${formatLevel(peakEnd.value.peak, 'de')} .*?${formatLevel(peakEnd.value.end, 'de')}`));
    }

    await expectOnlyEmbeddedInter(pdf);
    // Curves and bands are paths: no raster image at all, let alone a page-sized one.
    expect(await pdfImages(pdf)).toEqual([]);

    const pages = await renderPages(pdf, join(RENDERS, 'atlas-12-de-a4'));
    expect(pages).toHaveLength(5);
  });

  test('40 people still fit: every name in the legend, in columns, at a legible size, with a full-size chart', async ({ page }) => {
    const session = makeReportSession({ project: 'Großprojekt Nord', customer: 'Stadtwerke', participants: 40 });
    const { pdf } = await printReport(page, session, { paper: 'a4', language: 'de' }, 'nord-40-de-a4');

    // The overlay page holds the whole legend.
    const overlay = await pdfText(pdf, { first: 2, last: 2 });
    for (const p of session.participants) expect(overlay).toContain(p.name);

    // Measured as printed: the legend ends inside the sheet, no name is cut, type is at least 7 pt,
    // and the chart keeps more than half of the sheet's height.
    await page.emulateMedia({ media: 'print' });
    const layout = (await page.evaluate(MEASURE_OVERLAY_SHEET)) as OverlayLayout;
    expect(layout.legendBottom).toBeLessThanOrEqual(layout.sheetBottom);
    expect(layout.cutNames).toEqual([]);
    expect(layout.fontPx * 0.75).toBeGreaterThanOrEqual(7);
    expect(layout.columns).toBeGreaterThanOrEqual(6);
    expect(layout.chartShare).toBeGreaterThan(0.5);

    // The 40-row figures table runs over a second sheet (its header repeated); everything else as before.
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(6);
    const secondFigures = await pdfText(pdf, { first: 5, last: 5 });
    expect(secondFigures).toContain('Höhepunkt');
    await expectOnlyEmbeddedInter(pdf);
    expect(await pdfImages(pdf)).toEqual([]);
    await renderPages(pdf, join(RENDERS, 'nord-40-de-a4'));
  });

  test('names of up to 40 characters are never cut: not in the legend, not in the figures', async ({ page }) => {
    // Twelve people, every name 40 characters long (the longest a facilitator is likely to type in full).
    const base = makeReportSession({ project: 'Lange Namen', customer: 'X', participants: 12 });
    const long = (i: number) => `Dr. Maximiliane Theodora Wolkensteine ${String(i + 1).padStart(2, '0')}`;
    const session = { ...base, participants: base.participants.map((p, i) => ({ ...p, name: long(i) })) };
    expect(session.participants.every((p) => p.name.length === 40)).toBe(true);
    const { pdf } = await printReport(page, session, { paper: 'a4', language: 'de' }, 'long-names-de-a4');
    await page.emulateMedia({ media: 'print' });
    const layout = (await page.evaluate(MEASURE_OVERLAY_SHEET)) as OverlayLayout;
    expect(layout.cutNames).toEqual([]);
    expect(layout.legendBottom).toBeLessThanOrEqual(layout.sheetBottom);
    // Every name whole in the PDF's text: on the overlay (legend), the figures and the first page.
    const overlay = await pdfText(pdf, { first: 2, last: 2 });
    for (const p of session.participants) expect(overlay).toContain(p.name);
    const all = await pdfText(pdf);
    for (const p of session.participants) expect(all.split(p.name).length - 1).toBeGreaterThanOrEqual(3);
    await renderPages(pdf, join(RENDERS, 'long-names-de-a4'));
  });

  test('in English on Letter, without the customer when the project hides it', async ({ page }) => {
    const session = updateProject(makeReportSession({ project: 'Project Atlas', customer: 'Secret Corp', participants: 5, language: 'en' }), {
      hideCustomer: true,
    });
    const { pdf } = await printReport(page, session, { paper: 'letter', language: 'en' }, 'atlas-5-en-letter');
    const info = await pdfInfo(pdf);
    expect([info.width, info.height]).toEqual(PAGE_POINTS.letter);
    const text = await pdfText(pdf);
    expect(text).not.toContain('Secret Corp');
    // The cover's kicker is set in capitals; the text underneath is what was written.
    expect(text).toMatch(/Retrospective report/i);
    expect(text).toContain('March 12, 2025');
    expect(text).toContain('Figures per participant');
    expect(text).toContain('Action items');
    await expectOnlyEmbeddedInter(pdf);
    await renderPages(pdf, join(RENDERS, 'atlas-5-en-letter'));
  });

  test('every bundled sample makes a report', async ({ page }) => {
    for (const name of ['mixed-partial', 'overstretched', 'warm-handover']) {
      const parsed = parseSessionFile(await readFile(join(SAMPLES, `${name}.wavelength`), 'utf8'));
      if (!parsed.ok) throw new Error(`sample ${name} does not parse`);
      const { pdf } = await printReport(page, parsed.session, { paper: 'a4', language: 'de' }, name);
      const text = await pdfText(pdf);
      expect(text).toContain(parsed.session.project.name);
      for (const a of parsed.session.actions) expect(text).toContain(a.what);
      await expectOnlyEmbeddedInter(pdf);
      expect(await pdfImages(pdf)).toEqual([]);
      await renderPages(pdf, join(RENDERS, `sample-${name}`));
    }
  });
});

test.describe('exports from the app in the browser build', () => {
  test.use({ locale: 'en-US', acceptDownloads: true });

  test('PDF opens the report for printing; PNG, SVG and CSV download', async ({ page, context }) => {
    // window.print would open the print dialog; count the calls instead.
    await context.addInitScript(() => {
      (globalThis as unknown as { __prints: number }).__prints = 0;
      (globalThis as unknown as { print: () => void }).print = () => {
        (globalThis as unknown as { __prints: number }).__prints += 1;
      };
    });
    await page.goto('/');
    await page.getByRole('button', { name: /Overstretched/ }).click();

    // PDF: the report page in a new tab, handed the session, then print().
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByRole('radio', { name: /PDF report/ })).toBeChecked();
    await dialog.getByRole('combobox', { name: 'Paper' }).selectOption({ label: 'Letter landscape' });
    const popupPromise = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const report = await popupPromise;
    await expect(dialog.getByTestId('export-status')).toHaveText('The report is open for printing in a new tab.');
    await expect.poll(() => report.evaluate(() => (globalThis as unknown as { __prints: number }).__prints)).toBe(1);
    await expect(report.getByTestId('report')).toHaveClass(/report--letter/);
    const dir = await mkdtemp(join(tmpdir(), 'wavelength-app-export-'));
    await report.pdf({ path: join(dir, 'from-app.pdf'), preferCSSPageSize: true, printBackground: true });
    expect((await pdfInfo(join(dir, 'from-app.pdf'))).width).toBe(PAGE_POINTS.letter[0]);
    expect(await pdfText(join(dir, 'from-app.pdf'))).toContain('CRM-Einführung');
    await report.close();

    // PNG at 2×: drawn from the SVG at twice its size.
    await dialog.getByRole('radio', { name: /PNG picture/ }).check();
    const size = dialog.getByRole('combobox', { name: 'Size' });
    await size.selectOption({ index: 1 });
    await expect(size.locator('option:checked')).toHaveText(/^2× \(2560 × \d+ px\)$/);
    const pngDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toBe('CRM-Einführung.png');
    const pngBytes = new Uint8Array(await readFile(await png.path()));
    expect(pngSize(pngBytes).width).toBe(2560);
    await expect(dialog.getByTestId('export-status')).toHaveText('Exported “CRM-Einführung.png”.');

    // SVG: vector, Inter embedded, text as text.
    await dialog.getByRole('radio', { name: /SVG drawing/ }).check();
    const svgDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const svg = await readFile(await (await svgDownload).path(), 'utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('@font-face{font-family:Inter;font-style:normal;font-weight:400;src:url(data:font/woff2;base64,');
    expect(svg).toContain('>CRM-Einführung</text>');

    // CSV: the domain's file, header in the chosen language.
    await dialog.getByRole('radio', { name: /CSV of the sampled curves/ }).check();
    await dialog.getByRole('combobox', { name: 'Language of the report' }).selectOption({ label: 'Deutsch' });
    const csvDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const csv = await readFile(await (await csvDownload).path(), 'utf8');
    // UTF-8 with a byte-order mark, so Excel shows the umlauts.
    expect(csv.startsWith('\uFEFFBegeisterung')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Begeisterung von 0 = enttäuscht bis 10 = begeistert');
    expect(csv.split('\r\n')[1]).toMatch(/^Zeit \(0-1\),Zeit \(%\),Phase,Anna,/);
    expect(csv.split('\r\n')).toHaveLength(2 + 201 + 1);

    // The same for a spreadsheet set to German: semicolons and decimal commas.
    await dialog.getByRole('combobox', { name: 'Separators' }).selectOption('spreadsheetDe');
    const deDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const deCsv = await readFile(await (await deDownload).path(), 'utf8');
    expect(deCsv.split('\r\n')[1]).toMatch(/^Zeit \(0-1\);Zeit \(%\);Phase;Anna;/);
    expect(deCsv.split('\r\n')[2]).toMatch(/^0,000;0,0;/);

    // Esc closes the dialog and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused();
    // Ctrl+P opens it again, on the PDF.
    await page.keyboard.press('Control+p');
    await expect(page.getByRole('dialog', { name: 'Export' }).getByRole('radio', { name: /PDF report/ })).toBeChecked();
  });
});

test.describe('batch export', () => {
  test('a folder with two good sessions and a broken file: the good ones exported, the broken one named, exit code 1', async () => {
    test.setTimeout(120_000);
    const input = await mkdtemp(join(tmpdir(), 'wavelength-batch-in-'));
    const out = join(await mkdtemp(join(tmpdir(), 'wavelength-batch-out-')), 'export');
    await copyFile(join(SAMPLES, 'overstretched.wavelength'), join(input, 'overstretched.wavelength'));
    await copyFile(join(SAMPLES, 'warm-handover.wavelength'), join(input, 'warm-handover.wavelength'));
    await writeFile(join(input, 'cut-off.wavelength'), '{"format":"wavelength-session","version":2,"session":{"id":');

    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [join(ROOT, 'scripts/export.mjs'), input, '--out', out, '--lang', 'en', '--paper', 'letter'],
        { cwd: ROOT, env: process.env, timeout: 110_000 },
        (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/✗ .*cut-off\.wavelength: It is not a Wavelength file, or it is damaged/);
    expect(stderr).toContain('Exported 2 session(s); 1 failed.');
    for (const [stem, project] of [
      ['overstretched', 'CRM-Einführung'],
      ['warm-handover', 'Serviceportal Relaunch'],
    ] as const) {
      const pdf = join(out, `${stem}.pdf`);
      expect((await pdfInfo(pdf)).width).toBe(PAGE_POINTS.letter[0]);
      const text = await pdfText(pdf);
      expect(text).toContain(project);
      expect(text).toContain('Figures per participant');
      await expectOnlyEmbeddedInter(pdf);
      expect(await pdfImages(pdf)).toEqual([]);
      expect(pngSize(new Uint8Array(await readFile(join(out, `${stem}.png`)))).width).toBe(2560);
      expect(await readFile(join(out, `${stem}.svg`), 'utf8')).toContain(`>${project}</text>`);
      expect((await readFile(join(out, `${stem}.csv`), 'utf8')).split('\r\n')[0]).toBe('\uFEFFEnthusiasm from 0 = enttäuscht to 10 = begeistert');
    }
    await expect(stat(join(out, 'cut-off.pdf'))).rejects.toThrow();
  });
});
