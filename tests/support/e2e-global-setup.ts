// Playwright global setup: serves the already built renderer (out/renderer,
// `npm run build`; `npm test` builds first) for the whole e2e run and stops
// it afterwards. In-process, so the server can use the app's TypeScript
// request resolver (electron/main/protocol.ts) through Playwright's TS loader.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRendererServer } from './renderer-server';

export const RENDERER_BUNDLE_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)), 'out/renderer');

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(resolve(RENDERER_BUNDLE_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_BUNDLE_DIR}/index.html is missing: build first (npm run build; npm test does it for you).`);
  }
  const port = Number(process.env.WAVELENGTH_E2E_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error('WAVELENGTH_E2E_PORT is not set (playwright.config.ts sets it)');
  const server = await startRendererServer({ bundleDir: RENDERER_BUNDLE_DIR, port });
  console.log(`[e2e] serving ${RENDERER_BUNDLE_DIR} at ${server.origin}`);
  return () => server.close();
}
