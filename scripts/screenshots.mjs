// Takes the README's screenshots of the real app: the production renderer
// (out/renderer, `npm run build` first) served by `vite preview`, driven in
// Chromium through a short retro. Writes docs/screenshots/*.png.
//   npm run screenshots [-- --lang de]
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from '../tests/support/chromium.mjs';

const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'de';
const de = lang === 'de';
const out = resolve(import.meta.dirname, '../docs/screenshots');
await mkdir(out, { recursive: true });

const server = await preview({ configFile: resolve(import.meta.dirname, '../vite.web.config.ts'), preview: { port: 0, host: '127.0.0.1' } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: await findChromium(), args: [...CHROMIUM_LAUNCH_ARGS] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: de ? 'de-DE' : 'en-US', deviceScaleFactor: 1 });
const T = de
  ? { name: 'Name oder Kürzel', team: 'Team', add: '+ Hinzufügen', project: 'Projektname', customer: 'Kunde', draw: /Zeichnen/, reveal: /Aufdecken/, start: (n) => `Ich bin ${n} – los geht’s`, done: 'Fertig – nächste Person', revealAll: 'Alle Kurven aufdecken' }
  : { name: 'Name or alias', team: 'Team', add: '+ Add participant', project: 'Project name', customer: 'Customer', draw: /Draw/, reveal: /Reveal/, start: (n) => `I am ${n} — start drawing`, done: 'Done — next person', revealAll: 'Reveal all curves' };

await page.goto(url);
await page.getByRole('button', { name: de ? 'Neue Retro beginnen' : 'Start a new retro' }).click();
await page.getByRole('textbox', { name: T.project }).fill('CRM-Einführung');
await page.getByRole('textbox', { name: T.customer, exact: true }).fill('Muster GmbH');
await page.getByRole('textbox', { name: T.customer, exact: true }).press('Tab');
const people = [
  ['Anna', 'Sales'],
  ['Bernd', 'Sales'],
  ['Clara', 'PS'],
  ['David', 'PS'],
  ['Eva', de ? 'Kunde' : 'Customer'],
];
for (const [name, team] of people) {
  await page.getByRole('textbox', { name: T.name, exact: true }).fill(name);
  await page.getByRole('combobox', { name: T.team, exact: true }).selectOption({ label: team });
  await page.getByRole('button', { name: T.add }).click();
}
await page.evaluate(() => document.querySelector('.setup')?.scrollTo(0, 0));
await page.screenshot({ path: `${out}/setup-${lang}.png` });

// Curves: Sales high before the handover, PS low after it, the customer in between.
const shapes = {
  Anna: (t) => (t < 0.38 ? 0.35 + 1.5 * t : 0.92 - 0.9 * (t - 0.38)) + 0.05 * Math.sin(t * 9),
  Bernd: (t) => (t < 0.4 ? 0.4 + 1.2 * t : 0.88 - 1.1 * (t - 0.4) + 0.6 * Math.max(0, t - 0.75)),
  Clara: (t) => 0.35 + 0.25 * t + 0.08 * Math.sin(t * 12),
  David: (t) => 0.3 + 0.1 * Math.sin(t * 7) + 0.3 * t * t,
  Eva: (t) => (t < 0.4 ? 0.45 + 1.0 * t : 0.85 - 0.8 * (t - 0.4) + 0.4 * Math.max(0, t - 0.7)),
};
const spans = { Clara: [0.4, 0.98], David: [0.42, 0.98] };
await page.getByRole('button', { name: T.draw }).first().click();
for (const [name] of people) {
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  if (name === 'Clara') await page.screenshot({ path: `${out}/curtain-${lang}.png` });
  await page.getByRole('button', { name: T.start(name) }).click();
  const box = await page.getByTestId('curve-chart').boundingBox();
  const [from, to] = spans[name] ?? [0.1, 0.98];
  const at = (t) => ({ x: box.x + box.width * (from + (to - from) * t), y: box.y + box.height * (0.9 - 0.8 * Math.min(1, Math.max(0, shapes[name](t)))) });
  await page.mouse.move(at(0).x, at(0).y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(at(i / 60).x, at(i / 60).y);
  await page.mouse.up();
  if (name === 'Clara') await page.screenshot({ path: `${out}/draw-${lang}.png` });
  await page.getByRole('button', { name: T.done }).click();
}
await page.getByRole('button', { name: T.reveal }).first().click();
await page.getByRole('button', { name: T.revealAll }).click();
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/reveal-${lang}.png` });

// Compare and discuss, on the overstretched sample from the start screen.
const sample = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: de ? 'de-DE' : 'en-US' });
await sample.goto(url);
await sample.screenshot({ path: `${out}/start-${lang}.png` });
await sample.getByRole('button', { name: de ? /Überdehnt/ : /Overstretched/ }).click();
await sample.getByRole('button', { name: de ? 'Schließen' : 'Dismiss' }).click();
await sample.waitForTimeout(300);
await sample.screenshot({ path: `${out}/compare-${lang}.png` });
await sample.getByRole('button', { name: de ? /Besprechen/ : /Discuss/ }).first().click();
await sample.waitForTimeout(300);
await sample.screenshot({ path: `${out}/discuss-${lang}.png` });

await browser.close();
await new Promise((done) => server.httpServer.close(done));
console.log(`screenshots written to ${out}`);
