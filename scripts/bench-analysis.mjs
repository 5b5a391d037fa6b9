// The analysis part of `npm run bench` (also on its own: `node scripts/bench-analysis.mjs`).
//
// Times analyseRound, the whole analysis of one round (issue 7: it must grow
// about linearly with participants; 50 well under 5 ms, 200:50 under 6), for
// 12, 50, 200 and 500 participants with partial curves, and the largest
// session the file format allows analysed round by round as the report does
// (50 rounds of 500 curves). The domain is TypeScript: Vite's runnerImport
// transpiles it in memory, as scripts/export.mjs does. Shared machines are
// noisy: each figure is the lowest of five medians taken in turns, and the
// ratio is taken in the same run.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A session with `people` participants (half Sales, half PS) and `rounds` rounds, every curve drawn; every third one partial. */
function sessionWith(domain, people, rounds = 1) {
  let s = domain.createSession('en', '2026-01-01');
  const [sales, ps] = s.teams;
  for (let r = 1; r < rounds; r++) s = domain.addRound(s, 'experienced', `Round ${r + 1}`);
  for (let i = 0; i < people; i++) s = domain.addParticipant(s, `P${i + 1}`, (i % 2 ? ps : sales).id);
  const curves = [];
  for (const round of s.rounds) {
    s.participants.forEach((p, i) => {
      const from = i % 3 === 1 ? 0.3 : 0;
      const to = i % 3 === 2 ? 0.7 : 1;
      // 40 points, as a drawn and simplified curve has: a wave, different for everyone.
      const points = Array.from({ length: 40 }, (_, k) => {
        const x = from + ((to - from) * k) / 39;
        return [domain.timePos(Math.round(x * 1e4) / 1e4), domain.enthusiasm(0.5 + 0.35 * Math.sin(x * 6 + i))];
      });
      curves.push({ participantId: p.id, roundId: round.id, points });
    });
  }
  return { ...s, curves };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median ms of `fn` over runs that together take about `budgetMs` (at least 5 runs), after a warm-up. */
function time(fn, budgetMs = 500) {
  for (let i = 0; i < 3; i++) fn();
  const runs = [];
  const started = performance.now();
  while (runs.length < 5 || (performance.now() - started < budgetMs && runs.length < 400)) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

/** One size in a process of its own (a fresh heap: no garbage of a bigger size is collected on its clock). */
async function timeOneSize(n) {
  const domain = await loadDomain();
  const session = sessionWith(domain, n);
  let best = Number.POSITIVE_INFINITY;
  for (let turn = 0; turn < 5; turn++) {
    // Building the session left garbage (quadratic in its size: each participant added copies the list); collect it
    // now, so the analysis is not timed paying for it.
    globalThis.gc?.();
    best = Math.min(best, time(() => domain.analyseRound(session, session.rounds[0].id)));
  }
  return best;
}

const loadDomain = async () => (await runnerImport(resolve(root, 'renderer/domain/index.ts'), { configFile: false, logLevel: 'error', root })).module;

function inChild(n) {
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--size', String(n)], { cwd: root }, (error, stdout) =>
      error ? fail(error) : done(Number(stdout.trim().split('\n').pop())),
    );
  });
}

export async function benchAnalysis() {
  const sizes = [12, 50, 200, 500];
  // Each size in a process of its own, the sizes in turns, three times over; each keeps its lowest figure. A burst of load
  // from a neighbour on a shared machine then skews one turn, not the ratio.
  const perRound = Object.fromEntries(sizes.map((n) => [n, Number.POSITIVE_INFINITY]));
  for (let turn = 0; turn < 3; turn++) for (const n of sizes) perRound[n] = Math.min(perRound[n], await inChild(n));
  console.log('\nanalysis of one round (analyseRound; lowest median, each size in its own process, ms)');
  console.log('participants | ms');
  for (const n of sizes) console.log(`${String(n).padStart(12)} | ${perRound[n].toFixed(2)}`);
  const ratio = perRound[200] / perRound[50];
  console.log(`ratio 200:50 ${ratio.toFixed(2)} (linear: 4)`);
  console.log(`bar: 50 participants well under 5 ms → ${perRound[50].toFixed(2)} ms; ratio 200:50 under 6 → ${ratio.toFixed(2)}`);

  // The largest session the format allows: 50 rounds of 500 curves, every round analysed, as the PDF report does
  // (the app analyses a round only when it is shown).
  const domain = await loadDomain();
  const largest = sessionWith(domain, 500, 50);
  const all = time(() => {
    for (const round of largest.rounds) domain.analyseRound(largest, round.id);
  }, 3000);
  console.log(`largest session (50 rounds × 500 curves): every round analysed in ${all.toFixed(0)} ms`);
  return { perRound, ratio, largest: all };
}

const sizeArgument = process.argv.indexOf('--size');
if (sizeArgument > 0) console.log(await timeOneSize(Number(process.argv[sizeArgument + 1])));
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchAnalysis();
