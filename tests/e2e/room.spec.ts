// The local room end to end, with the real room server on 127.0.0.1: the
// browser build and the room host exactly as `npm run room` starts them
// (room/host.ts), one facilitator page and six phones (touch, phone
// viewports) that draw at the same time. The room answers to 127.0.0.1 only
// (its advertised address in these tests), and every connection goes there.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect as baseExpect, test } from '@playwright/test';
import { startRoomHost, type RoomHost } from '../../room/host';
import { addParticipant as withParticipant, createSession, serializeSession } from '../../renderer/domain';
import { MAX_DEVICE_MESSAGE_BYTES } from '../../shared/room-protocol';
import { connectDevice } from '../room/client';
import { openFile } from './app';

const BUNDLE = resolve(import.meta.dirname, '../../out/renderer');
const PEOPLE: [string, 'sales' | 'ps' | 'customer'][] = [
  ['Anna', 'sales'],
  ['Ben', 'sales'],
  ['Carla', 'sales'],
  ['Dirk', 'ps'],
  ['Emma', 'ps'],
  ['Finn', 'customer'],
];

test.use({ locale: 'en-US' });
// Seven pages share two cores with everything else: each step may take longer than the usual 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Console errors, page errors, failed requests, CSP violations and connections anywhere but the two local servers. */
interface Problems {
  list: string[];
}
async function watch(context: BrowserContext, origins: string[], problems: Problems, label: string): Promise<void> {
  const local = (url: string) => url.startsWith('data:') || url === 'about:blank' || origins.some((o) => url.startsWith(o) || url.startsWith(o.replace('http:', 'ws:')));
  // Watched, not intercepted: routing every request through the test process slows seven pages down a lot on a
  // busy machine. Both pages' CSP already stop a request elsewhere before it leaves (and say so on the console).
  context.on('request', (request) => !local(request.url()) && problems.list.push(`${label}: external request ${request.url()}`));
  context.on('page', (page) => {
    page.on('websocket', (ws) => !local(ws.url()) && problems.list.push(`${label}: WebSocket ${ws.url()}`));
  });
  context.on('console', (message) => {
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) problems.list.push(`${label}: console ${message.text()}`);
  });
  context.on('weberror', (error) => problems.list.push(`${label}: ${error.error().message}`));
  context.on('response', (response) => response.status() >= 400 && problems.list.push(`${label}: HTTP ${response.status()} ${response.url()}`));
}

