// `npm run bench`: how drawing feels with many curves on screen (DESIGN.md,
// "Drawing feels immediate": with 50 curves at 1920×1080 a pointer move
// costs the main thread < 2 ms and no frame takes > 20 ms).
//
// Runs the production renderer (out/renderer; `npm run build` first) in
// Chromium. For 1 and for 50 curves on screen it draws a stroke of real
// pointer moves and measures (a) the main-thread time of each pointermove
// handler, (b) frame-to-frame intervals while drawing, (c) the time to
// commit the stroke. Shared machines are noisy: read the 50-vs-1 ratios
// printed at the end, taken in the same run, rather than absolute numbers.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from '../tests/support/chromium.mjs';
import { benchAnalysis } from './bench-analysis.mjs';

const MOVES = 240;

/** A v2 session file with `n` participants, all but the last with a wavy curve. */
function sessionWith(n) {
  const teams = [
    { id: 'tm_s', name: 'Sales', role: 'sales', lineStyle: 'solid' },
    { id: 'tm_p', name: 'PS', role: 'ps', lineStyle: 'dashed' },
  ];
  const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];
  const participants = Array.from({ length: n }, (_, i) => ({ id: `pt_${i}`, name: `P${i + 1}`, teamId: i % 2 ? 'tm_p' : 'tm_s', color: palette[i % 8] }));
  const curves = participants.slice(0, n - 1).map((p, i) => ({
    participantId: p.id,
    roundId: 'rd_1',
    points: Array.from({ length: 40 }, (_, k) => {
      const x = k / 39;
      return [Math.round(x * 1e4) / 1e4, Math.round((0.5 + 0.35 * Math.sin(x * 6 + i)) * 1e4) / 1e4];
    }),
  }));
  return {
    format: 'wavelength-session',
    version: 2,
    savedAt: new Date().toISOString(),
    session: {
      id: 'ss_bench',
      language: 'en',
      project: { name: `Bench ${n}`, customer: '', hideCustomer: false, date: '' },
      timeline: {
        phases: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name, i) => ({ id: `ph_${i}`, name, width: 1 })),
        milestones: [{ id: 'ms_h', name: 'Handover', at: 0.4 }],
        handoverId: 'ms_h',
      },
      scale: { low: 'disappointed', mid: 'satisfied', high: 'thrilled' },
      teams,
      participants,
      rounds: [{ id: 'rd_1', kind: 'experienced', question: 'How enthusiastic was the customer?' }],
      curves,
      target: { visible: true, start: 0.45, handover: 0.6, end: 0.95 },
      analysis: { handoverWindow: 0.2, dropThreshold: 0.25 },
      notes: [],
      actions: [],
    },
  };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
};

async function measure(browser, url, n) {
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-bench-'));
  const file = join(dir, `bench-${n}.wavelength`);
  await writeFile(file, JSON.stringify(sessionWith(n)));
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  await page.goto(url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a session…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: /Draw/ }).first().click();
  await page.getByRole('checkbox', { name: 'Draw blind' }).uncheck(); // everyone's curves on screen
  await page.getByRole('button', { name: new RegExp(`^P${n}\\b`) }).click();
  await page.getByRole('button', { name: `I am P${n} — start drawing` }).click();
  const chart = page.getByTestId('curve-chart');
  await chart.waitFor();
  const shown = Number(await chart.getAttribute('data-curve-count'));

  // Time every pointermove handler (capture listener on window starts the clock,
  // a bubbling listener on window stops it, around the chart's own handler) and every frame.
  await page.evaluate(() => {
    const w = window;
    w.__bench = { moves: [], frames: [], last: 0, on: true };
    let t0 = 0;
    window.addEventListener('pointermove', () => (t0 = performance.now()), { capture: true });
    window.addEventListener('pointermove', () => w.__bench.moves.push(performance.now() - t0));
    const frame = (t) => {
      if (w.__bench.last) w.__bench.frames.push(t - w.__bench.last);
      w.__bench.last = t;
      if (w.__bench.on) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const [left, top, right, bottom] = (await chart.getAttribute('data-plot')).split(',').map(Number);
  const box = await chart.boundingBox();
  const at = (t) => ({ x: box.x + left + (right - left) * t, y: box.y + top + (bottom - top) * (0.5 + 0.4 * Math.sin(t * 9)) });
  await page.mouse.move(at(0).x, at(0).y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(at(i / MOVES).x, at(i / MOVES).y);
  const strokeFrames = await page.evaluate(() => window.__bench.frames.length);
  const commitStart = Date.now();
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-testid="curve-chart"]')?.getAttribute('data-curve-count') !== null);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const commitMs = Date.now() - commitStart;
  const { moves, frames } = await page.evaluate(() => {
    window.__bench.on = false;
    return window.__bench;
  });
  await page.close();
  // The first frames settle the page after the script's setup; the frames after the stroke are the commit.
  return { n, shown, moves, frames: frames.slice(5, strokeFrames), commitFrames: frames.slice(strokeFrames), commitMs };
}

const server = await preview({ configFile: resolve(import.meta.dirname, '../vite.web.config.ts'), preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: await findChromium(), args: [...CHROMIUM_LAUNCH_ARGS] });
const url = server.resolvedUrls.local[0];
const results = [];
for (const n of [1, 50]) results.push(await measure(browser, url, n));
await browser.close();
await new Promise((d) => server.httpServer.close(d));

console.log('curves on screen | pointermove ms (median / p95 / max) | frame interval while drawing ms (median / p95 / max) | longest frame at commit ms');
for (const r of results) {
  const f = (xs) => `${pct(xs, 0.5).toFixed(2)} / ${pct(xs, 0.95).toFixed(2)} / ${Math.max(...xs).toFixed(2)}`;
  console.log(`${String(r.shown + 1).padStart(16)} | ${f(r.moves).padStart(34)} | ${f(r.frames).padStart(51)} | ${Math.max(...r.commitFrames).toFixed(1)}`);
}
const [one, fifty] = results;
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
console.log(`ratio 50:1  pointermove p95 ${ratio(pct(fifty.moves, 0.95), pct(one.moves, 0.95))}, frame p95 ${ratio(pct(fifty.frames, 0.95), pct(one.frames, 0.95))}`);
console.log(`bar: pointermove < 2 ms → p95 at 50 curves ${pct(fifty.moves, 0.95).toFixed(2)} ms; frames < 20 ms → max while drawing at 50 curves ${Math.max(...fifty.frames).toFixed(1)} ms, at commit ${Math.max(...fifty.commitFrames).toFixed(1)} ms (headless, no GPU)`);

await benchAnalysis();
