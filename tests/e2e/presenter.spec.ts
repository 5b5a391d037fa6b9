// The room screen: a second window that follows the facilitator live, with
// names anonymised on request, and the single-screen present mode driven by
// the keyboard. In the browser build the second window is a same-origin
// popup kept in step over a BroadcastChannel.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { addParticipant, chart, drawCurve, drawFor, openFile, startNewRetro } from './app';
import { expect, test } from './fixtures';
import { addParticipant as withParticipant, createSession, enthusiasm, serializeSession, setCurve, timePos } from '../../renderer/domain';

test.use({ locale: 'en-US' });

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../reports/screenshots');

/** The room window's chart, status and legend. */
const room = (page: Page) => ({
  chart: chart(page),
  status: page.getByTestId('room-status'),
  legend: page.getByTestId('room-legend'),
  card: page.getByTestId('room-card'),
});

const EN = { present: 'Present', menu: 'Room screen', open: /^Open presenter window/, region: 'Room screen' };
const DE = { present: 'Präsentieren', menu: 'Raumbildschirm', open: /^Präsentationsfenster öffnen/, region: 'Raumbildschirm' };

/** The top bar's Present menu, opened. */
async function presentMenu(page: Page, texts = EN) {
  const button = page.getByRole('button', { name: texts.present, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('group', { name: texts.menu });
}

/** Opens the presenter window from the Present menu; resolves with its page. */
async function openPresenter(page: Page, texts = EN): Promise<Page> {
  const menu = await presentMenu(page, texts);
  const popup = page.context().waitForEvent('page');
  await menu.getByRole('button', { name: texts.open }).click();
  const presenter = await popup;
  await presenter.waitForLoadState();
  await expect(presenter.getByRole('region', { name: texts.region })).toBeVisible();
  return presenter;
}

test('the presenter window follows the facilitator live and hides names when anonymised', async ({ page }) => {
  await page.goto('/');
  await startNewRetro(page);
  await addParticipant(page, 'Sam', 'Sales');
  await addParticipant(page, 'Sue', 'Sales');
  await addParticipant(page, 'Pat', 'PS');
  await addParticipant(page, 'Pia', 'PS');

  const presenter = await openPresenter(page);
  const r = room(presenter);
  // It shows the room view only: no facilitator controls at all.
  await expect(presenter.getByRole('toolbar')).toHaveCount(0);
  await expect(presenter.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await expect(presenter.getByRole('heading', { level: 1 })).toHaveText('How enthusiastic was the customer — as you experienced it?');
  await expect(r.card).toHaveText('The retro is being prepared');
  await expect(page.getByRole('button', { name: 'Present', exact: true }).locator('.present-menu__dot')).toHaveCount(1);

  // Drawing blind: the room learns whose turn it is, never a curve.
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await expect(r.card).toContainText('Who draws next?');
  await page.getByRole('button', { name: /^Sam\b/ }).click();
  await expect(r.card).toContainText('Over to Sam');
  await page.getByRole('button', { name: 'I am Sam — start drawing' }).click();
  await expect(r.card).toContainText('Sam is drawing');
  await expect(r.card).toContainText('The curves stay hidden until the reveal.');
  await drawCurve(page, (t) => 0.3 + 0.6 * t);
  await expect(chart(page)).toHaveAttribute('data-curve-count', '1');
  await expect(r.chart).toHaveAttribute('data-curve-count', '0');
  await page.getByRole('button', { name: 'Done — next person' }).click();
  await expect(r.status).toHaveText('1 of 4 has drawn');
  await drawFor(page, 'Sue', (t) => 0.4 + 0.5 * t);
  await drawFor(page, 'Pat', (t) => 0.2 + 0.3 * t, 0.45, 0.97);
  await drawFor(page, 'Pia', (t) => 0.8 - 0.6 * t + 0.5 * t * t);
  await expect(r.status).toHaveText('4 of 4 have drawn');
  await expect(r.chart).toHaveAttribute('data-curve-count', '0');

  // Reveal team by team: the room follows every step, forward and back.
  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await page.getByRole('radio', { name: 'Team by team' }).check();
  await expect(r.chart).toHaveAttribute('data-curve-count', '0');
  await expect(r.card).toHaveText('Ready to reveal');
  await page.getByRole('button', { name: 'Reveal Sales' }).click();
  await expect(r.chart).toHaveAttribute('data-curve-count', '2');
  await expect(r.status).toHaveText('2 of 4 curves revealed');
  await expect(r.legend.getByRole('listitem')).toHaveText(['Sam', 'Sue']);
  await page.keyboard.press('ArrowRight');
  await expect(r.chart).toHaveAttribute('data-curve-count', '4');
  await expect(r.legend.getByRole('listitem')).toHaveText(['Sam', 'Sue', 'Pat', 'Pia']);
  await page.keyboard.press('ArrowLeft');
  await expect(r.chart).toHaveAttribute('data-curve-count', '2');
  await page.keyboard.press('ArrowRight');
  await expect(r.chart).toHaveAttribute('data-curve-count', '4');

  // Hiding a person in the facilitator's legend hides them in the room too.
  await page.getByRole('checkbox', { name: 'Pia' }).uncheck();
  await expect(r.chart).toHaveAttribute('data-curve-count', '3');
  await expect(r.legend.getByRole('listitem')).toHaveText(['Sam', 'Sue', 'Pat']);
  await page.getByRole('checkbox', { name: 'Pia' }).check();
  await expect(r.chart).toHaveAttribute('data-curve-count', '4');

  // Anonymise: the room sees team labels, the facilitator keeps the names.
  const menu = await presentMenu(page);
  await menu.getByRole('switch', { name: 'Anonymise names for the room' }).check();
  await expect(r.legend.getByRole('listitem')).toHaveText(['Sales 1', 'Sales 2', 'PS 1', 'PS 2']);
  await expect(r.status).toContainText('Names hidden');
  for (const name of ['Sam', 'Sue', 'Pat', 'Pia']) {
    await expect(presenter.locator('body')).not.toContainText(name);
    await expect(page.getByRole('checkbox', { name })).toBeVisible();
  }
  await expect(r.chart).toHaveAttribute('data-curve-count', '4');

  // The legend can be taken off the room screen, and names come back.
  await menu.getByRole('switch', { name: 'Show the legend in the room' }).uncheck();
  await expect(r.legend).toHaveCount(0);
  await menu.getByRole('switch', { name: 'Show the legend in the room' }).check();
  await menu.getByRole('switch', { name: 'Anonymise names for the room' }).uncheck();
  await expect(r.legend.getByRole('listitem')).toHaveText(['Sam', 'Sue', 'Pat', 'Pia']);

  // Closing it from the facilitator's side.
  const closed = presenter.waitForEvent('close');
  await menu.getByRole('button', { name: /^Close presenter window/ }).click();
  await closed;
  await expect(menu.getByRole('button', { name: /^Open presenter window/ })).toBeVisible();
});

test('a presenter window opened late starts where the facilitator is, in the facilitator’s language', async ({ page }) => {
  await page.goto('/');
  await startNewRetro(page);
  await addParticipant(page, 'Kim', 'Customer');
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await drawFor(page, 'Kim', (t) => 0.5 + 0.3 * t);
  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');

  const presenter = await openPresenter(page, DE);
  await expect(room(presenter).chart).toHaveAttribute('data-curve-count', '1');
  await expect(room(presenter).status).toHaveText('1 von 1 Kurven aufgedeckt');
  await expect(room(presenter).legend.getByRole('listitem')).toHaveText(['Kim']);
});

test('present mode on a single screen: → and Space step the reveal, ← steps back, Esc leaves', async ({ page }) => {
  await page.goto('/');
  await startNewRetro(page);
  await addParticipant(page, 'Sam', 'Sales');
  await addParticipant(page, 'Pat', 'PS');
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await drawFor(page, 'Sam', (t) => 0.3 + 0.6 * t);
  await drawFor(page, 'Pat', (t) => 0.7 - 0.3 * t);
  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await page.getByRole('radio', { name: 'One by one' }).check();

  await page.keyboard.press('F5');
  const present = page.getByTestId('present-mode');
  await expect(present).toBeVisible();
  // The facilitator's screen is inert underneath.
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  await expect(present.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '0');
  await expect(present.getByTestId('room-card')).toHaveText('Ready to reveal');
  await page.keyboard.press('ArrowRight');
  await expect(present.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
  await expect(present.getByTestId('room-legend').getByRole('listitem')).toHaveText(['Sam']);
  await page.keyboard.press(' ');
  await expect(present.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(present.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
  await page.keyboard.press('PageDown');
  await expect(present.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '2');

  // The key hint fades out in 4 s, and then is gone: not left invisible over the legend.
  await expect(present.locator('.present-mode__hint')).toBeHidden({ timeout: 6000 });

  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
  await expect(page.getByTestId('reveal-status')).toHaveText('2 of 2 curves revealed');
  await expect(chart(page)).toHaveAttribute('data-curve-count', '2');

  // The same from the Present menu, and its leave button.
  const menu = await presentMenu(page);
  await menu.getByRole('button', { name: /^Present on this screen/ }).click();
  await expect(present).toBeVisible();
  await present.getByRole('button', { name: 'Leave present mode (Esc)' }).click();
  await expect(present).toHaveCount(0);
});

/** A twelve-person retro (five Sales, five PS, two from the customer), every curve drawn. */
function twelvePersonSession(): string {
  let session = createSession('en', '2026-11-27');
  session = { ...session, project: { ...session.project, name: 'CRM rollout Nordwind' } };
  const team = (role: string) => session.teams.find((t) => t.role === role)!.id;
  const people: [string, string][] = [
    ['Anna', 'sales'], ['Bernd', 'sales'], ['Carla', 'sales'], ['David', 'sales'], ['Emil', 'sales'],
    ['Frieda', 'ps'], ['Greta', 'ps'], ['Hannes', 'ps'], ['Ida', 'ps'], ['Jonas', 'ps'],
    ['Kim', 'customer'], ['Lea', 'customer'],
  ];
  for (const [name, role] of people) session = withParticipant(session, name, team(role));
  const roundId = session.rounds[0]!.id;
  session.participants.forEach((p, i) => {
    const sales = i < 5;
    const ps = i >= 5 && i < 10;
    const shift = (i % 5) * 0.035;
    const level = (t: number) => {
      if (sales) return 0.35 + 0.55 * Math.min(1, t / 0.35) - (t > 0.38 ? 0.55 * Math.min(1, (t - 0.38) / 0.15) : 0) + 0.25 * Math.max(0, t - 0.55);
      if (ps) return 0.3 + 0.15 * t + 0.35 * Math.max(0, t - 0.5) - 0.12 * Math.exp(-((t - 0.45) ** 2) / 0.004);
      return 0.5 + 0.2 * Math.sin(t * 5) - 0.1 * t;
    };
    const from = ps ? 0.3 + (i % 2) * 0.08 : 0;
    const points = Array.from({ length: 25 }, (_, k) => from + ((1 - from) * k) / 24).map(
      (t) => [timePos(t), enthusiasm(Math.min(1, Math.max(0, level(t) + shift - 0.07)))] as const,
    );
    session = setCurve(session, p.id, roundId, points);
  });
  return serializeSession(session);
}

test('screenshot: the presenter window at 1920×1080, readable from the back of the room', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-presenter-'));
  const file = join(dir, 'CRM rollout Nordwind.wavelength');
  await writeFile(file, twelvePersonSession());
  await page.goto('/');
  await startNewRetro(page);
  await openFile(page, file);
  await expect(chart(page)).toHaveAttribute('data-curve-count', '12');

  const presenter = await openPresenter(page);
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await expect(room(presenter).chart).toHaveAttribute('data-curve-count', '12');
  await expect(room(presenter).legend.getByRole('listitem')).toHaveCount(12);
  await presenter.evaluate('document.fonts.ready.then(() => true)');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await presenter.screenshot({ path: join(SCREENSHOT_DIR, 'presenter-1920x1080.png') });

  // Anonymised, highlighting one team as the compare view can.
  const menu = await presentMenu(page);
  await menu.getByRole('switch', { name: 'Anonymise names for the room' }).check();
  await expect(room(presenter).legend.getByRole('listitem').first()).toHaveText('Sales 1');
  await presenter.screenshot({ path: join(SCREENSHOT_DIR, 'presenter-anonymous-1920x1080.png') });

  // Drawing, seen from the room: the curtain card over an empty chart.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await page.getByRole('button', { name: /^Anna\b/ }).click();
  await expect(room(presenter).card).toContainText('Over to Sales 1');
  await presenter.screenshot({ path: join(SCREENSHOT_DIR, 'presenter-curtain-1920x1080.png') });
});

test('the room follows the compare view: team means with bands, and the facilitator’s highlight', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Overstretched/ }).click();
  await expect(page.getByRole('button', { name: /Compare/ }).first()).toHaveAttribute('aria-current', 'step');

  const presenter = await openPresenter(page);
  const r = room(presenter);
  await expect(presenter.getByTestId('room-view')).toHaveAttribute('data-screen', 'compare');
  await expect(r.status).toHaveText('Comparing the curves');
  await expect(r.chart).toHaveAttribute('data-curve-count', '7');
  await expect(r.legend.getByTestId('room-mean')).toHaveText(['Sales (3 curves)', 'PS (3 curves)', 'Kunde (1 curve)']);

  // A team highlighted on the laptop is highlighted in the room.
  await page.getByTestId('team-table').getByRole('button', { name: 'Highlight Sales' }).click();
  await expect(r.legend.locator('.room__mean.room__member--highlighted')).toHaveText(/^Sales/);
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.evaluate('document.fonts.ready.then(() => true)');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await presenter.screenshot({ path: join(SCREENSHOT_DIR, 'presenter-compare-1920x1080.png') });

  // Back to the overlay: the means leave the room screen.
  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await expect(presenter.getByTestId('room-view')).toHaveAttribute('data-screen', 'reveal');
  await expect(r.legend.getByTestId('room-mean')).toHaveCount(0);
});

test('the room shows the gap, the handover drops, the disagreement spans and the notes; discuss lists the notes, authors hidden when anonymised', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Overstretched/ }).click();
  await expect(page.getByRole('button', { name: /Compare/ }).first()).toHaveAttribute('aria-current', 'step');

  const presenter = await openPresenter(page);
  const fallbacks: string[] = [];
  presenter.on('console', (m) => {
    if (m.text().includes("cannot be drawn off the page's thread")) fallbacks.push(m.text());
  });
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  const r = room(presenter);
  const roomChart = presenter.getByTestId('room-chart');
  await expect(presenter.getByTestId('room-view')).toHaveAttribute('data-screen', 'compare');

  // What the facilitator's compare chart shows: the Sales–PS gap strip, the drops with their size, the spans, the note pins.
  await expect(roomChart).toHaveAttribute('data-gap', 'Sales − PS');
  await expect(roomChart).toHaveAttribute('data-drops', '2');
  await expect(roomChart).toHaveAttribute('data-spans', '1');
  await expect(roomChart).toHaveAttribute('data-notes', '3');
  await expect(r.chart).toHaveAttribute('aria-label', /Drop after the handover: Sales −\d\.\d, PS −\d\.\d\./);
  await expect(r.chart).toHaveAttribute('aria-label', /Spans where the group disagrees: 1 [^.]+\./);
  await expect(r.legend.getByTestId('room-gap')).toHaveText(/^Gap Sales − PS:\s*Sales higher\s*PS higher$/);
  await expect(r.legend.getByTestId('room-spans').getByRole('listitem')).toHaveCount(1);
  await presenter.evaluate('document.fonts.ready.then(() => true)');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await presenter.screenshot({ path: join(SCREENSHOT_DIR, 'presenter-compare-gap-spans-1920x1080.png') });

  // The facilitator's switches: spans off and on again, notes off.
  const spans = page.getByRole('checkbox', { name: 'Disagreement spans' });
  await spans.uncheck();
  await expect(roomChart).toHaveAttribute('data-spans', '0');
  await expect(r.legend.getByTestId('room-spans')).toHaveCount(0);
  await expect(r.chart).not.toHaveAttribute('aria-label', /Spans where the group disagrees/);
  await expect(roomChart).toHaveAttribute('data-gap', 'Sales − PS');
  await spans.check();
  await expect(roomChart).toHaveAttribute('data-spans', '1');
  await page.getByRole('checkbox', { name: 'Notes', exact: true }).uncheck();
  await expect(roomChart).toHaveAttribute('data-notes', '0');
  await page.getByRole('checkbox', { name: 'Notes', exact: true }).check();
  await expect(roomChart).toHaveAttribute('data-notes', '3');

  // Discuss: the chart with the note pins and the notes as a numbered list; no forms, no compare figures.
  await page.getByRole('button', { name: /Discuss/ }).first().click();
  await expect(presenter.getByTestId('room-view')).toHaveAttribute('data-screen', 'discuss');
  const notes = presenter.getByTestId('room-notes').getByRole('listitem');
  await expect(notes).toHaveCount(3);
  await expect(notes.nth(0)).toContainText('Demo mit Funktionen gezeigt, die erst in Release 3 kommen');
  await expect(presenter.getByTestId('room-note-meta')).toHaveText([/· by Bernd$/, /· by David$/, /^Insight · .* · by Frieda$/]);
  await expect(roomChart).toHaveAttribute('data-notes', '3');
  await expect(roomChart).not.toHaveAttribute('data-gap');
  await expect(roomChart).toHaveAttribute('data-drops', '0');
  await expect(presenter.getByRole('textbox')).toHaveCount(0);
  await expect(presenter.getByRole('button', { name: /note/i })).toHaveCount(0);
  await presenter.evaluate('document.fonts.ready.then(() => true)');
  await presenter.screenshot({ path: join(SCREENSHOT_DIR, 'presenter-discuss-1920x1080.png') });

  // Anonymised: the authors become their labels; no name reaches the room window.
  const menu = await presentMenu(page);
  await menu.getByRole('switch', { name: 'Anonymise names for the room' }).check();
  await expect(presenter.getByTestId('room-note-meta')).toHaveText([/· by Sales 2$/, /· by PS 1$/, /· by PS 3$/]);
  for (const name of ['Anna', 'Bernd', 'Carla', 'David', 'Emil', 'Frieda', 'Greta']) {
    await expect(presenter.locator('body')).not.toContainText(name);
    await expect(r.chart).not.toHaveAttribute('aria-label', new RegExp(name));
  }
  await presenter.screenshot({ path: join(SCREENSHOT_DIR, 'presenter-discuss-anonymous-1920x1080.png') });

  // Everything the room chart drew (gap strip, drops, spans, pins, text) the layer-raster worker could draw:
  // no layer went back to the page's thread, and the five layers are shown through one canvas.
  await expect(presenter.locator('canvas[data-layer-display]')).toHaveCount(1);
  await expect(presenter.locator('canvas[data-layer-display]:not([data-raster="worker"])')).toHaveCount(0);
  expect(fallbacks).toEqual([]);
});

test('a clicker whose keys land in the presenter window steps the facilitator’s reveal', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Warm handover/ }).click();
  await page.getByRole('button', { name: /Reveal/ }).first().click();
  await page.getByRole('radio', { name: 'One by one' }).check();
  await expect(page.getByTestId('reveal-status')).toHaveText('0 of 5 curves revealed');

  const presenter = await openPresenter(page);
  await presenter.bringToFront();
  // PageDown is what presentation clickers send; → and Space work too.
  await presenter.keyboard.press('PageDown');
  await expect(page.getByTestId('reveal-status')).toHaveText('1 of 5 curves revealed');
  await expect(room(presenter).chart).toHaveAttribute('data-curve-count', '1');
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('ArrowRight');
  await expect(page.getByTestId('reveal-status')).toHaveText('3 of 5 curves revealed');
  await presenter.keyboard.press('PageUp');
  await expect(page.getByTestId('reveal-status')).toHaveText('2 of 5 curves revealed');
  await expect(room(presenter).chart).toHaveAttribute('data-curve-count', '2');
});
