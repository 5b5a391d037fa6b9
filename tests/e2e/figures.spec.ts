// One comparison, three surfaces: the facilitator's compare view, the room
// view in the presenter window and the PDF report say the same figures in the
// same words, because all three draw one compare scene. Read as a person would
// read them: the app's panels, the room screen, the PDF's text (poppler).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdfText } from './pdf';

test.use({ locale: 'en-US' });

/** "Sales: 8.9 to 2.7 (−6.3)": the drop sentence without its flag and basis. */
const DROP = /^(Sales|PS): \d+\.\d to \d+\.\d \(−\d+\.\d\)/;
/** "Largest gap: 5.3 in … (Sales saw more enthusiasm)". */
const GAP = /^Largest gap: \d+\.\d in .+\((Sales|PS) saw more enthusiasm\)/;

async function dropsIn(items: ReturnType<Page['getByTestId']>): Promise<string[]> {
  const texts = await items.allInnerTexts();
  return texts.map((text) => DROP.exec(text.trim())?.[0]).filter((s): s is string => !!s);
}

test('the compare view, the room view and the PDF say the same figures for the same sample', async ({ page, context }) => {
  test.setTimeout(120_000);
  // The browser build prints with window.print: count the calls instead of opening a dialog.
  await context.addInitScript(() => {
    (globalThis as unknown as { print: () => void }).print = () => undefined;
  });
  await page.goto('/');
  await page.getByRole('button', { name: /Overstretched/ }).click();
  await expect(page.getByRole('button', { name: /Compare/ }).first()).toHaveAttribute('aria-current', 'step');

  // The app: the drop of Sales and PS, where they differed most, the first disagreement's prompt.
  const appDrops = await dropsIn(page.getByTestId('handover-drops').getByRole('listitem'));
  expect(appDrops.map((d) => d.split(':')[0])).toEqual(['Sales', 'PS']);
  const appGap = (await page.getByTestId('gap-largest').innerText()).trim();
  expect(appGap).toMatch(GAP);
  const appPrompt = (await page.getByTestId('disagreement').getByRole('listitem').first().locator('strong').innerText()).trim();
  expect(appPrompt).toMatch(/^What happened in “.+” that you saw it so differently\?$/);
  const appSplit = (await page.getByTestId('agreement-split').innerText()).trim();

  // The room: the presenter window, fed over the BroadcastChannel from the same store.
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const popup = page.context().waitForEvent('page');
  await page.getByRole('group', { name: 'Room screen' }).getByRole('button', { name: /^Open presenter window/ }).click();
  const room = await popup;
  await room.setViewportSize({ width: 1920, height: 1080 });
  // A new window loads the whole app before the first state reaches it: give it time on a busy machine.
  await expect(room.getByTestId('room-view')).toHaveAttribute('data-screen', 'compare', { timeout: 20_000 });
  expect(await dropsIn(room.getByTestId('room-drop'))).toEqual(appDrops);
  await expect(room.getByTestId('room-gap-largest')).toHaveText(appGap);
  // The drop marker on the room's chart says the same size as the sentence.
  for (const drop of appDrops) {
    const [team, size] = [drop.split(':')[0], /\((−\d+\.\d)\)/.exec(drop)![1]];
    await expect(room.getByTestId('curve-chart')).toHaveAttribute('aria-label', new RegExp(`${team} ${size}`));
  }
  await expect(room.getByTestId('room-mean')).toHaveText(['Sales (3 curves)', 'PS (3 curves)', 'Kunde (1 curve)']);

  // The PDF, exported from the app in English.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Language of the report' }).selectOption({ label: 'English' });
  const reportPromise = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const report = await reportPromise;
  await expect(report.getByTestId('report-summary')).toBeVisible({ timeout: 30_000 });
  const pdf = join(await mkdtemp(join(tmpdir(), 'wavelength-figures-')), 'figures.pdf');
  await report.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const first = await pdfText(pdf, { first: 1, last: 1 });
  const all = await pdfText(pdf);
  // The first page says it all in sentences: the drops, the largest gap, the top disagreement with its prompt, the split.
  for (const drop of appDrops) expect(first).toContain(drop);
  expect(first).toContain(appGap);
  expect(first).toContain(appPrompt);
  expect(first).toContain(appSplit);
  // And the comparison and figures pages say the same again.
  expect(all.split(appGap).length - 1).toBeGreaterThanOrEqual(2);
  expect(all.split(appPrompt).length - 1).toBeGreaterThanOrEqual(2);
  await report.close();
  await room.close();
});
