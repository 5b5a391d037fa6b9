// Desktop conventions and "carry on next time" (issue 10), driven in the real
// renderer: a file dropped on the window, the chart copied to the clipboard,
// About and the shortcuts, the next retro from this one, the action items'
// CSV, and — through the Electron platform door, with the preload's API
// played by the page — the recent files and main's clipboard channel.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { saveWith } from './app';

test.use({ locale: 'en-US' });

const SAMPLE = resolve('assets/samples/overstretched.wavelength');
const TRUNCATED = resolve('tests/fixtures/truncated.wavelength');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Drop files on the window the way a file manager does: dragenter, dragover
 * and drop carrying a DataTransfer with real files' bytes.
 */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = JSON.stringify(files.map((f) => ({ name: f.name, data: [...f.bytes] })));
  // A string runs in the page; this file is typed without the DOM library.
  await page.evaluate(`(() => {
    const transfer = new DataTransfer();
    for (const f of ${payload}) transfer.items.add(new File([new Uint8Array(f.data)], f.name));
    const target = document.querySelector('.view') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  })()`);
}

const documentName = (page: Page) => page.getByTestId('document-name');

test.describe('drop a session file on the window', () => {
  test('opens a dropped .wavelength file, refuses another type and a broken file, and keeps the open session', async ({ page }) => {
    await page.goto('/');
    await dropFiles(page, [{ name: 'overstretched.wavelength', bytes: await readFile(SAMPLE) }]);
    await expect(page.getByTestId('notice')).toContainText('overstretched.wavelength');
    await expect(documentName(page)).toHaveText('CRM-Einführung');
    await expect(page.getByRole('dialog', { name: 'Wavelength' })).toHaveCount(0);

    // Another type: refused with the reason, nothing asked, the session as it was.
    await dropFiles(page, [{ name: 'notes.txt', bytes: Buffer.from('hello') }]);
    await expect(page.getByRole('alert')).toContainText('“notes.txt” is not a Wavelength session');
    await expect(documentName(page)).toHaveText('CRM-Einführung');

    // A broken session file: the file format's own message, the session as it was.
    await dropFiles(page, [{ name: 'truncated.wavelength', bytes: await readFile(TRUNCATED) }]);
    await expect(page.getByRole('alert')).toContainText('“truncated.wavelength” could not be opened');
    await expect(page.getByRole('alert')).toContainText('your current session is as it was');
    await expect(documentName(page)).toHaveText('CRM-Einführung');

    // Two files at once: one at a time.
    await dropFiles(page, [
      { name: 'a.wavelength', bytes: await readFile(SAMPLE) },
      { name: 'b.wavelength', bytes: await readFile(SAMPLE) },
    ]);
    await expect(page.getByRole('alert')).toContainText('Drop one session file at a time.');
  });

  test('asks about unsaved changes first, and keeps them when the user cancels', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Start a new retro' }).click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('Unsaved Atlas');
    await page.getByRole('textbox', { name: 'Project name' }).press('Tab');
    await expect(documentName(page)).toContainText('Unsaved Atlas');

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await dropFiles(page, [{ name: 'overstretched.wavelength', bytes: await readFile(SAMPLE) }]);
    await expect.poll(() => asked).toContain('Unsaved changes');
    await expect(documentName(page)).toContainText('Unsaved Atlas');

    page.once('dialog', (dialog) => void dialog.accept());
    await dropFiles(page, [{ name: 'overstretched.wavelength', bytes: await readFile(SAMPLE) }]);
    await expect(documentName(page)).toHaveText('CRM-Einführung');
  });
});

