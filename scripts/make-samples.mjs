// Makes the sample sessions in assets/samples with the app itself: the
// production renderer (out/renderer, `npm run build` first) in Chromium,
// driven like a facilitator would — set up, draw every curve with the
// pointer, add a round, pin notes, capture action items, save.
//   node scripts/make-samples.mjs
import { writeFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from '../tests/support/chromium.mjs';

const out = resolve(import.meta.dirname, '../assets/samples');
const server = await preview({ configFile: resolve(import.meta.dirname, '../vite.web.config.ts'), preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: await findChromium(), args: [...CHROMIUM_LAUNCH_ARGS] });

// Curves are functions of time t ∈ [0, 1] (the whole timeline) giving enthusiasm 0..1.
const HANDOVER = 0.381; // the default template's handover
const smooth = (a, b, t0, t1) => (t) => a + (b - a) * Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
const wobble = (f, amp, phase) => (t) => f(t) + amp * Math.sin(t * 11 + phase);

async function newRetro(page, project, customer) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Neue Retro beginnen' }).click();
  await page.getByRole('textbox', { name: 'Projektname' }).fill(project);
  await page.getByRole('textbox', { name: 'Kunde', exact: true }).fill(customer);
  await page.getByRole('textbox', { name: 'Kunde', exact: true }).press('Tab');
}

async function addPeople(page, people) {
  for (const [name, team] of people) {
    await page.getByRole('textbox', { name: 'Name oder Kürzel', exact: true }).fill(name);
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label: team });
    await page.getByRole('button', { name: '+ Hinzufügen' }).click();
  }
}

async function draw(page, name, curve, from = 0, to = 1) {
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await page.getByRole('button', { name: `Ich bin ${name} – los geht’s` }).click();
  const chart = page.getByTestId('curve-chart');
  const box = await chart.boundingBox();
  const [left, top, right, bottom] = (await chart.getAttribute('data-plot')).split(',').map(Number);
  const at = (t) => ({
    x: box.x + left + (right - left) * t,
    y: box.y + bottom - (bottom - top) * Math.min(0.99, Math.max(0.01, curve(t))),
  });
  const steps = 70;
  const p0 = at(from);
  await page.mouse.move(p0.x, p0.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    const p = at(from + ((to - from) * i) / steps);
    await page.mouse.move(p.x, p.y);
  }
  await page.mouse.up();
  await page.getByRole('button', { name: 'Fertig – nächste Person' }).click();
}

async function addRound(page, kindLabel) {
  await page.getByRole('button', { name: '+ Neue Runde' }).click();
  await page.getByRole('combobox', { name: 'Frage', exact: true }).selectOption({ label: kindLabel });
  await page.getByRole('button', { name: 'Runde hinzufügen', exact: true }).click();
}

async function note(page, at, text, author, kind = 'Ereignis') {
  const chart = page.getByTestId('curve-chart');
  const [left, top, right, bottom] = (await chart.getAttribute('data-plot')).split(',').map(Number);
  await chart.click({ position: { x: left + (right - left) * at, y: (top + bottom) / 2 } });
  const form = page.getByRole('form', { name: 'Notiz hinzufügen' });
  await form.getByRole('textbox', { name: 'Notiz' }).fill(text);
  await form.getByRole('textbox', { name: 'Von' }).fill(author);
  await form.getByRole('combobox', { name: 'Art' }).selectOption({ label: kind });
  await form.getByRole('button', { name: '+ Notiz hinzufügen' }).click();
}

async function action(page, what, who, due) {
  await page.getByRole('textbox', { name: 'Was', exact: true }).last().fill(what);
  await page.getByRole('textbox', { name: 'Wer', exact: true }).last().fill(who);
  await page.locator('form.add-row input[type="date"]').fill(due);
  await page.getByRole('button', { name: '+ Maßnahme hinzufügen' }).click();
}

async function save(page, fileName) {
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const path = await (await download).path();
  const text = await readFile(path, 'utf8');
  await writeFile(resolve(out, fileName), text);
  console.log(`wrote assets/samples/${fileName} (${text.length} bytes)`);
}

async function session(build) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
  page.on('pageerror', (e) => console.error(e));
  await build(page);
  await page.close();
}

// 1. Overstretched: Sales sold the moon, the curve collapses after the handover.
await session(async (page) => {
  await newRetro(page, 'CRM-Einführung', 'Nordwind Logistik AG');
  await addPeople(page, [['Anna', 'Sales'], ['Bernd', 'Sales'], ['Carla', 'Sales'], ['David', 'PS'], ['Emil', 'PS'], ['Frieda', 'PS'], ['Greta', 'Kunde']]);
  await page.getByRole('button', { name: /Zeichnen/ }).first().click();
  const salesUp = (peak) => (t) => (t < HANDOVER ? 0.35 + (peak - 0.35) * (t / HANDOVER) ** 0.8 : t < 0.55 ? peak - (peak - 0.25) * ((t - HANDOVER) / (0.55 - HANDOVER)) : 0.25 + 0.3 * ((t - 0.55) / 0.45));
  await draw(page, 'Anna', wobble(salesUp(0.92), 0.02, 0), 0.02, 1);
  await draw(page, 'Bernd', wobble(salesUp(0.88), 0.025, 1), 0.0, 1);
  await draw(page, 'Carla', wobble(salesUp(0.95), 0.02, 2), 0.05, 0.9);
  const psView = (low) => (t) => (t < 0.5 ? 0.45 - (0.45 - low) * ((t - 0.3) / 0.2) : low + 0.3 * ((t - 0.5) / 0.5));
  await draw(page, 'David', wobble(psView(0.22), 0.03, 0.5), 0.3, 1);
  await draw(page, 'Emil', wobble(psView(0.3), 0.02, 2.5), 0.36, 1);
  await draw(page, 'Frieda', wobble(psView(0.18), 0.03, 4), 0.34, 1);
  await draw(page, 'Greta', wobble(salesUp(0.85), 0.02, 3), 0.0, 1);
  await page.getByRole('button', { name: /Besprechen/ }).first().click();
  await note(page, 0.3, 'Demo mit Funktionen gezeigt, die erst in Release 3 kommen', 'Bernd');
  await note(page, 0.45, 'Kickoff: Umfang im Angebot passt nicht zur gekauften Lizenz', 'David');
  await note(page, 0.62, 'Übergabe war ein Ordner mit PDFs, kein Gespräch', 'Frieda', 'Erkenntnis');
  await action(page, 'Warme Übergabe: gemeinsamer Termin Sales + PS beim Kunden vor Vertragsabschluss', 'Anna + David', '2027-01-15');
  await action(page, 'Demo-Skript nur mit verfügbaren Funktionen', 'Bernd', '2026-12-18');
  await save(page, 'overstretched.wavelength');
});

