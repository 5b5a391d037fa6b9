// Crash recovery in the browser build: unsaved changes are autosaved to
// IndexedDB a couple of seconds after the last edit; a tab that is closed
// without saving (page.close without the beforeunload prompt stands in for a
// crash) leaves them there, and the next start offers them back.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createSession, parseSessionFile, serializeSession } from '../../renderer/domain';
import { addParticipant, clickToolbarCommand, drawFor, readCurveValues, saveWith, startNewRetro } from './app';
import { expect, test } from './fixtures';

interface StoredAutosave {
  savedAt: string;
  projectName: string;
  text: string;
}

// Page code as strings: this spec is type-checked without DOM types.
// Only called once the app has opened its database (at start-up, before the first screen renders).
const READ_AUTOSAVE = `new Promise((resolve, reject) => {
  const request = indexedDB.open('wavelength');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const get = db.transaction('autosave').objectStore('autosave').get('session');
    get.onsuccess = () => { db.close(); resolve(get.result ?? null); };
    get.onerror = () => reject(get.error);
  };
})`;

const plantAutosave = (record: unknown): string => `new Promise((resolve, reject) => {
  const request = indexedDB.open('wavelength');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const tx = db.transaction('autosave', 'readwrite');
    tx.objectStore('autosave').put(${JSON.stringify(record)}, 'session');
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

const readAutosave = (page: Page) => page.evaluate(READ_AUTOSAVE) as Promise<StoredAutosave | null>;

/** Wait until the autosave holds a session that passes `check`. */
async function waitForAutosave(page: Page, check: (stored: StoredAutosave) => boolean): Promise<StoredAutosave> {
  let found: StoredAutosave | null = null;
  await expect
    .poll(
      async () => {
        found = await readAutosave(page);
        return found !== null && check(found);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

const curveCount = (stored: StoredAutosave): number => {
  const parsed = parseSessionFile(stored.text);
  return parsed.ok ? parsed.session.curves.length : -1;
};

const startDialog = (page: Page) => page.getByRole('dialog', { name: 'Wavelength' });

/** axe-core's WCAG 2.1 A/AA rules on what is on screen (as in accessibility.spec.ts). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function plantedSession(name: string, language: 'de' | 'en'): string {
  const session = createSession(language, '2026-03-12');
  return serializeSession({ ...session, project: { ...session.project, name } });
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('unsaved changes survive a closed tab, are recovered from the start screen, and saving clears them', async ({ page, context }) => {
    await page.goto('/');
    await expect(startDialog(page).getByRole('region')).toHaveCount(0);
    await startNewRetro(page);
    const projectName = page.getByRole('textbox', { name: 'Project name' });
    await projectName.fill('Projekt Atlas');
    await projectName.press('Enter');
    await addParticipant(page, 'Sam', 'Sales');
    await addParticipant(page, 'Pat', 'PS');
    await page.getByRole('button', { name: /Draw/ }).first().click();
    await drawFor(page, 'Sam', (t) => 0.3 + 0.6 * t);
    await drawFor(page, 'Pat', (t) => 0.8 - 0.5 * t);
    await page.getByRole('button', { name: /Reveal/ }).first().click();
    await page.getByRole('button', { name: 'Reveal all curves' }).click();
    const before = await readCurveValues(page);
    expect(before).toHaveLength(2);

    const stored = await waitForAutosave(page, (s) => s.projectName === 'Projekt Atlas' && curveCount(s) === 2);

    // "Crash": the tab goes away without the unsaved-changes prompt.
    await page.close({ runBeforeUnload: false });
    const next = await context.newPage();
    await next.goto('/');

    const offer = startDialog(next).getByRole('region', { name: 'Unsaved changes to “Projekt Atlas”' });
    await expect(offer).toBeVisible();
    const time = (await next.evaluate(
      `new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(${JSON.stringify(stored.savedAt)}))`,
    )) as string;
    await expect(offer).toContainText(`The last autosave is from ${time}.`);
    const recover = offer.getByRole('button', { name: `Recover the unsaved retro from ${time}` });
    await expect(recover).toBeFocused();
    await recover.click();

    // The same session, with its changes still unsaved.
    await expect(startDialog(next)).toHaveCount(0);
    await expect(next.getByTestId('notice')).toContainText('Recovered “Projekt Atlas”');
    await expect(next.getByTestId('document-name')).toContainText('Unsaved changes');
    expect(await readCurveValues(next)).toEqual(before);
    await next.getByRole('button', { name: /Set up/ }).first().click();
    await expect(next.getByRole('textbox', { name: 'Project name' })).toHaveValue('Projekt Atlas');

    // Saving makes it clean and clears the autosave: no offer on the next start.
    const saved = await saveWith(next, () => next.keyboard.press('Control+s'));
    expect(saved.download.suggestedFilename()).toBe('Projekt Atlas.wavelength');
    await expect(next.getByTestId('document-name')).not.toContainText('Unsaved changes');
    await expect.poll(() => readAutosave(next)).toBeNull();
    await next.reload();
    await expect(startDialog(next)).toBeVisible();
    await expect(startDialog(next).getByRole('region')).toHaveCount(0);
  });

  test('a new session clears the autosave, and Discard forgets an offered one', async ({ page, context }) => {
    await page.goto('/');
    await startNewRetro(page);
    const projectName = page.getByRole('textbox', { name: 'Project name' });
    await projectName.fill('Throwaway');
    await projectName.press('Enter');
    await waitForAutosave(page, (s) => s.projectName === 'Throwaway');

    // New (confirming that the changes may go): the autosave goes with them.
    page.once('dialog', (d) => d.accept());
    await clickToolbarCommand(page, 'New');
    await expect(projectName).toHaveValue('');
    await expect.poll(() => readAutosave(page)).toBeNull();
    await page.reload();
    await expect(startDialog(page).getByRole('region')).toHaveCount(0);

    // Changes again, the tab "crashes", the next start offers them; Discard.
    await startNewRetro(page);
    await page.getByRole('textbox', { name: 'Project name' }).fill('Second try');
    await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
    await waitForAutosave(page, (s) => s.projectName === 'Second try');
    await page.close({ runBeforeUnload: false });
    const next = await context.newPage();
    await next.goto('/');
    const offer = startDialog(next).getByRole('region', { name: 'Unsaved changes to “Second try”' });
    await offer.getByRole('button', { name: /^Discard the unsaved retro from / }).click();
    await expect(offer).toHaveCount(0);
    await expect(next.getByRole('button', { name: 'Start a new retro' })).toBeVisible();
    await expect.poll(() => readAutosave(next)).toBeNull();
    await next.reload();
    await expect(startDialog(next)).toBeVisible();
    await expect(startDialog(next).getByRole('region')).toHaveCount(0);
  });

  test('past the start screen the offer stays as a bar, until new work is autosaved over it', async ({ page }) => {
    await page.goto('/');
    await expect(startDialog(page)).toBeVisible();
    await page.evaluate(plantAutosave({ version: 1, savedAt: new Date().toISOString(), projectName: 'Projekt Atlas', text: plantedSession('Projekt Atlas', 'en') }));
    await page.reload();
    await expect(startDialog(page).getByRole('region', { name: 'Unsaved changes to “Projekt Atlas”' })).toBeVisible();
    expect(await violations(page), 'start screen with the offer').toEqual([]);

    await startNewRetro(page);
    const bar = page.getByRole('region', { name: 'Unsaved changes to “Projekt Atlas”' });
    await expect(bar.getByRole('button', { name: /^Recover the unsaved retro from / })).toBeVisible();
    expect(await violations(page), 'the offer as a bar').toEqual([]);

    // New work: its first autosave replaces the old one, and the offer goes.
    await page.getByRole('textbox', { name: 'Project name' }).fill('Beta');
    await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
    await waitForAutosave(page, (stored) => stored.projectName === 'Beta');
    await expect(bar).toHaveCount(0);
  });
});

test.describe('auf Deutsch', () => {
  test.use({ locale: 'de-DE' });

  test('eine beschädigte Sicherung stürzt nichts ab: die App sagt es und verwirft sie', async ({ page }) => {
    await page.goto('/');
    await expect(startDialog(page)).toBeVisible();
    await page.evaluate(plantAutosave({ version: 1, savedAt: '2026-03-12T13:05:00.000Z', projectName: 'Kaputt', text: '{"format":"wavelength-session","version":2,"session":{' }));
    await page.reload();

    await expect(page.getByRole('alert')).toContainText('Eine automatisch gesicherte Retro wurde gefunden, konnte aber nicht wiederhergestellt werden.');
    await expect(page.getByRole('alert')).toContainText('Sie wurde verworfen.');
    await expect(startDialog(page).getByRole('region')).toHaveCount(0);
    await expect.poll(() => readAutosave(page)).toBeNull();

    // A record of the wrong shape is "unreadable", and is discarded the same way.
    await page.evaluate(plantAutosave({ version: 1, savedAt: 'gestern', text: 42 }));
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('Sie war nicht lesbar.');
    await expect.poll(() => readAutosave(page)).toBeNull();
    await page.reload();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Neue Retro beginnen' })).toBeVisible();
  });

  test('das Angebot nennt Projekt und Zeit auf Deutsch; Wiederherstellen öffnet die Retro ungespeichert', async ({ page }) => {
    await page.goto('/');
    await expect(startDialog(page)).toBeVisible();
    const text = plantedSession('Projekt Atlas', 'de');
    await page.evaluate(plantAutosave({ version: 1, savedAt: '2026-03-12T13:05:00.000Z', projectName: 'Projekt Atlas', text }));
    await page.reload();

    const time = (await page.evaluate(
      `new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-12T13:05:00.000Z'))`,
    )) as string;
    expect(time).toMatch(/^12\.03\.2026, \d{2}:\d{2}$/);
    const offer = startDialog(page).getByRole('region', { name: 'Ungespeicherte Änderungen an „Projekt Atlas“' });
    await expect(offer).toContainText(`Die letzte automatische Sicherung ist vom ${time}.`);
    await expect(offer.getByRole('button', { name: `Verwerfen: ungespeicherte Retro vom ${time}` })).toBeVisible();
    await offer.getByRole('button', { name: `Ungespeicherte Retro vom ${time} wiederherstellen` }).click();
    await expect(page.getByTestId('notice')).toContainText('„Projekt Atlas“ wiederhergestellt.');
    await expect(page.getByTestId('document-name')).toContainText('Ungespeicherte Änderungen');
    await expect(page.getByRole('textbox', { name: 'Projektname' })).toHaveValue('Projekt Atlas');
  });
});