test.describe('copy the chart as a picture', () => {
  test('the browser build puts the chart PNG on the clipboard (Ctrl+Shift+C)', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.getByRole('button', { name: /Overstretched/ }).click();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.keyboard.press('Control+Shift+C');
    await expect(page.getByTestId('notice')).toHaveText(/The chart is on the clipboard/);
    const copied = await page.evaluate<{ head: number[]; width: number; height: number } | null>(`(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return null;
      const bytes = new Uint8Array(await (await item.getType('image/png')).arrayBuffer());
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      return { head: [...bytes.slice(0, 8)], width: bitmap.width, height: bitmap.height };
    })()`);
    expect(copied?.head).toEqual(PNG_SIGNATURE);
    // The 2× export of the chart: wider than tall, and far larger than an icon.
    expect(copied!.width).toBeGreaterThan(1500);
    expect(copied!.width).toBeGreaterThan(copied!.height);

    // A browser without a clipboard for pictures (a page served over plain http from another machine has no
    // navigator.clipboard at all): it says so and offers the PNG export.
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.evaluate("Object.defineProperty(navigator, 'clipboard', { value: undefined })");
    await page.keyboard.press('Control+Shift+C');
    await expect(page.getByRole('alert')).toContainText('This browser cannot put pictures on the clipboard');
    await page.getByRole('alert').getByRole('button', { name: 'Export PNG…' }).click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
  });
});


test('About shows the version from package.json, F1 the shortcuts from the command table', async ({ page }) => {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  await page.goto('/');
  await page.getByRole('button', { name: 'About & shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'About Wavelength' });
  await expect(dialog.getByTestId('app-version')).toHaveText(`Version ${version}`);
  await expect(dialog.getByRole('row', { name: /Copy chart as image/ })).toContainText('Ctrl+Shift+C');
  await expect(dialog.getByRole('row', { name: /^Save as/ })).toContainText('Ctrl+Shift+S');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'About Wavelength' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'About Wavelength' })).toHaveCount(0);
});

test('a new retro from this one keeps the people, starts empty and carries the open action items over', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Overstretched/ }).click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: /Discuss/ }).first().click();
  // Tick one of the two open items off: it stays behind.
  await page.getByRole('checkbox', { name: /^Demo-Skript/ }).check();
  // That is an unsaved change: asked about first, as for New; the user lets it go.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Start the next retro from this one' }).click();
  await expect.poll(() => asked).toContain('Unsaved changes');

  await expect(page.getByTestId('notice')).toContainText('A new retro from “CRM-Einführung”: 1 open action item is carried over for review.');
  // A fresh, untitled and unsaved session, in Set up.
  await expect(documentName(page)).toContainText('Untitled');
  await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Name of Anna' })).toBeVisible();
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await expect(page.getByText(/0 of 7/)).toBeVisible();
  await page.getByRole('button', { name: /Discuss/ }).first().click();
  const rows = page.getByTestId('actions').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('carried-over')).toHaveText('carried over from “CRM-Einführung” (Nov 27, 2026)');
});

test('the action items as a CSV of their own, from the export dialog', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Overstretched/ }).click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  await dialog.getByRole('combobox', { name: 'Contents' }).selectOption({ label: 'The action items' });
  const { download, text } = await saveWith(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  expect(download.suggestedFilename()).toBe('CRM-Einführung – action items.csv');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('What,Who,By when,Done,Carried over from');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/^Warme Übergabe/);
  expect(lines[1]).toMatch(/,no,$/);
});

/**
 * The facilitator's window as the Electron preload sets it up: `window.wavelength`
 * with the main role's channels, played here by the page (main itself is
 * unit-tested with the fake electron module). Every call is recorded.
 */
