import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from './tests/support/chromium.mjs';

// Screenshots to look at, not tests (tests/shots/): `npx playwright test -c playwright.shots.config.ts`
// after a build. Not part of npm test. Everything on 127.0.0.1, as in the e2e tests.
export default defineConfig({
  testDir: 'tests/shots',
  outputDir: 'test-results/shots',
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: { headless: true, serviceWorkers: 'block' },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: { executablePath: await findChromium(), args: [...CHROMIUM_LAUNCH_ARGS] } },
    },
  ],
});