// 2. Warm handover: measured early, PS in before the contract, rising together.
await session(async (page) => {
  await newRetro(page, 'Serviceportal Relaunch', 'Lindner Maschinenbau GmbH');
  await addPeople(page, [['Jonas', 'Sales'], ['Katrin', 'Sales'], ['Lars', 'PS'], ['Mira', 'PS'], ['Nina', 'Kunde']]);
  await page.getByRole('button', { name: /Zeichnen/ }).first().click();
  const rise = (a, b) => (t) => a + (b - a) * t ** 1.1;
  await draw(page, 'Jonas', wobble(rise(0.42, 0.9), 0.02, 0), 0, 1);
  await draw(page, 'Katrin', wobble(rise(0.4, 0.86), 0.025, 1), 0, 1);
  await draw(page, 'Lars', wobble(rise(0.45, 0.92), 0.02, 2), 0.25, 1);
  await draw(page, 'Mira', wobble(rise(0.48, 0.88), 0.02, 3), 0.3, 1);
  await draw(page, 'Nina', wobble(rise(0.4, 0.95), 0.015, 4), 0, 1);
  await page.getByRole('button', { name: /Besprechen/ }).first().click();
  await note(page, 0.33, 'PS war schon in der Angebotsphase beim Kunden', 'Lars', 'Erkenntnis');
  await note(page, 0.9, 'Go-live ohne offene Punkte; Kunde gibt Referenz', 'Nina');
  await action(page, 'Vorgehen als Standard für Projekte ab 100 PT dokumentieren', 'Katrin', '2027-02-01');
  await save(page, 'warm-handover.wavelength');
});

// 3. Mixed: late joiners with partial curves, a customer, and a perception-gap round.
await session(async (page) => {
  await newRetro(page, 'Datenplattform Phase 1', 'Stadtwerke Süd');
  await addPeople(page, [['Olaf', 'Sales'], ['Petra', 'Sales'], ['Quirin', 'PS'], ['Rosa', 'PS'], ['Sven', 'PS'], ['Tanja', 'Kunde']]);
  await page.getByRole('button', { name: /Zeichnen/ }).first().click();
  await draw(page, 'Olaf', wobble(smooth(0.4, 0.8, 0, 0.4), 0.03, 0), 0, 0.55);
  await draw(page, 'Petra', wobble((t) => (t < 0.4 ? 0.5 + 0.3 * t : 0.62 - 0.2 * (t - 0.4)), 0.02, 1), 0.05, 0.8);
  await draw(page, 'Quirin', wobble((t) => 0.35 + 0.45 * ((t - 0.38) / 0.62) ** 1.5, 0.03, 2), 0.38, 1);
  await draw(page, 'Rosa', wobble((t) => 0.3 + 0.35 * ((t - 0.55) / 0.45), 0.02, 3), 0.55, 1);
  await draw(page, 'Sven', wobble((t) => 0.55 - 0.3 * Math.sin(((t - 0.45) / 0.55) * Math.PI), 0.02, 4), 0.45, 1);
  await draw(page, 'Tanja', wobble((t) => (t < 0.45 ? 0.55 + 0.25 * t : 0.66 - 0.35 * Math.sin(((t - 0.45) / 0.55) * Math.PI) + 0.2 * (t - 0.45)), 0.02, 5), 0, 1);
  // Round 2: how each side thinks the other side saw the customer.
  await addRound(page, 'Wie das andere Team es wohl erlebt hat');
  await draw(page, 'Olaf', (t) => 0.3 + 0.2 * t, 0.38, 1); // Sales guesses PS saw it dimmer than it was
  await draw(page, 'Petra', (t) => 0.35 + 0.1 * t, 0.4, 1);
  await draw(page, 'Quirin', (t) => 0.7 + 0.2 * Math.min(1, t / 0.4), 0, 0.6); // PS guesses Sales was euphoric
  await draw(page, 'Rosa', (t) => 0.75 + 0.15 * Math.min(1, t / 0.4), 0, 0.6);
  await draw(page, 'Sven', (t) => 0.8, 0.05, 0.55);
  await page.getByRole('combobox', { name: 'Runde', exact: true }).selectOption({ index: 0 });
  await page.getByRole('button', { name: /Besprechen/ }).first().click();
  await note(page, 0.5, 'Rosa und Sven kamen erst in der Konzeption dazu', 'Quirin');
  await note(page, 0.7, 'Datenqualität der Altsysteme unterschätzt', 'Tanja', 'Erkenntnis');
  await action(page, 'Datenqualitäts-Check vor dem Angebot', 'Petra + Quirin', '2027-01-31');
  await save(page, 'mixed-partial.wavelength');
});

await browser.close();
await new Promise((done) => server.httpServer.close(done));
