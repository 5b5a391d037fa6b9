// Issue 9: a part of the app that fails says so instead of emptying the
// window, keeps the session, offers to save, and the rest keeps working.
//
// What fails here is real: the canvas. Chromium hands out no 2D context when
// it runs out of canvas memory or its GPU process is gone, and getContext
// then returns null; the test makes it do that (from the page, not through
// any hook in the app), and Konva can't draw the step.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parseSessionFile } from '../../renderer/domain';
import { chart } from './app';
import { expect, test, type PageProblems } from './fixtures';

// Page code as strings: this spec is type-checked without the DOM's types.
const INSTALL_CANVAS_SWITCH = `(() => {
  if (window.__canvasSwitch) return;
  const getContext = HTMLCanvasElement.prototype.getContext;
  window.__canvasSwitch = { broken: false };
  HTMLCanvasElement.prototype.getContext = function (...args) {
    return window.__canvasSwitch.broken ? null : getContext.apply(this, args);
  };
})()`;
const setCanvasBroken = (page: Page, broken: boolean) => page.evaluate(`${INSTALL_CANVAS_SWITCH}; window.__canvasSwitch.broken = ${broken};`);

const step = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /Workshop steps|Schritte des Workshops/ }).getByRole('button', { name });

/**
 * The failures were caught: nothing reached the page uncaught, and the only
 * console errors are React's reports of the errors the boundaries caught.
 */
function expectOnlyCaughtFailures(problems: PageProblems): void {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
  expect(problems.externalRequests).toEqual([]);
  for (const error of problems.consoleErrors) expect(error).toMatch(/null|getContext|context/i);
}

test.describe('a failing step', () => {
  test.use({ locale: 'en-US', failOnPageProblems: false });
  test.describe.configure({ timeout: 60_000 });

  test('says so, keeps the retro and saves it; the top bar and the other steps keep working', async ({ page, problems }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Overstretched/ }).click();
    await expect(chart(page)).toBeVisible();

    await setCanvasBroken(page, true);
    await step(page, /Discuss/).click();
    const failed = page.getByTestId('view-failed');
    await expect(failed).toBeVisible();
    await expect(failed.getByRole('heading')).toHaveText('This step could not be shown');
    await expect(failed).toContainText('Your retro is not lost: the other steps and the bar at the top keep working, and you can save it now.');
    // The top bar is untouched, the session with it.
    await expect(page.getByTestId('document-name')).toHaveText('CRM-Einführung');
    await expect(step(page, /Discuss/)).toHaveAttribute('aria-current', 'step');

    // Save, through the same command as the top bar's Save.
    const download = page.waitForEvent('download');
    await failed.getByRole('button', { name: 'Save the retro' }).click();
    const saved = parseSessionFile(await readFile(await (await download).path(), 'utf8'));
    expect(saved.ok && saved.session.project.name).toBe('CRM-Einführung');
    expect(saved.ok && saved.session.curves.length).toBe(7);

    // Try again while the canvas is still gone: the message stays.
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('view-failed')).toBeVisible();
    // With the canvas back, Try again draws the step.
    await setCanvasBroken(page, false);
    await page.getByTestId('view-failed').getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('view-failed')).toHaveCount(0);
    await expect(chart(page)).toBeVisible();

    // Another step fails on its own; going to a step that can draw shows it as ever.
    await setCanvasBroken(page, true);
    await step(page, /Compare/).click();
    await expect(page.getByTestId('view-failed')).toBeVisible();
    await setCanvasBroken(page, false);
    await step(page, /Reveal/).click();
    await expect(page.getByTestId('view-failed')).toHaveCount(0);
    await expect(chart(page)).toHaveAttribute('data-curve-count', '7');
    expectOnlyCaughtFailures(problems);
  });

  test('the room view in present mode says so, and Esc still leaves', async ({ page, problems }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Overstretched/ }).click();
    await expect(chart(page)).toBeVisible();
    await setCanvasBroken(page, true);
    await page.keyboard.press('F5');
    await expect(page.getByTestId('room-failed')).toContainText('The room screen could not be drawn.');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('present-mode')).toHaveCount(0);
    await expect(page.getByTestId('view-failed')).toHaveCount(0);
    await expect(chart(page)).toBeVisible();
    expectOnlyCaughtFailures(problems);
  });

  test('the presenter window says so, and the facilitator’s window goes on', async ({ page, context, problems }) => {
    // Only the presenter window loses its canvas. Asked when a canvas is made: the popup runs init scripts
    // in its first about:blank document, whose window it keeps for the app.
    await context.addInitScript(`${INSTALL_CANVAS_SWITCH}; Object.defineProperty(window.__canvasSwitch, 'broken', { get: () => location.search.includes('view=presenter') });`);
    await page.goto('/');
    await page.getByRole('button', { name: /Overstretched/ }).click();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const popup = context.waitForEvent('page');
    await page.getByRole('group', { name: 'Room screen' }).getByRole('button', { name: /^Open presenter window/ }).click();
    const presenter = await popup;
    await expect(presenter.getByTestId('room-failed')).toContainText('The retro is safe in the facilitator’s window');
    await page.keyboard.press('Escape');
    await step(page, /Reveal/).click();
    await expect(chart(page)).toHaveAttribute('data-curve-count', '7');
    await expect(page.getByTestId('view-failed')).toHaveCount(0);
    expectOnlyCaughtFailures(problems);
  });
});

test.describe('ein Schritt, der scheitert', () => {
  test.use({ locale: 'de-DE', failOnPageProblems: false });

  test('sagt es auf Deutsch und bietet das Speichern an', async ({ page, problems }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Überdehnt|Overstretched/ }).click();
    await expect(chart(page)).toBeVisible();
    await setCanvasBroken(page, true);
    await step(page, /Besprechen/).click();
    const failed = page.getByTestId('view-failed');
    await expect(failed.getByRole('heading')).toHaveText('Dieser Schritt konnte nicht angezeigt werden');
    await expect(failed).toContainText('Deine Retro ist nicht verloren');
    await expect(failed.getByRole('button', { name: 'Retro speichern' })).toBeVisible();
    await expect(failed.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
    expectOnlyCaughtFailures(problems);
  });
});
