// Every screen and dialog at the window sizes facilitators have (1280×720,
// 1366×768, 1920×1080; 1366×768 also at 125 % zoom), in German and English:
// no sideways scrolling, no text cut without an ellipsis, no control outside
// the window or its card, no word broken across lines, and a top bar that
// keeps the app name, the project name and the unsaved mark (issue 10).
//
// One page per language walks through all screens at every size (the window
// is resized in place, as a person would), so the whole matrix stays fast.
// 125 % zoom is the same screen with fewer CSS pixels: 1366×768 at 125 % lays
// out exactly as a 1093×614 window. With WAVELENGTH_SHOTS=<dir> it also saves
// a screenshot of each screen there, for people to look at.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Size {
  readonly width: number;
  readonly height: number;
  /** Windows' display scaling: the same screen with fewer, larger CSS pixels. */
  readonly zoom: number;
}

const SIZES: readonly Size[] = [
  { width: 1280, height: 720, zoom: 1 },
  { width: 1366, height: 768, zoom: 1 },
  { width: 1920, height: 1080, zoom: 1 },
  { width: 1366, height: 768, zoom: 1.25 },
];
const LANGUAGES = ['de', 'en'] as const;

const sizeTag = (size: Size) => `${size.width}x${size.height}${size.zoom === 1 ? '' : `-${size.zoom * 100}pct`}`;
const cssViewport = (size: Size) => ({ width: Math.round(size.width / size.zoom), height: Math.round(size.height / size.zoom) });

/** A project name longer than any top bar has room for: it must ellipsise, with the full name on hover. */
const LONG_NAME = {
  de: 'CRM-Einführung bei der Nordwind Logistik AG mit Rollout in drei Ländern und Schulung aller Standorte',
  en: 'CRM rollout at Nordwind Logistics with a migration in three countries and training at every site',
};

/** The checker, run in the page: see layout-check.js. */
const CHECK = `(() => {\n${readFileSync(resolve(import.meta.dirname, 'layout-check.js'), 'utf8')}\nreturn findLayoutProblems(CARD_SELECTOR);\n})()`;
const AFTER_TWO_FRAMES = 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))';

const shotsDir = process.env.WAVELENGTH_SHOTS ? resolve(process.env.WAVELENGTH_SHOTS) : null;

async function check(page: Page, found: Record<string, string[]>, screen: string, tag: string): Promise<void> {
  // Layout settles after a frame (the chart measures its box, the top bar its room).
  await page.evaluate(AFTER_TWO_FRAMES);
  const problems = await page.evaluate<string[]>(CHECK);
  if (problems.length > 0) found[`${tag} ${screen}`] = problems;
  if (shotsDir) await page.screenshot({ path: join(shotsDir, `${tag}-${screen}.png`) });
}

