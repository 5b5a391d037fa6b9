import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from './tests/support/chromium.mjs';
import { findFreePort } from './tests/support/renderer-server';

// End-to-end tests run the production renderer build (out/renderer) in
// Chromium, served on 127.0.0.1 the way app:// serves it in the packaged app
// (see tests/support/renderer-server.ts). `npm test` builds first.
//
// The port is chosen once by the runner process; workers re-read this file
// with the variable already in their environment, so all agree on it.
process.env.WAVELENGTH_E2E_PORT ||= String(await findFreePort());
const baseURL = `http://127.0.0.1:${process.env.WAVELENGTH_E2E_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/support/e2e-global-setup.ts',
  forbidOnly: !!process.env.CI,
  // A test that only passes on a second try is a failing test here.
  retries: 0,
  // One worker (Playwright's default on two cores): two took as long in CI (8.8 against 9.0 min for 63 tests)
  // and stretched the six-phone room test from 37 s to 1.7 min.
  workers: 1,
  failOnFlakyTests: true,
  // Generous: the CI machine has two cores, and a page with 50 curves and axe checks takes its time there.
  timeout: 90_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1440, height: 900 },
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: await findChromium(), args: [...CHROMIUM_LAUNCH_ARGS] },
      },
    },
  ],
});
