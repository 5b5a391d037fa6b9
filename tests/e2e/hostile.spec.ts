// Issue 9, "no file the app accepts can break it", in real Chromium: files
// that opened on main and then left an empty window or a broken export now
// open with a message saying what was mended, and every step, the room view
// and the exports work with them. The last test opens accepted files from
// the fuzz generator (tests/domain/fuzz) and walks every step with each.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parseSessionFile, type Session } from '../../renderer/domain';
import { generateHostileFile } from '../domain/fuzz/hostileSessions';
import { createRandom, fileSeed } from '../domain/fuzz/random';
import { chart, clickToolbarCommand } from './app';
import { expect, test } from './fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLES = resolve(ROOT, 'assets/samples');
const sampleText = (name: string) => readFileSync(join(SAMPLES, `${name}.wavelength`), 'utf8');

/** The overstretched sample (Anna … Greta, one round) with `edit` applied to its JSON. */
/** A file's JSON as an editor sees it: anything may be changed, numbers need not be what the app would write. */
type Editable<T> = { -readonly [K in keyof T]: Editable<T[K]> };

function overstretchedWith(edit: (session: Editable<Session>) => void): string {
  const doc = JSON.parse(sampleText('overstretched'));
  edit(doc.session);
  return JSON.stringify(doc);
}

/** Open a file's text through the start screen's or the top bar's Open, as a person picks a file. */
async function openText(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  const start = page.getByRole('button', { name: 'Open a session…' });
  if (await start.isVisible()) await start.click();
  else await clickToolbarCommand(page, 'Open…');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

const steps = ['Set up', 'Draw', 'Reveal', 'Compare', 'Discuss'] as const;

async function visitEveryStep(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Workshop steps' });
  for (const step of steps) {
    await nav.getByRole('button', { name: new RegExp(step) }).click();
    await expect(page.getByRole('region', { name: step })).toBeVisible();
    await expect(page.getByTestId('view-failed'), `the ${step} step failed`).toHaveCount(0);
    if (step === 'Reveal' || step === 'Compare' || step === 'Discuss') await expect(chart(page)).toBeVisible();
  }
}

async function exportAs(page: Page, format: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const path = await (await download).path();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return path;
}

test.describe('files that opened on main and then broke the app', () => {
  test.use({ locale: 'en-US' });
  // Each walks every step and exports: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 60_000 });

  test.beforeEach(async ({ page }) => {
    // Opening over unsaved changes asks with window.confirm: go on.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/');
  });

  test('points 1e-310 apart: opens saying what was merged, every step draws its curves, the CSV holds only numbers', async ({ page }) => {
    const text = overstretchedWith((s) => {
      (s.curves[0] as { points: unknown }).points = [[0, 1], [1e-310, 0], [0.5, 0.5]];
    });
    await openText(page, 'audit.wavelength', text);

    await expect(page.getByTestId('notice').locator('span')).toHaveText(
      'Opened “audit.wavelength”. To open it, Wavelength changed the following (the file itself stays as it is until you save): 1 point of Anna’s curve was merged with its neighbour: they were closer in time than anything can be drawn.',
    );
    // Mended, so not what is on disk: unsaved until saved.
    await expect(page.getByTestId('document-name')).toContainText('Unsaved changes');
    await visitEveryStep(page);
    await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Reveal/ }).click();
    await expect(chart(page)).toHaveAttribute('data-curve-count', '7');

    const csv = await readFile(await exportAs(page, /CSV of the sampled curves/), 'utf8');
    const rows = csv.split('\r\n');
    expect(rows[1]).toMatch(/^Time \(0-1\),Time \(%\),Phase,Anna,Bernd,/);
    expect(rows).toHaveLength(2 + 201 + 1);
    expect(csv).not.toMatch(/NaN|Infinity/);
    // Anna's curve starts at 0 with the merged point's value (0 on the 0–10 scale).
    expect(rows[2]!.split(',').slice(0, 4)).toEqual(['0.000', '0.0', 'Erstkontakt', '0.00']);
  });

  test('control characters in names: removed on opening, and the SVG and PNG exports work', async ({ page }) => {
    const text = overstretchedWith((s) => {
      s.participants[0]!.name = 'An\u0001na';
      s.project.name = 'CRM\u0000-Einführung\ufffe';
    });
    await openText(page, 'controls.wavelength', text);
    await expect(page.getByTestId('notice')).toContainText('3 invisible control characters were removed from the texts.');

    const svg = await readFile(await exportAs(page, /SVG drawing/), 'utf8');
    expect(svg).toContain('>CRM-Einführung</text>');
    // Well-formed XML: the browser's own parser reads it without an error (the font's <style> left out,
    // which the page's CSP would refuse to parse).
    const source = JSON.stringify(svg.replace(/<style>[\s\S]*?<\/style>/, ''));
    const parseErrors = await page.evaluate(`new DOMParser().parseFromString(${source}, 'image/svg+xml').getElementsByTagName('parsererror').length`);
    expect(parseErrors).toBe(0);
    const png = new Uint8Array(await readFile(await exportAs(page, /PNG picture/)));
    expect([...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  test('a phase a denormal wide: widened on opening, and typed values make a curve the file keeps', async ({ page }) => {
    const text = overstretchedWith((s) => {
      s.timeline.phases[0]!.width = 5e-324;
      s.timeline.phases[1]!.width = 1e-320;
    });
    await openText(page, 'narrow.wavelength', text);
    await expect(page.getByTestId('notice')).toContainText(
      'the phases “Erstkontakt”, “Bedarfsanalyse & Demo” were widened to the smallest width: they were too narrow to draw in.',
    );
    await visitEveryStep(page);
  });
});

test.describe('accepted files from the fuzz generator', () => {
  test.use({ locale: 'en-US' });

  test('open and show every step and the room view without a failure', async ({ page }) => {
    test.setTimeout(120_000);
    page.on('dialog', (dialog) => void dialog.accept());
    const bases = readdirSync(SAMPLES).map((name) => readFileSync(join(SAMPLES, name), 'utf8'));
    // The first four accepted files of a fixed seed whose mutations were all aimed at the maths.
    const picked: { text: string; recipe: string }[] = [];
    for (let index = 0; picked.length < 4; index++) {
      const file = generateHostileFile(createRandom(fileSeed(9, index)), bases);
      if (parseSessionFile(file.text).ok && file.recipe.every((step) => !/^(replace|delete|add|duplicate|remove|reverse|dangle|envelope)/.test(step))) {
        picked.push({ text: file.text, recipe: file.recipe.join(' / ') });
      }
    }
    await page.goto('/');
    for (const [i, file] of picked.entries()) {
      await test.step(file.recipe, async () => {
        await openText(page, `fuzz-${i}.wavelength`, file.text);
        await expect(page.getByTestId('notice')).toContainText(`Opened “fuzz-${i}.wavelength”.`);
        await visitEveryStep(page);
        await page.keyboard.press('F5');
        await expect(page.getByTestId('room-view')).toBeVisible();
        await expect(page.getByTestId('room-failed')).toHaveCount(0);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('present-mode')).toHaveCount(0);
      });
    }
  });
});