/** A finger drawing on the chart: real touch events (CDP), so the page sees pointerType "touch". */
async function touchDraw(page: Page, y: (t: number) => number, from: number, to: number, steps = 10): Promise<void> {
  const box = await page.getByTestId('curve-chart').boundingBox();
  if (!box) throw new Error('chart not visible');
  const plot = (await page.getByTestId('curve-chart').getAttribute('data-plot'))!.split(',').map(Number) as [number, number, number, number];
  const at = (t: number) => ({
    x: box.x + plot[0] + (plot[2] - plot[0]) * (from + (to - from) * t),
    y: box.y + plot[3] - (plot[3] - plot[1]) * y(t),
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i / steps)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const target = new URL(url);
    const req = httpRequest({ host: '127.0.0.1', port: target.port, path: target.pathname, headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

async function sessionFile(): Promise<string> {
  let session = createSession('en', '2026-11-27');
  session = { ...session, project: { ...session.project, name: 'Room test' } };
  const team = (role: string) => session.teams.find((t) => t.role === role)!.id;
  for (const [name, role] of PEOPLE) session = withParticipant(session, name, team(role));
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-room-'));
  const file = join(dir, 'Room test.wavelength');
  await writeFile(file, serializeSession(session));
  return file;
}

async function phone(browser: Browser, origins: string[], problems: Problems, label: string): Promise<{ context: BrowserContext; page: Page }> {
  // A Pixel 7 (touch, mobile viewport), at device pixel ratio 1 to spare the test machine seven times the canvas pixels.
  const context = await browser.newContext({ ...devices['Pixel 7'], deviceScaleFactor: 1, locale: 'en-US' });
  await watch(context, origins, problems, label);
  return { context, page: await context.newPage() };
}

let host: RoomHost;

test.beforeAll(async () => {
  host = await startRoomHost({
    bundleDir: BUNDLE,
    appPort: 0,
    // Bind and advertise 127.0.0.1 only: no test traffic ever goes to another address.
    roomBindHost: '127.0.0.1',
    roomPort: 0,
    roomAddresses: () => [{ address: '127.0.0.1', interfaceName: 'lo', kind: 'loopback' }],
  });
});

test.afterAll(async () => {
  await host?.close();
});

test('six phones draw at the same time, blind; the facilitator sees states, reveals all six; hostile messages change nothing', async ({ browser }) => {
  // Seven browser contexts on a small machine: generous, so a busy machine slows the test down instead of failing it.
  test.setTimeout(300_000);
  const problems: Problems = { list: [] };

  // ── The facilitator opens the retro and the room ─────────────────────
  const facilitatorContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  await watch(facilitatorContext, [host.origin], problems, 'facilitator');
  const laptop = await facilitatorContext.newPage();
  await laptop.goto(host.appUrl);
  // The control secret leaves the address bar at once.
  await expect.poll(() => laptop.url()).not.toContain('room-control');
  await openFile(laptop, await sessionFile(), 'Open a session…');
  await laptop.getByRole('button', { name: /Draw/ }).first().click();
  await laptop.getByRole('button', { name: 'Open the room' }).click();
  const panel = laptop.getByTestId('room-panel');
  await expect(panel.getByTestId('room-code')).toHaveText(/^[A-Z2-9]{6}$/);
  const status = host.controller.status();
  if (!status.open) throw new Error('the room did not open');
  const roomOrigin = `http://127.0.0.1:${status.join.port}`;
  await expect(panel.getByTestId('room-url')).toHaveText(roomOrigin);
  await expect(panel.getByTestId('room-test-result')).toHaveText('No device has reached the room yet.');
  const origins = [host.origin, roomOrigin];

  // A timebox for the drawing.
  await laptop.getByRole('button', { name: /Timer/ }).click();
  await laptop.getByRole('button', { name: '5 min', exact: true }).click();
  await laptop.keyboard.press('Escape');

  // ── Six phones join: five by the QR link, one by typing the address and the code ──
  const phones = await Promise.all(PEOPLE.map(([name]) => phone(browser, origins, problems, name)));
  await Promise.all(phones.slice(0, 5).map(({ page }) => page.goto(status.join.joinUrl)));
  const [anna, ben, carla, dirk, emma, finn] = phones.map((p) => p.page) as [Page, Page, Page, Page, Page, Page];
  await finn.goto(roomOrigin);
  await finn.getByRole('textbox', { name: 'Room code' }).fill(status.join.code.toLowerCase());
  await finn.getByRole('button', { name: 'Join' }).click();
  await expect(finn.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await expect(panel.getByTestId('room-test-result')).toContainText('A device reached the room at');
  // The secret leaves the phone's address bar too.
  expect(anna.url()).toBe(`${roomOrigin}/`);
  await expect(anna.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  // Before drawing, the phone says whether names stay with the curves on the room screen.
  await expect(anna.getByText('On the room screen your curve will be shown with your name.')).toBeVisible();

  await Promise.all(
    PEOPLE.slice(0, 5).map(async ([name], i) => {
      await phones[i]!.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
      await expect(phones[i]!.page.getByText(`You are ${name}`)).toBeVisible();
    }),
  );

  // Finn tries Anna's name: a second device on a taken name waits for the facilitator, who declines.
  await finn.getByRole('button', { name: /^Anna/ }).click();
  await expect(finn.getByRole('heading', { name: 'Waiting for the facilitator' })).toBeVisible();
  const request = panel.getByTestId('room-request');
  await expect(request).toHaveText(/Another device says it is Anna\./);
  await request.getByRole('button', { name: 'Decline' }).click();
  await expect(finn.getByTestId('device-refusal')).toHaveAttribute('data-reason', 'declined');
  await expect(anna.getByText('You are Anna')).toBeVisible();
  await finn.getByRole('button', { name: /^Finn/ }).click();
  await expect(finn.getByText('You are Finn')).toBeVisible();

  const personState = (name: string) => laptop.getByRole('button', { name: new RegExp(`^${name}\\b`) }).getByTestId('room-person-state');
  for (const [name] of PEOPLE) await expect(personState(name)).toHaveAttribute('data-state', 'joined');
  // The timer runs on the phones too.
  await expect(anna.getByTestId('timer-face')).toHaveText(/^\d+:\d\d/);

  // ── Everyone draws at once ───────────────────────────────────────────
  const shapes = [
    (t: number) => 0.3 + 0.6 * t,
    (t: number) => 0.8 - 0.5 * t,
    (t: number) => 0.5 + 0.3 * Math.sin(t * 6),
    (t: number) => 0.2 + 0.2 * t,
    (t: number) => 0.9 - 0.7 * t * t,
    (t: number) => 0.6,
  ];
  // Ben draws only the first half for now; the others draw it all.
  await Promise.all(phones.map(({ page }, i) => touchDraw(page, shapes[i]!, 0.02, i === 1 ? 0.5 : 0.98)));
  for (const { page } of phones) await expect(page.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
  await expect(personState('Carla')).toHaveAttribute('data-state', 'drawing');

  // Ben's phone reloads mid-curve (a lock, a crash): he comes back as Ben with his half curve.
  await ben.reload();
  await expect(ben.getByText('You are Ben')).toBeVisible();
  await expect(ben.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
  await touchDraw(ben, (t) => 0.55 - 0.3 * t, 0.5, 0.98);

  // Emma's phone drops out before submitting; the facilitator sees it.
  const emmaContext = phones[4]!.context;
  await emma.close();
  await expect(personState('Emma')).toHaveAttribute('data-state', 'dropped');

  // Everyone else submits at the same time.
  const submitters = [anna, ben, carla, dirk, finn];
  await Promise.all(submitters.map((page) => page.getByRole('button', { name: 'Submit my curve' }).click()));
  for (const page of submitters) await expect(page.getByTestId('submit-state')).toHaveAttribute('data-state', 'submitted');
  await expect(anna.getByText('Look at the room screen.')).toBeVisible();
  for (const name of ['Anna', 'Ben', 'Carla', 'Dirk', 'Finn']) await expect(personState(name)).toHaveAttribute('data-state', 'submitted');

  // Emma comes back (typed address, no link): her token and her drawing were kept on the phone.
  const emmaAgain = await emmaContext.newPage();
  await emmaAgain.goto(roomOrigin);
  await expect(emmaAgain.getByText('You are Emma')).toBeVisible();
  await expect(emmaAgain.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '1');
  await expect(emmaAgain.getByTestId('submit-state')).toHaveAttribute('data-state', 'notSubmitted');
  await expect(personState('Emma')).toHaveAttribute('data-state', 'drawing');

  // The facilitator's status view: states, never a curve.
  await expect(laptop.getByTestId('curve-chart')).toHaveCount(0);

  // ── Hostile devices: refused with a reason, and nothing changes ──────
  const drawnBefore = await laptop.getByTestId('drawn-count').textContent();
  const intruder = await connectDevice(status.join.port);
  intruder.send({ type: 'hello', auth: { kind: 'token', token: 'A'.repeat(22) } });
  expect((await intruder.next('refused')).reason).toBe('badToken');
  intruder.send({ type: 'hello', auth: { kind: 'link', key: new URL(status.join.joinUrl).hash.slice(3) } });
  const welcome = await intruder.next('welcome');
  // What a device learns: the round and the pick list, never who has drawn or anyone's curve.
  expect(JSON.stringify(welcome)).not.toContain('drawnIds');
  expect(welcome.self.submitted).toBeNull();
  const roundId = welcome.room.round!.round.id;
  const annaId = welcome.room.round!.people.find((p) => p.name === 'Anna')!.id;
  intruder.send({ type: 'claim', participantId: 'nobody' });
  expect((await intruder.next('refused')).reason).toBe('unknownPerson');
  // Submitting for Anna without being her is someone else's curve.
  intruder.send({ type: 'submit', roundId, participantId: annaId, points: [[0, 0], [1, 0]] });
  expect((await intruder.next('refused')).reason).toBe('noName');
  intruder.sendRaw('{"type":"submit",');
  expect((await intruder.next('refused')).reason).toBe('malformed');
  intruder.sendRaw(JSON.stringify({ type: 'ping', pad: 'x'.repeat(MAX_DEVICE_MESSAGE_BYTES) }));
  expect((await intruder.next('refused')).reason).toBe('tooLarge');
  for (let i = 0; i < 150; i++) intruder.send({ type: 'claim', participantId: annaId });
  expect((await intruder.next('refused', 5000)).reason).toBe('tooMany');
  await intruder.close();
  await expect(laptop.getByTestId('drawn-count')).toHaveText(drawnBefore!);
  await expect(personState('Anna')).toHaveAttribute('data-state', 'submitted');
  // The flood's claims of Anna may wait for the facilitator, but none took her name.
  await expect(anna.getByText('You are Anna')).toBeVisible();
  for (const item of await panel.getByTestId('room-request').all()) await item.getByRole('button', { name: 'Decline' }).click();

  // Host and Origin: a rebound DNS name and a cross-site page get nothing.
  expect(await get(`${roomOrigin}/`, { Host: `rebound.example:${status.join.port}` })).toBe(421);
  expect(await get(`${roomOrigin}/`, { Host: `127.0.0.1:${status.join.port}`, Origin: 'http://evil.example' })).toBe(403);
  expect(await get(`${host.origin}/`, { Host: `rebound.example:${new URL(host.origin).port}` })).toBe(421);
  const crossSite = await browser.newContext();
  const other = await crossSite.newPage();
  // A page of another origin, as a web page open in someone's browser would be. Playwright answers it itself,
  // so nothing is sent anywhere; its WebSocket then tries the room on 127.0.0.1.
  const elsewhere = 'http://127.0.0.1:9/';
  await crossSite.route(elsewhere, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Elsewhere</title>' }));
  await other.goto(elsewhere);
  const reached = await other.evaluate(
    (url) =>
      new Promise<string>((done) => {
        const ws = new WebSocket(url);
        ws.onopen = () => done('open');
        ws.onerror = () => done('refused');
      }),
    `ws://127.0.0.1:${status.join.port}/socket`,
  );
  expect(reached).toBe('refused');
  await crossSite.close();

  // ── Emma submits; everyone has drawn; the facilitator reveals ────────
  await emmaAgain.getByRole('button', { name: 'Submit my curve' }).click();
  await expect(emmaAgain.getByTestId('submit-state')).toHaveAttribute('data-state', 'submitted');
  await expect(laptop.getByTestId('drawn-count')).toHaveText('6 of 6 have drawn');
  await laptop.getByRole('button', { name: 'Reveal the curves' }).click();
  await laptop.getByRole('button', { name: 'Reveal all curves' }).click();
  await expect(laptop.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '6');
  // Drawing is closed on the phones once the facilitator moved on.
  await expect(anna.getByTestId('submit-state')).toHaveAttribute('data-state', 'submitted');
  await expect(anna.getByText('Drawing is closed. Your curve is in.')).toBeVisible();

  // The curves entered the session like laptop drawings: one undo takes Emma's back out.
  await laptop.keyboard.press('Control+z');
  await expect(laptop.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '5');
  await laptop.keyboard.press('Control+Shift+z');
  await expect(laptop.getByTestId('curve-chart')).toHaveAttribute('data-curve-count', '6');

  // ── Closing the room ends every device's access ──────────────────────
  await laptop.getByRole('button', { name: /Draw/ }).first().click();
  await laptop.getByRole('button', { name: 'Close the room' }).click();
  await expect(anna.getByText('The facilitator closed the room. Thank you!')).toBeVisible();
  await expect(laptop.getByRole('button', { name: 'Open the room' })).toBeVisible();
  expect(host.controller.status().open).toBe(false);
  // Nothing listens on the room's port any more: no device, old or new, gets in.
  await baseExpect(connectDevice(status.join.port)).rejects.toThrow();

  for (const { context } of phones) await context.close();
  await facilitatorContext.close();
  expect(problems.list).toEqual([]);
});
