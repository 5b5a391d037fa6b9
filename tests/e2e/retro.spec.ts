import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeGrid, parseSessionFile, resampleCurve } from '../../renderer/domain';
import { addParticipant, chart, startNewRetro, drawCurve, drawFor, openFile, readCurveValues, saveWith } from './app';
import { expect, test } from './fixtures';

test.use({ locale: 'en-US' });

/** Each curve resampled on the analysis grid, by participant name. */
function sampledCurves(fileText: string): Record<string, (number | null)[]> {
  const parsed = parseSessionFile(fileText);
  if (!parsed.ok) throw new Error(`saved file does not parse: ${JSON.stringify(parsed.error)}`);
  const grid = makeGrid(200);
  const byName: Record<string, (number | null)[]> = {};
  for (const c of parsed.session.curves) {
    const who = parsed.session.participants.find((p) => p.id === c.participantId)!;
    byName[who.name] = resampleCurve(c.points, grid);
  }
  return byName;
}

test('a retro from setup to reveal, saved and opened again with the same curves', async ({ page }) => {
  await page.goto('/');
  await startNewRetro(page);
  await expect(page.getByRole('heading', { name: 'Project', exact: true })).toBeVisible();

  // Set up: project, two Sales and two PS participants.
  const projectName = page.getByRole('textbox', { name: 'Project name' });
  await projectName.fill('Projekt Atlas');
  await projectName.press('Enter');
  await addParticipant(page, 'Sam', 'Sales');
  await addParticipant(page, 'Sue', 'Sales');
  await addParticipant(page, 'Pat', 'PS');
  await addParticipant(page, 'Pia', 'PS');

  // Draw: four different curves, each blind.
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await expect(page.getByTestId('drawn-count')).toHaveText('0 of 4 have drawn');
  await drawFor(page, 'Sam', (t) => 0.3 + 0.6 * Math.min(1, t * 2.5) - (t > 0.4 ? 0.5 * (t - 0.4) : 0));
  await drawFor(page, 'Sue', (t) => 0.4 + 0.5 * t);
  // Pat joined at kickoff: a partial curve.
  await page.getByRole('button', { name: /^Pat\b/ }).click();
  await expect(page.getByRole('dialog')).toContainText('Over to Pat');
  await expect(page.getByRole('dialog')).toContainText('Only Pat’s own curve will be shown.');
  // No placeholder left unfilled anywhere on screen.
  await expect(page.locator('body')).not.toContainText('{{');
  await expect(chart(page)).toHaveCount(0); // the curtain hides the canvas
  await page.getByRole('button', { name: 'I am Pat — start drawing' }).click();
  // Blind: Sam's and Sue's curves are not shown to Pat.
  await expect(chart(page)).toHaveAttribute('data-curve-count', '0');
  await drawCurve(page, (t) => 0.2 + 0.3 * t, 0.45, 0.97);
  await expect(chart(page)).toHaveAttribute('data-curve-count', '1');
  await page.getByRole('button', { name: 'Done — next person' }).click();
  await drawFor(page, 'Pia', (t) => 0.8 - 0.6 * t + 0.5 * t * t);
  await expect(page.getByTestId('drawn-count')).toHaveText('4 of 4 have drawn');

  // Reveal: nothing until the facilitator reveals, then all four.
  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await expect(chart(page)).toHaveAttribute('data-curve-count', '0');
  await page.getByRole('button', { name: 'Reveal all curves' }).click();
  await expect(chart(page)).toHaveAttribute('data-curve-count', '4');
  await expect(page.getByTestId('reveal-status')).toHaveText('4 of 4 curves revealed');
  const shown = await readCurveValues(page);
  expect(shown.map((row) => row[0])).toEqual(['Sam (Sales)', 'Sue (Sales)', 'Pat (PS)', 'Pia (PS)']);
  // Pat's curve starts after the handover: no value in the first phase.
  expect(shown[2]![1]).toBe('–');
  // Four different curves.
  expect(new Set(shown.map((row) => row.slice(1).join('|'))).size).toBe(4);

  // Save (Ctrl+S) → a .wavelength download.
  const first = await saveWith(page, () => page.keyboard.press('Control+s'));
  expect(first.download.suggestedFilename()).toBe('Projekt Atlas.wavelength');
  const samples = sampledCurves(first.text);
  expect(Object.keys(samples).sort()).toEqual(['Pat', 'Pia', 'Sam', 'Sue']);
  expect(samples['Pat']!.slice(0, 60).every((v) => v === null)).toBe(true);
  await expect(page.getByTestId('notice')).toContainText('Saved');

  // A fresh start of the app, then open the saved file.
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-e2e-'));
  const file = join(dir, 'Projekt Atlas.wavelength');
  await writeFile(file, first.text);
  await page.reload();
  await expect(page.getByTestId('document-name')).toHaveText('Untitled retro');
  await openFile(page, file, 'Open a session…');
  await expect(page.getByTestId('notice')).toContainText('Opened “Projekt Atlas.wavelength”');
  await expect(chart(page)).toHaveAttribute('data-curve-count', '4');
  expect(await readCurveValues(page)).toEqual(shown);

  // Saved again, the file holds exactly the same curves.
  const second = await saveWith(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
  expect(sampledCurves(second.text)).toEqual(samples);
});

test('a damaged file is refused with a reason and the current session is kept', async ({ page }) => {
  await page.goto('/');
  await startNewRetro(page);
  const projectName = page.getByRole('textbox', { name: 'Project name' });
  await projectName.fill('Keep this');
  await projectName.press('Enter');
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-e2e-'));
  const broken = join(dir, 'broken.wavelength');
  await writeFile(broken, '{"format": "wavelength-session", "version": 1, "session": {');
  page.once('dialog', (d) => d.accept()); // "discard unsaved changes?"
  await openFile(page, broken);
  await expect(page.getByRole('alert')).toContainText('“broken.wavelength” could not be opened.');
  await expect(page.getByRole('alert')).toContainText('damaged');
  await expect(projectName).toHaveValue('Keep this');

  const newer = join(dir, 'newer.wavelength');
  await writeFile(newer, JSON.stringify({ format: 'wavelength-session', version: 99, session: {} }));
  page.once('dialog', (d) => d.accept());
  await openFile(page, newer);
  await expect(page.getByRole('alert')).toContainText('saved by a newer Wavelength');
});

test('a curve can be entered with the keyboard, redrawn in part, and undone', async ({ page }) => {
  await page.goto('/');
  await startNewRetro(page);
  await addParticipant(page, 'Kim', 'Customer');
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await page.getByRole('button', { name: /^Kim\b/ }).click();
  await page.getByRole('button', { name: 'I am Kim — start drawing' }).click();
  await page.getByRole('button', { name: /Type values instead/ }).click();
  const values = ['5', '7', '9', '3', '', '6', '8'];
  const phases = ['First contact', 'Needs analysis & demo', 'Proposal & negotiation', 'Kickoff', 'Design', 'Implementation', 'Closing'];
  for (const [i, v] of values.entries()) {
    await page.getByRole('spinbutton', { name: phases[i]! }).fill(v);
  }
  await page.getByRole('button', { name: 'Use these values' }).click();
  await expect(chart(page)).toHaveAttribute('data-curve-count', '1');
  await page.getByRole('button', { name: 'Done — next person' }).click();

  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await page.keyboard.press('ArrowRight');
  const typed = await readCurveValues(page);
  expect(typed[0]!.slice(1, 5)).toEqual(['5.0', '7.0', '9.0', '3.0']);
  expect(typed[0]!.slice(6)).toEqual(['6.0', '8.0']);
  // Design was left empty: it is bridged between Kickoff (3) and Implementation (6).
  expect(Number(typed[0]![5])).toBeGreaterThan(3);
  expect(Number(typed[0]![5])).toBeLessThan(6);

  // Redraw only the end: draw over the last part of the chart.
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await page.getByRole('button', { name: /^Kim\b/ }).click();
  await page.getByRole('button', { name: 'I am Kim — start drawing' }).click();
  await drawCurve(page, () => 0.05, 0.9, 0.99, 10);
  await page.getByRole('button', { name: 'Done — next person' }).click();
  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await page.keyboard.press('ArrowRight');
  const redrawn = await readCurveValues(page);
  // The start is untouched; Design, the segment next to the redrawn span, moves at most a little.
  expect(redrawn[0]!.slice(1, 5)).toEqual(typed[0]!.slice(1, 5));
  expect(Math.abs(Number(redrawn[0]![5]) - Number(typed[0]![5]))).toBeLessThanOrEqual(0.3);
  expect(Number(redrawn[0]![7])).toBeLessThan(2); // Closing was redrawn low

  // Undo brings the typed curve back.
  await page.keyboard.press('Control+z');
  expect(await readCurveValues(page)).toEqual(typed);
});

test('the UI follows a German OS language', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'de-DE', baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Neue Retro beginnen' }).click();
  await expect(page.getByRole('heading', { name: 'Zeitachse' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name der Phase 1' })).toHaveValue('Erstkontakt');
  await expect(page.getByRole('button', { name: 'Speichern', exact: true })).toBeVisible();
  await context.close();
});
