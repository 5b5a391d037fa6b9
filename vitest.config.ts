import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_INSTALL_HELP, CHROMIUM_LAUNCH_ARGS, locateChromium } from './tests/support/chromium.mjs';

// A missing Chromium must not stop `--project unit`; the browser project then
// fails on launch, and this says what to install.
const chromium = await locateChromium();
if (!chromium) console.warn(`[vitest] ${CHROMIUM_INSTALL_HELP}`);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/domain/**/*.test.ts',
            'tests/scene/**/*.test.ts',
            'tests/room/**/*.test.ts',
            'tests/state/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/batch/**/*.test.ts',
            'tests/report/**/*.test.{ts,tsx}',
          ],
        },
      },
      {
        plugins: [react()],
        // Pre-bundle React and the canvas stack up front: discovered mid-run, they
        // get bundled twice and hooks see two copies of React.
        optimizeDeps: {
          include: ['react', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client', 'konva', 'react-konva', 'd3-shape', 'simplify-js', 'zod', 'zustand', 'zundo'],
        },
        resolve: { dedupe: ['react', 'react-dom'] },
        test: {
          name: 'browser',
          include: ['tests/canvas/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                ...(chromium ? { executablePath: chromium.path } : {}),
                args: [...CHROMIUM_LAUNCH_ARGS],
              },
            }),
            instances: [{ browser: 'chromium' }],
            // Failure screenshots go with the other reports, not into tests/.
            screenshotDirectory: 'reports/vitest-screenshots',
          },
        },
      },
    ],
  },
});
