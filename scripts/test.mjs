#!/usr/bin/env node
// `npm test`: everything a change has to pass, in one command, ending with
// exactly one line "N passed, N failed".
//
//   1. find Chromium (tests/support/chromium.mjs), hand it to the runners
//   2. typecheck                      (a failure counts as 1 failed)
//   3. electron-vite build            (a failure counts as 1 failed)
//   4. vitest: unit + browser projects          -> reports/vitest.json
//   5. playwright e2e on the built renderer     -> reports/playwright.json
//      (skipped, and counted as 1 failed, when the build failed)
//
// Later stages run even when earlier ones fail so the count is complete.
// Exit code 1 when anything failed or when no test ran at all.
import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_INSTALL_HELP, ChromiumNotFoundError, locateChromium } from '../tests/support/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const REPORTS_DIR = resolve(root, 'reports');
const VITEST_REPORT = resolve(REPORTS_DIR, 'vitest.json');
const PLAYWRIGHT_REPORT = resolve(REPORTS_DIR, 'playwright.json');
const MINUTE = 60_000;

const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child);
    process.exit(130);
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function banner(text) {
  console.log(`\n=== ${text} ===`);
}

/** Runs a command with inherited output in its own process group; never rejects. */
function run(command, args, { timeoutMs, env = process.env }) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env, detached: true });
    running.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    const finish = (code, error) => {
      clearTimeout(timer);
      running.delete(child);
      done({ code, timedOut, error, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (error) => finish(null, error));
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : 1), undefined));
  });
}

