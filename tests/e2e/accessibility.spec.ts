import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ locale: 'en-US' });

/** axe-core's WCAG 2.1 A/AA rules on what is on screen; every violation listed with its elements. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the checker itself catches an unlabelled control', async ({ page }) => {
  await page.goto('/');
  // A string runs in the page; this file is typed without the DOM library.
  await page.evaluate("document.body.append(Object.assign(document.createElement('input'), { type: 'text' }))");
  expect((await violations(page)).join('\n')).toMatch(/^label \(critical\)/m);
});

test('every screen passes axe-core’s WCAG 2.1 AA checks', async ({ page }) => {
  await page.goto('/');
  expect(await violations(page), 'start screen').toEqual([]);
  await page.getByRole('button', { name: /Overstretched/ }).click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  for (const step of ['Set up', 'Draw', 'Reveal', 'Compare', 'Discuss']) {
    await page.getByRole('button', { name: new RegExp(step) }).first().click();
    expect(await violations(page), step).toEqual([]);
  }
  // Drawing: the curtain, then the canvas.
  await page.getByRole('button', { name: 'Draw', exact: false }).first().click();
  await page.getByRole('button', { name: /^Anna\b/ }).click();
  expect(await violations(page), 'curtain').toEqual([]);
  await page.getByRole('button', { name: 'I am Anna — start drawing' }).click();
  await page.getByRole('button', { name: /Type values instead/ }).click();
  expect(await violations(page), 'drawing with value entry').toEqual([]);
});

test('the workshop can be run from the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // Start screen: the first button has focus.
  await expect(page.getByRole('button', { name: 'Start a new retro' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Wavelength' })).toHaveCount(0);
  // Add a participant by keyboard only.
  await page.getByRole('textbox', { name: 'Name or alias', exact: true }).focus();
  await page.keyboard.type('Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name of Kim' })).toBeVisible();
  // Alt+2 goes to Draw; Tab reaches Kim's button.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Who draws next?' })).toBeVisible();
  const kim = page.getByRole('button', { name: /^Kim\b/ });
  const focused = () => kim.evaluate((el) => el === el.ownerDocument.activeElement);
  for (let i = 0; i < 40 && !(await focused()); i++) await page.keyboard.press('Tab');
  await expect(kim).toBeFocused();
  await page.keyboard.press('Enter');
  // The curtain's button has focus.
  await expect(page.getByRole('button', { name: 'I am Kim — start drawing' })).toBeFocused();
  await page.keyboard.press('Enter');
  const typeValues = page.getByRole('button', { name: /Type values instead/ });
  await typeValues.focus();
  await page.keyboard.press('Enter');
  const fields = page.getByRole('spinbutton');
  await fields.first().focus();
  for (const v of ['3', '5', '7', '8', '6', '4', '5']) {
    await page.keyboard.type(v);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter'); // "Use these values" has focus after the last field
  await expect(page.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
  // Alt+3 reveals with → ; the values read back.
  await page.keyboard.press('Alt+3');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
});
