// Every screen and dialog at the window sizes facilitators have (1280×720,
// 1366×768, 1920×1080; 1366×768 also at 125 % zoom), in German and English:
// no sideways scrolling, no text cut without an ellipsis, no control outside
// the window or its card, no word broken across lines, and a top bar that
// keeps the app name, the project name and the unsaved mark (issue 10).
//
// One page per size and language walks through all screens, so the whole
// matrix stays fast. With WAVELENGTH_SHOTS=<dir> it also saves a screenshot
// of each screen there, for people to look at.
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
  const t0 = Date.now();
  const problems = await page.evaluate<string[]>(CHECK);
  if (process.env.LAYOUT_TIMING) console.log(screen, Date.now() - t0, 'ms', new Date().toISOString().slice(14, 23));
  if (problems.length > 0) found[screen] = problems;
  if (shotsDir) await page.screenshot({ path: join(shotsDir, `${tag}-${screen}.png`) });
}

for (const language of LANGUAGES) {
  for (const size of SIZES) {
    const tag = `${language}-${size.width}x${size.height}${size.zoom === 1 ? '' : `-${size.zoom * 100}pct`}`;
    test.describe(tag, () => {
      test.use({
        locale: language === 'de' ? 'de-DE' : 'en-US',
        viewport: { width: Math.round(size.width / size.zoom), height: Math.round(size.height / size.zoom) },
        deviceScaleFactor: size.zoom,
      });

      test(`every screen and dialog fits ${tag}`, async ({ page }) => {
        test.setTimeout(60_000);
        if (shotsDir) mkdirSync(shotsDir, { recursive: true });
        const found: Record<string, string[]> = {};
        const de = language === 'de';
        await page.goto('/');
        await check(page, found, '0-start', tag);

        await page.locator('.sample').first().click();
        await expect(page.locator('.start')).toHaveCount(0);
        await page.locator('.notice button').click();

        await page.keyboard.press('Alt+1');
        await expect(page.locator('.setup')).toBeVisible();
        // A long project name, and unsaved changes: the bar must keep both.
        await page.getByRole('textbox', { name: de ? 'Projektname' : 'Project name' }).fill(LONG_NAME[language]);
        await page.getByRole('textbox', { name: de ? 'Projektname' : 'Project name' }).press('Enter');
        await expect(page.locator('.topbar__dirty')).toHaveCount(1);
        await expect(page.locator('.topbar__name')).toHaveAttribute('title', LONG_NAME[language]);
        await check(page, found, '1-setup', tag);

        await page.keyboard.press('Alt+2');
        await check(page, found, '2-draw', tag);
        await page.locator('.person').first().click();
        await check(page, found, '2-draw-curtain', tag);
        await page.locator('.curtain .btn--primary').click();
        await page.locator('.draw__actions button').first().click();
        await expect(page.locator('.value-entry')).toBeVisible();
        await check(page, found, '2-draw-values', tag);

        await page.keyboard.press('Alt+3');
        await page.locator('details.values summary').click();
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

        await page.keyboard.press('Control+p');
        await expect(page.locator('.export-dialog')).toBeVisible();
        await check(page, found, '6-export', tag);
        await page.keyboard.press('Escape');
        await expect(page.locator('.export-dialog')).toHaveCount(0);

        await page.locator('.present-menu > button').click();
        await check(page, found, '7-present-menu', tag);
        await page.keyboard.press('Escape');

        if ((await page.locator('.more-menu').count()) > 0) {
          await page.locator('.more-menu > button').click();
          await check(page, found, '8-more-menu', tag);
          await page.keyboard.press('Escape');
        }

        await page.keyboard.press('F5');
        await expect(page.getByTestId('room-view')).toBeVisible();
        await check(page, found, '9-room', tag);

        expect(found, `layout problems at ${tag}`).toEqual({});
      });
    });
  }
}

test.describe('the room screen', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 3840, height: 2160 },
  ]) {
    test.describe(`${size.width}×${size.height}`, () => {
      test.use({ locale: 'de-DE', viewport: size });
      test(`fits ${size.width}×${size.height}`, async ({ page }) => {
        const found: Record<string, string[]> = {};
        const tag = `de-room-${size.width}x${size.height}`;
        await page.goto('/');
        await page.locator('.sample').first().click();
        await page.keyboard.press('Alt+3');
        await page.keyboard.press('F5');
        await expect(page.getByTestId('room-view')).toBeVisible();
        await check(page, found, 'reveal', tag);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Alt+4');
        await page.keyboard.press('F5');
        await check(page, found, 'compare', tag);
        expect(found, `layout problems at ${tag}`).toEqual({});
      });
    });
  }
});

test('the bundle carries only the Latin and Latin Extended subsets of Inter, as woff2 only', () => {
  const fonts = readdirSync(resolve('out/renderer/assets')).filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
  expect(fonts.length).toBe(6);
  for (const font of fonts) expect(font).toMatch(/^inter-latin(-ext)?-(400|600|700)-normal-.*\.woff2$/);
});