function describeExit(result) {
  if (result.error) return `could not start: ${result.error.message}`;
  if (result.timedOut) return 'timed out and was killed';
  return `exit code ${result.code}`;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

async function isOnline() {
  try {
    await fetch('https://cdn.playwright.dev/', { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

/** Each stage adds a row; the totals are the sums. */
const rows = [];
function record(stage, passed, failed, note) {
  rows.push({ stage, passed, failed, note });
}

function printSummaryAndExit() {
  const passed = rows.reduce((sum, row) => sum + row.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.failed, 0);
  banner('summary');
  for (const row of rows) {
    console.log(`${row.stage.padEnd(12)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(4)} failed  ${row.note}`);
  }
  if (passed + failed === 0) console.log('No test ran at all; that is a failure too.');
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  console.log(`${passed} passed, ${failed} failed`);
}

/** The oldest Node the toolchain runs on (Electron 45, electron-vite 6, Vite 8: 22.12); Node 24 LTS is what CI uses. */
const MIN_NODE = [22, 12];

function nodeIsRecent() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

// 1. Chromium ------------------------------------------------------------------
async function main() {
  if (!nodeIsRecent()) {
    console.error(`Node ${process.versions.node} is too old: the tools need ${MIN_NODE.join('.')} or newer (Node 24 LTS). .ci/run fetches one.`);
    record('node', 0, 1, `Node ${process.versions.node} < ${MIN_NODE.join('.')}`);
    return;
  }
  banner('chromium');
  let chromium = null;
  try {
    chromium = await locateChromium();
    if (!chromium && (await isOnline())) {
      console.log('No Chromium found; online, so trying: npx playwright install chromium');
      await run('npx', ['--no', '--', 'playwright', 'install', 'chromium'], { timeoutMs: 5 * MINUTE });
      chromium = await locateChromium();
    }
    if (!chromium) console.error(CHROMIUM_INSTALL_HELP);
  } catch (error) {
    if (!(error instanceof ChromiumNotFoundError)) throw error;
    console.error(error.message);
  }
  if (!chromium) {
    record('chromium', 0, 1, 'no Chromium: see above for what to install');
    return;
  }
  console.log(`${chromium.path} (${chromium.source})`);
  await runEverything({ ...process.env, WAVELENGTH_CHROMIUM: chromium.path });
}

try {
  await main();
} catch (error) {
  // A bug in this script must still end in a count, not in silence.
  console.error(error);
  record('runner', 0, 1, `scripts/test.mjs crashed: ${error?.message ?? error}`);
}
printSummaryAndExit();

async function runEverything(env) {
  rmSync(VITEST_REPORT, { force: true });
  rmSync(PLAYWRIGHT_REPORT, { force: true });
  mkdirSync(REPORTS_DIR, { recursive: true });

  // 2. typecheck ---------------------------------------------------------------
  banner('typecheck');
  const typecheck = await run('npm', ['run', '--silent', 'typecheck'], { timeoutMs: 5 * MINUTE, env });
  record('typecheck', 0, typecheck.code === 0 ? 0 : 1, typecheck.code === 0 ? 'ok' : describeExit(typecheck));

  // 3. build -------------------------------------------------------------------
  banner('build (electron-vite)');
  const build = await run('npx', ['--no', '--', 'electron-vite', 'build'], { timeoutMs: 5 * MINUTE, env });
  const built = build.code === 0;
  // The package ships no node_modules and a sandboxed preload can load nothing but 'electron':
  // main and preload must have bundled everything else.
  const strays = built ? unbundledImports() : [];
  for (const stray of strays) console.error(`build: ${stray}`);
  record('build', 0, built && strays.length === 0 ? 0 : 1, !built ? describeExit(build) : strays.length ? `${strays.length} import(s) not bundled` : 'ok');

  // 4. vitest ------------------------------------------------------------------
  banner('vitest (unit + browser)');
  const vitest = await run(
    'npx',
    ['--no', '--', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`],
    { timeoutMs: 6 * MINUTE, env },
  );
  record('vitest', ...countVitest(readJson(VITEST_REPORT), vitest));

  // 5. playwright --------------------------------------------------------------
  banner('playwright (e2e on the built renderer)');
  if (!built) {
    console.log('Skipped: the build failed, and the e2e tests run the build.');
    record('playwright', 0, 1, 'skipped because the build failed');
    return;
  }
  // The JSON reporter writes reports/playwright.json (playwright.config.ts).
  // 12 minutes: 51 tests on the shared two-core machine (issue 10 added eight); under load 43 already came close to 9.
  const e2e = await run('npx', ['--no', '--', 'playwright', 'test'], { timeoutMs: 12 * MINUTE, env });
  record('playwright', ...countPlaywright(readJson(PLAYWRIGHT_REPORT), e2e));
}

/** Imports in the built main and preload that are neither 'electron' nor a Node built-in. */
function unbundledImports() {
  const found = [];
  for (const file of ['out/main/index.js', 'out/preload/index.cjs']) {
    const code = readFileSync(resolve(root, file), 'utf8');
    // A module name holds no white space: text such as `"a path from ", s, " to "` (qrcode's dijkstra) is no import.
    for (const match of code.matchAll(/(?:require\(|\bfrom\s*|\bimport\s*\(?)\s*["']([^"'./\s][^"'\s]*)["']/g)) {
      const name = match[1];
      if (name === 'electron' || name.startsWith('node:') || builtinModules.includes(name)) continue;
      found.push(`${file} imports "${name}", which the package does not ship`);
    }
  }
  return found;
}

/** @returns {[number, number, string]} passed, failed, note */
function countVitest(report, result) {
  if (!report) return [0, 1, `no report (${describeExit(result)})`];
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const notes = [];
  // A file that fails to load or whose hooks throw has no failed test of its
  // own, only a failed suite: count each such file once.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  );
  if (brokenFiles.length) {
    failed += brokenFiles.length;
    notes.push(`${brokenFiles.length} file(s) failed outside any test`);
  }
  // Unhandled errors fail the run but are in no count.
  if (result.code !== 0 && failed === 0) {
    failed += 1;
    notes.push(`vitest ${describeExit(result)} without a failing test (unhandled error?)`);
  }
  return [passed, failed, notes.join('; ') || describeExit(result)];
}

/** @returns {[number, number, string]} passed, failed, note */
function countPlaywright(report, result) {
  if (!report?.stats) return [0, 1, `no report (${describeExit(result)})`];
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  const notes = [];
  let failed = unexpected;
  // Retries are off (playwright.config.ts); should one pass on retry anyway, it still failed once.
  if (flaky) {
    failed += flaky;
    notes.push(`${flaky} flaky counted as failed`);
  }
  // Config, global setup and spec files that fail to load land here, outside any test.
  const errors = report.errors?.length ?? 0;
  if (errors) {
    failed += errors;
    notes.push(`${errors} error(s) outside tests`);
  }
  if (result.code !== 0 && failed === 0) {
    failed += 1;
    notes.push(`playwright ${describeExit(result)} without a failing test`);
  }
  return [expected, failed, notes.join('; ') || describeExit(result)];
}