function fakePreload(sessionText: string): string {
  return `(() => {
    const calls = [];
    window.__calls = calls;
    const recent = [
      { recentId: 'r1', fileName: 'CRM-Einführung.wavelength', folder: '/home/anna/Retros/2026' },
      { recentId: 'r2', fileName: 'Serviceportal Relaunch.wavelength', folder: '/home/anna/Retros/2025' },
    ];
    const answers = {
      readAutosave: { kind: 'none' },
      takeLaunchFile: { kind: 'none' },
      listRecent: recent,
      openRecent: { kind: 'opened', fileId: 'file-r1', fileName: 'CRM-Einführung.wavelength', text: ${JSON.stringify(sessionText)} },
      copyImage: { kind: 'copied' },
      listDisplays: [],
      roomStatus: { open: false, problem: null },
    };
    const record = (name) => (...args) => {
      calls.push([name, args.map((a) => (a && a.png instanceof Uint8Array ? { pngHead: [...a.png.slice(0, 8)], pngBytes: a.png.byteLength } : a))]);
      return Promise.resolve(answers[name]);
    };
    const api = { role: 'main' };
    for (const name of ['openSession', 'saveSession', 'confirmUnsaved', 'takeLaunchFile', 'writeAutosave', 'readAutosave', 'clearAutosave',
      'exportPdf', 'exportFile', 'listDisplays', 'openPresenter', 'listRecent', 'openRecent', 'clearRecent', 'copyImage', 'roomStatus']) api[name] = record(name);
    for (const name of ['setDocumentState', 'setNativeTexts', 'closeWindow', 'closePresenter', 'publishRoomState', 'setFullScreen', 'roomCommand']) {
      api[name] = (...args) => { calls.push([name, args]); };
    }
    for (const name of ['onCommand', 'onOpenFile', 'onPresenterStatus', 'onFullScreenChange', 'onRecentChanged', 'onRoomEvent']) api[name] = () => () => undefined;
    window.wavelength = Object.freeze(api);
  })()`;
}

test.describe('through the Electron platform door', () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(fakePreload(await readFile(SAMPLE, 'utf8')));
  });

  const calls = (page: Page, name: string) => page.evaluate<unknown[][]>(`window.__calls.filter((c) => c[0] === ${JSON.stringify(name)}).map((c) => c[1])`);

  test('the start screen lists the recent files main keeps and opens one by its id; Copy chart hands main the PNG', async ({ page }) => {
    await page.goto('/');
    const list = page.getByTestId('recent-files');
    await expect(list.getByRole('button')).toHaveCount(2);
    await page.getByRole('button', { name: 'Open CRM-Einführung.wavelength from /home/anna/Retros/2026' }).click();
    await expect(documentName(page)).toHaveText('CRM-Einführung');
    expect(await calls(page, 'openRecent')).toEqual([['r1']]);
    // The window title and main's document state name the file by its id, for the macOS title bar.
    await expect.poll(async () => (await calls(page, 'setDocumentState')).at(-1)).toEqual([{ title: 'CRM-Einführung.wavelength — Wavelength', dirty: false, fileId: 'file-r1' }]);

    // Copy chart: the page makes the PNG and hands it to main; it never touches the clipboard itself.
    await page.evaluate("Object.defineProperty(navigator, 'clipboard', { get() { throw new Error('the page used the clipboard'); } })");
    await page.keyboard.press('Control+Shift+C');
    await expect(page.getByTestId('notice')).toHaveText(/The chart is on the clipboard/);
    const [[request]] = (await calls(page, 'copyImage')) as [[{ pngHead: number[]; pngBytes: number }]];
    expect(request.pngHead).toEqual(PNG_SIGNATURE);
    expect(request.pngBytes).toBeGreaterThan(20_000);
  });
});

test.describe('dark mode (the OS setting)', () => {
  test.use({ colorScheme: 'dark' });

  test('the facilitator’s screens follow it and pass axe-core’s WCAG 2.1 AA checks; the room view stays light', async ({ page }) => {
    // Each axe run takes seconds on a shared two-core machine: the screens with the most controls and colours
    // (every screen of the light theme is checked in accessibility.spec.ts).
    test.setTimeout(180_000);
    const violations = async (): Promise<string[]> => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    // A string runs in the page; this file is typed without the DOM library.
    const background = (selector: string) => page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).backgroundColor`);
    await page.goto('/');
    expect(await background('html')).toBe('rgb(20, 24, 31)');
    expect(await violations(), 'start screen').toEqual([]);
    await page.getByRole('button', { name: /Overstretched/ }).click();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    for (const step of ['Set up', 'Compare', 'Discuss']) {
      await page.getByRole('button', { name: new RegExp(step) }).first().click();
      expect(await violations(), step).toEqual([]);
    }
    await page.keyboard.press('F1');
    expect(await violations(), 'About').toEqual([]);
    await page.keyboard.press('Escape');
    // The room view on this screen: its own high-contrast theme, black on white.
    await page.keyboard.press('F5');
    expect(await background('.room')).toBe('rgb(255, 255, 255)');
  });
});
