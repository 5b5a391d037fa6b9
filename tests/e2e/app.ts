// Helpers that drive the app the way a facilitator does: through labelled
// controls, the keyboard, pointer drags on the canvas and the file chooser.
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const chart = (page: Page): Locator => page.getByTestId('curve-chart');

/** Past the start screen, into the setup of a new retro. */
export async function startNewRetro(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start a new retro' }).click();
  await expect(page.getByRole('dialog', { name: 'Wavelength' })).toHaveCount(0);
}

export async function addParticipant(page: Page, name: string, team: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Name or alias', exact: true }).fill(name);
  await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label: team });
  await page.getByRole('button', { name: '+ Add participant' }).click();
  await expect(page.getByRole('textbox', { name: `Name of ${name}` })).toBeVisible();
}

/**
 * Drag across the chart: `y(t)` gives the height (0 = bottom, 1 = top of the
 * chart area) at `t` from 0 (left) to 1 (right) of the drawn part.
 */
export async function drawCurve(
  page: Page,
  y: (t: number) => number,
  from = 0.12,
  to = 0.97,
  steps = 40,
): Promise<void> {
  const box = await chart(page).boundingBox();
  if (!box) throw new Error('chart not visible');
  const at = (t: number) => ({
    x: box.x + box.width * (from + (to - from) * t),
    y: box.y + box.height * (0.9 - 0.8 * y(t)),
  });
  const start = at(0);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    const p = at(i / steps);
    await page.mouse.move(p.x, p.y);
  }
  await page.mouse.up();
}

export async function drawFor(page: Page, name: string, y: (t: number) => number, from?: number, to?: number): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await page.getByRole('button', { name: `I am ${name} — start drawing` }).click();
  await drawCurve(page, y, from, to);
  await expect(chart(page)).toHaveAttribute('data-curve-count', '1');
  await page.getByRole('button', { name: 'Done — next person' }).click();
}

/** The values table under the revealed chart, as rows of text. */
export async function readCurveValues(page: Page): Promise<string[][]> {
  const details = page.locator('details.values');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  // The table is built once the details are open.
  await page.getByTestId('curve-values').waitFor();
  const rows = await page.getByTestId('curve-values').locator('tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim())));
}

export async function saveWith(page: Page, trigger: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const downloadPromise = page.waitForEvent('download');
  await trigger();
  const download = await downloadPromise;
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

/**
 * Click a top bar command by its label: on the bar, or in its "More" menu where a narrow window puts it
 * (TopBar.tsx gives up New, Save as, Open and the language there first).
 */
export async function clickToolbarCommand(page: Page, name: string): Promise<void> {
  const toolbar = page.getByRole('toolbar');
  const onBar = toolbar.getByRole('button', { name, exact: true });
  if (!(await onBar.isVisible())) await toolbar.getByRole('button', { name: /^(More|Mehr)$/ }).click();
  await onBar.click();
}

export async function openFile(page: Page, path: string, button = 'Open…'): Promise<void> {
  const chooserPromise = page.waitForEvent('filechooser');
  if (button === 'Open…') await clickToolbarCommand(page, button);
  else await page.getByRole('button', { name: button, exact: true }).click();
  const chooser = await chooserPromise;
  await chooser.setFiles(path);
}