for (const language of LANGUAGES) {
  test.describe(`in ${language === 'de' ? 'German' : 'English'}`, () => {
    test.use({ locale: language === 'de' ? 'de-DE' : 'en-US' });

    test(`every screen and dialog fits ${SIZES.map(sizeTag).join(', ')}`, async ({ page }) => {
      test.setTimeout(180_000);
      if (shotsDir) mkdirSync(shotsDir, { recursive: true });
      const found: Record<string, string[]> = {};
      const de = language === 'de';
      await page.goto('/');
      for (const size of SIZES) {
        await page.setViewportSize(cssViewport(size));
        await check(page, found, '0-start', `${language}-${sizeTag(size)}`);
      }

      await page.locator('.sample').first().click();
      await expect(page.locator('.start')).toHaveCount(0);
      // The "opened" notice fades by itself after a few seconds; dismiss it if it is still there.
      await page
        .getByTestId('notice')
        .getByRole('button')
        .click({ timeout: 2000 })
        .catch(() => undefined);
      await expect(page.getByTestId('notice')).toHaveCount(0);
      await page.keyboard.press('Alt+1');
      // A long project name, and unsaved changes: the bar must keep both.
      const projectName = page.getByRole('textbox', { name: de ? 'Projektname' : 'Project name' });
      await projectName.fill(LONG_NAME[language]);
      await projectName.press('Enter');
      await expect(page.locator('.topbar__dirty')).toHaveCount(1);
      await expect(page.locator('.topbar__name')).toHaveAttribute('title', LONG_NAME[language]);

      for (const [i, size] of SIZES.entries()) {
        const tag = `${language}-${sizeTag(size)}`;
        await page.setViewportSize(cssViewport(size));
        await page.keyboard.press('Alt+1');
        await expect(page.locator('.setup')).toBeVisible();
        await check(page, found, '1-setup', tag);

        await page.keyboard.press('Alt+2');
        await check(page, found, '2-draw', tag);
        // Someone else each time, so the curtain comes up.
        await page.locator('.person').nth(i).click();
        await expect(page.locator('.curtain .btn--primary')).toBeVisible();
        await check(page, found, '2-draw-curtain', tag);
        await page.locator('.curtain .btn--primary').click();
        await page.locator('.draw__actions button').first().click();
        await expect(page.locator('.value-entry')).toBeVisible();
        await check(page, found, '2-draw-values', tag);

        await page.keyboard.press('Alt+3');
        await page.locator('details.values summary').click();
        await page.getByTestId('curve-values').waitFor();
        await check(page, found, '3-reveal', tag);

        await page.keyboard.press('Alt+4');
        await expect(page.locator('.compare')).toBeVisible();
        await check(page, found, '4-compare', tag);
        await page.locator('.round-picker .row-buttons button').first().click();
        await expect(page.locator('.round-form')).toBeVisible();
        await check(page, found, '4-compare-new-round', tag);

        await page.keyboard.press('Alt+5');
        await expect(page.locator('.discuss')).toBeVisible();
        await check(page, found, '5-discuss', tag);

        // Dialogs and menus keep their own width: checked where the window is narrowest (1920 adds nothing).
        if (size.width / size.zoom <= 1366) {
          await page.keyboard.press('Control+p');
          await expect(page.locator('.export-dialog')).toBeVisible();
          await check(page, found, '6-export', tag);
          // CSV brings the separator choice ("Dezimalpu" was cut there).
          await page.locator('.export-dialog input[name="export-format"]').last().check();
          await check(page, found, '6-export-csv', tag);
          await page.keyboard.press('Escape');
          await expect(page.locator('.export-dialog')).toHaveCount(0);

          await page.locator('.present-menu > button').click();
          await expect(page.locator('.present-panel')).toBeVisible();
          await check(page, found, '7-present-menu', tag);
          await page.keyboard.press('Escape');
          await expect(page.locator('.present-panel')).toHaveCount(0);

          if ((await page.locator('.more-menu').count()) > 0) {
            await page.locator('.more-menu > button').click();
            await expect(page.locator('.more-menu__panel')).toBeVisible();
            await check(page, found, '8-more-menu', tag);
            await page.keyboard.press('Escape');
            await expect(page.locator('.more-menu__panel')).toHaveCount(0);
          }
        }

        await page.keyboard.press('F5');
        await expect(page.getByTestId('room-view')).toBeVisible();
        await check(page, found, '9-room', tag);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('room-view')).toHaveCount(0);
      }

      // A 4K screen in the meeting room: the room screen at the other end of the range.
      if (de) {
        await page.setViewportSize({ width: 3840, height: 2160 });
        await page.keyboard.press('Alt+4');
        await page.keyboard.press('F5');
        await expect(page.getByTestId('room-view')).toBeVisible();
        await check(page, found, 'room-compare', 'de-3840x2160');
      }

      expect(found, 'layout problems').toEqual({});
    });
  });
}

test('the bundle carries only the Latin and Latin Extended subsets of Inter, as woff2 only', () => {
  const fonts = readdirSync(resolve('out/renderer/assets')).filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
  expect(fonts.length).toBe(6);
  for (const font of fonts) expect(font).toMatch(/^inter-latin(-ext)?-(400|600|700)-normal-.*\.woff2$/);
});
