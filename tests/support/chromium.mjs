// Finds the Chromium that every browser test runs in (vitest browser mode,
// Playwright end-to-end) and the flags it is launched with.
//
// Plain .mjs so scripts/test.mjs (Node 20, no TypeScript loader) and the TS
// configs share one implementation; types are in chromium.d.mts.
import { accessSync, constants, existsSync, statSync } from 'node:fs';

/**
 * Launch flags for Playwright (`launchOptions.args`). Playwright adds
 * `--headless` itself when `headless: true`, so it is not repeated here.
 * The rest keep the browser from talking to anything but the test server:
 * no background fetches, component updates, sync or QUIC probes. GPU is off
 * because CI machines have none and software canvas is deterministic.
 */
export const CHROMIUM_LAUNCH_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

/** The same flags for launching the binary directly, without Playwright. */
export const CHROMIUM_CLI_ARGS = Object.freeze(['--headless', ...CHROMIUM_LAUNCH_ARGS]);

/** System locations tried after WAVELENGTH_CHROMIUM, in order. */
export const SYSTEM_CHROMIUM_PATHS = Object.freeze(['/usr/bin/chromium', '/usr/bin/chromium-browser']);

export const CHROMIUM_INSTALL_HELP = [
  'No Chromium found for the browser tests.',
  'Install one of:',
  '  - Debian/Ubuntu: apt-get install chromium   (gives /usr/bin/chromium)',
  "  - with internet access: npx playwright install chromium   (Playwright's own build)",
  'or point WAVELENGTH_CHROMIUM at an existing Chromium/Chrome executable.',
].join('\n');

export class ChromiumNotFoundError extends Error {
  constructor(detail = '') {
    super(detail ? `${CHROMIUM_INSTALL_HELP}\n${detail}` : CHROMIUM_INSTALL_HELP);
    this.name = 'ChromiumNotFoundError';
  }
}

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Playwright's downloaded Chromium, if `npx playwright install chromium` was ever run here. */
async function findPlaywrightChromium() {
  try {
    const { chromium } = await import('playwright');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Returns `{ path, source }` of the Chromium to use, or null.
 * Order: $WAVELENGTH_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser,
 * Playwright's bundled Chromium.
 */
export async function locateChromium(env = process.env) {
  const fromEnv = env.WAVELENGTH_CHROMIUM;
  if (fromEnv) {
    // An explicit choice that doesn't exist is an error, not a reason to fall back silently.
    if (!isExecutableFile(fromEnv)) {
      throw new ChromiumNotFoundError(`WAVELENGTH_CHROMIUM=${fromEnv} is not an executable file.`);
    }
    return { path: fromEnv, source: 'WAVELENGTH_CHROMIUM' };
  }
  for (const path of SYSTEM_CHROMIUM_PATHS) {
    if (isExecutableFile(path)) return { path, source: 'system' };
  }
  const bundled = await findPlaywrightChromium();
  return bundled ? { path: bundled, source: 'playwright' } : null;
}

/** Like locateChromium, but throws ChromiumNotFoundError with install instructions. */
export async function findChromium(env = process.env) {
  const found = await locateChromium(env);
  if (!found) throw new ChromiumNotFoundError();
  return found.path;
}
