// Screenshots of the local room for people to look at (not a test of
// behaviour; room.spec.ts is): a phone's join screen, a phone mid-drawing,
// the facilitator's status view and the room screen with the join card and
// the timer, in English and German, the laptop and the room screen at
// 1366×768. The real room host on 127.0.0.1, as in room.spec.ts.
//
//   npx electron-vite build && npx playwright test -c playwright.shots.config.ts
//
// Written to reports/shots/issue-8/ (git-ignored).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { startRoomHost, type RoomHost } from '../../room/host';
import { addParticipant as withParticipant, createSession, serializeSession } from '../../renderer/domain';

type Language = 'en' | 'de';
import { openFile } from '../e2e/app';

const SHOTS = resolve(import.meta.dirname, '../../reports/shots/issue-8');
const BUNDLE = resolve(import.meta.dirname, '../../out/renderer');
const LAPTOP = { width: 1366, height: 768 };

const TEXT = {
  en: {
    locale: 'en-US',
    project: 'Atlas rollout',
    people: [['Anna Berg', 'sales'], ['Ben Okafor', 'sales'], ['Dirk Lange', 'ps'], ['Emma Roth', 'ps'], ['Finn Meyer', 'customer']],
    open: 'Open a session…',
    draw: /Draw/,
    openRoom: 'Open the room',
    timer: /Timer/,
    fiveMinutes: '5 min',
    present: 'Present',
    roomScreen: 'Room screen',
    presenter: /^Open presenter window/,
  },
  de: {
    locale: 'de-DE',
    project: 'Atlas-Einführung',
    people: [['Anna Berg', 'sales'], ['Ben Okafor', 'sales'], ['Dirk Lange', 'ps'], ['Emma Roth', 'ps'], ['Finn Meyer', 'customer']],
    open: 'Sitzung öffnen…',
    draw: /Zeichnen/,
    openRoom: 'Raum öffnen',
    timer: /Timer/,
    fiveMinutes: '5 Min.',
    present: 'Präsentieren',
    roomScreen: 'Raumbildschirm',
    presenter: /^Präsentationsfenster öffnen/,
  },
} as const;

let host: RoomHost;

test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  host = await startRoomHost({
    bundleDir: BUNDLE,
    appPort: 0,
    roomBindHost: '127.0.0.1',
    roomPort: 0,
    roomAddresses: () => [{ address: '127.0.0.1', interfaceName: 'lo', kind: 'loopback' }],
  });
});

test.afterAll(async () => {
  await host?.close();
});

async function sessionFile(language: Language): Promise<string> {
  const text = TEXT[language];
  let session = createSession(language, '2026-11-27');
  session = { ...session, project: { ...session.project, name: text.project } };
  const team = (role: string) => session.teams.find((t) => t.role === role)!.id;
  for (const [name, role] of text.people) session = withParticipant(session, name, team(role));
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-shots-'));
  const file = join(dir, `${text.project}.wavelength`);
  await writeFile(file, serializeSession(session));
  return file;
}

async function touchDraw(page: Page, y: (t: number) => number, from: number, to: number): Promise<void> {
  const chart = page.getByTestId('curve-chart');
  const box = (await chart.boundingBox())!;
  const plot = (await chart.getAttribute('data-plot'))!.split(',').map(Number) as [number, number, number, number];
  const at = (t: number) => ({ x: box.x + plot[0] + (plot[2] - plot[0]) * (from + (to - from) * t), y: box.y + plot[3] - (plot[3] - plot[1]) * y(t) });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
  for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i / 12)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function phone(browser: Browser, language: Language): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: TEXT[language].locale });
  return context.newPage();
}

for (const language of ['en', 'de'] as const) {
  test(`the room in ${language}`, async ({ browser }) => {
    test.setTimeout(240_000);
    const text = TEXT[language];
    const facilitatorContext = await browser.newContext({ viewport: LAPTOP, locale: text.locale });
    const laptop = await facilitatorContext.newPage();
    await laptop.goto(host.appUrl);
    await openFile(laptop, await sessionFile(language), text.open);
    await laptop.getByRole('button', { name: text.draw }).first().click();
    await laptop.getByRole('button', { name: text.openRoom }).click();
    const status = await expect.poll(() => host.controller.status()).toMatchObject({ open: true }).then(() => host.controller.status());
    if (!status.open) throw new Error('not open');

    await laptop.getByRole('button', { name: text.timer }).click();
    await laptop.getByRole('button', { name: text.fiveMinutes, exact: true }).click();
    await laptop.keyboard.press('Escape');

    // The room screen, as the browser build opens it.
    await laptop.getByRole('button', { name: text.present, exact: true }).click();
    const popup = laptop.context().waitForEvent('page');
    await laptop.getByRole('group', { name: text.roomScreen }).getByRole('button', { name: text.presenter }).click();
    const room = await popup;
    await room.setViewportSize(LAPTOP);
    await laptop.keyboard.press('Escape');

    const [anna, ben, dirk] = await Promise.all([phone(browser, language), phone(browser, language), phone(browser, language)]);
    await Promise.all([anna, ben, dirk].map((page) => page.goto(status.join.joinUrl)));
    await expect(anna.getByTestId('curve-chart').or(anna.getByRole('button', { name: /^Anna Berg/ }))).toBeVisible();
    await anna.screenshot({ path: join(SHOTS, `phone-join-${language}.png`) });
    for (const [page, name] of [[anna, 'Anna Berg'], [ben, 'Ben Okafor'], [dirk, 'Dirk Lange']] as const) {
      await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
      await expect(page.getByTestId('curve-chart')).toBeVisible();
    }
    await touchDraw(anna, (t) => 0.35 + 0.5 * t, 0.03, 0.55);
    await touchDraw(ben, (t) => 0.7 - 0.3 * t, 0.03, 0.97);
    await expect(anna.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
    await anna.screenshot({ path: join(SHOTS, `phone-drawing-${language}.png`) });
    await ben.getByTestId('submit-state').waitFor();
    await ben.getByRole('button', { name: /^(Submit my curve|Kurve abgeben)$/ }).click();
    await expect(ben.getByTestId('submit-state')).toHaveAttribute('data-state', 'submitted');

    await expect(room.getByTestId('room-join-card')).toBeVisible();
    await expect(room.getByTestId('room-timer')).toBeVisible();
    await laptop.waitForTimeout(500);
    await laptop.screenshot({ path: join(SHOTS, `facilitator-status-${language}.png`) });
    await room.screenshot({ path: join(SHOTS, `room-screen-${language}.png`) });
    if (language === 'en') await laptop.screenshot({ path: join(SHOTS, 'facilitator-status.png') });

    await laptop.getByRole('button', { name: language === 'en' ? 'Close the room' : 'Raum schließen' }).click();
    await expect(room.getByTestId('room-join-card')).toHaveCount(0);
    for (const page of [anna, ben, dirk]) await page.context().close();
    await facilitatorContext.close();
  });
}
