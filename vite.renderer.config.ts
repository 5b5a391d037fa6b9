import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './shared/csp';

/** Writes the app's CSP into index.html so the browser build obeys it too. */
function contentSecurityPolicy(): Plugin {
  let policy = CONTENT_SECURITY_POLICY;
  return {
    name: 'wavelength-csp',
    configResolved(config) {
      if (config.command === 'serve') policy = DEV_CONTENT_SECURITY_POLICY;
    },
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
    },
  };
}

/** The app's version for the About dialog, from package.json at build time (the browser build has no app.getVersion()). */
const appVersion = (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }).version;

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  // Relative asset URLs: the bundle works from app://, from a file layout and from any web path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // Fonts and images stay files: nothing is inlined that CSP would have to allow.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'renderer/index.html'),
        // The printable report, a page of its own (renderer/report/main.tsx, shared/report-job.ts).
        report: resolve(import.meta.dirname, 'renderer/report.html'),
      },
    },
  },
};
